/**
 * The pure core of Merge duplicates (src/core/merge): keys (case, width, full-width Chinese punctuation and digits),
 * groups as connected components, defaults for the survivor and each field, applying and undoing by ID, the state
 * document, and that finding groups stays linear at 50 000 customers.
 */
import { readTable, type Table } from '../../../src/core/table';
import {
  decodeMergeState,
  defaultPicks,
  defaultSurvivor,
  emailKey,
  encodeMergeState,
  findDuplicateGroups,
  foldText,
  mergeCustomerRows,
  mergeFields,
  moveChildren,
  phoneKey,
  planDecision,
  groupFingerprint,
  survivorOf,
  unmergeCustomerRows,
  unmoveChildren,
  type MergeRecord,
  type PlannedMerge,
} from '../../../src/core/merge';
import { columnHeaders } from '../../../templates';

const HEADER = [
  'Customer ID',
  'Company',
  'Contact person',
  'Phone',
  'E-mail',
  'Notes',
  'Owner',
  'Created',
  'Updated at',
  'Total purchases',
  'My column',
];
const day = (iso: string): Date => new Date(`${iso}T00:00:00+08:00`);

function customers(rows: unknown[][]): Table<string> {
  return readTable([HEADER, ...rows], columnHeaders('customers'));
}
function row(
  id: string,
  company: string,
  contact: string,
  phone: string,
  email: string,
  extra: Partial<Record<'notes' | 'owner' | 'created' | 'updatedAt' | 'total' | 'mine', unknown>> = {},
): unknown[] {
  return [
    id,
    company,
    contact,
    phone,
    email,
    extra.notes ?? '',
    extra.owner ?? '',
    extra.created ?? '',
    extra.updatedAt ?? '',
    extra.total ?? 0,
    extra.mine ?? '',
  ];
}

describe('keys', () => {
  it('fold case, width, full-width spaces and punctuation', () => {
    expect(foldText('  ＡＢＣ　科技（上海）有限公司 ')).toBe(foldText('abc 科技(上海)有限公司'));
    expect(emailKey('ＬＩ．ＬＥＩ＠ＥＸＡＭＰＬＥ．ＣＯＭ')).toBe('li.lei@example.com');
    expect(phoneKey('１３８００１３８０００')).toBe(phoneKey('+86 138-0013-8000'));
    expect(phoneKey('0086 138 0013 8000')).toBe('+8613800138000');
    expect(phoneKey('12345')).toBe(''); // a placeholder, not an identity
  });
});

describe('findDuplicateGroups', () => {
  it('joins A ~ B by e-mail and B ~ C by phone into one group, full-width and case aside', () => {
    const table = customers([
      row('C-1', 'Acme', 'Li Lei', '', 'li.lei@acme.cn'),
      row('C-2', 'Other', 'X', '', ''),
      row('C-3', 'Acme Ltd', 'L. Lei', '+86 138 0013 8000', 'ＬＩ．ＬＥＩ＠ＡＣＭＥ．ＣＮ'),
      row('C-4', '北京（星光）科技', '张三', '', ''),
      row('C-5', 'Third', 'Y', '１３８００１３８０００', ''),
      row('C-6', '北京(星光)科技 ', '张三', '', ''),
    ]);
    const { groups } = findDuplicateGroups(table);
    expect(groups).toEqual([
      { members: [0, 2, 4], reasons: ['email', 'phone'] },
      { members: [3, 5], reasons: ['companyContact'] },
    ]);
  });

  it('leaves out rows without an ID and IDs two rows share', () => {
    const table = customers([
      row('C-1', 'A', 'B', '', 'x@y.z'),
      row('', 'A', 'B', '', 'x@y.z'),
      row('C-2', 'C', 'D', '', 'q@y.z'),
      row('C-2', 'C', 'D', '', 'q@y.z'),
    ]);
    const search = findDuplicateGroups(table);
    expect(search.groups).toEqual([]);
    expect(search.skipped).toEqual({ noId: 1, sharedId: 2 });
  });

  it('indexes once: 50 000 customers with 2 000 planted duplicates linear: seconds at most on a busy machine (rows × rows would take minutes)', () => {
    const rows: unknown[][] = [];
    for (let i = 0; i < 50_000; i++)
      rows.push(
        row(
          `C-${i}`,
          `Company ${i}`,
          `Contact ${i}`,
          `+86 139 ${String(i).padStart(8, '0').slice(0, 4)} ${String(i).padStart(8, '0').slice(4)}`,
          `c${i}@example.com`,
        ),
      );
    for (let i = 0; i < 2_000; i++) rows.push(row(`D-${i}`, `Dup ${i}`, 'Z', '', `C${i * 7}@EXAMPLE.COM`));
    const table = customers(rows);
    const started = process.hrtime.bigint();
    const { groups } = findDuplicateGroups(table);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(groups).toHaveLength(2_000);
    expect(groups.every((group) => group.members.length === 2)).toBe(true);
    expect(ms).toBeLessThan(15_000);
  });
});

