/**
 * Log follow-up sidebar: pick one of your customers, record when and how you talked and what comes next. The server
 * appends to Follow-ups and updates the customer's last contact and next follow-up in the same run.
 */
import { useEffect, useMemo } from 'preact/hooks';
import {
  listChoices,
  SaveCloseButtons,
  RecordForm,
  submitRecord,
  Message,
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
  EMPTY_FOLLOW_UP,
  FORM_FIELDS,
  makeFollowUpFormSchema,
  type FollowUpFormInput,
} from '../../core/forms/schemas';

type Field = keyof FollowUpFormInput & string;

function LogFollowUp() {
  const { t, locale } = useI18n();
  const boot = useBoot();
  const schema = useMemo(() => makeFollowUpFormSchema(t, boot.lists), [t, boot.lists]);
  const initial = useMemo(() => ({ ...EMPTY_FOLLOW_UP, time: boot.now }), [boot.now]);
  const form = useForm(schema, initial as Record<Field, string>);
  const action = useAction();
  const loader = useAction();
  const { list, reload } = useCustomerList(loader);

  // Opened from a selected customer row: start with that customer picked.
  // Opened on a customer's row: start with that customer picked (once, when the list arrives).
  useEffect(() => {
    if (list?.selectedId && form.values.customerId === '') form.setMany({ customerId: list.selectedId });
  }, [list]);

  const bind = (field: Field) =>
    fieldProps(form, field, t(`forms.field.${field}`), FORM_FIELDS.followUp.get(field), locale);
  // Choices in the user's language; the value written is the workbook's label.
  const list_ = (key: string) => listChoices(boot.lists, key, locale);

  const save = async () => {
    const result = await submitRecord(form, action, t('forms.invalid'), () =>
      serverCall('apiSaveFollowUp', form.values),
    );
    if (!result) return;
    action.setMessage({
      kind: 'success',
      text: result.nextFollowUp
        ? t('forms.saved.followUp', { name: result.name, next: result.nextFollowUp })
        : t('forms.saved.followUpNoNext', { name: result.name }),
    });
    form.reset({ ...(initial as Record<Field, string>), time: form.values.time });
    // The picker shows last-contact dates: refresh them for the next entry.
    void reload();
  };

  return (
    <Sidebar
      title={t('forms.logFollowUp.title')}
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
        <SelectField {...bind('channel')} options={list_('channel')} emptyLabel={t('ui.choose')} />
        <TextAreaField {...bind('content')} rows={4} />
        <SelectField {...bind('result')} options={list_('result')} emptyLabel={t('ui.choose')} />
        <TextField {...bind('nextStep')} />
        <TextField {...bind('nextDate')} type="date" min={form.values.time.slice(0, 10) || undefined} />
      </RecordForm>
    </Sidebar>
  );
}

void mountSidebar(() => <LogFollowUp />, { titleKey: 'forms.logFollowUp.title' });
