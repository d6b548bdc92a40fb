/**
 * The `salesdesk` command line as a user meets it (issue 13 §6), through main() and the built bundle: usage errors
 * name the flag and exit 2, a file that is no workbook is one line, --locale zh_CN works, a refusal is one
 * localised line without a stack trace, --now is spreadsheet wall-clock time in every command, and tiers prints
 * days in the spreadsheet's zone. Every run is at a fixed --now.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../cli/salesdesk';
import { closestFlag, parseArgs } from '../../cli/args';
import { defaultSettings } from '../../templates/settings';
import { LocalRuntime } from '../../runtime';
import { plantDuplicates } from './merge/fixture';

jest.setTimeout(180_000);

const NOW = '2026-11-23T09:00';
const REP = 'li.qiang@example.com';
/** A manager of the sample data (Settings → managers). */
const MERGE_MANAGER = 'wang.fang@example.com';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-cli-'));
const books = { en: path.join(dir, 'en.xlsx'), 'zh-CN': path.join(dir, 'zh.xlsx') };

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: (text) => void (out += text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => void (err += text.endsWith('\n') ? text : `${text}\n`),
  });
  return { code, out, err };
}

beforeAll(async () => {
  for (const [locale, file] of Object.entries(books)) {
    // zh_CN as Apps Script and Chinese teams write it.
    const flag = locale === 'zh-CN' ? 'zh_CN' : 'en';
    const made = await cli('setup', '--out', file, '--locale', flag, '--sample', '--now', NOW);
    expect(made.code).toBe(0);
  }
});

