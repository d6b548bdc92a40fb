/**
 * The Log service sidebar and the card's service section in Debian chromium against the built bundle, through the
 * preview server's google.script.run bridge: a rep sees only their customers, gets the shared schema's errors for a
 * bad record (nothing written), logs a complaint (choices in their language, the workbook's label written), sees it
 * among the customer's open records and closes it with a result and a rating; a Chinese rep in the English
 * workbook; axe-core finds no WCAG 2.1 A/AA violation with the open records shown; the card highlights an open
 * complaint. Screenshots: test-output/screenshots/log-service-<locale>.png.
 */
import type { Browser, Page } from 'playwright-core';
import { type PreviewServer } from '../../dev/preview/server';
import { selectRow } from '../../dev/preview/workbook-view';
import type { LocalRuntime } from '../../runtime';
import { translator } from '../../src/core/i18n';
import { EMPTY_SERVICE, makeServiceFormSchema } from '../../src/core/service/form';
import { validateWith } from '../../src/ui/shared/validation';
import { SHEETS } from '../../templates';
import {
  screenshotSidebar,
  openDemo,
  closeBrowserAndPreview,
  openSidebarPage,
  bridgeIdle,
  pickCustomer,
  axeViolations,
  DIST_DIR,
} from '../support/browser';

const REP = 'li.qiang@example.com';
const OTHER = 'zhang.wei@example.com';

let preview: PreviewServer;
let rt: LocalRuntime;
let browser: Browser;
const problems: string[] = [];

type CustomerList = { customers: { id: string; row: number; owner: string; company: string }[] };
const call = <T>(fn: string, args: unknown[], user: string): T => {
  const result = rt.execute(fn, args, { user, locale: 'en' });
  if (result.error) throw result.error;
  return result.value as T;
};
const serviceRows = () => rt.workbook.sheetValues('Service').filter((row) => row.some((v) => v !== ''));
const col = (key: string) =>
  rt.workbook
    .sheetValues('Service')[0]
    .indexOf(SHEETS.service.columns.find((c) => c.key === key)!.headers.en);

async function open(name: string, user: string, locale: 'en' | 'zh-CN'): Promise<Page> {
  const page = await openSidebarPage(browser, preview, { name, user, locale, height: 1100 }, problems);
  await page.waitForLoadState('networkidle');
  await bridgeIdle(page);
  return page;
}

async function unlabelledControls(page: Page): Promise<string[]> {
  return page.$$eval('input:not([type=hidden]):not([tabindex="-1"]), select, textarea', (controls) =>
    controls
      .filter((control) => {
        const element = control as HTMLInputElement;
        return !(element.labels && element.labels.length > 0) && !element.getAttribute('aria-label');
      })
      .map((control) => control.id || control.outerHTML.slice(0, 60)),
  );
}

/** Picks a customer by ID, then waits for the sidebar to load what it shows for them. */
async function pick(page: Page, id: string): Promise<void> {
  await pickCustomer(page, id, id);
  await bridgeIdle(page);
}

beforeAll(async () => {
  ({ rt, preview, browser } = await openDemo(DIST_DIR));
}, 120_000);

afterAll(() => closeBrowserAndPreview(browser, preview));

afterEach(() => {
  expect(problems).toEqual([]);
});

