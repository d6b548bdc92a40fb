import { readTable } from '../../../src/core/table';
import {
  checkWorkbook,
  isValidPhone,
  isEmail,
  makeCustomerSchema,
  makeDealSchema,
  normalizePhone,
  fieldErrors,
} from '../../../src/core/validation';
import { translator } from '../../../src/core/i18n';
import { columnHeaders, type SheetKey } from '../../../templates';

const table = (key: SheetKey, values: unknown[][]) => readTable(values, columnHeaders(key));

describe('phones and e-mails', () => {
  it.each([
    ['+86 138 0013 8000', '+8613800138000'],
    ['0086-138-0013-8000', '+8613800138000'],
    ['8613800138000', '+8613800138000'],
    ['138 0013 8000', '+8613800138000'],
    ['(+86) 138-0013-8000', '+8613800138000'],
    ['+1 (415) 555-0134', '+14155550134'],
    [13800138000, '+8613800138000'],
    ['', ''],
  ])('normalizePhone(%p) = %p', (input, expected) => expect(normalizePhone(input)).toBe(expected));

  it('accepts mainland numbers as Chinese teams write them and other countries with their code', () => {
    expect(isValidPhone('+86 138 0013 8000')).toBe(true);
    expect(isValidPhone('+1 (415) 555-0134')).toBe(true);
    expect(isValidPhone('138 0013 8000')).toBe(true);
    expect(isValidPhone('+86 12')).toBe(false);
    expect(isValidPhone('+86 138.0013.8000')).toBe(false);
  });

  it('checks e-mails', () => {
    expect(isEmail('li.wei@example.com.cn')).toBe(true);
    expect(isEmail('a@b')).toBe(false);
    expect(isEmail('no at sign.com')).toBe(false);
  });
});

