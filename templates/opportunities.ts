/**
 * The Opportunities (商机) sheet and its hidden Stage history (阶段记录) as template data, plus their protections and
 * conditional formats. Built by a factory from workbook.ts's column helpers (customerId, dateColumn, …) so the
 * Customer ID column is the very spec every other sheet uses (Merge duplicates finds child sheets by it) without
 * an import cycle between the two files. Pipeline defaults (stages in order with their default probability) live
 * in the Lists catalogue (templates/lists.ts: opportunityStage + stageProbability, row for row).
 */
import type { ListKey, Localised } from './lists';
import type { ColumnSpec, ConditionalFormatSpec, ProtectionSpec, SheetSpec } from './workbook';

/** The helpers of workbook.ts the sheets are built with. */
export interface ColumnHelpers {
  L: (en: string, zh: string) => Localised;
  id: (headers: Localised, help: Localised, aliases?: string[]) => ColumnSpec;
  customerId: (help: Localised) => ColumnSpec;
  dateColumn: (key: string, headers: Localised, help: Localised, extra?: Partial<ColumnSpec>) => ColumnSpec;
  listColumn: (
    key: string,
    list: ListKey,
    headers: Localised,
    help: Localised,
    extra?: Partial<ColumnSpec>,
  ) => ColumnSpec;
  repEmail: (key: string, headers: Localised, help: Localised, aliases?: string[]) => ColumnSpec;
  formats: { datetime: string; currency: string; integer: string; text: string };
}

/** Template defaults of the pipeline, in order: stage code → default probability (%). */
export const DEFAULT_STAGE_PROBABILITIES: readonly { code: string; probability: number }[] = [
  { code: 'firstContact', probability: 10 },
  { code: 'intent', probability: 30 },
  { code: 'negotiating', probability: 60 },
  { code: 'signing', probability: 80 },
  { code: 'won', probability: 100 },
  { code: 'lost', probability: 0 },
];

/** Stage codes that close an opportunity. */
export const CLOSED_STAGES = { won: 'won', lost: 'lost' } as const;

