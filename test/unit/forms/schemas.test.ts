/** The form schemas: the validation core's field rules plus the forms' own, same messages in en and zh-CN. */
import { translator } from '../../../src/core/i18n';
import {
  EMPTY_CUSTOMER,
  EMPTY_DEAL,
  EMPTY_FOLLOW_UP,
  makeCustomerFormSchema,
  makeDealFormSchema,
  makeFollowUpFormSchema,
} from '../../../src/core/forms/schemas';
import { issuesToFieldErrors } from '../../../src/core/forms/errors';
import { toSheetRecord } from '../../../src/core/forms/records';
import { FORM_FIELDS } from '../../../src/core/forms/schemas';

const lists = {
  industry: ['Manufacturing', 'Retail'],
  channel: ['Phone', 'Visit'],
  dealStatus: ['Won', 'Pending'],
};
const en = translator('en');
const zh = translator('zh-CN');
type Parser = {
  safeParse(v: unknown): {
    success: boolean;
    data?: unknown;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
};

function errors(schema: Parser, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  return result.success ? {} : issuesToFieldErrors(result.error!.issues);
}

describe('customer form schema', () => {
  it('accepts a complete customer, converting numbers and list labels to codes', () => {
    const result = makeCustomerFormSchema(en, lists).safeParse({
      ...EMPTY_CUSTOMER,
      company: 'Acme',
      contact: ' Li Na ',
      email: 'li@acme.com',
      industry: '零售',
      level: '3',
    });
    expect(result.success).toBe(true);
    const data = result.data as Record<string, unknown>;
    expect(data.contact).toBe('Li Na');
    expect(data.level).toBe(3);
    expect(data.industry).toBe('retail');
  });

  it('names each problem, in the user’s language', () => {
    const bad = { ...EMPTY_CUSTOMER, company: 'Acme', email: 'not-an-email', level: '9' };
    const english = errors(makeCustomerFormSchema(en, lists), bad);
    expect(Object.keys(english).sort()).toEqual(['contact', 'email', 'level']);
    expect(english.email).toContain('not-an-email');
    const chinese = errors(makeCustomerFormSchema(zh, lists), bad);
    expect(chinese.contact).toMatch(/[\u4e00-\u9fff]/);
    expect(chinese.contact).not.toBe(english.contact);
  });

  it('needs a phone or an e-mail', () => {
    expect(
      errors(makeCustomerFormSchema(en, lists), { ...EMPTY_CUSTOMER, company: 'A', contact: 'B' }),
    ).toEqual({
      phone: 'Enter a phone number or an e-mail address so the customer can be reached.',
    });
  });

  it('rejects a missing object or wrong types without throwing', () => {
    expect(makeCustomerFormSchema(en, lists).safeParse(undefined).success).toBe(false);
  });
});

describe('follow-up and deal schemas', () => {
  it('asks to pick a customer; next date not before the contact', () => {
    expect(errors(makeFollowUpFormSchema(en, lists), EMPTY_FOLLOW_UP).customerId).toBe(
      'Pick a customer from the list.',
    );
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
      amount: '0',
      date: '2026-02-30',
      status: 'Won',
    });
    expect(result.amount).toBe('Amount must be greater than 0.');
    expect(result.date).toBeDefined();
    expect(
      errors(makeDealFormSchema(en, lists), { ...EMPTY_DEAL, customerId: 'C-1', amount: 'lots' }).amount,
    ).toBeDefined();
  });
});

describe('toSheetRecord', () => {
  it('writes labels of the workbook language, zone dates and guarded text', () => {
    const parsed = makeFollowUpFormSchema(en, lists).safeParse({
      ...EMPTY_FOLLOW_UP,
      customerId: 'C-1',
      time: '2026-11-23T10:00',
      channel: 'Phone',
      content: '=HYPERLINK("x")',
      nextDate: '2026-11-30',
    });
    expect(parsed.success).toBe(true);
    const record = toSheetRecord(
      'followups',
      FORM_FIELDS.followUp,
      parsed.data as Record<string, unknown>,
      'zh-CN',
      (local) => new Date(`${local}Z`),
    );
    expect(record.channel).toBe('电话');
    expect(record.content).toBe('\'=HYPERLINK("x")');
    expect(record.nextDate).toEqual(new Date('2026-11-30Z'));
    expect(record.time).toEqual(new Date('2026-11-23T10:00Z'));
    // The phone column is plain text in the template: written as typed, no apostrophe.
    const customer = makeCustomerFormSchema(en, lists).safeParse({
      ...EMPTY_CUSTOMER,
      company: 'A',
      contact: 'B',
      phone: '+86 139 0000 1111',
      notes: '+1 idea',
    });
    const cells = toSheetRecord(
      'customers',
      FORM_FIELDS.customer,
      customer.data as Record<string, unknown>,
      'en',
      () => new Date(0),
    );
    expect(cells.phone).toBe('+86 139 0000 1111');
    expect(cells.notes).toBe("'+1 idea");
  });
});
