import { readTable } from '../../../src/core/table';
import { columnHeaders } from '../../../templates/workbook';
import {
  closedState,
  defaultPipeline,
  followedProbability,
  pipelineFromColumns,
  stageKey,
} from '../../../src/core/opportunities/stages';
import {
  readOpportunities,
  readStageHistory,
  lastRecordedStages,
} from '../../../src/core/opportunities/records';
import { computeOpportunityDashboard, stageDurations } from '../../../src/core/opportunities/compute';
import { customerOpportunities } from '../../../src/core/opportunities/card';
import {
  endOfWeek,
  opportunityRemindersByOwner,
  readOpportunityReminders,
} from '../../../src/core/reminders/opportunities';
import { dayNumberOfIso } from '../../../src/core/dates';

const TZ = 'Asia/Shanghai';
const RATES = { base: 'CNY', rates: new Map([['USD', 7]]) };
const day = (iso: string) => dayNumberOfIso(iso);

const OPP_HEADER = [
  'Opportunity ID',
  'Customer ID',
  'Stage',
  'Probability (%)',
  'Expected close',
  'Expected amount',
  'Currency',
  'Owner',
  'Next step',
  'Next step date',
];
function opportunities(rows: unknown[][]) {
  return readTable([OPP_HEADER, ...rows], columnHeaders('opportunities'));
}
function history(rows: unknown[][]) {
  return readTable(
    [['Time', 'Opportunity ID', 'From stage', 'To stage'], ...rows],
    columnHeaders('stageHistory'),
  );
}

describe('pipeline', () => {
  it('pairs Lists stages with the probability on the same row, either language, defaults for blanks', () => {
    const pipeline = pipelineFromColumns(
      ['初次接触', 'Intent', 'Demo done', '洽谈中', '', 'Won', 'Lost'],
      ['15', '', '50', '0.7', '', '100', '0'],
    );
    expect(pipeline.stages.map((s) => [s.key, s.probability, s.closed])).toEqual([
      ['firstContact', 15, ''],
      ['intent', 30, ''],
      ['demo done', 50, ''],
      ['negotiating', 70, ''],
      ['won', 100, 'won'],
      ['lost', 0, 'lost'],
    ]);
    expect(pipelineFromColumns(undefined, undefined, 'zh-CN').stages.map((s) => s.label)).toEqual([
      '初次接触',
      '有意向',
      '洽谈中',
      '签约中',
      '赢单',
      '输单',
    ]);
  });

  it('probability follows the stage unless typed; closing stages settle it', () => {
    const pipeline = defaultPipeline('en');
    expect(followedProbability(pipeline, 'Intent', 'Negotiating', 30)).toBe(60);
    expect(followedProbability(pipeline, 'Intent', 'Negotiating', '')).toBe(60);
    expect(followedProbability(pipeline, 'Intent', 'Negotiating', 45)).toBeNull();
    expect(followedProbability(pipeline, 'Intent', '赢单', 45)).toBe(100);
    expect(followedProbability(pipeline, 'Intent', 'Lost', 45)).toBe(0);
    expect(followedProbability(pipeline, 'Intent', 'Nonsense', 30)).toBeNull();
    expect(stageKey(' 洽谈中 ')).toBe('negotiating');
    expect(closedState(pipeline, '输单')).toBe('lost');
  });
});

