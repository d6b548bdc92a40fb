import type { CustomerSummary } from '../../../src/core/forms/customers';
import { planImport, resolveImport, type ImportSetup } from '../../../src/core/csv/import';
import { translator } from '../../../src/core/i18n';

const existing: CustomerSummary[] = [
  {
    row: 2,
    id: 'C-0001',
    company: 'Acme',
    contact: 'Li Lei',
    phone: '+86 138 0013 8000',
    email: 'li@acme.cn',
    owner: 'ann@x.com',
    stage: '',
    tier: '',
    lastContact: '',
    nextFollowUp: '',
  },
];

const setup = (overrides: Partial<ImportSetup> = {}): ImportSetup => ({
  t: translator('en'),
  lists: { stage: ['Intent', 'Negotiating'], region: ['East', 'West'] },
  toWorkbookLabel: (list, value) => (list === 'stage' && value === '洽谈中' ? 'Negotiating' : value),
  columnHeaders: [
    { key: 'company', headers: ['Company', '公司'] },
    { key: 'stage', headers: ['Stage', '阶段'] },
    { key: 'tier', headers: ['Tier', '客户分层'] },
  ],
  existing,
  user: 'boss@x.com',
  isManager: true,
  ...overrides,
});

describe('planImport', () => {
  it('maps headers in either language and validates every row with the form rules', () => {
    const csv = [
      '公司,联系人,Phone,邮箱,阶段,Region,Next follow-up,Tier,Whatever',
      'Beta,Han Meimei,+86 139 0000 1111,han@beta.cn,洽谈中,East,2026/3/5,VIP,x',
      'Gamma,,12345678,,Intent,East,,,',
      'Delta,Wang,,not-an-email,Intent,Atlantis,2026-02-30,,',
      'Acme2,Li,+86 138 0013 8000,,,,,,',
      'Beta again,Han M,,HAN@beta.cn,,,,,',
    ].join('\r\n');
    const plan = planImport(csv, setup());
    expect(plan.mapping.map((column) => column.key ?? column.ignored)).toEqual([
      'company',
      'contact',
      'phone',
      'email',
      'stage',
      'region',
      'nextFollowUp',
      'computed',
      'unknown',
    ]);
    expect(plan.missingColumns).toEqual([]);
    expect(plan.totalRows).toBe(5);
    expect(plan.newRows).toHaveLength(1);
    expect(plan.newRows[0]).toMatchObject({
      line: 2,
      values: { stage: 'Negotiating', nextFollowUp: '2026-03-05' },
    });
    expect(plan.bad.map((problem) => problem.line)).toEqual([3, 4]);
    expect(plan.bad[0].messages.join(' ')).toContain('Contact person');
    expect(plan.bad[1].messages).toHaveLength(3); // e-mail, region not in list, date
    expect(plan.duplicates.map((d) => [d.line, d.existing?.row, d.earlierLine, d.reasons])).toEqual([
      [5, 2, undefined, ['phone']],
      [6, undefined, 2, []],
    ]);
  });

  it('refuses a file without a contact column', () => {
    const plan = planImport('Phone\n123456', setup());
    expect(plan.missingColumns).toEqual(['Company', 'Contact name']);
    expect(plan.newRows).toHaveLength(0);
  });

  it('makes a rep the owner of what they import and refuses rows owned by others', () => {
    const csv =
      'Company,Contact name,Phone,Owner (rep)\nA,A,+86 138 1234 5670,\nB,B,+86 138 2345 6780,ann@x.com\nC,C,+86 138 3456 7890,REP@x.com';
    const plan = planImport(csv, setup({ user: 'rep@x.com', isManager: false }));
    expect(plan.newRows.map((row) => row.values.owner)).toEqual(['rep@x.com', 'rep@x.com']);
    expect(plan.bad.map((problem) => problem.line)).toEqual([3]);
  });
});

describe('resolveImport', () => {
  it('merges only into blank fields, appends notes, and skips when asked', () => {
    const csv =
      'ID,Contact name,E-mail,Job title,Company,Notes\nC-0001,Li Lei,li@acme.cn,CTO,Other Co,met at fair';
    const plan = planImport(csv, setup());
    expect(plan.duplicates[0].reasons).toEqual(['id', 'email']);
    const current = { company: 'Acme', contact: 'Li Lei', email: 'li@acme.cn', position: '', notes: 'old' };
    const merged = resolveImport(plan, { duplicates: 'merge' }, () => current);
    expect(merged.merges).toEqual([
      { row: 2, line: 2, values: { position: 'CTO', notes: 'old\nmet at fair' } },
    ]);
    const skipped = resolveImport(plan, { duplicates: 'merge', perLine: { 2: 'skip' } }, () => current);
    expect(skipped.merges).toEqual([]);
    expect(skipped.skipped).toEqual([{ line: 2, reason: 'duplicate' }]);
  });
});
