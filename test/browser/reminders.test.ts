/**
 * My follow-ups in a real browser (Debian chromium through playwright-core) against the built bundle in the local
 * runtime, through the preview server's google.script.run bridge: the rep's overdue items are listed, "Done" ticks
 * the follow-up's Done box in the workbook and removes it from the list, a hostile customer name renders as text,
 * zh-CN shows Chinese. Screenshots go to test-output/screenshots/my-follow-ups-<locale>.png.
 */
import type { Browser, Page } from 'playwright-core';
import { startPreview, type PreviewServer } from '../../dev/preview/server';
import type { LocalRuntime } from '../../runtime';
import type { WorkbookStore } from '../../runtime/spreadsheet/store';
import {
  launchChromium,
  screenshotSidebar,
  SCREENSHOT_NOW,
  closeBrowserAndPreview,
  openSidebarPage,
  DIST_DIR,
  XSS,
} from '../support/browser';
import { demoWorkbookRuntime } from '../support/built-workbooks';

interface Item {
  key: string;
  kind: string;
  followUpId: string;
  customerRow: number;
  customer: string;
}

let preview: PreviewServer;
let rt: LocalRuntime;
let browser: Browser;
let rep: string;
let items: Item[];
const dialogs: string[] = [];

function myFollowUps(user: string): Item[] {
  const result = rt.execute<{ items: Item[] }>('apiMyFollowUps', [], { user, locale: 'en' });
  if (result.error) throw result.error;
  return result.value!.items;
}

async function open(user: string, locale: 'en' | 'zh-CN'): Promise<Page> {
  const page = await openSidebarPage(browser, preview, { name: 'my-follow-ups', user, locale }, dialogs);
  await page.waitForSelector('.fu-section, .fu-none');
  return page;
}

async function shoot(page: Page, locale: string): Promise<void> {
  await screenshotSidebar(page, `my-follow-ups-${locale}`);
}

beforeAll(async () => {
  rt = await demoWorkbookRuntime(DIST_DIR, SCREENSHOT_NOW);
  // The rep with the most overdue items in the sample data.
  const reps = rt.workbook
    .sheetValues('Reps')
    .slice(1)
    .map((row) => row.find((cell) => typeof cell === 'string' && cell.includes('@')) as string | undefined)
    .filter((email): email is string => Boolean(email))
    .map((email) => email.toLowerCase());
  const ranked = reps
    .map((email) => ({ email, overdue: myFollowUps(email).filter((item) => item.kind === 'overdue').length }))
    .sort((a, b) => b.overdue - a.overdue);
  rep = ranked[0].email;
  items = myFollowUps(rep);
  expect(items.filter((item) => item.kind === 'overdue').length).toBeGreaterThan(1);
  // A hostile company name on the customer of the first overdue item.
  const store = rt.workbook as unknown as WorkbookStore;
  const customers = store.sheetByName('Customers')!;
  const header = rt.workbook.sheetValues('Customers')[0].map(String);
  const company = header.indexOf('Company') + 1;
  store.writeValues(customers, { row: items[0].customerRow, column: company, numRows: 1, numColumns: 1 }, [
    [XSS],
  ]);
  preview = await startPreview({ runtime: rt, port: 0, distDir: DIST_DIR });
  browser = await launchChromium();
}, 120_000);

afterAll(() => closeBrowserAndPreview(browser, preview));

test("lists the rep's overdue items, most overdue first, with the hostile name as text", async () => {
  const page = await open(rep, 'en');
  const overdue = items.filter((item) => item.kind === 'overdue');
  await expect(page.locator('.fu-section-overdue h2').textContent()).resolves.toContain(
    `(${overdue.length})`,
  );
  const keys = await page.$$eval('.fu-section-overdue li.fu', (lis) =>
    lis.map((li) => li.getAttribute('data-key')),
  );
  expect(keys).toEqual(overdue.map((item) => item.key));
  await expect(
    page.locator('.fu-section-overdue li.fu').first().locator('.fu-name').textContent(),
  ).resolves.toBe(XSS);
  expect(await page.locator('img').count()).toBe(0);
  await shoot(page, 'en');
  await page.close();
  expect(dialogs).toEqual([]);
});

test('"Done" ticks the Done box of that follow-up and removes it from the list', async () => {
  const page = await open(rep, 'en');
  const target = items.find((item) => item.kind === 'overdue' && item.followUpId !== '')!;
  await page.locator(`li.fu[data-key="${target.key}"] button[data-action="done"]`).click();
  await page.waitForSelector('[data-testid="message-success"]');
  expect(await page.locator(`li.fu[data-key="${target.key}"]`).count()).toBe(0);
  const values = rt.workbook.sheetValues('Follow-ups');
  const header = values[0].map(String);
  const row = values.find((r) => r[header.indexOf('Follow-up ID')] === target.followUpId)!;
  expect(row[header.indexOf('Done')]).toBe(true);
  expect(myFollowUps(rep).map((item) => item.key)).not.toContain(target.key);
  await page.close();
  expect(dialogs).toEqual([]);
});

test('zh-CN shows the list in Chinese', async () => {
  const page = await open(rep, 'zh-CN');
  await expect(page.locator('main.sidebar h1').textContent()).resolves.toBe('我的待跟进');
  await expect(page.locator('.fu-section-overdue h2').textContent()).resolves.toContain('已逾期');
  await shoot(page, 'zh-CN');
  await page.close();
});