describe('opportunity dashboard', () => {
  const pipeline = defaultPipeline('en');
  const table = opportunities([
    ['O-1', 'C-1', 'Intent', '', '2026-12-10', 100_000, 'CNY', 'ann@x.com'],
    ['O-2', 'C-1', 'Negotiating', 50, '2026-11-20', 1_000, 'USD', 'ann@x.com'],
    ['O-3', 'C-2', 'Won', '', '2026-10-01', 9_999, 'CNY', 'ann@x.com'],
    ['O-4', 'C-2', 'Lost', '', '2026-10-01', 9_999, 'CNY', 'bob@x.com'],
    ['O-5', 'C-3', '签约中', '', '', 20_000, '', 'bob@x.com'],
    ['O-6', 'C-3', 'First contact', '', '2027-01-05', 5_000, 'EUR', 'bob@x.com'],
    ['O-7', 'C-3', 'Won', '', '', 1, '', 'bob@x.com'],
  ]);
  const records = readOpportunities(table, pipeline, RATES, TZ);
  const data = computeOpportunityDashboard({
    opportunities: records,
    history: [],
    pipeline,
    today: day('2026-11-23'),
    reps: new Map([
      ['ann@x.com', 'Ann'],
      ['bob@x.com', 'Bob'],
      ['cui@x.com', 'Cui'],
    ]),
    customerNames: new Map([['C-1', 'Acme']]),
  });

  it('pipeline value and weighted forecast by stage (open only, converted, typed probability wins)', () => {
    expect(data.byStage.map((s) => [s.key, s.count, s.value, s.weighted])).toEqual([
      ['firstContact', 1, 0, 0],
      ['intent', 1, 100_000, 30_000],
      ['negotiating', 1, 7_000, 3_500],
      ['signing', 1, 20_000, 16_000],
    ]);
    expect(data.unconverted).toBe(1);
  });

  it('forecast by month and quarter of expected close, undated last', () => {
    expect(data.byMonth.map((m) => [m.period, m.count, m.weighted])).toEqual([
      ['2026-11', 1, 3_500],
      ['2026-12', 1, 30_000],
      ['2027-01', 1, 0],
      ['', 1, 16_000],
    ]);
    expect(data.byQuarter.map((q) => [q.period, q.weighted])).toEqual([
      ['2026-Q4', 33_500],
      ['2027-Q1', 0],
      ['', 16_000],
    ]);
  });

  it('win rate per rep and overall; reps with nothing are left out', () => {
    expect(data.byRep.map((r) => [r.email, r.open, r.won, r.lost, r.winRate])).toEqual([
      ['ann@x.com', 2, 1, 0, 1],
      ['bob@x.com', 2, 1, 1, 0.5],
    ]);
    expect(data.total.winRate).toBeCloseTo(2 / 3);
  });

  it('slipped: open and past the expected close', () => {
    expect(data.slipped.map((s) => [s.id, s.customer, s.daysLate])).toEqual([['O-2', 'Acme', 3]]);
  });

  it('average days in each stage over ended stays, from history in time order', () => {
    const changes = readStageHistory(
      history([
        ['2026-11-10', 'O-1', 'Intent', 'Negotiating'],
        ['2026-11-01', 'O-1', '', 'Intent'],
        ['2026-11-01', 'O-2', '', 'First contact'],
        ['2026-11-05', 'O-2', 'First contact', 'Intent'],
        ['2026-11-08', 'O-2', 'Intent', 'Lost'],
        ['2026-11-20', 'O-1', 'Negotiating', 'Won'],
      ]),
      TZ,
    );
    const durations = stageDurations(changes, pipeline);
    expect(durations.map((d) => [d.key, d.stays, d.averageDays])).toEqual([
      ['firstContact', 1, 4],
      ['intent', 2, 6],
      ['negotiating', 1, 10],
      ['signing', 0, null],
    ]);
    expect(lastRecordedStages(history([['2026-11-01', 'O-9', '', 'Intent']])).get('o-9')).toEqual({
      key: 'intent',
      label: 'Intent',
    });
  });

  it('customer card: open first by expected close, then closed', () => {
    expect(customerOpportunities(table, 'c-3', pipeline).map((o) => [o.id, o.closed, o.probability])).toEqual(
      [
        ['O-6', '', 10],
        ['O-5', '', 80],
        ['O-7', 'won', 100],
      ],
    );
  });
});

describe('opportunity reminders', () => {
  it('the week ends on Sunday', () => {
    expect(endOfWeek(day('2026-11-23'))).toBe(day('2026-11-29'));
    expect(endOfWeek(day('2026-11-29'))).toBe(day('2026-11-29'));
  });

  it('next step due, closing this week or overdue; closed ones never', () => {
    const table = opportunities([
      ['O-1', 'C-1', 'Intent', '', '2027-01-01', 1, '', 'ann@x.com', 'Call', '2026-11-23'],
      ['O-2', 'C-1', 'Intent', '', '2026-11-28', 1, '', 'ann@x.com', '', ''],
      ['O-3', 'C-1', 'Intent', '', '2026-11-20', 1, '', 'ann@x.com', 'Quote', '2026-11-18'],
      ['O-4', 'C-1', 'Intent', '', '2026-11-30', 1, '', 'ann@x.com', '', '2026-11-24'],
      ['O-5', 'C-1', 'Won', '', '2026-11-20', 1, '', 'ann@x.com', '', '2026-11-18'],
    ]);
    const byOwner = opportunityRemindersByOwner(
      readOpportunityReminders(table, { timeZone: TZ }),
      day('2026-11-23'),
      new Map([['c-1', 'Acme']]),
      (row) => `#row${row}`,
    );
    expect(
      byOwner
        .get('ann@x.com')
        ?.map((i) => [i.id, i.nextStepDaysLate, i.closing, i.closeDaysLate, i.customer]),
    ).toEqual([
      ['O-3', 5, 'overdue', 3, 'Acme'],
      ['O-1', 0, '', 0, 'Acme'],
      ['O-2', null, 'thisWeek', -5, 'Acme'],
    ]);
  });
});
