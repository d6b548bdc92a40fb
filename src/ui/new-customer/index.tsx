/**
 * New customer sidebar: every Customers field, dropdowns from Lists, validation as the user types, a duplicate
 * warning before the save (go back, or save anyway), and one row written by the server.
 */
import { useMemo, useState } from 'preact/hooks';
import {
  listChoices,
  SaveCloseButtons,
  RecordForm,
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
import {
  EMPTY_CUSTOMER,
  FORM_FIELDS,
  makeCustomerFormSchema,
  type CustomerFormInput,
} from '../../core/forms/schemas';
import type { DuplicateInfo } from '../../server/forms/types';
import { DuplicateWarning } from './duplicates';

type Field = keyof CustomerFormInput & string;

function NewCustomer() {
  const { t, locale } = useI18n();
  const boot = useBoot();
  const schema = useMemo(() => makeCustomerFormSchema(t, boot.lists), [t, boot.lists]);
  // A rep's new customer is theirs by default; a manager usually leaves it for the assignment run.
  const initial = useMemo(
    () => ({ ...EMPTY_CUSTOMER, owner: !boot.isManager && boot.role !== 'none' ? boot.user : '' }),
    [boot],
  );
  const form = useForm(schema, initial as Record<Field, string>);
  const action = useAction();
  const [duplicates, setDuplicates] = useState<DuplicateInfo[] | null>(null);

  const bind = (field: Field) => ({
    ...fieldProps(form, field, t(`forms.field.${field}`), FORM_FIELDS.customer.get(field), locale),
    onValue: (value: string) => {
      form.set(field, value);
      if (duplicates) setDuplicates(null);
    },
  });
  // Choices in the user's language; the value written is the workbook's label.
  const list = (key: string) => listChoices(boot.lists, key, locale);

  const save = async (allowDuplicate: boolean) => {
    const checked = form.submit();
    if (!checked.ok) {
      action.setMessage({ kind: 'error', text: t('forms.invalid') });
      focusFirstError(checked.errors);
      return;
    }
    const result = await action.run(() =>
      serverCall('apiSaveCustomer', { customer: form.values, allowDuplicate }),
    );
    if (!result) return;
    if (result.status === 'invalid') {
      form.setServerErrors(result.errors);
      action.setMessage({ kind: 'error', text: t('forms.invalid') });
      focusFirstError(result.errors);
    } else if (result.status === 'duplicate') {
      setDuplicates(result.matches);
    } else {
      setDuplicates(null);
      form.reset(initial as Record<Field, string>);
      action.setMessage({
        kind: 'success',
        text: t('forms.saved.customer', { name: result.name, id: result.id, row: result.row }),
      });
      document.getElementById('contact')?.focus();
    }
  };

  const ownerOptions = boot.reps.map((rep) => ({
    value: rep.email,
    label: rep.name ? `${rep.name} <${rep.email}>` : rep.email,
  }));
  const levels = ['1', '2', '3', '4', '5'].map((value) => ({
    value,
    label: value === '1' ? t('forms.level.1') : value === '5' ? t('forms.level.5') : value,
  }));

  return (
    <Sidebar
      title={t('forms.newCustomer.title')}
      footer={
        <SaveCloseButtons busy={action.busy} disabled={duplicates !== null} onSave={() => void save(false)} />
      }
    >
      <Message message={formMessage(action.message, t('forms.invalid'), form.isValid)} />
      {duplicates ? (
        <DuplicateWarning
          matches={duplicates}
          busy={action.busy}
          onBack={() => {
            setDuplicates(null);
            document.getElementById('contact')?.focus();
          }}
          onSaveAnyway={() => void save(true)}
        />
      ) : null}
      <RecordForm onSave={() => void save(false)}>
        <div class="block">
          <h2>{t('forms.section.contact')}</h2>
          <TextField {...bind('contact')} autoFocus />
          <TextField {...bind('company')} />
          <TextField {...bind('position')} />
          <TextField {...bind('phone')} type="tel" />
          <TextField {...bind('email')} type="email" />
          <TextField {...bind('address')} />
        </div>
        <div class="block">
          <h2>{t('forms.section.profile')}</h2>
          <SelectField {...bind('industry')} options={list('industry')} emptyLabel={t('ui.choose')} />
          <SelectField {...bind('region')} options={list('region')} emptyLabel={t('ui.choose')} />
          <SelectField {...bind('size')} options={list('size')} emptyLabel={t('ui.choose')} />
          <SelectField {...bind('source')} options={list('source')} emptyLabel={t('ui.choose')} />
          <SelectField {...bind('customerType')} options={list('customerType')} emptyLabel={t('ui.choose')} />
        </div>
        <div class="block">
          <h2>{t('forms.section.sales')}</h2>
          <SelectField {...bind('stage')} options={list('stage')} emptyLabel={t('ui.choose')} />
          <SelectField {...bind('level')} options={levels} emptyLabel={t('ui.choose')} />
          <TextField {...bind('potentialValue')} type="text" hint={boot.currency || undefined} />
          <SelectField
            {...bind('owner')}
            options={ownerOptions}
            emptyLabel={t('forms.owner.unassigned')}
            disabled={!boot.isManager}
          />
          <TextField {...bind('nextFollowUp')} type="date" />
          <TextAreaField {...bind('notes')} />
        </div>
      </RecordForm>
    </Sidebar>
  );
}

function focusFirstError(errors: Record<string, string>): void {
  const first = Object.keys(errors).find((key) => key !== '' && document.getElementById(key));
  if (first) document.getElementById(first)?.focus();
}

void mountSidebar(() => <NewCustomer />, { titleKey: 'forms.newCustomer.title' });
