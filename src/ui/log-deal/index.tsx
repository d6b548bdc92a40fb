/**
 * Log deal sidebar: pick a customer, record product, amount, currency, payment and status. The server appends to
 * Deals and refreshes that customer's totals and tier in the same run.
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
import { listValueCode } from '../../../templates/lists';
import { CustomerPicker } from '../shared/customer-picker';
import { useCustomerList } from '../shared/use-customers';
import { EMPTY_DEAL, FORM_FIELDS, makeDealFormSchema, type DealFormInput } from '../../core/forms/schemas';

type Field = keyof DealFormInput & string;

function LogDeal() {
  const { t, locale } = useI18n();
  const boot = useBoot();
  const schema = useMemo(() => makeDealFormSchema(t, boot.lists), [t, boot.lists]);
  const initial = useMemo(
    () => ({
      ...EMPTY_DEAL,
      date: boot.today,
      currency:
        (boot.lists.currency ?? []).find(
          (label) => listValueCode('currency', label) === listValueCode('currency', boot.currency),
        ) ?? boot.currency,
      // Most deals are logged once won; the rep changes it for a quote or a pending order.
      status:
        (boot.lists.dealStatus ?? []).find((label) => listValueCode('dealStatus', label) === 'won') ?? '',
    }),
    [boot],
  );
  const form = useForm(schema, initial as Record<Field, string>);
  const action = useAction();
  const loader = useAction();
  const { list } = useCustomerList(loader);

  // Opened on a customer's row: start with that customer picked (once, when the list arrives).
  useEffect(() => {
    if (list?.selectedId && form.values.customerId === '') form.setMany({ customerId: list.selectedId });
  }, [list]);

  const bind = (field: Field) =>
    fieldProps(form, field, t(`forms.field.${field}`), FORM_FIELDS.deal.get(field), locale);
  // Choices in the user's language; the value written is the workbook's label.
  const options = (key: string) => listChoices(boot.lists, key, locale);

  const save = async () => {
    const result = await submitRecord(form, action, t('forms.invalid'), () =>
      serverCall('apiSaveDeal', form.values),
    );
    if (!result) return;
    action.setMessage({
      kind: 'success',
      text: t('forms.saved.deal', {
        id: result.id,
        name: result.name,
        total: result.totalPurchases.toLocaleString(locale),
        orders: result.orderCount,
        tier: result.tier || t('forms.none'),
      }),
    });
    form.reset({ ...(initial as Record<Field, string>), customerId: '' });
  };

  return (
    <Sidebar
      title={t('forms.logDeal.title')}
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
        <SelectField {...bind('product')} options={options('product')} emptyLabel={t('ui.choose')} />
        <TextField {...bind('amount')} />
        <SelectField {...bind('currency')} options={options('currency')} emptyLabel={t('ui.choose')} />
        <SelectField
          {...bind('paymentMethod')}
          options={options('paymentMethod')}
          emptyLabel={t('ui.choose')}
        />
        <TextField {...bind('date')} type="date" />
        <SelectField {...bind('status')} options={options('dealStatus')} emptyLabel={t('ui.choose')} />
        <TextField {...bind('expectedClose')} type="date" />
        <TextAreaField {...bind('notes')} />
      </RecordForm>
    </Sidebar>
  );
}

void mountSidebar(() => <LogDeal />, { titleKey: 'forms.logDeal.title' });