describe('checkWorkbook', () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00+08:00`);
  // Columns reordered, headers in Chinese for Customers, blank rows in between.
  const customers = table('customers', [
    ['邮箱', '客户编号', '客户名称', '联系人', '电话', '客户等级', '购买阶段', '创建日期'],
    ['a@x.com', 'C-1', 'Acme', 'Li Wei', '+86 138 0013 8000', 3, '洽谈中', day('2026-01-02')],
    ['', '', '', '', '', '', '', ''],
    ['A@X.COM', 'C-2', 'Beta', 'Wang Fang', '0086 138-0013-8000', 7, 'Negotiating', '2026-01-05'],
    ['bad-mail', 'C-2', 'acme ', 'li  wei', '12', 2.5, 'Dreaming', day('2026-01-02')],
    ['', 'C-4', '', 'Zhao', '', '', '', ''],
  ]);
  const deals = table('deals', [
    ['Deal ID', 'Customer ID', 'Date', 'Amount', 'Currency', 'Status'],
    ['D-1', 'C-1', day('2026-02-01'), 100, 'CNY', 'Won'],
    ['D-2', 'C-9', day('2026-02-01'), -5, 'USD', '已成交'],
    ['D-3', 'c-2', 'not a date', 'ten', 'XYZ', 'Maybe'],
  ]);
  const sheets = {
    customers: { name: '客户', table: customers },
    deals: { name: 'Deals', table: deals },
    followups: { name: 'Follow-ups', table: table('followups', [['Customer ID', 'Time', 'Content']]) },
    reps: { name: 'Reps', table: table('reps', [['Name', 'E-mail']]) },
    opportunities: {
      name: 'Opportunities',
      table: table('opportunities', [['Customer ID', 'Description', 'Stage']]),
    },
    service: { name: 'Service', table: table('service', [['Customer ID', 'Time', 'Type', 'Content']]) },
  };
  const result = checkWorkbook(sheets, {}, undefined, 'en');
  const at = (sheet: string, row: number, columnKey: string) =>
    result.problems
      .filter((p) => p.sheet === sheet && p.row === row && p.columnKey === columnKey)
      .map((p) => p.code);

  it('names sheet, 1-based row and the header as it stands', () => {
    const problem = result.problems.find((p) => p.code === 'level' && p.row === 4);
    expect(problem).toMatchObject({ sheet: '客户', row: 4, column: '客户等级', col: 6, severity: 'error' });
    expect(problem?.message).toContain('1 to 5');
  });

  it('finds field problems and skips blank rows', () => {
    expect(at('客户', 3, 'company')).toEqual([]);
    expect(at('客户', 4, 'created')).toEqual(['dateText']);
    // 0086 138-0013-8000 is a valid mainland mobile, the same as row 2's.
    expect(at('客户', 4, 'phone')).toEqual(['duplicatePhone']);
    expect(at('客户', 5, 'email')).toEqual(['email']);
    expect(at('客户', 5, 'phone')).toEqual(['phone']);
    expect(at('客户', 5, 'level')).toEqual(['level']);
    expect(at('客户', 5, 'stage')).toEqual(['list']);
    expect(at('客户', 4, 'stage')).toEqual([]);
    expect(at('客户', 6, 'company')).toEqual(['required']);
  });

  it('finds duplicates by e-mail, normalised phone, company+contact and ID', () => {
    expect(at('客户', 4, 'email')).toEqual(['duplicateEmail']);
    expect(at('客户', 5, 'id')).toEqual(['duplicateId']);
    expect(at('客户', 5, 'company')).toEqual(['duplicateCompanyContact']);
    expect(at('客户', 2, 'email')).toEqual([]);
    // 0086 138-0013-8000 is not in country-code form, yet normalises to row 2's number.
    expect(result.problems.find((p) => p.code === 'duplicatePhone')?.message).toContain('row 2');
  });

  it('checks deals: unknown customer, negative amount, dates, numbers, lists, currency rates', () => {
    expect(at('Deals', 3, 'customerId')).toEqual(['unknownCustomer']);
    expect(at('Deals', 3, 'amount')).toEqual(['negative']);
    expect(at('Deals', 4, 'customerId')).toEqual([]); // IDs match case-insensitively
    expect(at('Deals', 4, 'date')).toEqual(['date']);
    expect(at('Deals', 4, 'amount')).toEqual(['number']);
    expect(at('Deals', 4, 'status')).toEqual(['list']);
    expect(at('Deals', 4, 'currency')).toEqual(expect.arrayContaining(['list', 'unknownCurrencyRate']));
  });

  it('reports missing sheets and required columns', () => {
    expect(result.problems.some((p) => p.code === 'missingSheet')).toBe(false);
    const partial = checkWorkbook({ customers: sheets.customers }, {}, undefined, 'zh-CN');
    const missing = partial.problems.find((p) => p.code === 'missingSheet' && p.sheetKey === 'deals');
    expect(missing?.message).toContain('成交记录');
    const thin = {
      ...sheets,
      deals: { name: 'Deals', table: table('deals', [['Customer ID', 'Date']]) },
    };
    const columns = checkWorkbook(thin, {}, undefined, 'en').problems.filter(
      (p) => p.code === 'missingColumn',
    );
    expect(columns.map((p) => `${p.sheetKey}.${p.columnKey}`).sort()).toEqual([
      'deals.amount',
      'deals.status',
    ]);
    expect(columns[0]).toMatchObject({ row: 1, col: 0 });
  });

  it('checks plausible dates on Opportunities and Service at the edges of their window', () => {
    const opportunities = table('opportunities', [
      ['Customer ID', 'Description', 'Stage', 'Created', 'Expected close', 'Next step date'],
      [
        'C-1',
        'edge: 60 days early, 5 years late',
        'Intent',
        day('2026-03-01'),
        day('2025-12-31'),
        day('2031-02-28'),
      ],
      ['C-1', 'just outside', 'Intent', day('2026-03-01'), day('2025-12-30'), day('2031-03-03')],
      ['C-1', 'text dates are the date check’s', 'Intent', day('2026-03-01'), '2016-03-01', ''],
      ['C-1', 'no created date, nothing to compare', 'Intent', '', day('1999-01-01'), ''],
    ]);
    const service = table('service', [
      ['Customer ID', 'Time', 'Type', 'Content', 'Next plan date'],
      ['C-1', new Date('2026-03-01T10:30:00+08:00'), 'Visit', 'same day plan', day('2026-03-01')],
      ['C-1', new Date('2026-03-01T10:30:00+08:00'), 'Visit', 'two days before', day('2026-02-27')],
    ]);
    const result = checkWorkbook(
      {
        ...sheets,
        opportunities: { name: 'Opportunities', table: opportunities },
        service: { name: 'Service', table: service },
      },
      {},
      undefined,
      'en',
      { timeZone: 'Asia/Shanghai' },
    );
    const found = result.problems
      .filter((p) => p.sheetKey === 'opportunities' || p.sheetKey === 'service')
      .map((p) => `${p.sheetKey}!${p.row} ${p.columnKey} ${p.code} ${p.severity}`);
    expect(found).toEqual([
      'opportunities!3 expectedClose dateBefore warning',
      'opportunities!3 nextStepDate dateFar warning',
      'opportunities!4 expectedClose dateText warning',
      'service!3 nextDate dateBefore warning',
    ]);
    const early = result.problems.find(
      (p) => p.row === 3 && p.code === 'dateBefore' && p.sheetKey === 'opportunities',
    );
    expect(early?.message).toBe(
      '2025-12-30 is 61 days before Created (2026-03-01) in this row: is the year right?',
    );
  });

  it('accepts a team’s own list values from the Lists sheet', () => {
    const own = checkWorkbook(sheets, { stage: ['Dreaming'] }, undefined, 'en');
    expect(own.problems.filter((p) => p.row === 5 && p.columnKey === 'stage')).toEqual([]);
  });

  it('is linear: 20 000 customers in well under a few seconds', () => {
    const rows: unknown[][] = [['Customer ID', 'Company', 'Contact person', 'E-mail', 'Phone', 'Level']];
    for (let i = 0; i < 20_000; i++) {
      rows.push([
        `C-${i}`,
        `Company ${i}`,
        `Person ${i}`,
        `p${i}@x.com`,
        `+86 139 ${String(i).padStart(8, '0')}`,
        1 + (i % 5),
      ]);
    }
    rows.push(['C-0', 'Company 0', 'Person 0', 'p0@x.com', '+86 139 00000000', 1]);
    const started = Date.now();
    const big = checkWorkbook(
      { customers: { name: 'Customers', table: table('customers', rows) } },
      {},
      undefined,
      'en',
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(
      big.problems
        .filter((p) => p.sheetKey === 'customers')
        .map((p) => p.code)
        .sort(),
    ).toEqual(['duplicateCompanyContact', 'duplicateEmail', 'duplicateId', 'duplicatePhone']);
  });
});

describe('form schemas', () => {
  it('validates a customer with localised messages and normalises list values to codes', () => {
    const zh = makeCustomerSchema(translator('zh-CN'));
    const bad = zh.safeParse({ company: '', contact: '王芳', email: 'nope', level: 9 });
    expect(bad.success).toBe(false);
    if (!bad.success) {
      const errors = fieldErrors(bad.error);
      expect(errors.company).toBe('请填写“客户名称”。');
      expect(errors.email).toContain('邮箱格式不正确');
      expect(errors.level).toContain('1 到 5');
    }
    const en = makeCustomerSchema(translator('en'));
    const ok = en.safeParse({
      company: 'Acme',
      contact: 'Li',
      stage: '洽谈中',
      level: '3',
      created: '2026-01-02',
    });
    expect(ok.success).toBe(true);
    if (ok.success) expect(ok.data).toMatchObject({ stage: 'negotiating', level: 3, created: '2026-01-02' });
  });

  it('validates a deal amount', () => {
    const schema = makeDealSchema(translator('en'));
    const bad = schema.safeParse({
      customerId: 'C-1',
      date: '2026-02-30',
      amount: -1,
      status: 'won',
      currency: 'USD',
    });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(Object.keys(fieldErrors(bad.error)).sort()).toEqual(['amount', 'date']);
  });
});
