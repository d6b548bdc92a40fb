/**
 * Issue 5 bench: SalesDesk → Assign leads confirming 10 000 and 50 000 new leads over 20 reps, region matching and
 * the senior rule on (so several pools rotate). Service calls stay constant in the row count (one read per sheet,
 * one journal write, one log append, one owner write, one state write, one mail per rep); the modelled time is far
 * under the 6-minute limit. The preview is made in setup (not measured) for its token, as the sidebar would.
 *
 * Issue 10 sizes: 1 000 reps (47-character e-mails) in one pool, a 100 000-lead run with 20 000 reassign marks on
 * customers without an owner and its undo (every mark restored), and a 200 000-lead confirm.
 */
import type { LocalRuntime } from '../../runtime';
import {
  appendRecords,
  assignRuntime,
  assignWorkbook,
  leads,
  MANAGER,
  NOW,
  type AssignData,
  type Row,
} from '../../test/integration/assign/fixture';
import { addServiceSheet } from '../../test/integration/helpers/service-sheet';
import type { WorkbookStore } from '../../runtime/spreadsheet/store';
import { SHEETS } from '../../templates';
import type { BenchCase } from '../types';

const spaced = (count: number) => count.toLocaleString('en').replace(/,/g, ' ');

const REGIONS = ['East China', 'North China', 'South China', 'Central China'];

function reps(): Row[] {
  return Array.from({ length: 20 }, (_, i) => ({
    name: `Rep ${i + 1}`,
    email: `rep${i + 1}@example.com`,
    active: i !== 19,
    role: i % 5 === 0 ? 'Senior rep' : 'Rep',
    weight: 1 + (i % 3),
    capacity: '',
    regions: `${REGIONS[i % 4]}, ${REGIONS[(i + 1) % 4]}`,
  }));
}

/** Issue 14: `count` opportunities and `count` service records beside the leads (assignment reads neither). */
function withPipelineSheets(data: AssignData, count: number): WorkbookStore {
  const store = assignWorkbook(data);
  addServiceSheet(store, count, data.customers.length, new Date(NOW));
  const columns = SHEETS.opportunities.columns;
  const values: unknown[][] = [columns.map((column) => column.headers.en)];
  for (let i = 1; i <= count; i++) {
    const record: Record<string, unknown> = {
      id: `O-${String(i).padStart(6, '0')}`,
      customerId: `C-${String(1 + (i % data.customers.length)).padStart(4, '0')}`,
      stage: 'Negotiating',
      amount: 10_000 + i,
      currency: 'CNY',
      owner: `rep${1 + (i % 19)}@example.com`,
    };
    values.push(columns.map((column) => record[column.key] ?? ''));
  }
  const sheet = store.insertSheet(SHEETS.opportunities.names.en, undefined, values.length + 10, 26);
  store.writeValues(sheet, { row: 1, column: 1, numRows: values.length, numColumns: columns.length }, values);
  return store;
}

function assignCase(count: number, pipeline = 0): BenchCase {
  let token = '';
  const beside = pipeline
    ? ` with ${spaced(pipeline)} opportunities and ${spaced(pipeline)} service records`
    : '';
  return {
    name: `assign ${spaced(count)} leads${beside} (confirm: plan, owners, log, pointers, mails)`,
    rows: count,
    async setup(): Promise<LocalRuntime> {
      const data: AssignData = {
        reps: reps(),
        customers: leads(count),
        settings: { assignMatchRegion: true, seniorMinPotentialValue: 80_000 },
        spareRows: 10,
      };
      const rt = await assignRuntime(data, {
        mailQuota: 1500,
        ...(pipeline ? { workbook: withPipelineSheets(data, pipeline) } : {}),
      });
      const preview = rt.execute<{ token: string }>('apiPreviewAssignment', [], { user: MANAGER });
      if (preview.error) throw preview.error;
      token = preview.value!.token;
      return rt;
    },
    run: (rt) => {
      const result = rt.execute<{ status: string }>('apiConfirmAssignment', [token], { user: MANAGER });
      if (result.error) throw result.error;
      if (result.value?.status !== 'done')
        throw new Error(`assign bench: confirm said ${result.value?.status}`);
      return result;
    },
  };
}

function confirmed(rt: LocalRuntime, token: string) {
  const result = rt.execute<{ status: string }>('apiConfirmAssignment', [token], { user: MANAGER });
  if (result.error) throw result.error;
  if (result.value?.status !== 'done') throw new Error(`assign bench: confirm said ${result.value?.status}`);
  return result;
}

function previewToken(rt: LocalRuntime): string {
  const preview = rt.execute<{ token: string }>('apiPreviewAssignment', [], { user: MANAGER });
  if (preview.error) throw preview.error;
  return preview.value!.token;
}

