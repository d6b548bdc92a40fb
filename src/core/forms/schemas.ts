/**
 * One schema per rep form: the record schemas of src/core/validation (generated from the template's columns,
 * the same field rules as Check data), plus what only a form needs: a customer picked from the list, a way to
 * reach a new customer, a next follow-up not before this one. The sidebar validates with it as the user types;
 * the server validates the received object with the very same schema (it never trusts the client). Both build it
 * with the user's translator, so the messages match word for word in en and zh-CN.
 */
import type { Translate } from '../i18n';
import { lazyRecord } from '../lazy';
// Not the validation barrel: its whole-workbook check (and the catalogue it translates with) would follow this
// module into every form sidebar.
import { isEmpty, type ListsInSheet } from '../validation/fields';
import {
  CUSTOMER_INPUT_FIELDS,
  DEAL_INPUT_FIELDS,
  FOLLOW_UP_INPUT_FIELDS,
  makeCustomerSchema,
  makeDealSchema,
  makeFollowUpSchema,
  type InputField,
} from '../validation/schemas';
import type { FieldRule, RecordSchema } from '../validation/record-schema';

/** Lists sheet: list key → labels as the workbook shows them. */
export type Lists = ListsInSheet;

/** The picker's field: a customer id, with a message that says what to do. */
function pickedCustomer(t: Translate): FieldRule {
  return {
    key: 'customerId',
    check: (value) => (isEmpty(value) ? t('forms.picker.choose') : undefined),
    normalise: (value) => String(value ?? '').trim(),
  };
}

/**
 * A form sends only the fields it shows; the record schema expects every input column, so the others arrive
 * empty (as an untouched input would).
 */
function withEveryField(fields: readonly InputField[], schema: RecordSchema): RecordSchema {
  return schema.preparing((input) => {
    const filled: Record<string, unknown> = {};
    for (const field of fields) filled[field.key] = '';
    return { ...filled, ...input };
  });
}

/** New customer: every Customers field a rep types; id, totals and tier are filled by the server. */
export function makeCustomerFormSchema(t: Translate, lists: Lists): RecordSchema {
  return withEveryField(
    CUSTOMER_INPUT_FIELDS,
    makeCustomerSchema(t, lists).refine((value, addIssue) => {
      if (isEmpty(value.phone) && isEmpty(value.email))
        addIssue({ path: ['phone'], message: t('forms.v.phoneOrEmail') });
    }),
  );
}

/** Log follow-up: the customer, when, how, what, and what comes next. */
export function makeFollowUpFormSchema(t: Translate, lists: Lists): RecordSchema {
  return withEveryField(
    FOLLOW_UP_INPUT_FIELDS,
    makeFollowUpSchema(t, lists)
      .extend([pickedCustomer(t)])
      .refine((value, addIssue) => {
        const time = String(value.time ?? '');
        const next = String(value.nextDate ?? '');
        if (next !== '' && /^\d{4}-\d{2}-\d{2}/.test(time) && next < time.slice(0, 10))
          addIssue({ path: ['nextDate'], message: t('forms.v.nextBeforeTime') });
      }),
  );
}

/** Log deal: the customer, what was sold, for how much, how it is paid, and its status. */
export function makeDealFormSchema(t: Translate, lists: Lists): RecordSchema {
  return withEveryField(
    DEAL_INPUT_FIELDS,
    makeDealSchema(t, lists)
      .extend([pickedCustomer(t)])
      .refine((value, addIssue) => {
        // A deal of 0 is a data-entry slip, not a sale (the sheet rule only forbids negatives).
        if (typeof value.amount === 'number' && value.amount <= 0)
          addIssue({ path: ['amount'], message: t('forms.v.positive', { field: t('forms.field.amount') }) });
      }),
  );
}

/** The template's description of each form field (type, list, required, help text). */
export const FORM_FIELDS: Record<
  'customer' | 'followUp' | 'deal',
  ReadonlyMap<string, InputField>
> = lazyRecord(['customer', 'followUp', 'deal'], () => ({
  customer: new Map(CUSTOMER_INPUT_FIELDS.map((field) => [field.key, field])),
  followUp: new Map(FOLLOW_UP_INPUT_FIELDS.map((field) => [field.key, field])),
  deal: new Map(DEAL_INPUT_FIELDS.map((field) => [field.key, field])),
}));

/** What each form's inputs hold (strings, as typed); the keys are column keys. */
export const EMPTY_CUSTOMER = {
  company: '',
  contact: '',
  position: '',
  phone: '',
  email: '',
  address: '',
  industry: '',
  region: '',
  size: '',
  source: '',
  customerType: '',
  stage: '',
  level: '',
  potentialValue: '',
  owner: '',
  nextFollowUp: '',
  notes: '',
};
export const EMPTY_FOLLOW_UP = {
  customerId: '',
  time: '',
  channel: '',
  content: '',
  result: '',
  nextStep: '',
  nextDate: '',
};
export const EMPTY_DEAL = {
  customerId: '',
  product: '',
  amount: '',
  currency: '',
  paymentMethod: '',
  date: '',
  status: '',
  expectedClose: '',
  notes: '',
};
export type CustomerFormInput = typeof EMPTY_CUSTOMER;
export type FollowUpFormInput = typeof EMPTY_FOLLOW_UP;
export type DealFormInput = typeof EMPTY_DEAL;