export function opportunitySheets(h: ColumnHelpers): { opportunities: SheetSpec; stageHistory: SheetSpec } {
  const { L } = h;
  const opportunities: SheetSpec = {
    key: 'opportunities',
    names: L('Opportunities', '商机'),
    aliases: ['Opportunity', 'Pipeline', 'Sales opportunities', '销售机会', '商机表', '机会'],
    tabColor: '#7cb342',
    frozenRows: 1,
    frozenColumns: 1,
    layout: 'table',
    columns: [
      h.id(
        L('Opportunity ID', '商机编号'),
        L(
          'Unique ID such as O-00001, filled by SalesDesk. Stage history refers to it: do not change it.',
          '唯一编号（如 O-00001），由 SalesDesk 生成。阶段记录会引用它，请勿修改。',
        ),
        ['ID', 'Opp ID', '机会编号', '编号'],
      ),
      h.customerId(
        L(
          'ID of the customer (Customers sheet) this opportunity is with.',
          '商机所属客户的编号（见“客户”表）。',
        ),
      ),
      h.listColumn(
        'source',
        'source',
        L('Source', '商机来源'),
        L('Where the opportunity came from.', '商机从哪个渠道来的。'),
        { aliases: ['Lead source', '来源'] },
      ),
      {
        key: 'description',
        headers: L('Description', '需求描述'),
        aliases: ['Need', 'Needs', 'Summary', '描述', '需求', '商机描述'],
        type: 'text',
        required: true,
        width: 280,
        help: L(
          'What the customer needs, their budget and how keen they are (required).',
          '客户需求、预算和购买意向（必填）。',
        ),
      },
      h.listColumn(
        'stage',
        'opportunityStage',
        L('Stage', '商机阶段'),
        L(
          'Pipeline stage: first contact → intent → negotiating → signing → won / lost. Every change is recorded in Stage history.',
          '商机阶段：初次接触 → 有意向 → 洽谈中 → 签约中 → 赢单 / 输单。每次变更都记入“阶段记录”。',
        ),
        { aliases: ['Opportunity stage', 'Sales stage', '阶段'], required: true },
      ),
      {
        key: 'probability',
        headers: L('Probability (%)', '赢率（%）'),
        aliases: ['Probability', 'Win probability', 'Chance', '赢率', '成交概率', '概率'],
        type: 'integer',
        width: 100,
        numberFormat: h.formats.integer,
        help: L(
          'Chance of winning, 0–100. Follows the stage (Lists) unless you type your own.',
          '赢单可能性，0–100。默认随阶段变化（见“列表”），也可手动填写。',
        ),
        validation: { kind: 'integer', min: 0, max: 100 },
        strict: true,
      },
      h.dateColumn(
        'expectedClose',
        L('Expected close', '预计成交日期'),
        L('When you expect to close it (yyyy-mm-dd).', '预计何时成交（yyyy-mm-dd）。'),
        {
          aliases: ['Expected close date', 'Close date', '预计成交', '预计签约日期'],
          // An opportunity logged after the fact may have closed a little before it was entered.
          datePlausible: { after: 'created', graceDays: 60, withinYears: 5 },
        },
      ),
      {
        key: 'amount',
        headers: L('Expected amount', '预计金额'),
        aliases: ['Amount', 'Value', 'Deal size', '金额', '预计成交金额'],
        type: 'currency',
        width: 120,
        numberFormat: h.formats.currency,
        help: L('Expected value of the deal. Not negative.', '预计成交金额，不能为负数。'),
        validation: { kind: 'number', min: 0 },
        strict: true,
      },
      h.listColumn(
        'currency',
        'currency',
        L('Currency', '币种'),
        L('Currency of the amount (empty = Settings currency).', '金额的币种（留空为“设置”中的币种）。'),
        { aliases: ['Curr.', '货币'], width: 80 },
      ),
      h.repEmail(
        'owner',
        L('Owner', '负责销售'),
        L('E-mail of the rep working this opportunity.', '跟进此商机的销售邮箱。'),
        ['Rep', 'Sales rep', '负责人', '销售'],
      ),
      {
        key: 'nextStep',
        headers: L('Next step', '下一步'),
        aliases: ['Next action', '下一步计划', '后续计划'],
        type: 'text',
        width: 200,
        help: L('What you will do next.', '下一步要做什么。'),
      },
      h.dateColumn(
        'nextStepDate',
        L('Next step date', '下一步日期'),
        L(
          'When the next step is due: the daily reminder lists it from that day.',
          '下一步的日期：当天起出现在每日提醒中。',
        ),
        {
          aliases: ['Next date', 'Next step due', '下一步时间'],
          datePlausible: { after: 'created', graceDays: 60, withinYears: 5 },
        },
      ),
      {
        key: 'reason',
        headers: L('Won/lost reason', '赢单/输单原因'),
        aliases: ['Reason', 'Win/loss reason', 'Lost reason', '原因', '输单原因', '赢单原因'],
        type: 'text',
        width: 200,
        help: L(
          'Why it was won or lost (for won and lost stages).',
          '赢单或输单的原因（赢单、输单阶段填写）。',
        ),
      },
      h.dateColumn(
        'created',
        L('Created', '创建日期'),
        L('Date the opportunity was opened.', '商机创建日期。'),
        { aliases: ['Created on', '创建时间'] },
      ),
      {
        key: 'updated',
        headers: L('Updated', '更新时间'),
        aliases: ['Updated at', 'Last updated', '最近更新'],
        type: 'datetime',
        width: 135,
        numberFormat: h.formats.datetime,
        help: L(
          'When this row was last changed through SalesDesk or a stage edit (filled automatically).',
          '最近一次通过 SalesDesk 或修改阶段而更新的时间（自动填写）。',
        ),
      },
      {
        key: 'dealId',
        headers: L('Deal ID', '成交编号'),
        aliases: ['Deal', '成交单号'],
        type: 'text',
        width: 110,
        numberFormat: h.formats.text,
        help: L(
          'The deal created from this opportunity once won (filled by SalesDesk).',
          '赢单后由此商机生成的成交记录编号（由 SalesDesk 填写）。',
        ),
      },
    ],
  };

  const stageHistory: SheetSpec = {
    key: 'stageHistory',
    names: L('Stage history', '阶段记录'),
    aliases: ['Opportunity stage history', 'Stage log', '商机阶段记录', '阶段历史'],
    tabColor: '#5f6368',
    frozenRows: 1,
    layout: 'table',
    hidden: true,
    columns: [
      {
        key: 'time',
        headers: L('Time', '时间'),
        aliases: ['Date', 'Changed at', '变更时间'],
        type: 'datetime',
        width: 135,
        numberFormat: h.formats.datetime,
        help: L('When the stage changed.', '阶段变更的时间。'),
      },
      {
        key: 'opportunityId',
        headers: L('Opportunity ID', '商机编号'),
        aliases: ['Opportunity', '商机'],
        type: 'text',
        width: 110,
        numberFormat: h.formats.text,
        help: L('The opportunity whose stage changed.', '阶段发生变更的商机。'),
      },
      {
        key: 'fromStage',
        headers: L('From stage', '原阶段'),
        aliases: ['From', '变更前'],
        type: 'text',
        width: 120,
        help: L(
          'Stage before the change (empty when the opportunity was opened).',
          '变更前的阶段（新建时为空）。',
        ),
      },
      {
        key: 'toStage',
        headers: L('To stage', '新阶段'),
        aliases: ['To', '变更后'],
        type: 'text',
        width: 120,
        help: L('Stage after the change.', '变更后的阶段。'),
      },
      {
        key: 'by',
        headers: L('By', '操作人'),
        aliases: ['Changed by', '变更人'],
        type: 'email',
        width: 180,
        help: L('Who changed it.', '变更人。'),
      },
      {
        key: 'via',
        headers: L('Via', '来源'),
        aliases: ['Source', '途径'],
        type: 'text',
        width: 90,
        help: L(
          'sidebar (Log opportunity), sheet (typed in Opportunities) or sample.',
          'sidebar（登记商机）、sheet（直接在“商机”表中修改）或 sample（示例数据）。',
        ),
      },
    ],
  };
  return { opportunities, stageHistory };
}

