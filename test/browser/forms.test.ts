/**
 * The rep forms in a real browser (Debian chromium through playwright-core) against the built bundle in the local
 * runtime, through the preview server's google.script.run bridge: fill each form, see client-side errors for bad
 * input (nothing written), submit, check the workbook; the XSS name renders as text; zh-CN shows Chinese.
 * Screenshots go to test-output/screenshots/<sidebar>-<locale>.png.
 */
import type { Browser, Page } from 'playwright-core';
import { type PreviewServer } from '../../dev/preview/server';
import { selectRow, sheetNames } from '../../dev/preview/workbook-view';
import type { LocalRuntime } from '../../runtime';
import { translator } from '../../src/core/i18n';
import {
  EMPTY_CUSTOMER,
  EMPTY_DEAL,
  EMPTY_FOLLOW_UP,
  makeCustomerFormSchema,
  makeDealFormSchema,
  makeFollowUpFormSchema,
} from '../../src/core/forms/schemas';
import { validateWith } from '../../src/ui/shared/validation';
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
let rep: string;
let otherRep: string;
let manager: string;
const dialogs: string[] = [];

type Boot = { lists: Record<string, string[]>; currency: string };
type CustomerList = {
  customers: { id: string; row: number; contact: string; owner: string }[];
  all: boolean;
};
let lists: Record<string, string[]>;

/** The message the shared schema gives for `field` of `values`: what the browser must show, word for word. */
function schemaMessage(
  make: typeof makeCustomerFormSchema | typeof makeFollowUpFormSchema | typeof makeDealFormSchema,
  locale: 'en' | 'zh-CN',
  values: Record<string, string>,
  field: string,
): string {
  const result = validateWith(make(translator(locale), lists), values);
  if (result.ok) throw new Error(`expected ${field} to be invalid`);
  return result.errors[field];
}

function call<T>(fn: string, args: unknown[], user: string): T {
  const result = rt.execute(fn, args, { user, locale: 'en' });
  if (result.error) throw result.error;
  return result.value as T;
}

function sheetName(candidates: string[]): string {
  const names = sheetNames(rt);
  const found = candidates.find((name) => names.includes(name));
  if (!found) throw new Error(`none of ${candidates.join(', ')} in ${names.join(', ')}`);
  return found;
}
const customersSheet = () => sheetName(['Customers', '客户']);
const dealsSheet = () => sheetName(['Deals', '成交']);
const followUpsSheet = () => sheetName(['Follow-ups', '跟进']);
const rowsOf = (sheet: string) =>
  rt.workbook.sheetValues(sheet).filter((row) => row.some((v) => v !== '' && v !== null));

async function open(name: string, user: string, locale: 'en' | 'zh-CN'): Promise<Page> {
  const page = await openSidebarPage(browser, preview, { name, user, locale }, dialogs);
  // Sidebars load their data after the bootstrap call: wait until the bridge has no call in flight for a while.
  await page.waitForLoadState('networkidle');
  await bridgeIdle(page);
  return page;
}

async function shoot(page: Page, name: string, locale: string): Promise<void> {
  await screenshotSidebar(page, `${name}-${locale}`);
}

/** Every visible control has a label the browser associates with it (accessible name not empty). */
async function unlabelledControls(page: Page): Promise<string[]> {
  return page.$$eval('input:not([type=hidden]):not([tabindex="-1"]), select, textarea', (controls) =>
    controls
      .filter((control) => {
        const element = control as HTMLInputElement;
        const labelled = element.labels && element.labels.length > 0;
        return !labelled && !element.getAttribute('aria-label') && !element.getAttribute('aria-labelledby');
      })
      .map((control) => control.id || control.outerHTML.slice(0, 60)),
  );
}

