/**
 * The Check data report sidebar in headless Debian chromium against the built bundle in the local runtime (through
 * the preview server's google.script.run bridge): problems are listed per sheet (Opportunities too) with row,
 * column and message; a hostile value renders as text; clicking a line selects its cell; Clear highlights restores
 * the colours; zh-CN shows Chinese. Screenshots: test-output/screenshots/check-report-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { startPreview, type PreviewServer } from '../../dev/preview/server';
import { LocalRuntime } from '../../runtime';
import { WorkbookStore } from '../../runtime/spreadsheet/store';
import {
  launchChromium,
  screenshotSidebar,
  closeBrowserAndPreview,
  openSidebarPage,
  DIST_DIR,
  XSS,
} from '../support/browser';

const OWNER = 'owner@example.com';

let preview: PreviewServer;
let rt: LocalRuntime;
let browser: Browser;
const pageErrors: string[] = [];

function workbook(): WorkbookStore {
  const store = WorkbookStore.empty({ timeZone: 'Asia/Shanghai', owner: OWNER, firstSheetName: 'Customers' });
  const sheet = store.requireSheet('Customers');
  const rows = [
    ['Customer ID', 'Company', 'Contact person', 'E-mail', 'Level'],
    ['C-1', 'Acme', 'Li Wei', 'li@acme.cn', 3],
    ['C-2', 'Beta', 'Wang', XSS, 9],
  ];
  store.writeValues(sheet, { row: 1, column: 1, numRows: rows.length, numColumns: 5 }, rows);
  for (const [name, data] of [
    ['Deals', [['Customer ID', 'Date', 'Amount', 'Status']]],
    ['Follow-ups', [['Customer ID', 'Time', 'Content']]],
    ['Reps', [['Name', 'E-mail']]],
    // Issue 14's sheets: one opportunity with a probability out of range (its problem is listed under its sheet).
    [
      'Opportunities',
      [
        ['Customer ID', 'Description', 'Stage', 'Probability (%)'],
        ['C-1', 'ERP upgrade', 'Intent', 150],
      ],
    ],
    ['Service', [['Customer ID', 'Time', 'Type', 'Content']]],
  ] as const) {
    const s = store.insertSheet(name);
    store.writeValues(
      s,
      { row: 1, column: 1, numRows: data.length, numColumns: data[0].length },
      data as unknown as unknown[][],
    );
  }
  return store;
}

async function open(locale: 'en' | 'zh-CN'): Promise<Page> {
  const page = await openSidebarPage(
    browser,
    preview,
    { name: 'check-report', user: OWNER, locale },
    pageErrors,
  );
  await page.waitForSelector('[data-testid="summary"]');
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  await screenshotSidebar(page, `check-report-${name}`);
}

beforeAll(async () => {
  rt = await LocalRuntime.create({
    workbook: workbook(),
    now: '2026-11-23T02:00:00Z',
    owner: OWNER,
    bundleDir: DIST_DIR,
  });
  preview = await startPreview({ runtime: rt, port: 0, distDir: DIST_DIR });
  browser = await launchChromium();
}, 120_000);

afterAll(() => closeBrowserAndPreview(browser, preview));

test('lists problems, escapes values, jumps to the cell, clears highlights', async () => {
  const page = await open('en');
  await expect(page.locator('[data-testid="summary"]').textContent()).resolves.toMatch(
    /^\d+ errors and \d+ warnings in \d+ rows\.$/,
  );
  const email = page.locator('li.problem[data-code="email"]');
  await expect(email.textContent()).resolves.toContain(XSS);
  expect(await page.locator('img').count()).toBe(0);
  await expect(page.locator('li.problem[data-code="level"] .problem-where').textContent()).resolves.toBe(
    'Row 3 · Column Level',
  );
  expect(rt.workbook.requireSheet('Customers').backgrounds[2]?.[4]).toBe('#fbd0cc');
  // Opportunities are checked too, and no sheet is reported missing.
  await expect(page.locator('li.problem[data-code="range"]').textContent()).resolves.toContain(
    '"150" is outside the allowed range 0–100.',
  );
  expect(await page.locator('li.problem[data-code="missingSheet"]').count()).toBe(0);
  await shoot(page, 'en');

  await page.locator('li.problem[data-code="level"] button').click();
  await page.waitForFunction(() => !document.querySelector('li.problem button[disabled]'));
  expect(rt.workbook.data.activeRange?.rect).toMatchObject({ row: 3, column: 5 });

  await page.locator('[data-action="clear"]').click();
  await page.waitForSelector('.message.success');
  expect(rt.workbook.requireSheet('Customers').backgrounds[2]?.[4] ?? '#ffffff').toBe('#ffffff');
  expect(pageErrors).toEqual([]);
  await page.close();
});

test('zh-CN shows the report in Chinese', async () => {
  const page = await open('zh-CN');
  await expect(page.locator('h1').textContent()).resolves.toBe('检查数据');
  await expect(
    page.locator('li.problem[data-code="level"] .problem-message').textContent(),
  ).resolves.toContain('客户等级必须是 1 到 5 的整数');
  await shoot(page, 'zh-CN');
  await page.close();
});
