/**
 * One language per shared sheet, seen from the sidebars (issue 13 §3), in Chromium against the built bundle: a
 * Chinese workbook used by an English-speaking rep and an English workbook used by a Chinese-speaking rep. The
 * dropdowns show every template choice in the rep's language, and what the sidebar writes to the sheet is the
 * workbook's own value (制造业 / 已成交 in the Chinese sheet, Manufacturing / Won in the English one).
 */
import type { Browser, Page } from 'playwright-core';
import { startPreview, type PreviewServer } from '../../dev/preview/server';
import { LocalRuntime } from '../../runtime';
import type { Locale } from '../../src/core/i18n';
import { t } from '../../src/core/i18n';
import { columnSpec, listLabel, listLabels, SHEETS, type ListKey, type SheetKey } from '../../templates';
import { launchChromium, SCREENSHOT_NOW, openSidebarPage, bridgeIdle, DIST_DIR } from '../support/browser';
import { sampleWorkbookRuntime } from '../support/built-workbooks';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const other = (locale: Locale): Locale => (locale === 'en' ? 'zh-CN' : 'en');

describe.each(['zh-CN', 'en'] as const)('a %s workbook used by a rep of the other language', (workbook) => {
  const user = other(workbook);
  let rt: LocalRuntime;
  let preview: PreviewServer;
  let rep: string;
  const problems: string[] = [];

  const values = (sheet: SheetKey) => rt.workbook.sheetValues(SHEETS[sheet].names[workbook]);
  /** The cell of `column` in the last filled row of `sheet`, found by the header in the workbook's language. */
  function lastRowCell(sheet: SheetKey, column: string): unknown {
    const rows = values(sheet).filter((row) => row.some((v) => v !== '' && v !== null));
    const header = columnSpec(sheet, column)!.headers[workbook];
    const index = rows[0].indexOf(header);
    expect(index).toBeGreaterThan(-1);
    return rows[rows.length - 1][index];
  }
  const filledRows = (sheet: SheetKey) =>
    values(sheet).filter((row) => row.some((v) => v !== '' && v !== null)).length;

  async function open(name: string): Promise<Page> {
    const page = await openSidebarPage(browser, preview, { name, user: rep, locale: user }, problems);
    await page.waitForLoadState('networkidle');
    await bridgeIdle(page);
    return page;
  }

  /** The dropdown's choices as the rep sees them (text) and as the sheet gets them (value), blank choice left out. */
  const choices = (page: Page, select: string) =>
    page.$$eval(`${select} option`, (options) =>
      options
        .map((option) => ({ value: (option as HTMLOptionElement).value, label: option.textContent ?? '' }))
        .filter((option) => option.value !== ''),
    );
  const expected = (key: ListKey) =>
    listLabels(key, workbook).map((value, i) => ({ value, label: listLabels(key, user)[i] }));

  beforeAll(async () => {
    // The workbook is set up, and its sample data loaded, by a manager who speaks the workbook's language.
    rt = await sampleWorkbookRuntime({
      bundleDir: DIST_DIR,
      addOnName: 'SalesDesk',
      now: SCREENSHOT_NOW,
      locale: workbook,
    });
    expect(rt.workbook.sheetByName(SHEETS.customers.names[workbook])).toBeDefined();
    preview = await startPreview({ runtime: rt, port: 0, distDir: DIST_DIR });
    // A sample rep (not a manager) who owns customers.
    const reps = values('reps');
    const email = reps[0].indexOf(columnSpec('reps', 'email')!.headers[workbook]);
    const emails = reps.slice(1).map((row) => String(row[email] ?? '').toLowerCase());
    rep = emails.find((candidate) => {
      const listed = rt.execute('apiListCustomers', [], { user: candidate, locale: user });
      const value = listed.value as { customers: unknown[]; all: boolean } | undefined;
      return !listed.error && value && !value.all && value.customers.length > 0;
    })!;
    expect(rep).toMatch(/@/);
  }, 120_000);

  afterAll(async () => {
    await preview?.close();
  });

  afterEach(() => {
    expect(problems).toEqual([]);
  });

  it(`new customer: choices in ${user}, the ${workbook} values written`, async () => {
    const page = await open('new-customer');
    expect(await page.textContent('h1')).toBe(t(user, 'forms.newCustomer.title'));
    for (const key of ['industry', 'region', 'size', 'source', 'customerType', 'stage'] as const)
      expect({ key, choices: await choices(page, `#${key}`) }).toEqual({ key, choices: expected(key) });

    const before = filledRows('customers');
    await page.fill('#contact', `Choice ${user}`);
    await page.fill('#company', `Language Test ${workbook}`);
    await page.fill('#phone', '13800138000');
    // The rep picks by what they read.
    await page.selectOption('#industry', { label: listLabel('industry', 'manufacturing', user)! });
    await page.selectOption('#stage', { label: listLabel('stage', 'negotiating', user)! });
    await page.click('#save');
    await page.waitForSelector('[data-testid=message-success]');
    expect(filledRows('customers')).toBe(before + 1);
    expect(lastRowCell('customers', 'industry')).toBe(listLabel('industry', 'manufacturing', workbook));
    expect(lastRowCell('customers', 'stage')).toBe(listLabel('stage', 'negotiating', workbook));
    await page.close();
  });

  it(`log deal: choices in ${user}, the ${workbook} status written`, async () => {
    const page = await open('log-deal');
    expect(await page.textContent('h1')).toBe(t(user, 'forms.logDeal.title'));
    for (const key of ['dealStatus', 'paymentMethod', 'currency'] as const) {
      const select = key === 'dealStatus' ? '#status' : `#${key}`;
      expect({ key, choices: await choices(page, select) }).toEqual({ key, choices: expected(key) });
    }

    await page.fill('#customer-search', 'Language Test');
    await page.click('li[data-customer-id]');
    await page.waitForSelector('[data-testid=picked-customer]');
    const product = (await choices(page, '#product'))[0];
    await page.selectOption('#product', product.value);
    await page.fill('#amount', '8800');
    await page.selectOption('#currency', { label: listLabel('currency', 'CNY', user)! });
    await page.fill('#date', '2026-11-21');
    await page.selectOption('#status', { label: listLabel('dealStatus', 'won', user)! });
    const before = filledRows('deals');
    await page.click('#save');
    await page.waitForSelector('[data-testid=message-success]');
    expect(filledRows('deals')).toBe(before + 1);
    expect(lastRowCell('deals', 'status')).toBe(listLabel('dealStatus', 'won', workbook));
    expect(lastRowCell('deals', 'currency')).toBe(listLabel('currency', 'CNY', workbook));
    expect(lastRowCell('deals', 'product')).toBe(product.value);
    // Only won deals count as purchases: the new customer's total shows the written status reads back as won.
    expect(lastRowCell('customers', 'totalPurchases')).toBe(8800);
    await page.close();
  });
});