beforeAll(async () => {
  ({ rt, preview, browser } = await openDemo(DIST_DIR));

  // The demo workbook's people: two reps with customers, and the owner (a manager).
  const repsValues = rt.workbook.sheetValues(sheetName(['Reps', '销售']));
  const emails = repsValues
    .slice(1)
    .flatMap((row) => row.filter((v): v is string => typeof v === 'string' && /@/.test(v)).slice(0, 1));
  const owners = new Set(
    call<CustomerList>('apiListCustomers', [], rt.owner ?? 'owner@example.com').customers.map((c) => c.owner),
  );
  // Plain reps (not managers in Settings) who own customers.
  const plainReps = emails
    .map((email) => email.toLowerCase())
    .filter((email) => owners.has(email) && !call<CustomerList>('apiListCustomers', [], email).all);
  [rep, otherRep] = plainReps;
  expect(otherRep).toBeDefined();
  manager = (rt.owner ?? 'owner@example.com').toLowerCase();
  lists = call<Boot>('apiBootstrap', [], rep).lists;
}, 120_000);

afterAll(() => closeBrowserAndPreview(browser, preview));

afterEach(() => {
  expect(dialogs).toEqual([]);
});

describe('new customer', () => {
  it('shows errors as the user types and on save, writing nothing for bad input', async () => {
    const before = rowsOf(customersSheet()).length;
    const page = await open('new-customer', rep, 'en');
    expect(await page.textContent('h1')).toBe('New customer');
    expect(await unlabelledControls(page)).toEqual([]);

    await page.fill('#email', 'not-an-email');
    const typed = { ...EMPTY_CUSTOMER, owner: rep, email: 'not-an-email' };
    await expect(page.textContent('#email-error')).resolves.toBe(
      schemaMessage(makeCustomerFormSchema, 'en', typed, 'email'),
    );
    await page.click('#save');
    await expect(page.textContent('#contact-error')).resolves.toBe(
      schemaMessage(makeCustomerFormSchema, 'en', typed, 'contact'),
    );
    await expect(page.textContent('[data-testid=message-error]')).resolves.toContain('Nothing was saved');
    expect(rowsOf(customersSheet()).length).toBe(before);
    await page.close();
  });

  it('saves one row owned by the rep; the XSS name is stored and later shown as text', async () => {
    const before = rowsOf(customersSheet()).length;
    const page = await open('new-customer', rep, 'en');
    await page.fill('#contact', XSS);
    await page.fill('#company', 'Script & Sons');
    await page.fill('#phone', '+86 139 1234 5678');
    await page.fill('#email', 'xss@example.com');
    if (lists.industry?.length) await page.selectOption('#industry', lists.industry[0]);
    if (lists.stage?.length) await page.selectOption('#stage', lists.stage[0]);
    await page.selectOption('#level', '4');
    await page.fill('#notes', '=HYPERLINK("http://evil")');
    await shoot(page, 'new-customer', 'en');
    await page.click('#save');
    await page.waitForSelector('[data-testid=message-success]');
    expect(await page.textContent('[data-testid=message-success]')).toMatch(/saved as C-?\d+/);
    expect(await page.$('img')).toBeNull();

    const rows = rowsOf(customersSheet());
    expect(rows.length).toBe(before + 1);
    const added = rows[rows.length - 1];
    expect(added).toContain(XSS);
    expect(added).toContain(rep);
    expect(added).toContain('+86 139 1234 5678'); // stored exactly as typed (plain-text column)
    // Typed text starting with "=" is stored as text, never as a formula (formula injection).
    const notesColumn = added.indexOf('=HYPERLINK("http://evil")');
    expect(notesColumn).toBeGreaterThan(-1);
    const formulas = (rt.workbook as unknown as { sheetFormulas(name: string): string[][] }).sheetFormulas(
      customersSheet(),
    );
    expect(formulas[rows.length - 1]?.[notesColumn] ?? '').toBe('');
    await page.close();
  });

  it('warns about a duplicate: go back writes nothing, save anyway writes', async () => {
    const before = rowsOf(customersSheet()).length;
    const page = await open('new-customer', rep, 'en');
    await page.fill('#contact', 'Someone New');
    await page.fill('#company', 'Another Co');
    await page.fill('#email', 'XSS@example.com');
    await page.click('#save');
    await page.waitForSelector('[data-testid=duplicate-warning]');
    expect(await page.textContent('[data-testid=duplicate-warning]')).toContain('same e-mail');
    expect(await page.textContent('[data-testid=duplicate-warning]')).toContain(XSS);
    expect(await page.$('img')).toBeNull();
    await page.click('#duplicate-back');
    expect(await page.$('[data-testid=duplicate-warning]')).toBeNull();
    expect(rowsOf(customersSheet()).length).toBe(before);

    await page.click('#save');
    await page.click('#duplicate-save');
    await page.waitForSelector('[data-testid=message-success]');
    expect(rowsOf(customersSheet()).length).toBe(before + 1);
    await page.close();
  });
});