describe('usage errors', () => {
  it('bare salesdesk prints help on stderr and exits 2; help on request exits 0', async () => {
    const bare = await cli();
    expect(bare.code).toBe(2);
    expect(bare.err).toMatch(/^usage: salesdesk <command>/);
    expect(bare.err).toContain('validate');
    const asked = await cli('--help');
    expect(asked.code).toBe(0);
    expect(asked.out).toMatch(/^usage: salesdesk <command>/);
  });

  it.each([
    [['validate', '--in', books.en, '--bogus'], '--bogus', undefined],
    [['validate', '--inn', books.en], '--inn', '--in'],
    [['tiers', '--in', books.en, '--formula'], '--formula', '--formulas'],
    [['remind', '--in', books.en, '--timezone', 'UTC'], '--timezone', '--time-zone'],
    [['assign', '--in', books.en, '--preveiw'], '--preveiw', '--preview'],
  ])('%j is an error naming the flag', async (argv, flag, suggestion) => {
    const { code, err, out } = await cli(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')[0]).toContain(`unknown flag ${flag}`);
    if (suggestion) expect(err).toContain(`did you mean ${suggestion}?`);
    else expect(err).not.toContain('did you mean');
  });

  it('suggests the closest command', async () => {
    const { code, err } = await cli('validat', '--in', books.en);
    expect(code).toBe(2);
    expect(err).toContain('unknown command "validat" (did you mean validate?)');
  });

  it('closestFlag suggests only plausible flags', () => {
    expect(closestFlag('inn', ['in', 'out', 'now'])).toBe('in');
    expect(closestFlag('locael', ['locale', 'json'])).toBe('locale');
    expect(closestFlag('bogus', ['in', 'out', 'now', 'json'])).toBeUndefined();
  });

  it('a non-.xlsx --in is one clear line, not a zip stack trace', async () => {
    const csv = path.join(dir, 'customers.csv');
    fs.writeFileSync(csv, 'Company,Phone\nAcme,13800138000\n');
    for (const command of ['validate', 'tiers', 'dashboard']) {
      const { code, err } = await cli(command, '--in', csv);
      expect(code).toBe(2);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toContain(`--in ${csv}: not an .xlsx workbook`);
      expect(err).not.toMatch(/\n\s+at /);
    }
    const truncated = path.join(dir, 'truncated.xlsx');
    fs.writeFileSync(truncated, fs.readFileSync(books.en).subarray(0, 200));
    const broken = await cli('validate', '--in', truncated);
    expect(broken.code).toBe(2);
    expect(broken.err.trim().split('\n')).toHaveLength(1);
    expect(broken.err).toContain('cannot be read as an .xlsx workbook');
  });

  it('--locale accepts zh_CN, zh-cn, en_US and refuses other languages', () => {
    expect(parseArgs(['validate', '--locale', 'zh_CN']).locale).toBe('zh-CN');
    expect(parseArgs(['validate', '--locale=zh-cn']).locale).toBe('zh-CN');
    expect(parseArgs(['validate', '--locale', 'en_US']).locale).toBe('en');
    expect(() => parseArgs(['validate', '--locale', 'fr'])).toThrow('--locale must be en or zh-CN');
    expect(() => parseArgs(['validate', '--now', 'tomorrow'])).toThrow('--now must be');
    expect(() => parseArgs(['validate', '--in'])).toThrow('--in needs a value');
  });
});

describe('refusals', () => {
  it.each([
    ['en', 'Only a manager can do this'],
    ['zh-CN', '经理'],
  ] as const)('a rep running a manager command gets one %s line, exit 1', async (locale, text) => {
    const extras: Record<string, string[]> = {
      backup: ['--dir', path.join(dir, 'backups')],
      setup: ['--out', path.join(dir, 'refused.xlsx')],
    };
    // Manager commands, and menu handlers the entry-point guard refuses before they run (setup, tiers).
    for (const command of ['assign', 'merge', 'dashboard', 'backup', 'tiers', 'setup']) {
      const extra = extras[command] ?? [];
      const { code, err, out } = await cli(
        command,
        '--in',
        books[locale],
        '--as',
        REP,
        '--locale',
        locale,
        '--now',
        NOW,
        ...extra,
      );
      expect([command, code]).toEqual([command, 1]);
      expect(out).toBe('');
      const lines = err.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(text);
      expect(err).not.toMatch(/\bat .*\.js:\d+/);
    }
  });
});

describe('merge', () => {
  it('previews the groups, merges them with the defaults into --out, and undoes', async () => {
    // Duplicates typed into the sample by hand (test/integration/merge/fixture.ts), saved as a file.
    const rt = await LocalRuntime.fromXlsx(books.en, { now: NOW });
    const planted = plantDuplicates(rt, 'en');
    const withDuplicates = path.join(dir, 'duplicates.xlsx');
    await rt.saveXlsx(withDuplicates);
    const as = ['--as', MERGE_MANAGER, '--now', NOW];

    const preview = await cli('merge', '--in', withDuplicates, '--preview', ...as);
    expect(preview.code).toBe(0);
    expect(preview.out).toContain(planted.emailTwin);
    expect(preview.out).toContain(planted.nameTwin);

    const merged = path.join(dir, 'merged.xlsx');
    const run = await cli('merge', '--in', withDuplicates, '--out', merged, ...as, '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.out) as { result: { status: string; mergeId: string }; saved: string };
    expect(report.result.status).toBe('done');
    expect(report.saved).toBe(merged);
    const ids = async (file: string) =>
      (await LocalRuntime.fromXlsx(file, { now: NOW })).workbook
        .sheetValues('Customers')
        .map((row) => String(row[0]));
    expect(await ids(merged)).not.toContain(planted.emailTwin);
    expect(await ids(withDuplicates)).toContain(planted.emailTwin);

    const undone = path.join(dir, 'unmerged.xlsx');
    const undo = await cli('merge', '--in', merged, '--out', undone, '--undo', ...as);
    expect(undo.code).toBe(0);
    expect(undo.out).toContain(report.result.mergeId);
    expect(await ids(undone)).toEqual(await ids(withDuplicates));

    expect((await cli('merge', '--in', merged, '--preview', '--undo', ...as)).code).toBe(2);
  });
});

describe('--now and days in the spreadsheet time zone', () => {
  const tiersJson = async (book: string, now: string) => {
    const { code, out } = await cli('tiers', '--in', book, '--now', now, '--json');
    expect(code).toBe(0);
    return JSON.parse(out) as {
      today: string;
      customers: { id: string; lastPurchase: string; firstPurchase: string }[];
    };
  };

  it('reads --now as Shanghai wall-clock time unless it carries an offset', async () => {
    // 23:30 in Shanghai is still the 23rd there (15:30 UTC); read in UTC it would be the 24th in Shanghai.
    expect((await tiersJson(books.en, '2026-11-23T23:30')).today).toBe('2026-11-23');
    expect((await tiersJson(books['zh-CN'], '2026-11-23T23:30')).today).toBe('2026-11-23');
    // With an offset it is that instant: 23:30 UTC is 07:30 on the 24th in Shanghai.
    expect((await tiersJson(books.en, '2026-11-23T23:30Z')).today).toBe('2026-11-24');
    expect((await tiersJson(books.en, '2026-11-23T23:30+08:00')).today).toBe('2026-11-23');
  });

  it('dashboard and assign take --now the same way', async () => {
    const dash = await cli(
      'dashboard',
      '--in',
      books.en,
      '--now',
      '2026-11-23T23:30',
      '--as',
      'wang.fang@example.com',
    );
    expect(dash.code).toBe(0);
    expect(dash.out).toContain('2026-11-23');
    expect(dash.out).not.toContain('2026-11-24');
    const assign = await cli(
      'assign',
      '--in',
      books['zh-CN'],
      '--now',
      '2026-11-23T23:30',
      '--as',
      'wang.fang@example.com',
      '--preview',
      '--json',
    );
    expect(assign.code).toBe(0);
  });

  it('tiers prints purchase days as the sheet shows them (the export agrees), not a day early', async () => {
    for (const book of [books.en, books['zh-CN']]) {
      const tiers = await tiersJson(book, NOW);
      const csvFile = path.join(dir, `customers-${path.basename(book)}.csv`);
      const sheet = book === books.en ? 'Customers' : '客户';
      const exported = await cli('export-csv', '--in', book, '--sheet', sheet, '--csv', csvFile);
      expect(exported.code).toBe(0);
      const lines = fs
        .readFileSync(csvFile, 'utf8')
        .replace(/^\uFEFF/, '')
        .split('\r\n');
      const header = lines[0].split(',');
      const last = header.findIndex(
        (h) => h === 'Last purchase' || h === '最近购买日期' || /最近|最后/.test(h),
      );
      expect(last).toBeGreaterThan(0);
      const byId = new Map(lines.slice(1).map((line) => [line.split(',')[0], line]));
      const bought = tiers.customers.filter((c) => c.lastPurchase !== '');
      expect(bought.length).toBeGreaterThan(50);
      for (const customer of bought.slice(0, 60)) {
        expect(byId.get(customer.id)).toContain(`,${customer.lastPurchase},`);
      }
    }
  });
});

test('the README states the template default of backupKeep', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const stated = /backupKeep\*\*\s*\(default (\d+)\)/.exec(readme);
  expect(stated?.[1]).toBe(String(defaultSettings().backupKeep));
});
