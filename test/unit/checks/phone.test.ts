/**
 * The one phone rule (src/core/validation/phone.ts): mainland mobiles and landlines as Chinese teams write them,
 * other countries with their code; one stored form; and the template's data-validation formula, evaluated by the
 * local runtime's formula engine on a text-formatted sheet, agreeing with it on every case.
 */
import { harness } from '../runtime-spreadsheet/helpers';
import { formatPhone, isValidPhone, normalizePhone, parsePhone } from '../../../src/core/validation/phone';
import { phoneKey } from '../../../src/core/forms/customers';
import { phoneRuleFormula } from '../../../templates/workbook';

const VALID: [string | number, string, string][] = [
  // as written, kind, stored form
  ['13800138000', 'mobile', '+86 138 0013 8000'],
  ['138 0013 8000', 'mobile', '+86 138 0013 8000'],
  ['138-0013-8000', 'mobile', '+86 138 0013 8000'],
  ['+86 138 0013 8000', 'mobile', '+86 138 0013 8000'],
  ['+86-138-0013-8000', 'mobile', '+86 138 0013 8000'],
  ['(+86) 138 0013 8000', 'mobile', '+86 138 0013 8000'],
  ['0086 138 0013 8000', 'mobile', '+86 138 0013 8000'],
  ['008613800138000', 'mobile', '+86 138 0013 8000'],
  ['8613800138000', 'mobile', '+86 138 0013 8000'],
  ['１３８００１３８０００', 'mobile', '+86 138 0013 8000'],
  [13800138000, 'mobile', '+86 138 0013 8000'],
  ['199 1234 5678', 'mobile', '+86 199 1234 5678'],
  ['010-12345678', 'landline', '+86 10 1234 5678'],
  ['(010) 1234 5678', 'landline', '+86 10 1234 5678'],
  ['021-68881234', 'landline', '+86 21 6888 1234'],
  ['0755-1234567', 'landline', '+86 755 123 4567'],
  ['0755-12345678', 'landline', '+86 755 1234 5678'],
  ['+86 10 1234 5678', 'landline', '+86 10 1234 5678'],
  ['+86 755 1234567', 'landline', '+86 755 123 4567'],
  ['0086 21 6888 1234', 'landline', '+86 21 6888 1234'],
  ['+1 (415) 555-0134', 'international', '+1 (415) 555-0134'],
  ['+44 20 7946 0000', 'international', '+44 20 7946 0000'],
  ['0044 20 7946 0000', 'international', '+44 20 7946 0000'],
  ['00442079460000', 'international', '+442079460000'],
  ['+852 2345 6789', 'international', '+852 2345 6789'],
];

const INVALID: (string | number)[] = [
  '1380013800', // 10 digits
  '138001380001', // 12 digits
  '+86 1355 5918 4254', // the old sample's 12-digit "mobile"
  '12800138000', // no mobile starts 12
  '10800138000', // nor 10 (and a landline needs its 0)
  '12345678', // landline without area code
  '010-1234567', // Beijing numbers have 8 digits
  '0755-123456', // too short
  '+86 12',
  '+86 138.0013.8000',
  '138 0013 8000 abc',
  '+1 415',
  '+1234567890123456', // 16 digits
  '+86 138 0013 8000+1',
  'call me',
  '12%',
  '1e10',
];

describe('parsePhone', () => {
  it.each(VALID)('%p is a valid %s stored as %p', (input, kind, stored) => {
    expect(parsePhone(input)?.kind).toBe(kind);
    expect(isValidPhone(input)).toBe(true);
    expect(formatPhone(input)).toBe(stored);
    // The stored form reads back as itself.
    expect(formatPhone(stored)).toBe(stored);
  });

  it.each(INVALID)('%p is refused and kept as given', (input) => {
    expect(parsePhone(input)).toBeNull();
    expect(formatPhone(input)).toBe(String(input).trim());
  });

  it('compares every way of writing one number as the same', () => {
    const mobiles = VALID.filter(([, , stored]) => stored === '+86 138 0013 8000').map(([input]) => input);
    expect(new Set(mobiles.map(normalizePhone))).toEqual(new Set(['+8613800138000']));
    expect(new Set(mobiles.map(phoneKey))).toEqual(new Set(['13800138000']));
    expect(phoneKey('010-12345678')).toBe(phoneKey('+86 10 1234 5678'));
    expect(normalizePhone('ext only x12')).toBe('');
    expect(normalizePhone('+86 138 0013 8000 转 12')).toBe('+8613800138000');
  });
});

describe('the template phone rule (data-validation formula)', () => {
  const { store, sheet } = harness();
  // Full-width digits are the one difference: the sheet formula cannot fold them (its warning asks for a retype),
  // while forms, import and Check data read them as the digits they are.
  const cases = [
    ...VALID.map(([input]) => input).filter((input) => !/[０-９]/.test(String(input))),
    ...INVALID,
    '',
  ];
  sheet.getRange(1, 1, cases.length, 1).setNumberFormat('@');
  sheet.getRange(1, 1, cases.length, 1).setValues(cases.map((value) => [value]));
  const data = store.requireSheet(sheet.getName());
  const formula = (row: number) => phoneRuleFormula().replace(/\{cell\}/g, `A${row}`);

  it.each(cases.map((value, i) => [value, i + 1] as const))('agrees with parsePhone on %p', (value, row) => {
    const expected = value === '' || isValidPhone(value);
    expect(store.evaluateFormulaAt(data, formula(row), row, 3)).toBe(expected);
  });
});