describe('log follow-up', () => {
  it('lists only the rep’s customers, searches, and updates the customer after saving', async () => {
    const mine = call<CustomerList>('apiListCustomers', [], rep).customers;
    const xss = mine.find((c) => c.contact === XSS);
    expect(xss).toBeDefined();
    const page = await open('log-follow-up', rep, 'en');
    expect(await unlabelledControls(page)).toEqual([]);
    const listed = await page.$$eval('li[data-customer-id]', (items) =>
      items.map((i) => i.getAttribute('data-customer-id')),
    );
    const theirs = call<CustomerList>('apiListCustomers', [], otherRep).customers.map((c) => c.id);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((id) => theirs.includes(id ?? ''))).toEqual([]);

    // Client-side errors first: nothing picked, nothing typed.
    await page.fill('#time', '');
    await page.click('#save');
    await expect(page.textContent('#customerId-error')).resolves.toBe('Pick a customer from the list.');
    await expect(page.textContent('#content-error')).resolves.toBe(
      schemaMessage(makeFollowUpFormSchema, 'en', EMPTY_FOLLOW_UP, 'content'),
    );

    await page.fill('#customer-search', '<img');
    const optionText = await page.textContent(`li[data-customer-id="${xss!.id}"]`);
    expect(optionText).toContain(XSS);
    expect(await page.$('img')).toBeNull();
    await page.click(`li[data-customer-id="${xss!.id}"]`);
    await page.fill('#time', '2026-11-20T10:30');
    if (lists.channel?.length) await page.selectOption('#channel', lists.channel[0]);
    await page.fill('#content', 'Discussed the <b>spring</b> order');
    if (lists.result?.length) await page.selectOption('#result', lists.result[0]);
    await page.fill('#nextStep', 'Send quote');
    await page.fill('#nextDate', '2026-11-30');
    await shoot(page, 'log-follow-up', 'en');
    const before = rowsOf(followUpsSheet()).length;
    await page.click('#save');
    await page.waitForSelector('[data-testid=message-success]');
    expect(await page.textContent('[data-testid=message-success]')).toContain('2026-11-30');
    const rows = rowsOf(followUpsSheet());
    expect(rows.length).toBe(before + 1);
    expect(rows[rows.length - 1]).toContain('Discussed the <b>spring</b> order');

    const after = call<CustomerList>('apiListCustomers', [], rep).customers.find(
      (c) => c.id === xss!.id,
    ) as unknown as {
      lastContact: string;
      nextFollowUp: string;
    };
    expect(after.lastContact).toBe('2026-11-20');
    expect(after.nextFollowUp).toBe('2026-11-30');
    await page.close();
  });
});

describe('log deal', () => {
  it('rejects a bad amount, then appends the deal and refreshes totals and tier', async () => {
    const xss = call<CustomerList>('apiListCustomers', [], rep).customers.find((c) => c.contact === XSS)!;
    const page = await open('log-deal', rep, 'en');
    expect(await unlabelledControls(page)).toEqual([]);
    await pickCustomer(page, 'Script', xss.id);
    if (lists.product?.length) await page.selectOption('#product', lists.product[0]);
    await page.fill('#amount', '-5');
    await expect(page.textContent('#amount-error')).resolves.toBe(
      schemaMessage(makeDealFormSchema, 'en', { ...EMPTY_DEAL, amount: '-5' }, 'amount'),
    );
    const before = rowsOf(dealsSheet()).length;
    await page.click('#save');
    expect(rowsOf(dealsSheet()).length).toBe(before);

    await page.fill('#amount', '120000');
    if (lists.currency?.length && !(await page.inputValue('#currency')))
      await page.selectOption('#currency', lists.currency[0]);
    if (lists.paymentMethod?.length) await page.selectOption('#paymentMethod', lists.paymentMethod[0]);
    await page.fill('#date', '2026-11-21');
    const won = (lists.dealStatus ?? []).find((label) => /won|成交/i.test(label)) ?? lists.dealStatus?.[0];
    if (won) await page.selectOption('#status', won);
    await shoot(page, 'log-deal', 'en');
    await page.click('#save');
    await page.waitForSelector('[data-testid=message-success]');
    const message = await page.textContent('[data-testid=message-success]');
    expect(message).toMatch(/Total purchases: 120,000; orders: 1; tier: \S+/);
    const rows = rowsOf(dealsSheet());
    expect(rows.length).toBe(before + 1);
    expect(rows[rows.length - 1]).toContain(120000);
    const customerRow = rowsOf(customersSheet()).find((row) => row.includes(xss.id))!;
    expect(customerRow).toContain(120000);
    await page.close();
  });
});

