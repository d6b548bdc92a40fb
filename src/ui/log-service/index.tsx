/**
 * Log service sidebar (售后): pick one of your customers, record an installation, training, visit, complaint or
 * repair with its result, the customer's satisfaction (1–5) and the next plan; below, close one of that customer's
 * open records (an open complaint, a visit whose plan is done) with its result and rating. Choices are shown in
 * the user's language and write the workbook's labels. The server checks everything again and refuses a rep for
 * a customer they do not own.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  ActionButton,
  CheckboxField,
  listChoices,
  Message,
  SaveCloseButtons,
  RecordForm,
  submitRecord,
  SelectField,
  Sidebar,
  TextAreaField,
  TextField,
  formMessage,
  mountSidebar,
  serverCall,
  useAction,
  useBoot,
  useForm,
  useI18n,
  fieldProps,
} from '../shared';
import { CustomerPicker } from '../shared/customer-picker';
import { useCustomerList } from '../shared/use-customers';
import {
  EMPTY_SERVICE,
  SERVICE_FORM_FIELDS,
  makeServiceFormSchema,
  type ServiceFormInput,
} from '../../core/service/form';
import type { CardServiceItem } from '../../core/service/card';
import '../shared/service.css';

type Field = keyof ServiceFormInput & string;

/** 1–5 with words, in the user's language; the value written is the number. */
function useSatisfactionChoices() {
  const { t } = useI18n();
  return [1, 2, 3, 4, 5].map((score) => ({
    value: String(score),
    label: t(`service.satisfaction.${score}`),
  }));
}

/** One customer's open records, each closable with a result and a rating. */
function OpenRecords(props: { customerId: string; version: number; onClosed: (text: string) => void }) {
  const { t } = useI18n();
  const loader = useAction();
  const closer = useAction();
  const satisfactionChoices = useSatisfactionChoices();
  const [items, setItems] = useState<CardServiceItem[] | null>(null);
  const [picked, setPicked] = useState('');
  const [result, setResult] = useState('');
  const [satisfaction, setSatisfaction] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const load = async () => {
    if (props.customerId === '') {
      setItems(null);
      return;
    }
    const loaded = await loader.run(() => serverCall('apiCustomerService', props.customerId));
    const open = loaded ? loaded.service.items.filter((item) => !item.closed) : null;
    setItems(open);
    setPicked(open && open.length > 0 ? open[0].id : '');
  };
  useEffect(() => {
    void load();
  }, [props.customerId, props.version]);

  const close = async () => {
    const outcome = await closer.run(() =>
      serverCall('apiCloseService', { id: picked, result, satisfaction }),
    );
    if (!outcome) return;
    if (outcome.status === 'invalid') {
      setErrors(outcome.errors);
      closer.setMessage({ kind: 'error', text: Object.values(outcome.errors)[0] ?? t('forms.invalid') });
      return;
    }
    setErrors({});
    setResult('');
    setSatisfaction('');
    props.onClosed(
      outcome.alreadyClosed
        ? t('service.alreadyClosed', { id: outcome.id })
        : t('service.closedMessage', { id: outcome.id, name: outcome.name }),
    );
  };

  if (props.customerId === '')
    return (
      <section class="block" aria-labelledby="open-title">
        <h2 id="open-title">{t('service.open.title')}</h2>
        <p class="secondary">{t('service.open.pickCustomer')}</p>
      </section>
    );
  return (
    <section class="block" aria-labelledby="open-title" data-testid="open-service">
      <h2 id="open-title">{t('service.open.title')}</h2>
      <Message message={closer.message ?? loader.message} />
      {items === null ? null : items.length === 0 ? (
        <p class="secondary">{t('service.open.none')}</p>
      ) : (
        <>
          <ul class="list" tabIndex={0} aria-labelledby="open-title" data-testid="open-service-list">
            {items.map((item) => (
              <li key={item.row} class={item.openComplaint ? 'complaint' : undefined}>
                <label>
                  <input
                    type="radio"
                    name="close-record"
                    value={item.id}
                    checked={picked === item.id}
                    onChange={() => setPicked(item.id)}
                  />{' '}
                  <b>{item.id}</b> <span class="tag">{item.type}</span>{' '}
                  {item.openComplaint && item.ageDays !== null ? (
                    <span class="badge-complaint">
                      {t('service.card.complaintAge', { days: item.ageDays })}
                    </span>
                  ) : null}
                </label>
                <div class="secondary">{item.time}</div>
                <div>{item.content}</div>
              </li>
            ))}
          </ul>
          <TextField
            id="closeResult"
            label={t('service.open.closeResult', { id: picked })}
            value={result}
            onValue={setResult}
            error={errors.result}
          />
          <SelectField
            id="closeSatisfaction"
            label={t('service.open.closeSatisfaction', { id: picked })}
            value={satisfaction}
            onValue={setSatisfaction}
            options={satisfactionChoices}
            emptyLabel={t('service.satisfaction.none')}
            error={errors.satisfaction}
          />
          <ActionButton kind="create" id="close-record" busy={closer.busy} onClick={() => void close()}>
            {t('service.open.close', { id: picked })}
          </ActionButton>
        </>
      )}
    </section>
  );
}

