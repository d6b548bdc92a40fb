/**
 * Log opportunity in a real browser (Debian chromium through playwright-core) against the built bundle in the local
 * runtime: the form's own errors (nothing written), the probability following the stage until typed, a save that
 * appends the row and its stage history, moving it to won and creating the deal from the offer, another rep's
 * customer not offered, user text rendered as text, and zh-CN. Screenshots: log-opportunity-<locale>.png.
 */
import type { Browser, Page } from 'playwright-core';
import { type PreviewServer } from '../../dev/preview/server';
import type { LocalRuntime } from '../../runtime';
import {
  screenshotSidebar,
  openDemo,
  closeBrowserAndPreview,
  openSidebarPage,
  bridgeIdle,
  pickCustomer,
  DIST_DIR,
  XSS,
} from '../support/browser';

let preview: PreviewServer;
let rt: LocalRuntime;
let browser: Browser;
const REP = 'li.qiang@example.com';
const problems: string[] = [];

type CustomerList = { customers: { id: string; company: string; owner: string }[] };

function call<T>(fn: string, args: unknown[], user: string): T {
  const result = rt.execute(fn, args, { user, locale: 'en' });
  if (result.error) throw result.error;
  return result.value as T;
}
const rowsOf = (sheet: string) =>
  rt.workbook.sheetValues(sheet).filter((row) => row.some((v) => v !== '' && v !== null));

async function open(user: string, locale: 'en' | 'zh-CN'): Promise<Page> {
  const page = await openSidebarPage(
    browser,
    preview,
    { name: 'log-opportunity', user, locale, height: 1100 },
    problems,
  );
  await settle(page);
  return page;
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await bridgeIdle(page);
}

/** Picks a customer, then waits for the sidebar to load what it shows for them. */
async function pick(page: Page, query: string, id: string): Promise<void> {
  await pickCustomer(page, query, id);
  await settle(page);
}

beforeAll(async () => {
  ({ rt, preview, browser } = await openDemo(DIST_DIR));
}, 120_000);

afterAll(() => closeBrowserAndPreview(browser, preview));

afterEach(() => {
  expect(problems).toEqual([]);
});

describe('log opportunity', () => {
  it('refuses an empty form without writing; the probability follows the stage until typed; saves with history', async () => {
    const mine = call<CustomerList>('apiListCustomers', [], REP).customers;
    const customer = mine[0];
    const opportunitiesBefore = rowsOf('Opportunities').length;
    const historyBefore = rowsOf('Stage history').length;
    const page = await open(REP, 'en');
    expect(await page.textContent('h1')).toBe('Log opportunity');
    // Another rep's customers are not offered.
    const listed = await page.$$eval('li[data-customer-id]', (items) =>
      items.map((i) => i.getAttribute('data-customer-id')),
    );
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((id) => mine.some((c) => c.id === id))).toBe(true);

    await page.click('#save');
    await expect(page.textContent('#customerId-error')).resolves.toBe('Pick a customer from the list.');
    expect(rowsOf('Opportunities').length).toBe(opportunitiesBefore);

    await pick(page, customer.id, customer.id);
    await page.fill('#description', `Needs 20 seats ${XSS}`);
    await page.selectOption('#stage', 'Negotiating');
    expect(await page.inputValue('#probability')).toBe('60');
    await page.fill('#probability', '45');
    await page.selectOption('#stage', 'Signing');
    expect(await page.inputValue('#probability')).toBe('45');
    await page.fill('#probability', '');
    await page.selectOption('#stage', 'Negotiating');
    expect(await page.inputValue('#probability')).toBe('60');
    await page.fill('#amount', '-5');
    await page.click('#save');
    await expect(page.textContent('#amount-error')).resolves.toContain('Expected amount');
    expect(rowsOf('Opportunities').length).toBe(opportunitiesBefore);
    await page.fill('#amount', '250000');
    await page.fill('#expectedClose', '2026-12-15');
    await page.fill('#nextStep', 'Send the contract');
    await page.fill('#nextStepDate', '2026-11-26');
    await screenshotSidebar(page, 'log-opportunity-en');
    await page.click('#save');
    await page.waitForSelector('[data-testid=message-success]');
    expect(await page.textContent('[data-testid=message-success]')).toMatch(/Opportunity O-\d+ opened for/);
    await settle(page);
    expect(await page.$('img')).toBeNull();

    const rows = rowsOf('Opportunities');
    expect(rows.length).toBe(opportunitiesBefore + 1);
    const added = rows.at(-1) as unknown[];
    expect(added).toEqual(
      expect.arrayContaining([customer.id, 'Negotiating', 60, 250000, REP, `Needs 20 seats ${XSS}`]),
    );
    const history = rowsOf('Stage history');
    expect(history.length).toBe(historyBefore + 1);
    expect((history.at(-1) as unknown[]).slice(1)).toEqual([added[0], '', 'Negotiating', REP, 'sidebar']);

    // The saved opportunity stays selected: move it to won, and take the offer to write its deal.
    expect(await page.inputValue('#id')).toBe(String(added[0]));
    await page.selectOption('#stage', 'Won');
    expect(await page.inputValue('#probability')).toBe('100');
    await page.fill('#reason', 'Best fit');
    const dealsBefore = rowsOf('Deals').length;
    await page.click('#save');
    await page.waitForSelector('[data-testid=won-offer]');
    await page.click('#create-deal');
    await page.waitForSelector('text=/Deal D-\\d+ recorded from/');
    expect(rowsOf('Deals').length).toBe(dealsBefore + 1);
    expect(await page.$('[data-testid=won-offer]')).toBeNull();
    expect(rowsOf('Stage history').length).toBe(historyBefore + 2);
    await page.close();
  });

  it('speaks Chinese for a zh-CN user', async () => {
    const page = await open(REP, 'zh-CN');
    expect(await page.textContent('h1')).toBe('登记商机');
    const mine = call<CustomerList>('apiListCustomers', [], REP).customers;
    await pick(page, mine[1].id, mine[1].id);
    await page.click('#save');
    await expect(page.textContent('#description-error')).resolves.toBe('请填写“需求描述”。');
    expect(await page.textContent('label[for=stage]')).toContain('阶段');
    await screenshotSidebar(page, 'log-opportunity-zh-CN');
    await page.close();
  });
});
