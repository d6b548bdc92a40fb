import { computeDashboard, type ListCodeOf } from '../../../src/core/dashboard/compute';
import { layoutDashboard } from '../../../src/core/dashboard/layout';
import { translator } from '../../../src/core/i18n';
import { readTable } from '../../../src/core/table';

const spec = <K extends string>(keys: K[]) => keys.map((key) => ({ key, headers: [key] }));
const codes: Record<string, Record<string, string>> = {
  dealStatus: { Won: 'won', 已成交: 'won', Lost: 'lost' },
  stage: { Intent: 'intent', Purchased: 'purchased', Negotiating: 'negotiating' },
  customerType: { Lost: 'lost', Potential: 'potential' },
  tier: { VIP: 'vip', Active: 'active', Potential: 'potential', Lost: 'lost' },
};
const codeOf: ListCodeOf = (list, label) => codes[list]?.[String(label)];

function input() {
  const customers = readTable(
    [
      [
        'id',
        'company',
        'owner',
        'region',
        'stage',
        'customerType',
        'tier',
        'potentialValue',
        'created',
        'nextFollowUp',
      ],
      [
        'C1',
        'A',
        'ann@x.com',
        'East',
        'Purchased',
        '',
        'VIP',
        1000,
        new Date('2026-01-01T00:00:00+08:00'),
        '',
      ],
      ['C2', 'B', 'ann@x.com', 'West', 'Intent', 'Potential', 'Potential', 500, '2026-02-01', '2026-03-01'],
      ['C3', 'C', 'bob@x.com', 'East', 'Negotiating', 'Lost', 'Lost', 0, '2026-01-10', '2026-01-01'],
      ['', '', '', '', '', '', '', '', '', ''],
      ['C4', 'D', '', '', 'Intent', '', '', 200, '2026-03-01', '2026-03-20'],
    ],
    spec([
      'id',
      'company',
      'owner',
      'region',
      'stage',
      'customerType',
      'tier',
      'potentialValue',
      'created',
      'nextFollowUp',
    ] as const),
  );
  const deals = readTable(
    [
      ['id', 'customerId', 'date', 'product', 'amount', 'status', 'rep'],
      ['D1', 'C1', new Date('2026-01-11T01:00:00+08:00'), 'Pro', 100, 'Won', ''],
      ['D2', 'C1', '2026-03-05', 'Pro', '¥1,000.50', '已成交', 'bob@x.com'],
      ['D3', 'C2', '2026-03-06', 'Lite', 999, 'Lost', ''],
      ['D4', 'C9', '2025-12-31', 'Lite', 10, 'Won', 'ann@x.com'],
    ],
    spec(['id', 'customerId', 'date', 'product', 'amount', 'status', 'rep'] as const),
  );
  const followups = readTable(
    [
      ['id', 'customerId', 'time', 'rep', 'done'],
      ['F1', 'C1', '', 'ann@x.com', true],
      ['F2', 'C2', '', 'ANN@x.com', ''],
      ['F3', 'C3', '', 'bob@x.com', ''],
    ],
    spec(['id', 'customerId', 'time', 'rep', 'done'] as const),
  );
  const reps = readTable(
    [
      ['name', 'email', 'active'],
      ['Ann', 'ann@x.com', true],
      ['Bob', 'bob@x.com', true],
      ['Cid', 'cid@x.com', false],
    ],
    spec(['name', 'email', 'active'] as const),
  );
  return {
    customers,
    deals,
    followups,
    reps,
    codeOf,
    now: new Date('2026-03-10T02:00:00Z'),
    timeZone: 'Asia/Shanghai',
    stageOrder: ['intent', 'negotiating', 'purchased'],
  };
}

describe('computeDashboard', () => {
  const data = computeDashboard(input());
  const ann = data.reps.find((rep) => rep.email === 'ann@x.com')!;
  const bob = data.reps.find((rep) => rep.email === 'bob@x.com')!;

  it('computes per-rep figures by the documented definitions', () => {
    expect(data.monthKey).toBe('2026-03');
    expect(data.quarterKey).toBe('2026-Q1');
    expect(ann).toMatchObject({
      name: 'Ann',
      customers: 2,
      openLeads: 1,
      dealsWon: 2,
      revenueMonth: 0,
      revenueQuarter: 100,
      followUpsLogged: 2,
      overdueFollowUps: 1,
    });
    expect(ann.conversionRate).toBe(0.5);
    expect(ann.avgSalesCycleDays).toBe(10); // C1 created 2026-01-01 (Shanghai), first won 2026-01-11
    expect(bob).toMatchObject({
      customers: 1,
      openLeads: 0,
      dealsWon: 1,
      revenueMonth: 1000.5,
      revenueQuarter: 1000.5,
      overdueFollowUps: 0,
      conversionRate: 0,
    });
    expect(data.reps.map((rep) => rep.email)).toEqual(['ann@x.com', 'bob@x.com', 'cid@x.com', '']);
    expect(data.reps[3]).toMatchObject({ customers: 1, openLeads: 1, overdueFollowUps: 0 });
    expect(data.total).toMatchObject({
      customers: 4,
      dealsWon: 3,
      revenueQuarter: 1100.5,
      followUpsLogged: 3,
    });
    expect(data.total.conversionRate).toBe(0.25);
  });

  it('groups tiers, months, products, regions and the pipeline', () => {
    expect(data.tiers.map((b) => [b.key, b.count])).toEqual([
      ['vip', 1],
      ['active', 0],
      ['potential', 1],
      ['lost', 1],
      ['', 1],
    ]);
    expect(data.revenueByMonth).toHaveLength(12);
    expect(data.revenueByMonth.at(-1)).toEqual({ month: '2026-03', amount: 1000.5, deals: 1 });
    expect(data.revenueByMonth.find((m) => m.month === '2025-12')).toEqual({
      month: '2025-12',
      amount: 10,
      deals: 1,
    });
    expect(data.revenueByProduct.map((b) => [b.key, b.amount])).toEqual([
      ['Pro', 1100.5],
      ['Lite', 10],
    ]);
    expect(data.revenueByRegion.map((b) => [b.key, b.amount])).toEqual([
      ['East', 1100.5],
      ['', 10],
    ]);
    expect(data.pipeline.map((b) => [b.key, b.count, b.amount])).toEqual([
      ['intent', 2, 700],
      ['negotiating', 1, 0],
      ['purchased', 1, 1000],
    ]);
  });

  it('lays the figures out as one rectangular block with chart ranges inside it', () => {
    const layout = layoutDashboard(data, {
      t: translator('zh-CN'),
      labelOf: () => undefined,
      updatedAt: '2026-03-10 10:00',
      updatedBy: 'boss@x.com',
    });
    const width = layout.values[0].length;
    expect(layout.values.every((row) => row.length === width)).toBe(true);
    expect(layout.formats).toHaveLength(layout.values.length);
    expect(layout.values[0][0]).toBe('SalesDesk 销售看板');
    const months = layout.sections.months;
    expect(layout.values[months.headerRow - 1][0]).toBe('月份');
    expect(layout.values[months.lastDataRow - 1][0]).toBe('2026-03');
    expect(layout.charts.map((chart) => chart.slot)).toEqual(['revenueByMonth', 'tiers', 'repRevenue']);
    expect(layout.charts[0].ranges[0]).toBe(`A${months.headerRow}:B${months.lastDataRow}`);
  });
});
