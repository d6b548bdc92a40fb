/**
 * The Assign-leads preview sidebar in a real browser (Debian chromium through playwright-core) against the built
 * bundle in the local runtime, through the preview server's google.script.run bridge: the plan shows counts per rep
 * and reasons, a hostile company name renders as text, nothing is written before Confirm, Confirm writes the owners
 * and reports, a rep sees the refusal, zh-CN shows Chinese. Screenshots: test-output/screenshots/assign-preview-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { startPreview, type PreviewServer } from '../../dev/preview/server';
import type { LocalRuntime } from '../../runtime';
import {
  appendRecords,
  assignRuntime,
  DEFAULT_REPS,
  leads,
  MANAGER,
  records,
} from '../integration/assign/fixture';
import {
  launchChromium,
  screenshotSidebar,
  closeBrowserAndPreview,
  openSidebarPage,
  newSidebarTab,
  DIST_DIR,
  XSS,
} from '../support/browser';

let preview: PreviewServer;
let rt: LocalRuntime;
let browser: Browser;
const pageErrors: string[] = [];

async function open(user: string, locale: 'en' | 'zh-CN'): Promise<Page> {
  const page = await openSidebarPage(browser, preview, { name: 'assign-preview', user, locale }, pageErrors);
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
    { bundleDir: DIST_DIR },
  );
  preview = await startPreview({ runtime: rt, port: 0, distDir: DIST_DIR });
  browser = await launchChromium();
}, 120_000);

afterAll(() => closeBrowserAndPreview(browser, preview));

test('a rep is refused in the panel', async () => {
  const page = await open('bob@example.com', 'en');
  await expect(page.locator('.message.error').textContent()).resolves.toContain(
    'Only a manager can do this.',
  );
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
    'ann@example.com',
    'cui@example.com',
    'ann@example.com',
    'bob@example.com',
    'ann@example.com',
    'cui@example.com',
  ]);
  expect(await page.locator('#send-pending').count()).toBe(0); // everyone was told
  expect(pageErrors).toEqual([]);
  await page.close();
});

test('reps the quota left untold are shown and told with "Send pending notices"', async () => {
  const quota = await assignRuntime(
    { reps: DEFAULT_REPS, customers: leads(8) },
    { bundleDir: DIST_DIR, mailQuota: 2 },
  );
  const server = await startPreview({ runtime: quota, port: 0, distDir: DIST_DIR });
  const page = await newSidebarTab(browser, { locale: 'en' });
  await page.goto(`${server.url}/sidebar/assign-preview?as=${encodeURIComponent(MANAGER)}&locale=en`);
  await page.waitForSelector('#confirm:not([disabled])');
  await page.locator('#confirm').click();
  await page.waitForSelector('.message.warning');
  await expect(page.locator('.message.warning').textContent()).resolves.toContain(
    '1 rep was not told: cui@example.com',
  );
  expect(quota.mail.outbox).toHaveLength(2);
  quota.clock.advance(24 * 3600_000); // the next day: the quota is back
  await page.locator('#send-pending').click();
  await page.waitForSelector('.message.success');
  await expect(page.locator('.message.success').textContent()).resolves.toContain('Sent 1 pending notice.');
  expect(quota.mail.outbox.map((m) => m.to[0])).toEqual([
    'ann@example.com',
    'bob@example.com',
    'cui@example.com',
  ]);
  expect(await page.locator('#send-pending').count()).toBe(0);
  await page.close();
  await server.close();
});

test('issue 14: leads returned for a missed SLA and leads routed to the account owner are shown apart', async () => {
  const customers = leads(3);
  customers[1].company = XSS;
  const sla = await assignRuntime(
    {
      reps: DEFAULT_REPS,
      customers,
      settings: { slaFirstContactHours: 48, locale: 'auto' },
      followups: [],
    },
    { bundleDir: DIST_DIR },
  );
  // Run 1 now; 50 hours later only C-0001 was called, and a new lead of C-0001's company arrives.
  const first = sla.call<{ token: string }>('apiPreviewAssignment', undefined, { user: MANAGER });
  sla.call('apiConfirmAssignment', first.token, { user: MANAGER });
  const owned = records(sla, 'customers');
  appendRecords(sla, 'customers', [{ id: 'C-0009', company: 'COMPANY 1', contact: 'New' }]);
  appendRecords(sla, 'followups', [
    { id: 'F-1', customerId: 'C-0001', time: new Date('2026-11-24T10:00:00+08:00'), content: 'Called' },
  ]);
  sla.clock.set(new Date('2026-11-25T12:00:00+08:00'));
  const server = await startPreview({ runtime: sla, port: 0, distDir: DIST_DIR });
  const page = await newSidebarTab(browser, { locale: 'en', height: 1100 });
  page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
  await page.goto(`${server.url}/sidebar/assign-preview?as=${encodeURIComponent(MANAGER)}&locale=en`);
  await page.waitForSelector('[data-testid="sla-rows"]');
  await expect(page.locator('h2').allTextContents()).resolves.toEqual([
    'Leads per rep',
    'Returned for a missed SLA (2)',
    'Routed to the account owner (1)',
  ]);
  const slaRows = await page.$$eval('[data-testid="sla-rows"] tbody tr', (rows) =>
    rows.map((row) => row.querySelectorAll('td')[1]?.textContent ?? ''),
  );
  expect(slaRows).toHaveLength(2);
  expect(slaRows[0]).toContain(XSS);
  expect(slaRows[0]).toContain(`From: ${String(owned[1].owner)}`);
  expect(slaRows[0]).toContain('SLA: not contacted within 48 h');
  expect(await page.locator('img').count()).toBe(0);
  await expect(
    page.locator('[data-testid="account-rows"] tbody tr td').nth(1).textContent(),
  ).resolves.toContain('Same company as C-0001, owned by Ann');
  await shoot(page, 'sla-account');
  const zh = await newSidebarTab(browser, { locale: 'zh-CN', height: 1100 });
  await zh.goto(`${server.url}/sidebar/assign-preview?as=${encodeURIComponent(MANAGER)}&locale=zh-CN`);
  await zh.waitForSelector('[data-testid="sla-rows"]');
  await expect(zh.locator('h2').nth(1).textContent()).resolves.toBe('超出 SLA 收回（2）');
  await expect(zh.locator('[data-testid="sla-rows"]').textContent()).resolves.toContain(
    'SLA：分配后 48 小时内未联系',
  );
  await screenshotSidebar(zh, 'assign-preview-sla-zh-CN');

  await page.locator('#confirm').click();
  await page.waitForSelector('.message.success');
  const after = records(sla, 'customers');
  expect(after[1].owner).not.toBe(owned[1].owner);
  expect(after[2].owner).not.toBe(owned[2].owner);
  expect(after[3].owner).toBe(owned[0].owner);
  expect(pageErrors).toEqual([]);
  await zh.close();
  await page.close();
  await server.close();
});
