/**
 * Issue 14 §5 bench: Merge duplicates on 50 000 customers (100 000 deals, 50 000 follow-ups) with 1 000 planted
 * groups of likely duplicates — 800 pairs by an e-mail typed in upper case, 200 chains of three linked by e-mail and
 * then by a phone in full-width digits. Finding the groups (the sidebar's preview) and merging 10 or 100 groups
 * (every deal and follow-up of the merged-away customers moved) and undoing the 100 cost the same service calls:
 * one read per sheet, one journal write, one log append, one write per child sheet, one Customers rewrite (plus one
 * formulas read), one state write.
 */
import { LocalRuntime } from '../../runtime';
import { salesWorkbook } from '../../test/integration/helpers/sales-workbook';
import { SHEETS } from '../../templates';
import type { BenchCase } from '../types';

const NOW = new Date('2026-03-15T02:00:00Z');
const MANAGER = { user: 'boss@example.com', locale: 'en' };
const CUSTOMERS = 50_000;

interface Preview {
  total: number;
  groups: { ids: string[]; fingerprint: string; survivor: string }[];
}

const fullWidth = (text: string): string =>
  text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

async function workbook(): Promise<LocalRuntime> {
  const store = salesWorkbook({ customers: CUSTOMERS, deals: CUSTOMERS * 2, followups: CUSTOMERS, now: NOW });
  const log = SHEETS.assignmentLog.columns.map((column) => column.headers.en);
  const logSheet = store.insertSheet(SHEETS.assignmentLog.names.en, undefined, 100, log.length);
  store.writeValues(logSheet, { row: 1, column: 1, numRows: 1, numColumns: log.length }, [log]);
  // Duplicates: customer 49 000 + k repeats customer 1 + 37k's e-mail (upper case); for the last 200, customer
  // 48 800 + k repeats that one's phone in full-width digits (a chain of three).
  const values = store.sheetValues(SHEETS.customers.names.en);
  const header = values[0];
  const emailCol = header.indexOf('E-mail');
  const phoneCol = header.indexOf('Phone');
  const sheet = store.requireSheet(SHEETS.customers.names.en);
  const write = (row: number, column: number, value: unknown) =>
    store.writeValues(sheet, { row: row + 1, column: column + 1, numRows: 1, numColumns: 1 }, [[value]]);
  for (let k = 0; k < 1_000; k++) {
    const twin = 49_000 + k;
    const original = 1 + 37 * k;
    write(twin, emailCol, String(values[original][emailCol]).toUpperCase());
    if (k >= 800) write(twin - 1_000, phoneCol, fullWidth(String(values[twin][phoneCol])));
  }
  return LocalRuntime.create({ workbook: store, now: NOW, owner: 'owner@example.com' });
}

function mergeCase(groups: number): BenchCase {
  let decisions: unknown[] = [];
  return {
    name: `merge duplicates: confirm ${groups} groups (50 000 customers, 100 000 deals, 50 000 follow-ups)`,
    rows: CUSTOMERS * 4,
    async setup() {
      const rt = await workbook();
      const preview = rt.execute<Preview>('apiPreviewMerge', [], MANAGER);
      if (preview.error) throw preview.error;
      decisions = preview
        .value!.groups.slice(0, groups)
        .map((g) => ({ members: g.ids, fingerprint: g.fingerprint, survivor: g.survivor }));
      return rt;
    },
    run: (rt) => {
      const result = rt.execute<{ status: string }>('apiConfirmMerge', [decisions], MANAGER);
      if (result.error) throw result.error;
      if (result.value?.status !== 'done')
        throw new Error(`merge bench: confirm said ${result.value?.status}`);
      return result;
    },
  };
}

export const cases: BenchCase[] = [
  {
    name: 'merge duplicates: find groups (50 000 customers, 1 000 groups, 100 000 deals, 50 000 follow-ups)',
    rows: CUSTOMERS * 4,
    setup: workbook,
    run: (rt) => {
      const result = rt.execute<Preview>('apiPreviewMerge', [], MANAGER);
      if (result.error) throw result.error;
      if (result.value?.total !== 1_000) throw new Error(`merge bench: ${result.value?.total} groups`);
      return result;
    },
  },
  mergeCase(10),
  mergeCase(100),
  {
    name: 'merge duplicates: undo the 100-group merge (50 000 customers)',
    rows: CUSTOMERS * 4,
    async setup() {
      const base = mergeCase(100);
      const rt = await base.setup();
      await base.run(rt);
      return rt;
    },
    run: (rt) => {
      const result = rt.execute<{ status: string }>('apiUndoMerge', [], MANAGER);
      if (result.error) throw result.error;
      if (result.value?.status !== 'done') throw new Error(`merge bench: undo said ${result.value?.status}`);
      return result;
    },
  },
];