describe('defaults', () => {
  const table = customers([
    row('C-1', 'Acme', 'Li Lei', '010-12345678', 'li@acme.cn', {
      notes: 'old note',
      created: day('2025-01-01'),
      owner: 'ann@x.com',
    }),
    row('C-2', 'ACME', 'Li Lei', '', 'li@acme.cn', {
      notes: 'new note',
      created: day('2026-01-01'),
      updatedAt: day('2026-06-01'),
      mine: 'custom',
    }),
    row('C-3', 'Acme', 'Li Lei', '', 'li@acme.cn', { created: day('2026-03-01') }),
  ]);
  const fields = mergeFields(table);
  const group = findDuplicateGroups(table).groups[0];

  it('fields: everything but the ID, computed and automatic columns; a user column too', () => {
    expect(fields.map((field) => field.key)).toEqual([
      'company',
      'contact',
      'phone',
      'email',
      'notes',
      'owner',
      'created',
      '#10',
    ]);
  });

  it('the oldest record survives; each field takes the newest non-empty value; created the earliest', () => {
    const survivor = defaultSurvivor(table, group.members);
    expect(survivor).toBe(0);
    const picks = defaultPicks(table, group.members, fields, survivor);
    expect(picks).toMatchObject({ notes: 1, phone: 0, owner: 0, created: 0, '#10': 1, company: 1 });
    // Same text on the survivor: the survivor is kept (nothing shown as taken).
    expect(picks.email).toBe(0);
  });

  it('planDecision: picks by ID, the rest by default, the group checked by fingerprint', () => {
    const fingerprint = groupFingerprint(table, group.members);
    const plan = planDecision(
      table,
      group,
      { members: ['C-1', 'C-2', 'C-3'], fingerprint, survivor: 'C-3', picks: { notes: 'C-1' } },
      fields,
    ) as PlannedMerge;
    expect(plan.survivorId).toBe('C-3');
    expect(plan.after[5]).toBe('old note');
    expect(plan.after[3]).toBe('010-12345678');
    expect(plan.removed.map((r) => r.id)).toEqual(['C-1', 'C-2']);
    expect(
      planDecision(
        table,
        group,
        { members: ['C-1', 'C-2', 'C-3'], fingerprint: 'x', survivor: 'C-3' },
        fields,
      ),
    ).toBe('changed');
    expect(
      planDecision(table, group, { members: ['C-1', 'C-2'], fingerprint, survivor: 'C-1' }, fields),
    ).toBe('changed');
    expect(
      planDecision(table, group, { members: ['C-1', 'C-2', 'C-3'], fingerprint, survivor: 'C-9' }, fields),
    ).toBe('badSurvivor');
  });
});