const Lx = (en: string, zh: string): Localised => ({ en, 'zh-CN': zh });

/** Stage history is written by SalesDesk only: a warning stops hand edits by accident (reps' saves write it). */
export const OPPORTUNITY_PROTECTIONS: readonly ProtectionSpec[] = [
  {
    id: 'opportunities.id',
    sheet: 'opportunities',
    columns: ['id'],
    mode: 'warning',
    description: Lx(
      'Opportunity IDs are what Stage history refers to: change them only if you know why',
      '阶段记录依据商机编号：如非必要请勿修改',
    ),
  },
  {
    id: 'stageHistory',
    sheet: 'stageHistory',
    mode: 'warning',
    description: Lx(
      'SalesDesk stage history: written by SalesDesk, used for stage durations',
      'SalesDesk 阶段记录：由 SalesDesk 写入，用于计算阶段停留天数',
    ),
  },
];

/** Next step overdue (red) or due today (amber) on open opportunities. */
export const OPPORTUNITY_FORMATS: readonly ConditionalFormatSpec[] = [
  {
    id: 'opportunities.nextStepDate.overdue',
    sheet: 'opportunities',
    columns: ['nextStepDate'],
    formula: '=AND(ISNUMBER({nextStepDate}),{nextStepDate}<TODAY(),{probability}>0,{probability}<100)',
    background: '#f4c7c3',
    fontColor: '#a50e0e',
    description: Lx('Next step is overdue', '下一步已逾期'),
  },
  {
    id: 'opportunities.nextStepDate.today',
    sheet: 'opportunities',
    columns: ['nextStepDate'],
    formula: '=AND(ISNUMBER({nextStepDate}),INT({nextStepDate})=TODAY(),{probability}>0,{probability}<100)',
    background: '#fce8b2',
    fontColor: '#7a4f01',
    description: Lx('Next step is due today', '下一步今天到期'),
  },
];
