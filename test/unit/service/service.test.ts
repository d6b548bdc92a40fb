/**
 * The pure after-sales module (src/core/service): reading Service rows, the Dashboard figures, the card section,
 * the digest items, the Dashboard block's rows and the Log service form's schema. Every expected figure is worked
 * out by hand in the test.
 */
import { readTable } from '../../../src/core/table';
import { dayNumberOfIso } from '../../../src/core/dates';
import { translator } from '../../../src/core/i18n';
import {
  isOpenComplaint,
  readServiceRecords,
  satisfactionOf,
  type ServiceRecord,
} from '../../../src/core/service/records';
import { computeServiceDashboard } from '../../../src/core/service/dashboard';
import { serviceCard } from '../../../src/core/service/card';
import { serviceReminderItems } from '../../../src/core/service/reminders';
import { MAX_COMPLAINT_ROWS, serviceDashboardSections } from '../../../src/core/service/layout';
import { closeRequestErrors, makeServiceFormSchema } from '../../../src/core/service/form';
import {
  CUSTOMER_KEYS,
  FOLLOWUP_KEYS,
  REP_KEYS,
  buildDigests,
  readCustomers,
  readFollowUps,
  readReps,
  reminderSettings,
  renderDigest,
  renderTeamSummary,
} from '../../../src/core/reminders';
import { columnHeaders, listLabels, listValueCode } from '../../../templates';

const TZ = 'Asia/Shanghai';
const TODAY = '2026-11-23';
const todayDay = dayNumberOfIso(TODAY);
const code = (label: string) => listValueCode('serviceType', label);

const HEADER = [
  'Service ID',
  'Customer ID',
  'Time',
  'Type',
  'Content',
  'Result',
  'Satisfaction',
  'Next plan',
  'Next plan date',
  'Rep',
  'Closed',
];
type Row = [string, string, string, string, string, string, unknown, string, string, string, unknown];
function records(rows: Row[]): ServiceRecord[] {
  return readServiceRecords(readTable([HEADER, ...rows], columnHeaders('service')), TZ, code);
}

// Customers: C-1 owned by ann, C-2 owned by bob, C-3 unowned.
const CUSTOMERS = new Map([
  ['c-1', { name: 'Acme', owner: 'ann@x.com' }],
  ['c-2', { name: '华东机械', owner: 'bob@x.com' }],
  ['c-3', { name: 'Nobody Ltd', owner: '' }],
]);
const ROWS: Row[] = [
  // ann: ratings 5, 4 (Oct), and an open complaint from 2026-11-03 (20 days) rated nothing.
  ['S-1', 'C-1', '2026-10-02 10:00', 'Installation', 'Installed', 'Done', 5, '', '', 'ann@x.com', true],
  ['S-2', 'c-1', '2026-10-20 09:30', '回访', 'Check-in', '', 4, 'Call back', '2026-11-20', '', false],
  [
    'S-3',
    'C-1',
    '2026-11-03 15:00',
    'Complaint',
    'Slow system',
    '',
    '',
    'Answer',
    '2026-11-25',
    'ANN@x.com',
    false,
  ],
  // bob: ratings 2 (complaint, closed) and 3 (Nov); a "6" and text are not ratings.
  ['S-4', 'C-2', '2026-11-01 11:00', '投诉', 'Late invoice', 'Sent', 2, '', '', 'bob@x.com', true],
  ['S-5', 'C-2', '2026-11-10 11:00', 'Repair', 'Scanner', 'Replaced', 3, '', '', 'bob@x.com', 'TRUE'],
  ['S-6', 'C-2', '2026-11-12 11:00', 'Training', 'Team training', '', 6, '', '', 'bob@x.com', true],
  ['S-7', 'C-2', '2026-11-13 11:00', 'visit', 'Visit', '', 'good', '', '', 'bob@x.com', true],
  // an open complaint of an unowned customer, 1 day old; a blank row in between is skipped.
  ['', '', '', '', '', '', '', '', '', '', ''],
  ['S-8', 'C-3', '2026-11-22 18:00', 'Complaint', '=HYPERLINK("x")', '', '', '', '', '', false],
];

