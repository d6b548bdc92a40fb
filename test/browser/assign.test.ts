/**
 * The Assign-leads preview sidebar in a real browser (Debian chromium through playwright-core) against the built
 * bundle in the local runtime, through the preview server's google.script.run bridge: the plan shows counts per rep
 * and reasons, a hostile company name renders as text, nothing is written before Confirm, Confirm writes the owners
 * and reports, a rep sees the refusal, zh-CN shows Chinese. Screenshots: test-output/screenshots/assign-preview-*.png.
 */
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startPreview, type PreviewServer } from '../../dev/preview/server';
import type { LocalRuntime } from '../../runtime';
import { assignRuntime, DEFAULT_REPS, leads, MANAGER, records } from '../integration/assign/fixture';
import { launchChromium, screenshotSidebar } from '../support/browser';

const root = path.resolve(__dirname, '../..');
const distDir = process.env.SALESDESK_BUNDLE_DIR || process.env.SALESDESK_DIST || path.join(root, 'dist');
const XSS = '<img src=x onerror=alert(1)>';

let preview: PreviewServer;
let rt: LocalRuntime;
let browser: Browser;
const pageErrors: string[] = [];

async function open(user: string, locale: 'en' | 'zh-CN'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 }, locale });
  page.on('dialog', (dialog) => {
    pageErrors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
  await page.goto(`${preview.url}/sidebar/assign-preview?as=${encodeURIComponent(user)}&locale=${locale}`);
  await page.waitForSelector('main.sidebar h1');
  await page.waitForSelector('[data-testid="summary"], .message');
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  await screenshotSidebar(page, `assign-preview-${name}`);
}

beforeAll(async () => {
  const customers = leads(8);
  customers[0].company = XSS;
  rt = await assignRuntime(
    { reps: DEFAULT_REPS, customers, settings: { locale: 'auto' } },
    { bundleDir: distDir },
  );
  preview = await startPreview({ runtime: rt, port: 0, distDir });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

test('a rep is refused in the panel', async () => {
  const page = await open('bob@example.com', 'en');
  await expect(page.locator('.message.error').textContent()).resolves.toContain('Only a manager can do this');
  await page.close();
});

test('zh-CN shows the plan in Chinese', async () => {
  const page = await open(MANAGER, 'zh-CN');
  await expect(page.locator('h1').textContent()).resolves.toBe('分配线索');
  await expect(page.locator('[data-testid="summary"]').textContent()).resolves.toBe(
    '共 8 条线索，将分配 8 条，0 条暂不分配。',
  );
  await shoot(page, 'zh-CN');
  await page.close();
});

test('shows the plan, writes nothing until Confirm, then assigns and reports', async () => {
  const page = await open(MANAGER, 'en');
  await expect(page.locator('[data-testid="summary"]').textContent()).resolves.toBe(
    '8 of 8 leads will be assigned; 0 stay unassigned.',
  );
  const counts = await page.$$eval('[data-testid="per-rep"] tbody tr', (rows) =>
    rows.map((row) => [row.getAttribute('data-rep'), row.querySelector('td.num')?.textContent]),
  );
  expect(counts).toEqual([
    ['ann@example.com', '4'],
    ['bob@example.com', '2'],
    ['cui@example.com', '2'],
    ['dan@example.com', '0'],
    ['eve@example.com', '0'],
  ]);
  const firstRow = page.locator('[data-testid="rows"] tbody tr').first();
  await expect(firstRow.locator('td').nth(1).textContent()).resolves.toContain(XSS);
  expect(await page.locator('img').count()).toBe(0);
  expect(records(rt, 'customers').every((c) => c.owner === '')).toBe(true);
  await shoot(page, 'en');

  await page.locator('#confirm').click();
  await page.waitForSelector('.message.success');
  await expect(page.locator('.message.success').textContent()).resolves.toMatch(
    /^Assigned 8 leads \(run .*\)\. 0 left unassigned\. E-mailed 3 reps\.$/,
  );
  expect(records(rt, 'customers').map((c) => c.owner)).toEqual([
    'ann@example.com',
    'bob@example.com',
    'cui@example.com',
    'ann@example.com',
    'ann@example.com',
    'bob@example.com',
    'cui@example.com',
    'ann@example.com',
  ]);
  expect(pageErrors).toEqual([]);
  await page.close();
});
