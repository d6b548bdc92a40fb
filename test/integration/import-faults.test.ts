/**
 * Import customers from CSV with a fault at every service call (rt.faults: a service error, then the 6-minute
 * limit): the new rows land all together or not at all, and importing the same file again with the same choices
 * ends exactly where an import without the fault ends — no row added twice, every merge complete.
 */
import { LocalRuntime } from '../../runtime';
import { salesWorkbook } from './helpers/sales-workbook';

jest.setTimeout(600_000);

const NOW = new Date('2026-03-15T02:00:00Z');
const BOSS = { user: 'boss@example.com', locale: 'en' };

async function runtime(workbook = salesWorkbook({ customers: 5, deals: 0, followups: 0, now: NOW })) {
  return LocalRuntime.create({ workbook, now: NOW, owner: 'owner@example.com' });
}

describe('import: a fault at every service call', () => {
  it.each(['error', 'timeout'] as const)(
    '%s at call k = 1..N: all or no new rows; the re-run completes',
    async (kind) => {
      const base = await runtime();
      const first = 'Company,Contact name,E-mail,Job title\nAcme,Li,li@x.cn,\nBeta,Wang,wang@x.cn,CTO';
      base.call('apiImportCustomers', { text: first, duplicates: 'skip' }, BOSS);
      // Two duplicates whose blanks get filled (merge) and two new customers.
      const text = [
        'Company,Contact name,E-mail,Job title,Phone',
        'Acme,Li,li@x.cn,CEO,+86 138 0013 8000',
        'Beta,Wang,wang@x.cn,Chief,+86 138 0013 8001',
        'Gamma,Zhao,zhao@x.cn,Buyer,',
        'Delta,Qian,qian@x.cn,,+86 138 0013 8003',
      ].join('\n');
      const request = { text, duplicates: 'merge' };
      const clean = await runtime(base.workbook.clone());
      const result = clean.execute('apiImportCustomers', [request], BOSS);
      expect(result.error).toBeUndefined();
      expect(result.value).toMatchObject({ added: 2, merged: 2 });
      const expected = clean.workbook.sheetValues('Customers');
      // A merge fills blanks only: Beta's typed job title stays, even though Acme's merge touched that column.
      const header = expected[0].map(String);
      const beta = expected.find((row) => row[header.indexOf('E-mail')] === 'wang@x.cn')!;
      expect(beta[header.indexOf('Position')]).toBe('CTO');
      const rowsBefore = base.workbook.sheetValues('Customers').filter((r) => r.some((v) => v !== '')).length;
      for (let k = 1; k <= result.totalCalls; k++) {
        const rt = await runtime(base.workbook.clone());
        rt.faults.inject({ call: k, kind, fn: 'apiImportCustomers' });
        const faulted = rt.execute('apiImportCustomers', [request], BOSS);
        const context = `${kind} at call ${k} (${rt.faults.fired[0]?.member}): ${faulted.error?.message ?? 'no error'}`;
        const added =
          rt.workbook.sheetValues('Customers').filter((r) => r.some((v) => v !== '')).length - rowsBefore;
        expect({ context, allOrNothing: added === 0 || added === 2 }).toEqual({
          context,
          allOrNothing: true,
        });
        const again = rt.execute('apiImportCustomers', [request], BOSS);
        expect({ context, error: again.error?.message }).toEqual({ context, error: undefined });
        expect({ context, sheet: rt.workbook.sheetValues('Customers') }).toEqual({
          context,
          sheet: expected,
        });
      }
    },
  );
});