describe('reading Service rows', () => {
  it('reads ratings 1–5 only, types as codes in either language, closed from TRUE or ticked text', () => {
    expect([
      satisfactionOf(5),
      satisfactionOf('3'),
      satisfactionOf(0),
      satisfactionOf(6),
      satisfactionOf(2.5),
    ]).toEqual([5, 3, null, null, null]);
    const read = records(ROWS);
    expect(read.map((r) => r.id)).toEqual(['S-1', 'S-2', 'S-3', 'S-4', 'S-5', 'S-6', 'S-7', 'S-8']);
    expect(read.map((r) => r.type)).toEqual([
      'installation',
      'visit',
      'complaint',
      'complaint',
      'repair',
      'training',
      'visit',
      'complaint',
    ]);
    expect(read.map((r) => r.satisfaction)).toEqual([5, 4, null, 2, 3, null, null, null]);
    expect(read.map((r) => r.closed)).toEqual([true, false, false, true, true, true, true, false]);
    expect(read[2].rep).toBe('ann@x.com');
    expect(read[2].day).toBe(dayNumberOfIso('2026-11-03'));
    expect(read[7].row).toBe(10);
    expect(read.filter(isOpenComplaint).map((r) => r.id)).toEqual(['S-3', 'S-8']);
  });
});

describe('dashboard figures', () => {
  const data = computeServiceDashboard({
    records: records(ROWS),
    customers: CUSTOMERS,
    reps: [
      { email: 'bob@x.com', name: 'Bob' },
      { email: 'ann@x.com', name: 'Ann' },
    ],
    todayDay,
    months: ['2026-10', '2026-11'],
  });

  it('averages satisfaction per rep over the ratings given; a blank rep falls to the customer owner', () => {
    // Reps sheet order (Bob, Ann), the unassigned last.
    expect(data.reps.map((r) => [r.email, r.name, r.records, r.rated, r.average])).toEqual([
      ['bob@x.com', 'Bob', 4, 2, (2 + 3) / 2],
      ['ann@x.com', 'Ann', 3, 2, (5 + 4) / 2],
      ['', '', 1, 0, null],
    ]);
    expect(data.total).toMatchObject({ records: 8, rated: 4, average: (5 + 4 + 2 + 3) / 4 });
  });

  it('averages satisfaction per month of the service time', () => {
    expect(data.months).toEqual([
      { month: '2026-10', records: 2, rated: 2, average: 4.5 },
      { month: '2026-11', records: 6, rated: 2, average: 2.5 },
    ]);
  });

  it('lists open complaints oldest first with their age in days', () => {
    expect(data.openComplaints.map((c) => [c.id, c.customer, c.owner, c.opened, c.ageDays])).toEqual([
      ['S-3', 'Acme', 'ann@x.com', '2026-11-03', 20],
      ['S-8', 'Nobody Ltd', '', '2026-11-22', 1],
    ]);
    expect(data.reps.find((r) => r.email === 'ann@x.com')).toMatchObject({
      openComplaints: 1,
      oldestComplaintDays: 20,
    });
    expect(data.total).toMatchObject({ openComplaints: 2, oldestComplaintDays: 20 });
  });

  it('lays out three sections in the workbook language, formulas never written as formulas', () => {
    const zh = serviceDashboardSections(data, translator('zh-CN'));
    expect(zh.map((s) => s.title)).toEqual([
      '售后：各销售满意度',
      '售后：每月满意度（近 12 个月）',
      '未关闭投诉（2）',
    ]);
    const en = serviceDashboardSections(data, translator('en'));
    expect(en[0].rows.at(-1)).toEqual(['Total', '', 8, 4, 3.5, 2, 20]);
    expect(en[2].rows[1][6]).toBe('\'=HYPERLINK("x")');
    for (const section of en) for (const row of section.rows) expect(row.length).toBeLessThanOrEqual(11);
    const many = { ...data, openComplaints: Array.from({ length: 60 }, () => data.openComplaints[0]) };
    const cut = serviceDashboardSections(many, translator('en'))[2].rows;
    expect(cut).toHaveLength(MAX_COMPLAINT_ROWS + 1);
    expect(cut.at(-1)?.[0]).toMatch(/and 10 more/);
  });
});

describe('the customer card section', () => {
  it('puts open complaints first (highlighted, with their age), then newest first', () => {
    const card = serviceCard(records(ROWS), 'c-1', todayDay, (ms) => new Date(ms).toISOString().slice(0, 10));
    expect(card.items.map((i) => [i.id, i.openComplaint, i.ageDays])).toEqual([
      ['S-3', true, 20],
      ['S-2', false, null],
      ['S-1', false, null],
    ]);
    expect(card.openComplaints).toBe(1);
    expect(card.averageSatisfaction).toBe(4.5);
    expect(serviceCard(records(ROWS), 'C-9', todayDay, String)).toEqual({
      items: [],
      openComplaints: 0,
      averageSatisfaction: null,
    });
  });
});

