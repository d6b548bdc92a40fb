/**
 * The writable-before-write check of Import and Refresh tiers (issue 10), through the built bundle. SalesDesk's own
 * protections on Customers only warn, so both normally write; when the owner has locked Customers with a protection
 * of their own, whoever it does not list is told so before anything is written, the sheet named — a rep importing
 * customers, a manager refreshing tiers — and the workbook is exactly as before.
 */
import { LocalRuntime } from '../../runtime';
import { SHEETS } from '../../templates';
import { sampleWorkbookRuntime } from '../support/built-workbooks';

jest.setTimeout(180_000);

const NOW = '2026-11-23T02:00:00Z';
const OWNER = 'owner@example.com';
const MANAGER = 'wang.fang@example.com'; // the sample data's manager

let rt: LocalRuntime;
let rep: string;

const customers = () => rt.workbook.sheetValues(SHEETS.customers.names.en);

beforeAll(async () => {
  rt = await sampleWorkbookRuntime({ now: NOW, owner: OWNER, locale: 'en' });
  // A sample rep who is not a manager.
  const reps = rt.workbook.sheetValues(SHEETS.reps.names.en);
  const email = reps[0].indexOf('E-mail');
  rep = reps
    .slice(1)
    .map((row) => String(row[email]).toLowerCase())
    .find((candidate) => {
      const listed = rt.execute<{ all: boolean }>('apiListCustomers', [], { user: candidate, locale: 'en' });
      return !listed.error && listed.value?.all === false;
    })!;
  expect(rep).toMatch(/@/);
  // The owner protects the whole Customers sheet for themselves (Data → Protect sheets and ranges).
  const store = rt.workbook as unknown as {
    data: { protections: Record<string, unknown>[] };
    requireSheet(name: string): { id: number };
  };
  store.data.protections.push({
    id: Math.max(0, ...store.data.protections.map((p) => Number(p.id))) + 1,
    type: 'SHEET',
    sheetId: store.requireSheet(SHEETS.customers.names.en).id,
    rect: null,
    description: '',
    warningOnly: false,
    editors: [OWNER],
    domainEdit: false,
    unprotectedRanges: [],
  });
});

test('a rep importing customers is told before any write that Customers is protected', () => {
  const before = customers();
  const result = rt.execute(
    'apiImportCustomers',
    [{ text: 'Company,Contact name,E-mail\nNew Co,Li,li@new.example\n', duplicates: 'skip' }],
    {
      user: rep,
      locale: 'en',
    },
  );
  expect(result.error?.message).toMatch(
    /^Nothing was changed: Customers is protected and you are not one of its editors/,
  );
  expect(result.error?.message).toContain(OWNER);
  expect(result.error?.message).toContain('Ask a manager');
  expect(result.calls['Range.setValues'] ?? 0).toBe(0);
  expect(customers()).toEqual(before);

  const zh = rt.execute(
    'apiImportCustomers',
    [{ text: 'Company,Contact name\nNew Co,Li\n', duplicates: 'skip' }],
    {
      user: rep,
      locale: 'zh-CN',
    },
  );
  expect(zh.error?.message).toMatch(/^未做任何修改：Customers 受保护，您不是其编辑者/);
});

test('a manager the protection does not list is told which sheet before Refresh tiers writes anything', () => {
  const before = customers();
  const result = rt.execute('menuRefreshTiers', [], { user: MANAGER, locale: 'en' });
  expect(result.error?.message).toMatch(/^Nothing was changed: you cannot edit Customers \(protected\)/);
  expect(result.error?.message).toContain(OWNER);
  expect(result.calls['Range.setValues'] ?? 0).toBe(0);
  expect(customers()).toEqual(before);
  // The owner, whom it lists, refreshes as before.
  expect(rt.execute('menuRefreshTiers', [], { user: OWNER, locale: 'en' }).error).toBeUndefined();
});

test('without a lock of the owner a rep imports (SalesDesk’s own protections there only warn)', () => {
  const store = rt.workbook as unknown as { data: { protections: { description: string }[] } };
  store.data.protections = store.data.protections.filter((p) => p.description !== '');
  const result = rt.execute(
    'apiImportCustomers',
    [{ text: 'Company,Contact name,E-mail\nNew Co,Li,li@new.example\n', duplicates: 'skip' }],
    {
      user: rep,
      locale: 'en',
    },
  );
  expect(result.error).toBeUndefined();
  expect(result.value).toMatchObject({ ok: true, added: 1 });
});
