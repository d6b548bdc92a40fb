/**
 * The Merge duplicates sidebar in Debian chromium against the built bundle, through the preview server's
 * google.script.run bridge: the groups of a sample workbook with duplicates typed in (full-width e-mail and phone,
 * a company + contact differing in case and width, one company named like an XSS probe) are shown one at a time;
 * the manager keeps another record and another phone, leaves the second group out, merges, checks the workbook,
 * and undoes back to every cell as it was; a rep sees the refusal; zh-CN shows Chinese; axe-core finds no WCAG 2.1
 * A/AA violation. Screenshots: test-output/screenshots/merge-duplicates-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { startPreview, type PreviewServer } from '../../dev/preview/server';
import type { LocalRuntime } from '../../runtime';
import { dataSnapshot, plantDuplicates, records, type Planted } from '../integration/merge/fixture';
import {
  launchChromium,
  screenshotSidebar,
  SCREENSHOT_NOW,
  closeBrowserAndPreview,
  openSidebarPage,
  axeViolations,
  DIST_DIR,
  XSS,
} from '../support/browser';
import { demoWorkbookRuntime } from '../support/built-workbooks';

let preview: PreviewServer;
let rt: LocalRuntime;
let browser: Browser;
let manager: string;
let planted: Planted;
const pageErrors: string[] = [];

async function open(user: string, locale: 'en' | 'zh-CN'): Promise<Page> {
  const page = await openSidebarPage(
    browser,
    preview,
    { name: 'merge-duplicates', user, locale },
    pageErrors,
  );
  await page.waitForSelector('[data-testid="summary"], .message');
  return page;
}

beforeAll(async () => {
  rt = await demoWorkbookRuntime(DIST_DIR, SCREENSHOT_NOW);
  manager = (rt.owner ?? 'owner@example.com').toLowerCase();
  planted = plantDuplicates(rt, 'en');
  // The e-mail twin's company is the XSS probe: it must show as text.
  const sheet = rt.workbook.requireSheet('Customers');
  const ids = rt.workbook.sheetValues('Customers').map((row) => row[0]);
  rt.workbook.writeValues(
    sheet,
    { row: ids.indexOf(planted.emailTwin) + 1, column: 2, numRows: 1, numColumns: 1 },
    [[XSS]],
  );
  preview = await startPreview({ runtime: rt, port: 0, distDir: DIST_DIR });
  browser = await launchChromium();
}, 180_000);

afterAll(() => closeBrowserAndPreview(browser, preview));

test('a rep is refused in the panel', async () => {
  const rep = String(records(rt, 'reps', 'en').find((r) => r.role === 'Rep' && r.active === true)?.email);
  const page = await open(rep, 'en');
  await expect(page.locator('.message.error').textContent()).resolves.toContain(
    'Only a manager can do this.',
  );
  await page.close();
});

test('zh-CN shows the groups in Chinese, accessibly', async () => {
  const page = await open(manager, 'zh-CN');
  await expect(page.locator('h1').textContent()).resolves.toBe('合并重复客户');
  await expect(page.locator('[data-testid="summary"]').textContent()).resolves.toBe(
    '共 2 组疑似重复（涉及 5 位客户）。',
  );
  await expect(page.locator('[data-testid="position"]').textContent()).resolves.toBe('第 1 组，共 2 组');
  await expect(page.locator('[data-testid="why"]').textContent()).resolves.toBe('邮箱相同、电话相同');
  expect(await axeViolations(page)).toEqual([]);
  await screenshotSidebar(page, 'merge-duplicates-zh-CN');
  await page.close();
});

test('goes through the groups, merges the choices, and undoes back to every cell', async () => {
  const before = dataSnapshot(rt, 'en');
  const page = await open(manager, 'en');
  await expect(page.locator('[data-testid="summary"]').textContent()).resolves.toBe(
    '2 groups of likely duplicates (5 customers).',
  );
  const group = page.locator('[data-testid="group"]');
  // The XSS probe is text.
  await expect(
    group.locator(`[data-member="${planted.emailTwin}"] .member-name`).textContent(),
  ).resolves.toContain(XSS);
  expect(await page.locator('img').count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshotSidebar(page, 'merge-duplicates-en');

  // Keep the e-mail twin, with the original's phone.
  const original = String(planted.original.id);
  await page.locator(`#g0-keep-${planted.emailTwin}`).check();
  const phone = page.locator('fieldset[data-field="phone"]');
  const phoneOptions = await phone.locator('label').allTextContents();
  const originalPhone = phoneOptions.findIndex((text) => text.includes(`(${original})`));
  expect(originalPhone).toBeGreaterThanOrEqual(0);
  await phone.locator('input').nth(originalPhone).check();
  // The second group stays as it is.
  await page.locator('#next').click();
  await expect(page.locator('[data-testid="position"]').textContent()).resolves.toBe('Group 2 of 2');
  await page.locator('#g1-include').uncheck();
  await expect(page.locator('#merge').textContent()).resolves.toBe('Merge 1 group');
  expect(dataSnapshot(rt, 'en')).toBe(before); // nothing written yet
  const away = new Set([original, planted.phoneTwin].map((id) => id.toUpperCase()));
  const moving = (['deals', 'followups', 'opportunities', 'service'] as const)
    .flatMap((key) => records(rt, key, 'en'))
    .filter((row) => away.has(String(row.customerId).trim().toUpperCase())).length;
  expect(moving).toBeGreaterThan(1);
  await page.locator('#merge').click();
  await page.waitForSelector('.message.success');
  await expect(page.locator('.message.success').textContent()).resolves.toMatch(
    new RegExp(
      `^Merged 1 group \\(merge M-.*\\): 2 records removed from Customers, ${moving} linked records moved to the records kept\\.$`,
    ),
  );
  const customers = records(rt, 'customers', 'en');
  const ids = customers.map((c) => c.id);
  expect(ids).not.toContain(original);
  expect(ids).not.toContain(planted.phoneTwin);
  expect(ids).toContain(planted.nameTwin);
  const kept = customers.find((c) => c.id === planted.emailTwin);
  expect(kept?.phone).toBe(planted.original.phone);

  await page.locator('#undo').click();
  await page.waitForSelector('.message.success');
  await expect(page.locator('.message.success').textContent()).resolves.toMatch(
    /^Undid merge M-.*: 2 customers back/,
  );
  expect(dataSnapshot(rt, 'en')).toBe(before);
  await expect(page.locator('[data-testid="summary"]').textContent()).resolves.toBe(
    '2 groups of likely duplicates (5 customers).',
  );
  expect(pageErrors).toEqual([]);
  await page.close();
});
