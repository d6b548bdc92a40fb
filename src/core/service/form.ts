/**
 * The *Log service* form: the Service record schema (generated from templates/service.ts, the same rules as the
 * sheet's validation) plus a customer picked from the list and a next-plan date not before the service. The
 * sidebar validates with it as the user types; the server validates the received object with the same schema.
 * Also the close request (closing an open record, e.g. a complaint, with its result and rating).
 */
import type { RecordSchema } from '../validation/record-schema';
import type { Translate } from '../i18n';
import { isEmpty, type ListsInSheet } from '../validation/fields';
import { SERVICE_INPUT_FIELDS, makeServiceSchema, type InputField } from '../validation/schemas';
import { lazyValue } from '../lazy';
import { satisfactionOf } from './records';

/** What the form's inputs hold (strings, as typed); keys are the Service column keys. */
export const EMPTY_SERVICE = {
  customerId: '',
  time: '',
  type: '',
  content: '',
  result: '',
  satisfaction: '',
  nextPlan: '',
  nextDate: '',
  closed: '',
};
export type ServiceFormInput = typeof EMPTY_SERVICE;

/** The template's description of each form field. */
export const SERVICE_FORM_FIELDS: ReadonlyMap<string, InputField> = lazyValue(
  'map',
  () => new Map(SERVICE_INPUT_FIELDS.map((field) => [field.key, field])),
);

/** Log service: the customer, when, what kind, what was done, the result and rating, and what comes next. */
export function makeServiceFormSchema(t: Translate, lists: ListsInSheet): RecordSchema {
  return makeServiceSchema(t, lists)
    .extend([
      {
        key: 'customerId',
        check: (value) => (isEmpty(value) ? t('forms.picker.choose') : undefined),
        normalise: (value) => String(value ?? '').trim(),
      },
    ])
    .refine((value, addIssue) => {
      const time = String(value.time ?? '');
      const next = String(value.nextDate ?? '');
      if (next !== '' && /^\d{4}-\d{2}-\d{2}/.test(time) && next < time.slice(0, 10))
        addIssue({ path: ['nextDate'], message: t('service.v.nextBeforeTime') });
    })
    .preparing((input) => {
      const filled: Record<string, unknown> = {};
      for (const field of SERVICE_INPUT_FIELDS) filled[field.key] = '';
      return { ...filled, ...input };
    });
}

export interface CloseServiceRequest {
  /** The Service ID of the record to close. */
  id: string;
  /** Optional: how it ended (kept when blank). */
  result?: string;
  /** Optional: the customer's rating 1–5 (kept when blank). */
  satisfaction?: string;
}

/** Checks a close request; returns field errors in the user's language (empty when fine). */
export function closeRequestErrors(t: Translate, request: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  const value = (request ?? {}) as Record<string, unknown>;
  if (typeof request !== 'object' || request === null || String(value.id ?? '').trim() === '')
    errors.id = t('service.v.pickRecord');
  const rating = String(value.satisfaction ?? '').trim();
  if (rating !== '' && satisfactionOf(rating) === null) errors.satisfaction = t('service.v.satisfaction');
  return errors;
}
