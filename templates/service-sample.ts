/**
 * Sample after-sales service rows for templates/sample.ts: installations and training soon after a first purchase,
 * visits and repairs later, a few complaints — most closed and rated, some still open (an open complaint for the
 * card, the dashboard and the digest), and next plans around "today" (some overdue, for the reminders).
 * Generated after every other sample sheet with the same seeded generator, so adding it changed no other row.
 */
import type { ListKey } from './lists';

/** The part of sample.ts's generator this file uses. */
export interface SampleRandom {
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

/** What a sample customer brings: who owns it, its first purchase (day number) and its flavour of names. */
export interface ServiceCustomer {
  id: string;
  owner: string;
  flavour: 'cn' | 'west';
  firstWonDay: number;
  /** Last day the customer was in touch (lost customers get no service after it). */
  lastDay: number;
  wonCount: number;
}

type Flavour = ServiceCustomer['flavour'];

const CONTENT: Record<Flavour, Record<string, readonly string[]>> = {
  cn: {
    installation: [
      '上门安装部署系统并完成数据迁移',
      '完成服务器环境安装与账号开通',
      '远程协助安装客户端并测试打印',
    ],
    training: [
      '为销售团队做系统使用培训（2 小时）',
      '给财务部讲解报表与导出功能',
      '新员工入职培训，讲解常用流程',
    ],
    visit: ['季度回访，了解使用情况和新需求', '电话回访，客户反馈整体满意', '上门回访，讨论下一年度续约'],
    complaint: [
      '客户投诉系统响应慢，高峰期卡顿',
      '投诉发票开具延迟两周',
      '投诉实施顾问多次改期',
      '客户反映数据导出格式错误',
    ],
    repair: ['修复报表模块统计错误', '更换故障扫码枪一台', '处理登录异常，重置权限'],
    other: ['协助客户办理合同变更', '寄送纸质发票和资料'],
  },
  west: {
    installation: [
      'On-site installation and data migration',
      'Set up the cloud tenant and user accounts',
      'Remote install of the desktop client, printing tested',
    ],
    training: [
      'Two-hour training for the sales team',
      'Walked finance through reports and exports',
      'Onboarding session for new staff',
    ],
    visit: [
      'Quarterly check-in: usage and new needs',
      'Call to check satisfaction, all good',
      'Visit to discuss the renewal next year',
    ],
    complaint: [
      'Complaint: system slow at peak hours',
      'Complaint: invoice two weeks late',
      'Complaint: consultant rescheduled three times',
      'Complaint: export file has the wrong format',
    ],
    repair: [
      'Fixed a wrong total in the sales report',
      'Replaced a faulty barcode scanner',
      'Login issue, permissions reset',
    ],
    other: ['Helped with a contract amendment', 'Sent paper invoices and documents'],
  },
};

const RESULTS: Record<Flavour, { closed: readonly string[]; open: readonly string[] }> = {
  cn: {
    closed: ['已解决，客户确认', '已处理完毕', '问题已修复并回访确认', '已完成'],
    open: ['处理中', '等待备件', '已提交技术部'],
  },
  west: {
    closed: ['Resolved, confirmed by the customer', 'Done', 'Fixed and checked on a call back', 'Completed'],
    open: ['In progress', 'Waiting for a spare part', 'Escalated to engineering'],
  },
};

const NEXT_PLANS: Record<Flavour, readonly string[]> = {
  cn: ['电话回访确认效果', '上门检查运行情况', '安排进阶培训', '寄送更换配件'],
  west: [
    'Call back to confirm it works',
    'Visit to check the set-up',
    'Book advanced training',
    'Ship the spare part',
  ],
};

const iso = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * Service rows, cell-ready (labels in the workbook's language, 'yyyy-MM-dd' and 'yyyy-MM-dd HH:mm' wall-clock).
 * @param customers customers that bought at least once.
 * @param activeReps reps to fall back on when a customer has no owner.
 * @param label list code → label in the sample's language.
 */
export function sampleServiceRows(
  rnd: SampleRandom,
  count: number,
  customers: readonly ServiceCustomer[],
  activeReps: readonly string[],
  todayDay: number,
  label: (list: ListKey, code: string) => string,
  idOf: (index: number) => string,
): Record<string, string | number | boolean>[] {
  const rows: Record<string, string | number | boolean>[] = [];
  if (customers.length === 0) return rows;
  // Customers who bought more get more service: a cumulative table, then a binary search per row.
  const cumulative: number[] = [];
  let sum = 0;
  for (const customer of customers) cumulative.push((sum += Math.min(customer.wonCount, 6)));
  const pickCustomer = (): ServiceCustomer => {
    const roll = rnd.int(0, sum - 1);
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] > roll) high = middle;
      else low = middle + 1;
    }
    return customers[low];
  };

  for (let index = 0; index < count; index++) {
    const customer = pickCustomer();
    const lastDay = Math.min(customer.lastDay, todayDay);
    const span = Math.max(lastDay - customer.firstWonDay, 0);
    // Half the service falls in the last 90 days, so the month-by-month figures are filled.
    const day = rnd.chance(0.5)
      ? Math.max(customer.firstWonDay, lastDay - rnd.int(0, Math.min(span, 90)))
      : customer.firstWonDay + rnd.int(0, span);
    const sinceFirst = day - customer.firstWonDay;
    const type =
      sinceFirst < 20
        ? rnd.weighted<string>([
            ['installation', 5],
            ['training', 3],
            ['complaint', 0.6],
            ['other', 0.4],
          ])
        : rnd.weighted<string>([
            ['visit', 5],
            ['repair', 2.5],
            ['training', 1.2],
            ['complaint', 1.6],
            ['other', 0.5],
          ]);
    const age = todayDay - day;
    const closed =
      type === 'complaint'
        ? age > 21
          ? rnd.chance(0.9)
          : rnd.chance(0.35)
        : age > 10
          ? rnd.chance(0.95)
          : rnd.chance(0.5);
    const rated = closed && rnd.chance(0.8);
    const satisfaction = !rated
      ? ''
      : type === 'complaint'
        ? rnd.weighted<number>([
            [1, 2],
            [2, 3],
            [3, 3],
            [4, 1.5],
            [5, 0.5],
          ])
        : rnd.weighted<number>([
            [2, 0.4],
            [3, 1.5],
            [4, 4],
            [5, 4],
          ]);
    // Next plans: visits and installs lead to a call back or a check; an open complaint to a promised answer.
    const planned = type === 'complaint' ? !closed || rnd.chance(0.3) : rnd.chance(0.45);
    const nextDay = planned ? day + rnd.int(3, type === 'complaint' ? 10 : 45) : null;
    const flavour = customer.flavour;
    rows.push({
      id: idOf(index),
      customerId: customer.id,
      time: `${iso(day)} ${String(rnd.int(9, 17)).padStart(2, '0')}:${rnd.pick(['00', '15', '30', '45'])}`,
      type: label('serviceType', type),
      content: rnd.pick(CONTENT[flavour][type]),
      result: closed
        ? rnd.pick(RESULTS[flavour].closed)
        : rnd.chance(0.6)
          ? rnd.pick(RESULTS[flavour].open)
          : '',
      satisfaction,
      nextPlan: nextDay === null ? '' : rnd.pick(NEXT_PLANS[flavour]),
      nextDate: nextDay === null ? '' : iso(nextDay),
      rep: customer.owner || rnd.pick(activeReps),
      closed,
    });
  }
  return rows;
}