function LogService() {
  const { t, locale } = useI18n();
  const boot = useBoot();
  const schema = useMemo(() => makeServiceFormSchema(t, boot.lists), [t, boot.lists]);
  const initial = useMemo(() => ({ ...EMPTY_SERVICE, time: boot.now }), [boot.now]);
  const form = useForm(schema, initial as Record<Field, string>);
  const action = useAction();
  const loader = useAction();
  const { list } = useCustomerList(loader);
  const satisfactionChoices = useSatisfactionChoices();
  // Bumped after a save or a close so the open-records list is read again.
  const [version, setVersion] = useState(0);

  // Opened on a customer's row (Customers, Deals, Follow-ups or Service): start with that customer picked.
  useEffect(() => {
    if (list?.selectedId && form.values.customerId === '') form.setMany({ customerId: list.selectedId });
  }, [list]);

  const bind = (field: Field) =>
    fieldProps(form, field, t(`service.field.${field}`), SERVICE_FORM_FIELDS.get(field), locale);

  const save = async () => {
    const result = await submitRecord(form, action, t('forms.invalid'), () =>
      serverCall('apiSaveService', form.values),
    );
    if (!result) return;
    action.setMessage({
      kind: 'success',
      text: result.openComplaint
        ? t('service.savedComplaint', { id: result.id, name: result.name })
        : t('service.saved', { id: result.id, name: result.name }),
    });
    form.reset({
      ...(initial as Record<Field, string>),
      customerId: form.values.customerId,
      time: form.values.time,
    });
    setVersion((v) => v + 1);
  };

  return (
    <Sidebar
      title={t('service.logService.title')}
      footer={<SaveCloseButtons busy={action.busy} onSave={() => void save()} />}
    >
      <Message message={formMessage(action.message, t('forms.invalid'), form.isValid) ?? loader.message} />
      <RecordForm onSave={() => void save()}>
        <CustomerPicker
          list={list}
          loading={loader.busy}
          value={form.values.customerId}
          error={form.errors.customerId}
          onPick={(customer) => form.set('customerId', customer?.id ?? '')}
        />
        <TextField {...bind('time')} type="datetime-local" />
        <SelectField
          {...bind('type')}
          options={listChoices(boot.lists, 'serviceType', locale)}
          emptyLabel={t('ui.choose')}
        />
        <TextAreaField {...bind('content')} rows={4} />
        <TextField {...bind('result')} />
        <SelectField
          {...bind('satisfaction')}
          options={satisfactionChoices}
          emptyLabel={t('service.satisfaction.none')}
        />
        <TextField {...bind('nextPlan')} />
        <TextField {...bind('nextDate')} type="date" min={form.values.time.slice(0, 10) || undefined} />
        <CheckboxField
          id="closed"
          label={t('service.field.closed')}
          checked={form.values.closed === 'true'}
          onChecked={(checked) => form.set('closed', checked ? 'true' : '')}
        />
      </RecordForm>
      <OpenRecords
        customerId={form.values.customerId}
        version={version}
        onClosed={(text) => {
          action.setMessage({ kind: 'success', text });
          setVersion((v) => v + 1);
        }}
      />
    </Sidebar>
  );
}

void mountSidebar(() => <LogService />, { titleKey: 'service.logService.title' });