/** 1 000 reps in one pool, e-mails of 47 characters: a rotation pointer of ~60 KB. */
function thousandReps(): BenchCase {
  let token = '';
  return {
    name: 'assign 1 000 reps in one pool, 47-char e-mails (confirm 5 000 leads)',
    rows: 5000,
    async setup() {
      const reps = Array.from({ length: 1000 }, (_, i) => {
        const local = `sales.representative.${String(i).padStart(4, '0')}`;
        return {
          name: `Rep ${i}`,
          email: `${local}@${'x'.repeat(47 - local.length - 13)}.example.com`,
          active: true,
          role: 'Rep',
          weight: 1,
        };
      });
      const rt = await assignRuntime({ reps, customers: leads(5000), spareRows: 10 }, { mailQuota: 1500 });
      token = previewToken(rt);
      return rt;
    },
    run: (rt) => confirmed(rt, token),
  };
}

/** Every fifth lead is marked for reassignment without an owner: the undo data keeps each of those marks. */
function markedLeads(count: number): Row[] {
  return leads(count, 1, (i) => (i % 5 === 0 ? { owner: '', reassign: true } : {}));
}

function bigConfirm(count: number): BenchCase {
  let token = '';
  return {
    name: `assign ${spaced(count)} leads (confirm; ${spaced(count / 5)} marked for reassignment)`,
    rows: count,
    async setup() {
      const rt = await assignRuntime(
        { reps: reps(), customers: markedLeads(count), spareRows: 10 },
        { mailQuota: 1500 },
      );
      token = previewToken(rt);
      return rt;
    },
    run: (rt) => confirmed(rt, token),
  };
}

function bigUndo(count: number): BenchCase {
  return {
    name: `undo a ${spaced(count)}-lead run (${spaced(count / 5)} reassign marks restored)`,
    rows: count,
    async setup() {
      const rt = await assignRuntime(
        { reps: reps(), customers: markedLeads(count), spareRows: 10 },
        { mailQuota: 1500 },
      );
      confirmed(rt, previewToken(rt));
      return rt;
    },
    run: (rt) => {
      const result = rt.execute<{ restored: number }>('menuUndoLastAssignment', [], { user: MANAGER });
      if (result.error) throw result.error;
      const sheet = rt.workbook.sheetValues('Customers');
      const reassign = sheet[0].indexOf('Reassign');
      const ticked = sheet.slice(1).filter((row) => row[reassign] === true).length;
      if (result.value?.restored !== count || ticked !== count / 5)
        throw new Error(`assign bench: undo restored ${result.value?.restored}, ${ticked} marks back`);
      return result;
    },
  };
}

/**
 * Issue 14: 50 000 customers, all rules on. 25 000 were assigned by a run two days earlier (half of them followed
 * up since); 25 000 new leads arrive, every third one sharing a company, company e-mail domain or phone with an
 * assigned customer; a quarter of the reps have a daily maximum. The confirm returns the ~12 500 leads not contacted
 * within 48 h, routes the account leads to their owners and pools the rest: still one read per sheet (plus
 * Follow-ups) and one write per block.
 */
function routingCase(customers: number): BenchCase {
  const half = customers / 2;
  let token = '';
  const contactOf = (i: number): Row => ({
    email: `buyer${i}@firm${i}.com`,
    phone: `138${String(10_000_000 + i).slice(-8)}`,
  });
  return {
    name: `assign ${spaced(customers)} customers with SLA return, account owner and daily caps (confirm ${spaced((customers * 3) / 4)} leads)`,
    rows: 2 * half,
    async setup() {
      const rt = await assignRuntime(
        {
          reps: reps().map((rep, i) => (i % 4 === 0 ? { ...rep, maxNewPerDay: customers / 25 } : rep)),
          customers: leads(half, 1, contactOf),
          settings: { assignMatchRegion: true, seniorMinPotentialValue: 80_000, slaFirstContactHours: 48 },
          followups: Array.from({ length: half / 2 }, (_, k) => ({
            id: `F-${k + 1}`,
            customerId: `C-${String(2 * k + 1).padStart(4, '0')}`,
            time: new Date('2026-11-24T10:00:00+08:00'),
            content: 'Called',
          })),
          spareRows: half + 10,
        },
        { mailQuota: 1500 },
      );
      confirmed(rt, previewToken(rt));
      appendRecords(
        rt,
        'customers',
        leads(half, half + 1, (i) => {
          const j = i - half;
          if (j % 9 === 0) return { company: `COMPANY ${j}` }; // same company, other case
          if (j % 9 === 3) return { email: `new${i}@FIRM${j}.com` }; // same domain
          if (j % 9 === 6) return { phone: `+86 138 ${String(10_000_000 + j).slice(-8)}` }; // same phone
          return { email: `lead${i}@gmail.com` };
        }),
      );
      rt.clock.set(new Date('2026-11-25T12:00:00+08:00'));
      token = previewToken(rt);
      return rt;
    },
    run: (rt) => confirmed(rt, token),
  };
}

export const cases: BenchCase[] = [
  assignCase(10_000),
  assignCase(50_000),
  assignCase(50_000, 500),
  assignCase(50_000, 50_000),
  thousandReps(),
  bigConfirm(100_000),
  bigUndo(100_000),
  bigConfirm(200_000),
  routingCase(10_000),
  routingCase(50_000),
];
