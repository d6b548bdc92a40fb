/** The form schemas: same messages in en and zh-CN, list checks, conversions. */
import { translator } from '../../../src/core/i18n';
import {
  EMPTY_CUSTOMER,
  EMPTY_DEAL,
  EMPTY_FOLLOW_UP,
  makeCustomerFormSchema,
  makeDealFormSchema,
  makeFollowUpFormSchema,
  parseAmount,
} from '../../../src/core/forms/schemas';
import { issuesToFieldErrors } from '../../../src/core/forms/errors';

const lists = {
  industry: ['Manufacturing', 'Retail'],
  channel: ['Phone', 'Visit'],
  product: ['Widget'],
  currency: ['CNY', 'USD'],
  dealStatus: ['Won', 'Pending'],
};
const en = translator('en');
const zh = translator('zh-CN');

function errors(
  schema: {
    safeParse(v: unknown): {
      success: boolean;
      error?: { issues: { path: PropertyKey[]; message: string }[] };
    };
  },
  value: unknown,
) {
  const result = schema.safeParse(value);
  return result.success ? {} : issuesToFieldErrors(result.error!.issues);
}

describe('customer form schema', () => {
  it('accepts a complete customer and converts numbers', () => {
    const result = makeCustomerFormSchema(en, lists).safeParse({
      ...EMPTY_CUSTOMER,
      contact: ' Li Na ',
      email: 'LI@Acme.com',
      industry: 'Retail',
      level: '3',
      potentialValue: '12,000',
    });
    expect(result.success).toBe(true);
    if (result.success) {
      expect(result.data.contact).toBe('Li Na');
      expect(result.data.email).toBe('li@acme.com');
      expect(result.data.level).toBe(3);
      expect(result.data.potentialValue).toBe(12000);
    }
  });

  it('names each problem in the user’s language', () => {
    const bad = {
      ...EMPTY_CUSTOMER,
      email: 'not-an-email',
      industry: 'Mining',
      level: '9',
      potentialValue: 'lots',
    };
    expect(errors(makeCustomerFormSchema(en, lists), bad)).toEqual({
      contact: 'Contact name is required.',
      email: '"not-an-email" is not a valid e-mail address.',
      industry: '"Mining" is not in the Industry list. Pick one of the dropdown values.',
      level: 'Priority (1–5) must be a whole number from 1 to 5.',
      potentialValue: 'Potential value must be a number.',
    });
    expect(errors(makeCustomerFormSchema(zh, lists), bad).contact).toBe('请填写联系人。');
  });

  it('needs a phone or an e-mail', () => {
    expect(errors(makeCustomerFormSchema(en, lists), { ...EMPTY_CUSTOMER, contact: 'A' })).toEqual({
      phone: 'Enter a phone number or an e-mail address so the customer can be reached.',
    });
    expect(
      errors(makeCustomerFormSchema(en, lists), { ...EMPTY_CUSTOMER, contact: 'A', phone: 'abc' }).phone,
    ).toMatch(/only digits/);
  });

  it('accepts any list value when the Lists sheet has no such list', () => {
    expect(
      errors(makeCustomerFormSchema(en, {}), {
        ...EMPTY_CUSTOMER,
        contact: 'A',
        phone: '13800138000',
        industry: 'Mining',
      }),
    ).toEqual({});
  });

  it('rejects a missing object or wrong types without throwing', () => {
    expect(makeCustomerFormSchema(en, lists).safeParse(undefined).success).toBe(false);
    expect(makeCustomerFormSchema(en, lists).safeParse({ ...EMPTY_CUSTOMER, contact: 5 }).success).toBe(
      false,
    );
  });
});

describe('follow-up and deal schemas', () => {
  it('requires customer, time, channel and content; next date not before the contact', () => {
    expect(Object.keys(errors(makeFollowUpFormSchema(en, lists), EMPTY_FOLLOW_UP)).sort()).toEqual([
      'channel',
      'content',
      'customerId',
      'time',
    ]);
    expect(
      errors(makeFollowUpFormSchema(en, lists), {
        ...EMPTY_FOLLOW_UP,
        customerId: 'C-1',
        time: '2026-11-23T10:00',
        channel: 'Phone',
        content: 'x',
        nextDate: '2026-11-01',
      }),
    ).toEqual({ nextDate: 'The next follow-up date cannot be before this follow-up.' });
  });

  it('requires a positive amount and real dates', () => {
    const result = errors(makeDealFormSchema(en, lists), {
      ...EMPTY_DEAL,
      customerId: 'C-1',
      product: 'Widget',
      amount: '-5',
      currency: 'CNY',
      date: '2026-02-30',
      status: 'Won',
    });
    expect(result).toEqual({
      amount: 'Amount must be greater than 0.',
      date: 'Deal date must be a date (yyyy-mm-dd).',
    });
  });

  it('parses amounts as people type them', () => {
    expect(parseAmount('1,200.50')).toBe(1200.5);
    expect(parseAmount('¥3000')).toBe(3000);
    expect(parseAmount('12abc')).toBeNaN();
  });
});