describe('digest items', () => {
  const specs = <K extends string>(keys: readonly K[]) => keys.map((key) => ({ key, headers: [key] }));
  const sheet = (keys: readonly string[], rows: Record<string, unknown>[]) => [
    [...keys],
    ...rows.map((row) => keys.map((key) => row[key] ?? '')),
  ];
  const input = () => ({
    customers: readCustomers(
      readTable(
        sheet(CUSTOMER_KEYS, [
          { id: 'C-1', company: 'Acme', owner: 'ann@x.com', lastContact: '2026-11-20' },
          { id: 'C-2', company: '华东机械', owner: 'bob@x.com', lastContact: '2026-11-20' },
          { id: 'C-3', company: 'Nobody Ltd', owner: '', lastContact: '2026-11-20' },
        ]),
        specs(CUSTOMER_KEYS),
      ),
      { timeZone: TZ },
    ),
    followUps: readFollowUps(readTable(sheet(FOLLOWUP_KEYS, []), specs(FOLLOWUP_KEYS)), { timeZone: TZ }),
    reps: readReps(
      readTable(
        sheet(REP_KEYS, [
          { name: 'Ann', email: 'ann@x.com', active: true },
          { name: '鲍勃', email: 'bob@x.com', active: true, language: 'zh-CN' },
        ]),
        specs(REP_KEYS),
      ),
      { timeZone: TZ },
    ),
    settings: reminderSettings({ managerTeamSummary: 'boss@x.com' }, 'en_US'),
    service: records(ROWS),
  });
  const options = {
    today: TODAY,
    todayDay,
    spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/x/edit',
    sheetIds: { customers: 1, followups: 2, service: 7 },
  };

  it('lists due next plans and open complaints once each, never closed records', () => {
    const items = serviceReminderItems(input().service, input().customers, options);
    expect(items.map((i) => [i.kind, i.followUpId, i.owner, i.daysOverdue])).toEqual([
      ['serviceDue', 'S-2', 'ann@x.com', 3],
      ['complaint', 'S-3', 'ann@x.com', 20],
      ['complaint', 'S-8', '', 1],
    ]);
    expect(items[1].link).toBe('https://docs.google.com/spreadsheets/d/x/edit#gid=7&range=A4');
    expect(items[1].nextStep).toBe('Answer · 2026-11-25');
  });

  it('puts them in the rep digest, the subject and the team summary, in each reader’s language', () => {
    const result = buildDigests(input(), options);
    const ann = result.digests.find((d) => d.rep === 'ann@x.com')!;
    expect(ann.complaints?.map((i) => i.followUpId)).toEqual(['S-3']);
    expect(ann.serviceDue?.map((i) => i.followUpId)).toEqual(['S-2']);
    expect(ann.overdue).toEqual([]);
    const mail = renderDigest(ann, TODAY);
    expect(mail.subject).toContain('1 open complaint');
    expect(mail.body).toContain('open complaint for 20 days (since 2026-11-03)');
    expect(mail.body).toContain('service plan 3 days overdue (due 2026-11-20)');
    // bob has nothing open; the unowned complaint is held for the team summary.
    expect(result.digests.map((d) => d.rep)).toEqual(['ann@x.com']);
    expect(result.heldByOwner.get('')?.items.map((i) => i.followUpId)).toEqual(['S-8']);
    const summary = renderTeamSummary(result.summaries[0], TODAY);
    expect(summary.body).toContain('After-sales: 1 service plan due, 2 open complaints (oldest 20 days).');
  });
});

describe('the Log service form', () => {
  const lists = { serviceType: listLabels('serviceType', 'en') };
  const base = { customerId: 'C-1', time: '2026-11-23T10:00', type: 'Complaint', content: 'Slow' };

  it('accepts a record, type as its code, satisfaction as a number', () => {
    const parsed = makeServiceFormSchema(translator('en'), lists).safeParse({ ...base, satisfaction: '4' });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ customerId: 'C-1', type: 'complaint', satisfaction: 4 });
  });

  it('refuses a rating outside 1–5, a missing type and a next plan before the service, in en and zh-CN', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const parsed = makeServiceFormSchema(translator(locale), lists).safeParse({
        ...base,
        type: '',
        satisfaction: '6',
        nextDate: '2026-11-01',
      });
      expect(parsed.success).toBe(false);
      const fields = new Set(parsed.error!.issues.map((issue) => String(issue.path[0])));
      expect([...fields].sort()).toEqual(['nextDate', 'satisfaction', 'type']);
      if (locale === 'zh-CN')
        expect(parsed.error!.issues.every((issue) => /[\u4e00-\u9fff]/.test(issue.message))).toBe(true);
    }
    expect(closeRequestErrors(translator('en'), { id: '', satisfaction: '9' })).toEqual({
      id: 'Choose the record to close.',
      satisfaction: 'Satisfaction: a whole number from 1 to 5.',
    });
    expect(closeRequestErrors(translator('en'), { id: 'S-1', satisfaction: '5' })).toEqual({});
  });
});
