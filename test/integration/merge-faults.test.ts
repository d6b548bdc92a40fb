/**
 * Merges that never half-happen: Merge duplicates' confirm and its undo through the built bundle, with a fault
 * injected at every service call in turn (rt.faults: a service error, and the 6-minute limit). Then, once the next
 * merge action has looked (any of them completes an interrupted merge or undo first): no journal is left; the
 * customers, deals and follow-ups are either exactly as before or exactly as after a merge without the fault; the
 * merge's log rows exist exactly when the merge was made; Undo then restores every cell, and a re-run ends where a
 * run without the fault ends.
 */
import { LocalRuntime } from '../../runtime';
import { decodeMergeState, type MergeState } from '../../src/core/merge';
import {
  dataSnapshot,
  NOW,
  OWNER,
  plantDuplicates,
  records,
  sampleRuntime,
  SAMPLE_MANAGER,
} from './merge/fixture';

jest.setTimeout(900_000);

interface Preview {
  groups: { ids: string[]; fingerprint: string; survivor: string }[];
}

function mergeState(rt: LocalRuntime): MergeState {
  if (!rt.workbook.data.sheets.some((sheet) => sheet.name === 'SalesDesk state'))
    return { journal: null, last: null };
  const cells = rt.workbook.sheetValues('SalesDesk state').map((row) => row[1] ?? '');
  const state = decodeMergeState(cells);
  if (!state) throw new Error('the merge state does not read');
  return state;
}
function decisions(rt: LocalRuntime) {
  const preview = rt.call<Preview>('apiPreviewMerge', undefined, { user: SAMPLE_MANAGER });
  return preview.groups.map((g) => ({ members: g.ids, fingerprint: g.fingerprint, survivor: g.survivor }));
}
function confirm(rt: LocalRuntime, list: unknown[]) {
  return rt.execute<{ status: string; mergeId: string }>('apiConfirmMerge', [list], { user: SAMPLE_MANAGER });
}
function undo(rt: LocalRuntime) {
  return rt.execute<{ status: string }>('apiUndoMerge', [], { user: SAMPLE_MANAGER });
}
function mergeLogRows(rt: LocalRuntime): Record<string, unknown>[] {
  return records(rt, 'assignmentLog', 'en').filter((row) => String(row.runId).startsWith('M-'));
}

let base: LocalRuntime;
let before: string;
let after: string;
const fork = (rt: LocalRuntime): Promise<LocalRuntime> =>
  LocalRuntime.create({
    bundleDir: process.env.SALESDESK_BUNDLE_DIR || process.env.SALESDESK_DIST || undefined,
    workbook: rt.workbook.clone(),
    owner: OWNER,
    now: NOW,
  });

beforeAll(async () => {
  // 40 customers: a fault loop runs hundreds of executions, each reading whole sheets; the merge is the point.
  base = await sampleRuntime('en', 40);
  plantDuplicates(base, 'en');
  before = dataSnapshot(base, 'en');
  const reference = await fork(base);
  expect(confirm(reference, decisions(reference)).value?.status).toBe('done');
  after = dataSnapshot(reference, 'en');
  expect(after).not.toBe(before);
});

const KINDS = ['error', 'timeout'] as const;

describe('merge confirm: a fault at every service call', () => {
  it.each(KINDS)(
    '%s at call k = 1..N: before or after, never between; undo exact; re-run complete',
    async (kind) => {
      const clean = await fork(base);
      const list = decisions(clean);
      const calls = confirm(clean, list).totalCalls;
      expect(calls).toBeGreaterThan(15);
      for (let k = 1; k <= calls; k++) {
        const rt = await fork(base);
        rt.faults.inject({ call: k, kind, fn: 'apiConfirmMerge' });
        const faulted = confirm(rt, list);
        const context = `${kind} at call ${k} (${rt.faults.fired[0]?.member}): ${faulted.error?.message ?? 'no error'}`;
        expect({ context, fired: rt.faults.fired.length }).toEqual({ context, fired: 1 });
        decisions(rt); // the next merge action completes or drops the interrupted merge
        expect({ context, journal: mergeState(rt).journal }).toEqual({ context, journal: null });
        const data = dataSnapshot(rt, 'en');
        const made = mergeLogRows(rt).length > 0;
        expect({ context, state: data === after ? 'after' : data === before ? 'before' : 'between' }).toEqual(
          {
            context,
            state: made ? 'after' : 'before',
          },
        );
        if (made) {
          expect(mergeLogRows(rt)).toHaveLength(3);
          expect(undo(rt).value?.status).toBe('done');
          expect({ context, undone: dataSnapshot(rt, 'en') === before }).toEqual({ context, undone: true });
        } else {
          expect(mergeState(rt).last).toBeNull();
          // The data is as before the run (checked above), so the groups found are the same as `list`.
          expect(confirm(rt, list).value?.status).toBe('done');
          expect({ context, rerun: dataSnapshot(rt, 'en') === after }).toEqual({ context, rerun: true });
        }
      }
    },
  );
});

describe('merge undo: a fault at every service call', () => {
  it.each(KINDS)(
    '%s at call k = 1..N: the undo completes (or never started) and ends exact',
    async (kind) => {
      const merged = await fork(base);
      expect(confirm(merged, decisions(merged)).value?.status).toBe('done');
      const clean = await fork(merged);
      const calls = undo(clean).totalCalls;
      expect(calls).toBeGreaterThan(10);
      for (let k = 1; k <= calls; k++) {
        const rt = await fork(merged);
        rt.faults.inject({ call: k, kind, fn: 'apiUndoMerge' });
        const faulted = undo(rt);
        const context = `${kind} at call ${k} (${rt.faults.fired[0]?.member}): ${faulted.error?.message ?? 'no error'}`;
        decisions(rt);
        expect({ context, journal: mergeState(rt).journal }).toEqual({ context, journal: null });
        const data = dataSnapshot(rt, 'en');
        if (data === after) {
          // The undo never started: undoing again works.
          expect(mergeState(rt).last).not.toBeNull();
          expect(undo(rt).value?.status).toBe('done');
        }
        expect({ context, undone: dataSnapshot(rt, 'en') === before }).toEqual({ context, undone: true });
        expect({ context, log: mergeLogRows(rt).map((row) => row.undone) }).toEqual({
          context,
          log: [true, true, true],
        });
        expect(mergeState(rt).last).toBeNull();
      }
    },
  );
});