describe('customer card', () => {
  it('shows the selected customer with follow-ups and deals, newest first, all as text', async () => {
    const xss = call<CustomerList>('apiListCustomers', [], rep).customers.find((c) => c.contact === XSS)!;
    selectRow(rt, customersSheet(), xss.row);
    const page = await open('customer-card', rep, 'en');
    await page.waitForSelector('[data-testid=card-name]');
    expect(await page.textContent('[data-testid=card-name]')).toBe(XSS);
    expect(await page.$('img')).toBeNull();
    expect(await page.textContent('[data-testid=card-followups]')).toContain(
      'Discussed the <b>spring</b> order',
    );
    expect(await page.$('[data-testid=card-followups] b:text("spring")')).toBeNull();
    expect(await page.textContent('[data-testid=card-deals]')).toContain('120,000');
    await shoot(page, 'customer-card', 'en');
    await page.close();
  });

  it('explains what to do when no customer row is selected', async () => {
    selectRow(rt, customersSheet(), 1);
    const page = await open('customer-card', rep, 'en');
    await page.waitForSelector('.message');
    expect(await page.textContent('.message')).toContain('Select a customer row');
    await page.close();
  });
});

describe('zh-CN', () => {
  it('shows Chinese labels, messages and validation in every sidebar', async () => {
    const page = await open('new-customer', rep, 'zh-CN');
    expect(await page.textContent('h1')).toBe('新建客户');
    expect(await page.textContent('label[for=contact]')).toContain('联系人');
    await page.click('#save');
    const message = schemaMessage(makeCustomerFormSchema, 'zh-CN', EMPTY_CUSTOMER, 'contact');
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    await expect(page.textContent('#contact-error')).resolves.toBe(message);
    await shoot(page, 'new-customer', 'zh-CN');
    await page.close();

    const xss = call<CustomerList>('apiListCustomers', [], rep).customers.find((c) => c.contact === XSS)!;
    selectRow(rt, customersSheet(), xss.row);
    for (const [name, title] of [
      ['log-follow-up', '记录跟进'],
      ['log-deal', '记录成交'],
      ['customer-card', '客户卡片'],
    ]) {
      const zh = await open(name, rep, 'zh-CN');
      expect(await zh.textContent('h1')).toBe(title);
      await zh.waitForTimeout(100);
      await shoot(zh, name, 'zh-CN');
      await zh.close();
    }
  });

  it('is usable from the keyboard: search, arrows and Enter pick a customer; Enter saves', async () => {
    selectRow(rt, customersSheet(), 1);
    const page = await open('log-deal', rep, 'en');
    await page.focus('#customer-search');
    await page.keyboard.type('Script');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=picked-customer]');
    expect(await page.textContent('[data-testid=picked-customer]')).toContain('Script & Sons');
    await page.focus('#amount');
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=message-error]');
    expect(await page.textContent('#amount-error')).toBe(
      schemaMessage(makeDealFormSchema, 'en', { ...EMPTY_DEAL, amount: 'abc' }, 'amount'),
    );
    await page.close();
  });

  it('lets a manager pick any rep’s customer', async () => {
    const all = call<CustomerList>('apiListCustomers', [], manager);
    expect(all.all).toBe(true);
    selectRow(rt, customersSheet(), 1); // the header: no customer pre-picked
    const page = await open('log-follow-up', manager, 'en');
    const listed = await page.$$eval('li[data-customer-id]', (items) => items.length);
    expect(listed).toBe(Math.min(all.customers.length, 30));
    expect(await page.textContent('#customer-hint')).toBe('As a manager you see every customer.');
    await page.close();
  });
});
