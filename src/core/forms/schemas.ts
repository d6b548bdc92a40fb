/**
 * One zod schema per rep form, the single source of truth for what a form accepts. The sidebar validates with it
 * as the user types; the server validates the received object with the very same schema (it never trusts the
 * client). Both build it with the user's translator, so the messages match word for word in en and zh-CN.
 * Dropdown fields are checked against the workbook's Lists (labels in the workbook's language).
 */
import { z } from 'zod';
import type { Translate } from '../i18n';

/** Lists sheet: list key → allowed labels. An empty or missing list accepts any value (Lists not set up). */
export type Lists = Record<string, readonly string[]>;

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
// Digits with the separators people type: +86 138-0013-8000, (021) 6888 1234, 010 8888 6666 ext. 12 is not accepted.
const PHONE = /^\+?[\d\s()-]{5,24}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

function isRealDate(value: string): boolean {
  if (!DATE.test(value.slice(0, 10))) return false;
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d &&
    y >= 1900 &&
    y <= 2200
  );
}

/** Parses a number as people type it: "1,200.50", "1 200", "¥3000" are fine; returns NaN otherwise. */
export function parseAmount(value: string): number {
  const cleaned = value.replace(/[\s,，]/g, '').replace(/^[¥$€£￥]/, '');
  if (cleaned === '' || !/^-?\d*\.?\d+$/.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

/** The field builders, bound to a translator and the Lists. */
function fieldKit(t: Translate, lists: Lists) {
  const label = (field: string) => t(`forms.field.${field}`);
  const text = (field: string, opts: { required?: boolean; max?: number } = {}) =>
    z
      .string()
      .trim()
      .superRefine((value, ctx) => {
        if (value === '') {
          if (opts.required)
            ctx.addIssue({ code: 'custom', message: t('forms.v.required', { field: label(field) }) });
          return;
        }
        const max = opts.max ?? 200;
        if (value.length > max)
          ctx.addIssue({ code: 'custom', message: t('forms.v.tooLong', { field: label(field), max }) });
      });
  const fromList = (field: string, listKey: string, required = false) =>
    z
      .string()
      .trim()
      .superRefine((value, ctx) => {
        if (value === '') {
          if (required)
            ctx.addIssue({ code: 'custom', message: t('forms.v.choose', { field: label(field) }) });
          return;
        }
        const allowed = lists[listKey] ?? [];
        if (allowed.length > 0 && !allowed.includes(value))
          ctx.addIssue({ code: 'custom', message: t('forms.err.badList', { value, list: label(field) }) });
      });
  const date = (field: string, required = false) =>
    z
      .string()
      .trim()
      .superRefine((value, ctx) => {
        if (value === '') {
          if (required)
            ctx.addIssue({ code: 'custom', message: t('forms.v.required', { field: label(field) }) });
          return;
        }
        if (!isRealDate(value) || value.length !== 10)
          ctx.addIssue({ code: 'custom', message: t('forms.v.date', { field: label(field) }) });
      });
  const dateTime = (field: string) =>
    z
      .string()
      .trim()
      .superRefine((value, ctx) => {
        if (value === '')
          ctx.addIssue({ code: 'custom', message: t('forms.v.required', { field: label(field) }) });
        else if (!DATE_TIME.test(value) || !isRealDate(value))
          ctx.addIssue({ code: 'custom', message: t('forms.v.dateTime', { field: label(field) }) });
      });
  const email = () =>
    z
      .string()
      .trim()
      .superRefine((value, ctx) => {
        if (value !== '' && (!EMAIL.test(value) || value.length > 254))
          ctx.addIssue({ code: 'custom', message: t('forms.v.email', { value }) });
      })
      .transform((value) => value.toLowerCase());
  const phone = (field: string) =>
    z
      .string()
      .trim()
      .superRefine((value, ctx) => {
        if (value !== '' && (!PHONE.test(value) || value.replace(/\D/g, '').length < 5))
          ctx.addIssue({ code: 'custom', message: t('forms.v.phone', { field: label(field) }) });
      });
  const amount = (field: string, opts: { required?: boolean; positive?: boolean }) =>
    z
      .string()
      .trim()
      .superRefine((value, ctx) => {
        if (value === '') {
          if (opts.required)
            ctx.addIssue({ code: 'custom', message: t('forms.v.required', { field: label(field) }) });
          return;
        }
        const number = parseAmount(value);
        if (Number.isNaN(number))
          ctx.addIssue({ code: 'custom', message: t('forms.v.number', { field: label(field) }) });
        else if (opts.positive ? number <= 0 : number < 0)
          ctx.addIssue({
            code: 'custom',
            message: t(opts.positive ? 'forms.v.positive' : 'forms.v.notNegative', { field: label(field) }),
          });
      })
      .transform((value) => (value === '' ? null : parseAmount(value)));
  const customerId = () =>
    z
      .string()
      .trim()
      .superRefine((value, ctx) => {
        if (value === '') ctx.addIssue({ code: 'custom', message: t('forms.picker.choose') });
      });
  return { text, fromList, date, dateTime, email, phone, amount, customerId, label };
}

/**
 * New customer: every Customers field a rep types; id, dates, totals and tier are filled by the server.
 * A customer needs a contact name and a way to reach them (phone or e-mail); the company is optional (private buyers).
 */
export function makeCustomerFormSchema(t: Translate, lists: Lists) {
  const f = fieldKit(t, lists);
  return z
    .object({
      company: f.text('company'),
      contact: f.text('contact', { required: true, max: 100 }),
      position: f.text('position', { max: 100 }),
      phone: f.phone('phone'),
      email: f.email(),
      address: f.text('address', { max: 300 }),
      industry: f.fromList('industry', 'industry'),
      region: f.fromList('region', 'region'),
      size: f.fromList('size', 'size'),
      source: f.fromList('source', 'source'),
      customerType: f.fromList('customerType', 'customerType'),
      stage: f.fromList('stage', 'stage'),
      level: z
        .string()
        .trim()
        .superRefine((value, ctx) => {
          if (value !== '' && !/^[1-5]$/.test(value))
            ctx.addIssue({ code: 'custom', message: t('forms.v.level', { field: f.label('level') }) });
        })
        .transform((value) => (value === '' ? null : Number(value))),
      potentialValue: f.amount('potentialValue', {}),
      owner: f.email(),
      nextFollowUp: f.date('nextFollowUp'),
      notes: f.text('notes', { max: 2000 }),
    })
    .superRefine((value, ctx) => {
      if (value.phone === '' && value.email === '')
        ctx.addIssue({ code: 'custom', path: ['phone'], message: t('forms.v.phoneOrEmail') });
    });
}

/** Log follow-up: the customer, when, how, what, and what comes next. */
export function makeFollowUpFormSchema(t: Translate, lists: Lists) {
  const f = fieldKit(t, lists);
  return z
    .object({
      customerId: f.customerId(),
      time: f.dateTime('time'),
      channel: f.fromList('channel', 'channel', true),
      content: f.text('content', { required: true, max: 5000 }),
      result: f.fromList('result', 'result'),
      nextStep: f.text('nextStep', { max: 500 }),
      nextDate: f.date('nextDate'),
    })
    .superRefine((value, ctx) => {
      if (value.nextDate !== '' && DATE_TIME.test(value.time) && value.nextDate < value.time.slice(0, 10))
        ctx.addIssue({ code: 'custom', path: ['nextDate'], message: t('forms.v.nextBeforeTime') });
    });
}

/** Log deal: the customer, what was sold, for how much, how it is paid, and its status. */
export function makeDealFormSchema(t: Translate, lists: Lists) {
  const f = fieldKit(t, lists);
  return z.object({
    customerId: f.customerId(),
    product: f.fromList('product', 'product', true),
    amount: f.amount('amount', { required: true, positive: true }),
    currency: f.fromList('currency', 'currency', true),
    paymentMethod: f.fromList('paymentMethod', 'paymentMethod'),
    date: f.date('date', true),
    status: f.fromList('status', 'dealStatus', true),
    expectedClose: f.date('expectedClose'),
    notes: f.text('notes', { max: 2000 }),
  });
}

export type CustomerFormInput = z.input<ReturnType<typeof makeCustomerFormSchema>>;
export type CustomerFormData = z.output<ReturnType<typeof makeCustomerFormSchema>>;
export type FollowUpFormInput = z.input<ReturnType<typeof makeFollowUpFormSchema>>;
export type FollowUpFormData = z.output<ReturnType<typeof makeFollowUpFormSchema>>;
export type DealFormInput = z.input<ReturnType<typeof makeDealFormSchema>>;
export type DealFormData = z.output<ReturnType<typeof makeDealFormSchema>>;

/** Empty values of each form, as the inputs hold them. */
export const EMPTY_CUSTOMER: CustomerFormInput = {
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
export const EMPTY_FOLLOW_UP: FollowUpFormInput = {
  customerId: '',
  time: '',
  channel: '',
  content: '',
  result: '',
  nextStep: '',
  nextDate: '',
};
export const EMPTY_DEAL: DealFormInput = {
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
