/**
 * The assignment state document (src/core/assign/state.ts) and the completion of an interrupted run
 * (planResume in src/core/assign/undo.ts): chunks that setValues cannot mistake for numbers or formulas, a state
 * edited by hand refused rather than taken as empty, and a resume plan that is safe to repeat.
 */
import {
  decodeState,
  emptyState,
  encodeState,
  planResume,
  samePointer,
  STATE_CHUNK,
  STATE_MARKER,
  withNotices,
  type AssignState,
  type CustomerKey,
  type LogKey,
} from '../../../src/core/assign';
import type { Table } from '../../../src/core/table';

function table<K extends string>(keys: K[], rows: unknown[][]): Table<K> {
  const columns = Object.fromEntries(keys.map((key, i) => [key, i])) as Record<K, number>;
  return { columns, header: keys, rows, firstRow: 2, missing: [], extraColumns: [] };
}

describe('state document', () => {
  it('round-trips a state larger than one cell, every chunk prefixed so it stays text', () => {
    const pointer = Object.fromEntries(
      Array.from({ length: 1000 }, (_, i) => [
        `rep.${String(i).padStart(4, '0')}@${'x'.repeat(30)}.com`,
        i - 500,
      ]),
    );
    const state: AssignState = {
      ...emptyState(),
      rotation: { team: pointer },
      lastRun: {
        runId: 'r1',
        by: 'boss@example.com',
        time: '2026-11-23T02:00:00.000Z',
        count: 3,
        pointers: { team: { before: null, after: pointer } },
        markedWithoutOwner: Array.from({ length: 20_000 }, (_, i) => `C-${i}`),
      },
    };
    const cells = encodeState(state);
    expect(cells[0]).toBe(STATE_MARKER);
    expect(cells.length).toBeGreaterThan(3);
    expect(cells.slice(1).every((cell) => cell.startsWith('j') && cell.length <= STATE_CHUNK + 1)).toBe(true);
    expect(decodeState(cells)).toEqual(state);
  });

  it('refuses a sheet without the marker or with an edited chunk; reads an empty document as empty', () => {
    const cells = encodeState(emptyState());
    expect(decodeState(cells)).toEqual(emptyState());
    expect(decodeState(['something else', ...cells.slice(1)])).toBeNull();
    expect(decodeState([STATE_MARKER, '{"v":1}'])).toBeNull(); // chunk lost its prefix
    expect(decodeState([STATE_MARKER, 'j{"v":1,'])).toBeNull(); // cut short
    expect(decodeState([STATE_MARKER])).toEqual(emptyState());
  });

  it('compares pointers by weights and keeps notices per run, dropping a run with nobody left', () => {
    expect(samePointer({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(samePointer({ a: 1 }, { a: 1, b: 0 })).toBe(false);
    expect(samePointer(undefined, {})).toBe(true);
    const list = withNotices([], { runId: 'r1', reps: ['a@x.cn'], reason: '' });
    expect(withNotices(list, { runId: 'r2', reps: ['b@x.cn'], reason: 'quota' }).map((n) => n.runId)).toEqual(
      ['r1', 'r2'],
    );
    expect(withNotices(list, { runId: 'r1', reps: [], reason: '' })).toEqual([]);
  });
});

describe('planResume', () => {
  const customerKeys: CustomerKey[] = ['id', 'company', 'contact', 'owner', 'reassign'];
  const logKeys: LogKey[] = ['runId', 'customerId', 'customer', 'fromRep', 'toRep', 'undone'];

  it('no log rows: the run never happened', () => {
    const customers = table(customerKeys, [['C-1', 'A', '', '', false]]);
    const log = table(logKeys, [['r0', 'C-1', 'A', '', 'ann@x.cn', false]]);
    expect(planResume(customers, log, 'r1')).toEqual({ logRows: 0, owners: [], conflicts: [], reps: [] });
  });

  it('gives the log’s rep to rows still as they were, leaves done rows, marks changed rows as conflicts', () => {
    const customers = table(customerKeys, [
      ['C-1', 'A', '', 'ann@x.cn', false], // written already
      ['C-2', 'B', '', '', false], // not yet
      ['C-3', 'C', '', 'bob@x.cn', true], // reassign, not yet
      ['C-4', 'D', '', 'eve@x.cn', false], // someone typed another owner meanwhile
    ]);
    const log = table(logKeys, [
      ['r1', 'C-1', 'A', '', 'ann@x.cn', false],
      ['r1', 'C-2', 'B', '', 'cui@x.cn', false],
      ['r1', 'C-3', 'C', 'bob@x.cn', 'ann@x.cn', false],
      ['r1', 'C-4', 'D', '', 'cui@x.cn', false],
    ]);
    const plan = planResume(customers, log, 'r1');
    expect(plan).toEqual({
      logRows: 4,
      owners: [
        { index: 1, owner: 'cui@x.cn' },
        { index: 2, owner: 'ann@x.cn' },
      ],
      conflicts: [3],
      reps: ['ann@x.cn', 'cui@x.cn'],
    });
    // Applied, then planned again: nothing left to do (safe to repeat).
    for (const fix of plan.owners) customers.rows[fix.index][3] = fix.owner;
    log.rows[3][5] = true;
    expect(planResume(customers, log, 'r1')).toMatchObject({ logRows: 4, owners: [], conflicts: [] });
  });
});