describe('apply and undo by ID', () => {
  const rows = [
    row('C-1', 'Acme', 'Li', '', 'li@acme.cn', { created: day('2025-01-01') }),
    row('C-2', 'Beta', 'Wu', '', ''),
    row('C-3', 'ACME', 'Li', '', 'li@acme.cn', { notes: 'n', created: day('2026-01-01') }),
    row('C-4', 'Gamma', 'Zo', '', ''),
  ];
  const table = customers(rows);
  const group = findDuplicateGroups(table).groups[0];
  const fields = mergeFields(table);
  const plan = planDecision(
    table,
    group,
    { members: ['C-1', 'C-3'], fingerprint: groupFingerprint(table, group.members), survivor: 'C-1' },
    fields,
  ) as PlannedMerge;
  const deals = readTable(
    [
      ['Deal ID', 'Customer ID'],
      ['D-1', 'C-3'],
      ['D-2', 'C-2'],
      ['D-3', 'c-3 '],
    ],
    columnHeaders('deals'),
  );
  const record: MergeRecord = {
    mergeId: 'M-1',
    by: 'boss',
    time: '2026-11-23T00:00:00Z',
    groups: [plan],
    children: [],
  };

  it('merge removes C-3, moves its deals, and is idempotent; undo restores every cell', () => {
    const moved = moveChildren('deals', deals, survivorOf(record));
    expect(moved.map((m) => [m.childId, m.from, m.to])).toEqual([
      ['D-1', 'C-3', 'C-1'],
      ['D-3', 'c-3', 'C-1'],
    ]);
    expect(deals.rows.map((r) => r[1])).toEqual(['C-1', 'C-2', 'C-1']);
    record.children = moved;
    const merged = mergeCustomerRows(table.rows, 0, record);
    expect(merged.rows.map((r) => r[0])).toEqual(['C-1', 'C-2', 'C-4']);
    expect(merged.rows[0][5]).toBe('n');
    expect(merged.first).toBe(0);
    // Again on the result (a completion after a failure): nothing changes.
    const again = mergeCustomerRows(merged.rows, 0, record);
    expect(again.rows).toEqual(merged.rows);
    expect(again.first).toBe(Infinity);

    const undone = unmergeCustomerRows(merged.rows, 0, record);
    expect(undone.rows).toEqual(table.rows);
    expect(undone.restored).toBe(1);
    const back = unmoveChildren(deals, moved);
    expect(back.changed).toEqual([0, 2]);
    expect(deals.rows.map((r) => r[1])).toEqual(['C-3', 'C-2', 'c-3']);
    // Again: already back, nothing to do, no conflict.
    expect(unmoveChildren(deals, moved)).toEqual({ changed: [], conflicts: [] });
  });

  it('undo keeps an edit made since the merge and reports records re-pointed meanwhile', () => {
    const merged = mergeCustomerRows(table.rows, 0, record).rows;
    merged[0][5] = 'edited after';
    const undone = unmergeCustomerRows(merged, 0, record);
    expect(undone.rows[0][5]).toBe('edited after');
    const children = readTable(
      [
        ['Deal ID', 'Customer ID'],
        ['D-1', 'C-4'],
      ],
      columnHeaders('deals'),
    );
    const result = unmoveChildren(children, [
      { sheet: 'deals', index: 0, childId: 'D-1', from: 'C-3', to: 'C-1' },
    ]);
    expect(result.conflicts).toHaveLength(1);
  });
});

describe('state document', () => {
  it('round-trips through cells, dates kept as dates in rows', () => {
    const record: MergeRecord = {
      mergeId: 'M-1',
      by: 'boss@example.com',
      time: '2026-11-23T02:00:00.000Z',
      groups: [
        {
          survivorId: 'C-1',
          before: [{ $d: '2026-01-01T00:00:00.000Z' }],
          after: ['x'],
          removed: [],
          taken: [],
        },
      ],
      children: [],
    };
    const cells = encodeMergeState({ journal: { op: 'merge', record }, last: null });
    expect(decodeMergeState(cells)).toEqual({ journal: { op: 'merge', record }, last: null });
    expect(decodeMergeState([])).toEqual({ journal: null, last: null });
    expect(decodeMergeState(['something else'])).toBeNull();
  });
});