describe('Log service', () => {
  it('a rep: own customers only, errors as the schema says, logs a complaint and closes it', async () => {
    const mine = call<CustomerList>('apiListCustomers', [], REP).customers;
    const theirs = call<CustomerList>('apiListCustomers', [], OTHER).customers.map((c) => c.id);
    const page = await open('log-service', REP, 'en');
    expect(await page.textContent('h1')).toBe('Log service');
    expect(await unlabelledControls(page)).toEqual([]);
    const listed = await page.$$eval('li[data-customer-id]', (items) =>
      items.map((i) => i.getAttribute('data-customer-id') ?? ''),
    );
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((id) => theirs.includes(id))).toEqual([]);

    // Nothing filled: the shared schema's messages, word for word; nothing written.
    const before = serviceRows().length;
    await page.click('#save');
    const expected = validateWith(makeServiceFormSchema(translator('en'), {}), { ...EMPTY_SERVICE });
    if (expected.ok) throw new Error('expected errors');
    await expect(page.textContent('#content-error')).resolves.toBe(expected.errors.content);
    await expect(page.textContent('#customerId-error')).resolves.toBe(expected.errors.customerId);
    expect(await page.$('#type-error')).not.toBeNull();
    expect(serviceRows().length).toBe(before);

    const customer = mine[0];
    await pick(page, customer.id);
    await page.fill('#time', '2026-11-23T09:15');
    await page.selectOption('#type', 'Complaint');
    await page.fill('#content', 'Scanner <b>broken</b> again');
    await page.fill('#nextPlan', 'Send an engineer');
    await page.fill('#nextDate', '2026-11-24');
    await page.click('#save');
    await page.waitForSelector('[data-testid=message-success]');
    expect(await page.textContent('[data-testid=message-success]')).toMatch(/Saved complaint S-\d+/);
    const rows = serviceRows();
    expect(rows.length).toBe(before + 1);
    const added = rows[rows.length - 1];
    expect([added[col('customerId')], added[col('type')], added[col('content')], added[col('rep')]]).toEqual([
      customer.id,
      'Complaint',
      'Scanner <b>broken</b> again',
      REP,
    ]);
    expect(await page.$('b:text("broken")')).toBeNull(); // typed markup is never rendered

    // The customer's open records list it, highlighted as an open complaint; close it with a result and a rating.
    const id = String(added[col('id')]);
    await page.waitForSelector(`[data-testid=open-service-list] input[value="${id}"]`);
    expect(await page.$(`li.complaint input[value="${id}"]`)).not.toBeNull();
    await page.check(`[data-testid=open-service-list] input[value="${id}"]`);
    await page.fill('#closeResult', 'Engineer replaced the scanner');
    await page.selectOption('#closeSatisfaction', '4');
    await screenshotSidebar(page, 'log-service-en');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('#close-record');
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid=message-success]')?.textContent?.includes(text),
      `Closed ${id}`,
    );
    const closed = serviceRows().find((row) => row[col('id')] === id)!;
    expect([closed[col('closed')], closed[col('result')], closed[col('satisfaction')]]).toEqual([
      true,
      'Engineer replaced the scanner',
      4,
    ]);
    await bridgeIdle(page);
    expect(await page.$(`[data-testid=open-service-list] input[value="${id}"]`)).toBeNull();
    await page.close();
  });

  it('a Chinese rep in the English workbook: Chinese choices, the workbook’s label written, no axe violation', async () => {
    const mine = call<CustomerList>('apiListCustomers', [], OTHER).customers;
    const page = await open('log-service', OTHER, 'zh-CN');
    expect(await page.textContent('h1')).toBe('记录售后');
    const options = await page.$$eval('#type option', (items) =>
      items.map((o) => [(o as HTMLOptionElement).value, o.textContent]),
    );
    expect(options).toContainEqual(['Complaint', '投诉']);
    expect(options).toContainEqual(['Installation', '安装']);
    await pick(page, mine[0].id);
    await page.selectOption('#type', 'Installation');
    await page.fill('#content', '上门安装并培训');
    await page.selectOption('#satisfaction', '5');
    await page.check('#closed');
    await screenshotSidebar(page, 'log-service-zh-CN');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('#save');
    await page.waitForSelector('[data-testid=message-success]');
    expect(await page.textContent('[data-testid=message-success]')).toMatch(/已为 .+ 保存 S-\d+/);
    const added = serviceRows().at(-1)!;
    expect([added[col('type')], added[col('satisfaction')], added[col('closed')], added[col('rep')]]).toEqual(
      ['Installation', 5, true, OTHER],
    );
    await page.close();
  });
});

describe('customer card', () => {
  it('lists service records and highlights an open complaint', async () => {
    // A customer of the sample with an open complaint, selected on its Service row.
    const values = rt.workbook.sheetValues('Service');
    const index = values.findIndex(
      (row, i) => i > 0 && row[col('type')] === 'Complaint' && row[col('closed')] !== true,
    );
    expect(index).toBeGreaterThan(0);
    selectRow(rt, 'Service', index + 1);
    const page = await open('customer-card', 'owner@example.com', 'en');
    await page.waitForSelector('[data-testid=card-service]');
    expect(await page.textContent('[data-testid=card-open-complaints]')).toMatch(/^\d+ open complaints?$/);
    const first = await page.$('[data-testid=card-service] li');
    expect(await first?.getAttribute('class')).toBe('complaint');
    expect(await first?.textContent()).toMatch(/Open complaint · \d+ days?/);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
