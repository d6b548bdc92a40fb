/**
 * The SalesDesk workbook template as typed data: sheets, columns, validation rules, number formats, help texts,
 * conditional formats and protections. Set-up (src/core/setup + src/server/setup) turns this into real Sheets
 * objects; every other module finds its sheets and columns through it, by key, in either language.
 * Keys are those of docs/CONTRACTS.md; change them only together with every user.
 */
import { lazyFields, lazyValue } from '../src/core/lazy';
import type { ColumnHeaders } from '../src/core/table';
import { LIST_KEYS, LISTS, type ListKey, type Localised } from './lists';
import { OPPORTUNITY_FORMATS, OPPORTUNITY_PROTECTIONS, opportunitySheets } from './opportunities';
import { serviceConditionalFormats, serviceProtections, serviceSheet } from './service';

export type { Language, Localised } from './lists';

export const SHEET_KEYS = [
  'customers',
  'deals',
  'followups',
  'service',
  'reps',
  'assignmentLog',
  'settings',
  'lists',
  'dashboard',
  'opportunities',
  'stageHistory',
] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

export type ColumnType =
  | 'text'
  | 'email'
  | 'phone'
  | 'url'
  | 'date'
  | 'datetime'
  | 'number'
  | 'integer'
  | 'currency'
  | 'checkbox'
  | 'list';

/**
 * A data-validation rule as data. `{cell}` in a custom formula stands for the column's first data cell as a
 * relative A1 reference (e.g. `E2`), filled in by set-up once it knows where the column stands.
 */
export type ValidationSpec =
  /** Dropdown of the Lists sheet column of `list`. */
  | { kind: 'list'; list: ListKey }
  /** Dropdown of another sheet's column (e.g. owner ← Reps e-mail). */
  | { kind: 'sheetColumn'; sheet: SheetKey; column: string }
  /** Dropdown of fixed values (codes that read the same in both languages). */
  | { kind: 'values'; values: readonly string[] }
  | { kind: 'email' }
  | { kind: 'url' }
  | { kind: 'date' }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'checkbox' }
  /** Custom formula; `check` names the rule so core validation can mirror it in TS. */
  | { kind: 'custom'; check: 'phone'; formula: string };

export interface ColumnSpec {
  key: string;
  headers: Localised;
  /** Older or alternative header texts recognised on input (either language). */
  aliases?: readonly string[];
  type: ColumnType;
  /** The Lists column feeding a 'list' column's dropdown. */
  list?: ListKey;
  required?: boolean;
  /** Column width in pixels. */
  width: number;
  /** Sheets number format pattern; undefined leaves the column's format alone. */
  numberFormat?: string;
  help: Localised;
  validation?: ValidationSpec;
  /**
   * When false the rule warns (red corner) instead of rejecting: used where a value outside the rule is still
   * meaningful (an owner who left the team, an imported label) so a user's typing is never refused.
   */
  strict?: boolean;
  /** Filled by SalesDesk (tier refresh, formulas); protected for managers. */
  computed?: boolean;
  /** Identifier column: editing warns, because other sheets refer to it. */
  identifier?: boolean;
  /** Check data: where a date of this column is plausible, measured from another date of the same row. */
  datePlausible?: DatePlausibleSpec;
}

/**
 * A date is plausible from `graceDays` before the date in column `after` of the same row up to `withinYears`
 * years after it; outside that window Check data warns (a mistyped year, such as 2062 or 2016 for 2026).
 */
export interface DatePlausibleSpec {
  after: string;
  graceDays: number;
  withinYears: number;
}

export interface SheetSpec {
  key: SheetKey;
  names: Localised;
  /** Other sheet names recognised (older templates, short forms). */
  aliases?: readonly string[];
  tabColor: string;
  frozenRows: number;
  frozenColumns?: number;
  /** 'table': a header row of columns; 'free': a layout written by its feature (Dashboard). */
  layout: 'table' | 'free';
  columns: readonly ColumnSpec[];
  /** Hidden when set-up creates it (SalesDesk's own records, e.g. Stage history). */
  hidden?: boolean;
}

/**
 * A conditional format as data. `formula` uses `{columnKey}` placeholders that set-up replaces with the column's
 * first data cell, column-absolute (e.g. `$R2`). Only functions both Sheets and HyperFormula know are used.
 */
export interface ConditionalFormatSpec {
  id: string;
  sheet: SheetKey;
  /** Columns whose data range the rule covers. */
  columns: readonly string[];
  formula: string;
  background: string;
  fontColor?: string;
  description: Localised;
}

/** A protection as data: a whole sheet or some columns; editors are the managers of Settings plus the owner. */
export interface ProtectionSpec {
  id: string;
  sheet: SheetKey;
  /** Columns to protect (their full column range); undefined protects the whole sheet. */
  columns?: readonly string[];
  /** 'managers': only managers and the owner may edit; 'warning': everyone may, after a warning. */
  mode: 'managers' | 'warning';
  description: Localised;
}

const L = (en: string, zh: string): Localised => ({ en, 'zh-CN': zh });

export const NUMBER_FORMATS = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  currency: '#,##0.00',
  integer: '0',
  text: '@',
} as const;

/**
 * The phone rule of src/core/validation/phone.ts as a sheet formula: mainland mobiles written the way Chinese
 * teams write them (`13800138000`, `138-0013-8000`, `+86 138 0013 8000`, `0086…`), landlines with the area code
 * (`010-12345678`, `0755-1234567`, `+86 10 1234 5678`), and any other number in country-code form (`+` or `00`,
 * 8–15 digits); groups separated by spaces, hyphens or parentheses. Built from LEFT/MID/LEN/MATCH/TEXT only (no
 * REGEXMATCH, no LET), so Google Sheets, HyperFormula (the local runtime) and LibreOffice all evaluate it; each
 * branch is wrapped in IFERROR because one branch's error would otherwise fail the whole OR.
 */
export function phoneRuleFormula(): string {
  const s = 'SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE({cell}," ",""),"-",""),"(",""),")","")';
  const len = `LEN(${s})`;
  const starts = (prefix: string) => `LEFT(${s},${prefix.length})="${prefix}"`;
  /** The digit `back` places before the end is in 3–9 (`back` 0 = last digit). */
  const from3to9 = (position: string) => `ISNUMBER(FIND(MID(${s},${position},1),"3456789"))`;
  /** What stands before the last `n` characters is one of `prefixes`. */
  const prefixIn = (n: number, prefixes: string[]) =>
    `ISNUMBER(MATCH("x"&LEFT(${s},${len}-${n}),{${prefixes.map((p) => `"x${p}"`).join(',')}},0))`;
  // Digits only after the "+" or "00": TEXT(VALUE(d),"000…")=d holds exactly for a run of up to 15 digits.
  const d = `MID(${s},IF(LEFT(${s},1)="+",2,IF(LEFT(${s},2)="00",3,1)),40)`;
  const digits = `TEXT(VALUE(${d}),REPT("0",LEN(${d})))=${d}`;
  const trunk = ['0', '+86', '0086'];
  const mobile = `AND(${prefixIn(11, ['', '86', ...trunk])},MID(${s},${len}-10,1)="1",${from3to9(`${len}-9`)})`;
  const landline10 = `AND(${prefixIn(10, trunk)},OR(MID(${s},${len}-9,2)="10",ISNUMBER(FIND(MID(${s},${len}-9,1),"23456789"))))`;
  const landline11 = `AND(${prefixIn(11, trunk)},${from3to9(`${len}-10`)})`;
  const international =
    `AND(NOT(${starts('+86')}),NOT(${starts('0086')}),` +
    `OR(AND(${starts('+')},${len}>=9,${len}<=16),AND(${starts('00')},${len}>=10,${len}<=17)))`;
  const branches = [mobile, landline10, landline11, international].map((b) => `IFERROR(${b},FALSE)`);
  return `=OR({cell}="",AND(IFERROR(${digits},FALSE),OR(${branches.join(',')})))`;
}
export const id = (headers: Localised, help: Localised, aliases: string[] = []): ColumnSpec => ({
  key: 'id',
  headers,
  aliases,
  type: 'text',
  width: 110,
  numberFormat: NUMBER_FORMATS.text,
  help,
  identifier: true,
});

export const dateColumn = (
  key: string,
  headers: Localised,
  help: Localised,
  extra: Partial<ColumnSpec> = {},
): ColumnSpec => ({
  key,
  headers,
  type: 'date',
  width: 105,
  numberFormat: NUMBER_FORMATS.date,
  help,
  validation: { kind: 'date' },
  strict: true,
  ...extra,
});

export const listColumn = (
  key: string,
  list: ListKey,
  headers: Localised,
  help: Localised,
  extra: Partial<ColumnSpec> = {},
): ColumnSpec => ({
  key,
  headers,
  type: 'list',
  list,
  width: 120,
  help,
  validation: { kind: 'list', list },
  strict: true,
  ...extra,
});

const notes: ColumnSpec = {
  key: 'notes',
  headers: L('Notes', '备注'),
  aliases: ['Remarks', 'Comments', '说明'],
  type: 'text',
  width: 240,
  help: L('Anything worth remembering.', '其他需要记录的信息。'),
};
export const updatedBy: ColumnSpec = {
  key: 'updatedBy',
  headers: L('Updated by', '更新人'),
  aliases: ['Modified by', '修改人'],
  type: 'email',
  width: 170,
  help: L(
    'Who last saved this row through SalesDesk (filled automatically).',
    '最近通过 SalesDesk 保存此行的人（自动填写）。',
  ),
};
export const updatedAt: ColumnSpec = {
  key: 'updatedAt',
  headers: L('Updated at', '更新时间'),
  aliases: ['Modified at', '修改时间'],
  type: 'datetime',
  width: 135,
  numberFormat: NUMBER_FORMATS.datetime,
  help: L(
    'When this row was last saved through SalesDesk (filled automatically).',
    '最近通过 SalesDesk 保存此行的时间（自动填写）。',
  ),
};
export const customerId = (help: Localised): ColumnSpec => ({
  key: 'customerId',
  headers: L('Customer ID', '客户编号'),
  aliases: ['Client ID', '客户ID', '客户 ID'],
  type: 'text',
  required: true,
  width: 110,
  numberFormat: NUMBER_FORMATS.text,
  help,
});
export const repEmail = (
  key: string,
  headers: Localised,
  help: Localised,
  aliases: string[] = [],
): ColumnSpec => ({
  key,
  headers,
  aliases,
  type: 'email',
  width: 190,
  help,
  validation: { kind: 'sheetColumn', sheet: 'reps', column: 'email' },
  strict: false,
});

const customers = (): SheetSpec => ({
  key: 'customers',
  names: L('Customers', '客户'),
  aliases: ['Customer', 'Clients', '客户表', '客户信息', '客户列表'],
  tabColor: '#1a73e8',
  frozenRows: 1,
  frozenColumns: 2,
  layout: 'table',
  columns: [
    id(
      L('Customer ID', '客户编号'),
      L(
        'Unique ID such as C-00001, filled by SalesDesk. Deals and follow-ups refer to it: do not change it.',
        '唯一编号（如 C-00001），由 SalesDesk 生成。成交和跟进记录会引用它，请勿修改。',
      ),
      ['ID', 'Client ID', '客户ID', '客户 ID', '编号'],
    ),
    {
      key: 'company',
      headers: L('Company', '客户名称'),
      aliases: ['Name', 'Company name', 'Customer name', 'Client', '公司名称', '公司', '客户', '名称'],
      type: 'text',
      required: true,
      width: 200,
      help: L('Company or customer name (required).', '公司或客户名称（必填）。'),
    },
    {
      key: 'contact',
      headers: L('Contact person', '联系人'),
      aliases: ['Contact', 'Contact name', '联系人姓名'],
      type: 'text',
      required: true,
      width: 120,
      help: L('The person you deal with (required).', '主要对接人（必填）。'),
    },
    {
      key: 'position',
      headers: L('Position', '职位'),
      aliases: ['Title', 'Job title', 'Department', '职务', '部门', '职位/部门'],
      type: 'text',
      width: 120,
      help: L('Job title or department of the contact.', '联系人的职务或部门。'),
    },
    {
      key: 'phone',
      headers: L('Phone', '电话'),
      aliases: ['Mobile', 'Telephone', 'Phone number', '手机', '联系电话', '电话号码', '手机号'],
      type: 'phone',
      width: 150,
      numberFormat: NUMBER_FORMATS.text,
      help: L(
        'A mainland mobile (138 0013 8000) or landline with area code (010-12345678), or another country with its code (+1 415 555 0134). Saved as +86 138 0013 8000.',
        '大陆手机（138 0013 8000）、带区号的座机（010-12345678），或带国家代码的境外号码（+1 415 555 0134）。保存为 +86 138 0013 8000 格式。',
      ),
      validation: { kind: 'custom', check: 'phone', formula: phoneRuleFormula() },
      strict: false,
    },
    {
      key: 'email',
      headers: L('E-mail', '邮箱'),
      aliases: ['Email', 'Email address', 'Mail', '电子邮件', '邮件', '电子邮箱'],
      type: 'email',
      width: 200,
      help: L('E-mail address, e.g. name@company.com.', '电子邮箱，例如 name@company.com。'),
      validation: { kind: 'email' },
      strict: false,
    },
    {
      key: 'address',
      headers: L('Address', '地址'),
      aliases: ['Company address', '公司地址', '联系地址'],
      type: 'text',
      width: 220,
      help: L('Postal or office address.', '邮寄或办公地址。'),
    },
    listColumn(
      'industry',
      'industry',
      L('Industry', '行业'),
      L('Industry, from the list.', '所属行业，从列表中选择。'),
      {
        aliases: ['Sector', '所属行业'],
      },
    ),
    listColumn(
      'region',
      'region',
      L('Region', '区域'),
      L('Sales region, from the list.', '销售区域，从列表中选择。'),
      {
        aliases: ['Area', 'Territory', '地区', '所在地区'],
      },
    ),
    listColumn(
      'size',
      'size',
      L('Company size', '企业规模'),
      L('Number of staff, from the list.', '员工人数，从列表中选择。'),
      {
        aliases: ['Size', 'Employees', '规模', '公司规模'],
      },
    ),
    listColumn(
      'source',
      'source',
      L('Source', '客户来源'),
      L('Where the lead came from.', '客户是从哪个渠道来的。'),
      { aliases: ['Lead source', 'Channel source', '来源', '线索来源'] },
    ),
    listColumn(
      'customerType',
      'customerType',
      L('Customer type', '客户类型'),
      L('Potential, existing or lost customer.', '潜在客户、现有客户或流失客户。'),
      { aliases: ['Type', '类型'] },
    ),
    listColumn(
      'stage',
      'stage',
      L('Stage', '购买阶段'),
      L(
        'Purchase stage: first contact → intent → negotiating → signed → purchased.',
        '购买阶段：初次接触 → 有意向 → 洽谈中 → 已签约 → 已购买。',
      ),
      { aliases: ['Purchase stage', 'Sales stage', '阶段', '销售阶段'] },
    ),
    {
      key: 'level',
      headers: L('Level', '客户等级'),
      aliases: ['Customer level', 'Rating', '等级', '级别'],
      type: 'integer',
      width: 80,
      numberFormat: NUMBER_FORMATS.integer,
      help: L(
        'Customer level, a whole number from 1 (low) to 5 (high).',
        '客户等级，1（低）到 5（高）的整数。',
      ),
      validation: { kind: 'integer', min: 1, max: 5 },
      strict: true,
    },
    {
      key: 'potentialValue',
      headers: L('Potential value', '潜在价值'),
      aliases: ['Expected value', 'Estimated value', 'Potential', '预计金额', '预估价值', '潜在金额'],
      type: 'currency',
      width: 120,
      numberFormat: NUMBER_FORMATS.currency,
      help: L(
        'Expected value of the business, in the currency of Settings. Not negative.',
        '预计业务价值（按“设置”中的币种），不能为负数。',
      ),
      validation: { kind: 'number', min: 0 },
      strict: true,
    },
    repEmail(
      'owner',
      L('Owner', '负责销售'),
      L(
        'E-mail of the rep in charge (from the Reps sheet). Empty = unassigned lead.',
        '负责此客户的销售邮箱（来自“销售团队”表）。留空表示待分配。',
      ),
      ['Owner rep', 'Rep', 'Sales rep', 'Assigned to', '负责人', '销售', '负责销售邮箱'],
    ),
    {
      key: 'reassign',
      headers: L('Reassign', '重新分配'),
      aliases: ['Re-assign', 'To reassign', '待重新分配'],
      type: 'checkbox',
      width: 90,
      help: L(
        'Managers tick this to have Assign leads hand the customer to another rep.',
        '经理勾选后，“分配线索”会把该客户重新分配给其他销售。',
      ),
      validation: { kind: 'checkbox' },
      strict: true,
    },
    dateColumn(
      'created',
      L('Created', '创建日期'),
      L('Date the customer was added (yyyy-mm-dd).', '客户录入日期（yyyy-mm-dd）。'),
      {
        aliases: ['Created on', 'Date added', '创建时间', '录入日期'],
      },
    ),
    dateColumn(
      'lastContact',
      L('Last contact', '最近联系'),
      L('Date of the latest contact.', '最近一次联系的日期。'),
      {
        aliases: ['Last contacted', 'Last contact date', '最近联系日期', '上次联系'],
      },
    ),
    dateColumn(
      'nextFollowUp',
      L('Next follow-up', '下次跟进'),
      L(
        'Date of the next planned follow-up. Red when overdue, amber when due today.',
        '计划下次跟进的日期。逾期显示红色，当天显示黄色。',
      ),
      { aliases: ['Next follow up', 'Follow-up date', '下次跟进日期', '下次联系'] },
    ),
    {
      key: 'totalPurchases',
      headers: L('Total purchases', '累计购买金额'),
      aliases: ['Total spent', 'Purchases', '累计消费', '购买总额', '累计金额'],
      type: 'currency',
      width: 130,
      numberFormat: NUMBER_FORMATS.currency,
      help: L(
        'Sum of won deals, filled by Extensions → SalesDesk → Refresh tiers.',
        '已成交金额合计，由“刷新客户分层”计算。',
      ),
      computed: true,
    },
    {
      key: 'orderCount',
      headers: L('Orders', '购买次数'),
      aliases: ['Order count', 'Number of orders', '订单数', '成交次数'],
      type: 'integer',
      width: 80,
      numberFormat: NUMBER_FORMATS.integer,
      help: L(
        'Number of won deals, filled by Extensions → SalesDesk → Refresh tiers.',
        '已成交笔数，由“刷新客户分层”计算。',
      ),
      computed: true,
    },
    dateColumn(
      'firstPurchase',
      L('First purchase', '首次购买'),
      L('Date of the first won deal, filled by SalesDesk.', '首次成交日期，由 SalesDesk 计算。'),
      { aliases: ['First purchase date', '首次购买日期', '首次成交'], computed: true, validation: undefined },
    ),
    dateColumn(
      'lastPurchase',
      L('Last purchase', '最近购买'),
      L('Date of the latest won deal, filled by SalesDesk.', '最近成交日期，由 SalesDesk 计算。'),
      { aliases: ['Last purchase date', '最近购买日期', '最近成交'], computed: true, validation: undefined },
    ),
    listColumn(
      'tier',
      'tier',
      L('Tier', '客户分层'),
      L(
        'VIP / Active / Potential / Lost from purchases (amount, count, recency); thresholds are in Settings.',
        '根据购买金额、次数和最近购买时间分为 VIP / 活跃 / 潜在 / 流失，阈值见“设置”。',
      ),
      { aliases: ['Segment', 'Customer tier', '分层', '客户分级'], computed: true, validation: undefined },
    ),
    notes,
    updatedBy,
    updatedAt,
  ],
});

const deals = (): SheetSpec => ({
  key: 'deals',
  names: L('Deals', '成交记录'),
  aliases: ['Deal', 'Sales', 'Orders', '成交', '订单', '销售记录'],
  tabColor: '#188038',
  frozenRows: 1,
  layout: 'table',
  columns: [
    id(
      L('Deal ID', '成交编号'),
      L('Unique ID such as D-00001, filled by SalesDesk.', '唯一编号（如 D-00001），由 SalesDesk 生成。'),
      ['ID', 'Order ID', '订单编号', '成交ID', '编号'],
    ),
    customerId(
      L('ID of the customer (Customers sheet) this deal belongs to.', '所属客户的编号（见“客户”表）。'),
    ),
    dateColumn(
      'date',
      L('Date', '成交日期'),
      L('Date of the deal (yyyy-mm-dd).', '成交日期（yyyy-mm-dd）。'),
      {
        aliases: ['Deal date', 'Order date', '日期', '下单日期'],
        required: true,
      },
    ),
    listColumn(
      'product',
      'product',
      L('Product', '产品'),
      L('Product sold, from the list.', '所售产品，从列表中选择。'),
      {
        aliases: ['Item', '商品', '产品名称'],
        strict: false,
      },
    ),
    {
      key: 'amount',
      headers: L('Amount', '金额'),
      aliases: ['Deal amount', 'Value', '成交金额', '订单金额'],
      type: 'currency',
      required: true,
      width: 120,
      numberFormat: NUMBER_FORMATS.currency,
      help: L(
        'Deal amount in the currency of the next column. Not negative.',
        '成交金额（币种见下一列），不能为负数。',
      ),
      validation: { kind: 'number', min: 0 },
      strict: true,
    },
    listColumn(
      'currency',
      'currency',
      L('Currency', '币种'),
      L('Currency code: CNY, USD, …', '币种代码：CNY、USD 等。'),
      {
        aliases: ['Curr.', '货币'],
        width: 80,
      },
    ),
    listColumn(
      'paymentMethod',
      'paymentMethod',
      L('Payment method', '付款方式'),
      L('Online, offline or instalments.', '线上支付、线下支付或分期付款。'),
      { aliases: ['Payment', '支付方式'] },
    ),
    listColumn(
      'status',
      'dealStatus',
      L('Status', '状态'),
      L(
        'Pending, won, lost or cancelled. Only won deals count as purchases.',
        '进行中、已成交、丢单或已取消。只有“已成交”计入购买。',
      ),
      { aliases: ['Deal status', '成交状态', '订单状态'], required: true },
    ),
    dateColumn(
      'expectedClose',
      L('Expected close', '预计成交日期'),
      L('When a pending deal is expected to close.', '进行中的交易预计何时成交。'),
      { aliases: ['Expected close date', 'Close date', '预计成交', '预计完成日期'] },
    ),
    notes,
    repEmail('rep', L('Rep', '销售'), L('E-mail of the rep who made the deal.', '负责此单的销售邮箱。'), [
      'Sales rep',
      'Owner',
      '销售人员',
      '负责销售',
    ]),
    updatedBy,
    updatedAt,
  ],
});

const followups = (): SheetSpec => ({
  key: 'followups',
  names: L('Follow-ups', '跟进记录'),
  aliases: ['Follow ups', 'Followups', 'Activities', 'Contact log', '跟进', '跟进日志', '联系记录'],
  tabColor: '#f9ab00',
  frozenRows: 1,
  layout: 'table',
  columns: [
    id(
      L('Follow-up ID', '跟进编号'),
      L('Unique ID such as F-00001, filled by SalesDesk.', '唯一编号（如 F-00001），由 SalesDesk 生成。'),
      ['ID', '跟进ID', '编号'],
    ),
    customerId(L('ID of the customer (Customers sheet) you followed up.', '跟进客户的编号（见“客户”表）。')),
    {
      key: 'time',
      headers: L('Time', '跟进时间'),
      aliases: ['Date', 'Date and time', 'When', '时间', '日期'],
      type: 'datetime',
      required: true,
      width: 135,
      numberFormat: NUMBER_FORMATS.datetime,
      help: L('When the contact took place (yyyy-mm-dd hh:mm).', '联系发生的时间（yyyy-mm-dd hh:mm）。'),
      validation: { kind: 'date' },
      strict: true,
    },
    listColumn(
      'channel',
      'channel',
      L('Channel', '跟进方式'),
      L('Phone, WeChat, e-mail, visit, …', '电话、微信、邮件、上门拜访等。'),
      {
        aliases: ['Method', 'Contact method', '方式', '联系方式'],
      },
    ),
    {
      key: 'content',
      headers: L('Content', '跟进内容'),
      aliases: ['Summary', 'Details', 'Notes', '内容', '沟通内容'],
      type: 'text',
      required: true,
      width: 280,
      help: L('What was discussed: needs, budget, objections.', '沟通了什么：需求、预算、顾虑等。'),
    },
    listColumn(
      'result',
      'result',
      L('Result', '跟进结果'),
      L('Outcome of the contact.', '本次跟进的结果。'),
      {
        aliases: ['Outcome', '结果'],
      },
    ),
    {
      key: 'nextStep',
      headers: L('Next step', '下一步计划'),
      aliases: ['Next action', 'Plan', '下一步', '后续计划'],
      type: 'text',
      width: 220,
      help: L('What you will do next.', '下一步要做什么。'),
    },
    dateColumn(
      'nextDate',
      L('Next date', '下次跟进日期'),
      L(
        'Date of the next step. Red when overdue and not done, amber when due today.',
        '下一步的日期。逾期未完成显示红色，当天显示黄色。',
      ),
      { aliases: ['Next follow-up', 'Next follow-up date', '下次跟进', '下次日期'] },
    ),
    repEmail('rep', L('Rep', '销售'), L('E-mail of the rep who made the contact.', '进行跟进的销售邮箱。'), [
      'Sales rep',
      'Owner',
      '跟进人',
      '销售人员',
    ]),
    {
      key: 'done',
      headers: L('Done', '已完成'),
      aliases: ['Completed', 'Closed', '完成', '是否完成'],
      type: 'checkbox',
      width: 80,
      help: L('Tick when the next step is done; reminders stop.', '下一步完成后勾选，不再提醒。'),
      validation: { kind: 'checkbox' },
      strict: true,
    },
  ],
});

const reps = (): SheetSpec => ({
  key: 'reps',
  names: L('Reps', '销售团队'),
  aliases: ['Sales reps', 'Team', 'Sales team', '销售', '销售代表', '团队', '销售人员'],
  tabColor: '#9334e6',
  frozenRows: 1,
  layout: 'table',
  columns: [
    {
      key: 'name',
      headers: L('Name', '姓名'),
      aliases: ['Rep', 'Rep name', '名字', '销售姓名'],
      type: 'text',
      required: true,
      width: 140,
      help: L('Rep’s name.', '销售姓名。'),
    },
    {
      key: 'email',
      headers: L('E-mail', '邮箱'),
      aliases: ['Email', 'Google account', '电子邮件', '账号'],
      type: 'email',
      required: true,
      width: 210,
      help: L(
        'Google account e-mail: used for ownership, reminders and access.',
        '谷歌账号邮箱：用于客户归属、提醒和权限。',
      ),
      validation: { kind: 'email' },
      strict: true,
    },
    {
      key: 'active',
      headers: L('Active', '在岗'),
      aliases: ['Is active', 'Enabled', '启用', '是否在岗'],
      type: 'checkbox',
      width: 70,
      help: L('Unticked reps get no new leads and no reminders.', '未勾选的销售不再分配新线索，也不收提醒。'),
      validation: { kind: 'checkbox' },
      strict: true,
    },
    listColumn(
      'role',
      'role',
      L('Role', '角色'),
      L(
        'Rep, senior rep or manager. Managers may run assignments.',
        '销售代表、资深销售或销售经理。经理可执行分配。',
      ),
      {
        aliases: ['Position', '职位', '岗位'],
      },
    ),
    {
      key: 'weight',
      headers: L('Weight', '分配权重'),
      aliases: ['Share', 'Assignment weight', '权重'],
      type: 'number',
      width: 90,
      help: L(
        'Relative share of new leads (1 = normal, 2 = twice as many, 0 = none).',
        '新线索分配比例（1 为正常，2 为两倍，0 为不分配）。',
      ),
      validation: { kind: 'number', min: 0 },
      strict: true,
    },
    {
      key: 'capacity',
      headers: L('Capacity', '最大在跟客户数'),
      aliases: ['Max open leads', 'Max leads', '容量', '上限'],
      type: 'integer',
      width: 120,
      numberFormat: NUMBER_FORMATS.integer,
      help: L(
        'Most open customers this rep may own; empty = no limit.',
        '该销售最多负责的在跟客户数，留空表示不限。',
      ),
      validation: { kind: 'integer', min: 0 },
      strict: true,
    },
    {
      key: 'regions',
      headers: L('Regions', '负责区域'),
      aliases: ['Territories', 'Areas', '区域'],
      type: 'text',
      width: 180,
      help: L(
        'Regions this rep covers, comma-separated (from the Region list). Empty = any.',
        '负责的区域，用逗号分隔（取自区域列表）。留空表示不限。',
      ),
    },
    {
      key: 'industries',
      headers: L('Industries', '负责行业'),
      aliases: ['Sectors', '行业'],
      type: 'text',
      width: 180,
      help: L(
        'Industries this rep covers, comma-separated. Empty = any.',
        '负责的行业，用逗号分隔。留空表示不限。',
      ),
    },
    dateColumn(
      'outOfOfficeUntil',
      L('Out of office until', '休假至'),
      L('No new leads until after this date.', '此日期之前不分配新线索。'),
      { aliases: ['Away until', 'OOO until', '请假至', '外出至'], width: 130 },
    ),
    {
      key: 'language',
      headers: L('Language', '语言'),
      aliases: ['Locale', '语言偏好'],
      type: 'list',
      width: 90,
      help: L(
        'Language of this rep’s reminder e-mails: en or zh-CN (empty = workbook language).',
        '提醒邮件语言：en 或 zh-CN（留空则与工作簿一致）。',
      ),
      validation: { kind: 'values', values: ['en', 'zh-CN'] },
      strict: false,
    },
    {
      key: 'maxNewPerDay',
      headers: L('Max new leads per day', '每日新线索上限'),
      aliases: ['Daily lead cap', 'Max leads per day', '每日上限', '日上限'],
      type: 'integer',
      width: 120,
      numberFormat: NUMBER_FORMATS.integer,
      help: L(
        'Most new leads this rep gets per day (all runs and form intake today); empty = no daily limit.',
        '该销售每天最多分到的新线索数（含当天所有分配和表单录入），留空表示不限。',
      ),
      validation: { kind: 'integer', min: 0 },
      strict: true,
    },
  ],
});

const assignmentLog = (): SheetSpec => ({
  key: 'assignmentLog',
  names: L('Assignment log', '分配日志'),
  aliases: ['Assignments', 'Assignment history', '分配记录', '分配历史'],
  tabColor: '#5f6368',
  frozenRows: 1,
  layout: 'table',
  columns: [
    {
      key: 'time',
      headers: L('Time', '时间'),
      aliases: ['Date', '分配时间'],
      type: 'datetime',
      width: 135,
      numberFormat: NUMBER_FORMATS.datetime,
      help: L('When the assignment ran.', '分配执行的时间。'),
    },
    {
      key: 'runId',
      headers: L('Run', '批次'),
      aliases: ['Run ID', '批次号'],
      type: 'text',
      width: 140,
      help: L(
        'One ID per assignment run, so a run can be undone as a whole.',
        '每次分配一个批次号，便于整批撤销。',
      ),
    },
    customerId(L('ID of the assigned customer.', '被分配客户的编号。')),
    {
      key: 'customer',
      headers: L('Customer', '客户'),
      aliases: ['Company', '客户名称'],
      type: 'text',
      width: 180,
      help: L('Customer name at the time of assignment.', '分配时的客户名称。'),
    },
    {
      key: 'fromRep',
      headers: L('From', '原负责人'),
      aliases: ['From rep', 'Previous owner', '原销售'],
      type: 'email',
      width: 180,
      help: L('Previous owner (empty for a new lead).', '原负责销售（新线索为空）。'),
    },
    {
      key: 'toRep',
      headers: L('To', '新负责人'),
      aliases: ['To rep', 'New owner', '新销售'],
      type: 'email',
      width: 180,
      help: L('New owner.', '新的负责销售。'),
    },
    {
      key: 'pool',
      headers: L('Pool', '分配池'),
      aliases: ['Team', '分组'],
      type: 'text',
      width: 120,
      help: L(
        'The group of reps the lead was rotated among (e.g. a region).',
        '参与轮转的销售分组（如某个区域）。',
      ),
    },
    {
      key: 'reason',
      headers: L('Reason', '原因'),
      aliases: ['Why', '分配原因'],
      type: 'text',
      width: 280,
      help: L('Why this rep was chosen: every rep can see it.', '为什么分给这位销售：所有人都能看到。'),
    },
    {
      key: 'by',
      headers: L('By', '操作人'),
      aliases: ['Run by', '执行人'],
      type: 'email',
      width: 180,
      help: L('Manager who ran the assignment (or the form trigger).', '执行分配的经理（或表单触发器）。'),
    },
    {
      key: 'undone',
      headers: L('Undone', '已撤销'),
      aliases: ['Reverted', '撤销'],
      type: 'checkbox',
      width: 80,
      help: L('Ticked when the run was undone.', '该批次被撤销后勾选。'),
      validation: { kind: 'checkbox' },
      strict: true,
    },
  ],
});

const settings = (): SheetSpec => ({
  key: 'settings',
  names: L('Settings', '设置'),
  aliases: ['Config', 'Configuration', '配置', '参数设置'],
  tabColor: '#d93025',
  frozenRows: 1,
  layout: 'table',
  columns: [
    {
      key: 'key',
      headers: L('Setting', '设置项'),
      aliases: ['Key', 'Name', '键', '名称'],
      type: 'text',
      width: 200,
      help: L('Setting name used by SalesDesk: do not change.', 'SalesDesk 使用的设置名称，请勿修改。'),
    },
    {
      key: 'value',
      headers: L('Value', '值'),
      aliases: ['设置值', '数值'],
      type: 'text',
      width: 240,
      help: L('Change this value to change how SalesDesk behaves.', '修改此值即可调整 SalesDesk 的行为。'),
    },
    {
      key: 'description',
      headers: L('Description', '说明'),
      aliases: ['Help', '描述', '备注'],
      type: 'text',
      width: 460,
      help: L('What the setting does.', '该设置的作用。'),
    },
  ],
});

const lists = (): SheetSpec => ({
  key: 'lists',
  names: L('Lists', '列表'),
  aliases: ['Dropdowns', 'Values', '下拉选项', '选项', '列表值'],
  tabColor: '#12b5cb',
  frozenRows: 1,
  layout: 'table',
  columns: LIST_KEYS.map((key): ColumnSpec => ({
    key,
    headers: LISTS[key].headers,
    type: 'text',
    width: 150,
    help: L(
      'Dropdown values. Add new ones at the bottom; renaming a value does not rename it in existing rows.',
      '下拉选项。可在末尾追加；修改已有选项不会同步修改已录入的数据。',
    ),
  })),
});

const dashboard = (): SheetSpec => ({
  key: 'dashboard',
  names: L('Dashboard', '看板'),
  aliases: ['Overview', 'Report', '仪表板', '仪表盘', '数据看板', '报表'],
  tabColor: '#e37400',
  frozenRows: 0,
  layout: 'free',
  columns: [],
});

/** The two opportunity sheets come from one call: built once, when either is first read. */
let opportunityPair: ReturnType<typeof opportunitySheets> | undefined;
const opportunityPairOf = () =>
  (opportunityPair ??= opportunitySheets({
    L,
    id,
    customerId,
    dateColumn,
    listColumn,
    repEmail,
    formats: NUMBER_FORMATS,
  }));

/**
 * Every sheet of the template, in tab order; each built on its first read (src/core/lazy.ts lazyFields), not in the
 * global code every execution runs, and not all eleven for an execution that opens two.
 */
export const SHEETS: Record<SheetKey, SheetSpec> = lazyFields(SHEET_KEYS, {
  customers,
  deals,
  followups,
  service: serviceSheet,
  reps,
  assignmentLog,
  settings,
  lists,
  dashboard,
  opportunities: () => opportunityPairOf().opportunities,
  stageHistory: () => opportunityPairOf().stageHistory,
});

/* Overdue (red) and due today (amber); blanks and text never match because ISNUMBER guards the comparison. */
const RED = { background: '#f4c7c3', fontColor: '#a50e0e' };
const AMBER = { background: '#fce8b2', fontColor: '#7a4f01' };

export const CONDITIONAL_FORMATS: readonly ConditionalFormatSpec[] = lazyValue('array', () => [
  {
    id: 'customers.nextFollowUp.overdue',
    sheet: 'customers',
    columns: ['nextFollowUp'],
    formula: '=AND(ISNUMBER({nextFollowUp}),{nextFollowUp}<TODAY())',
    ...RED,
    description: L('Next follow-up is overdue', '下次跟进已逾期'),
  },
  {
    id: 'customers.nextFollowUp.today',
    sheet: 'customers',
    columns: ['nextFollowUp'],
    formula: '=AND(ISNUMBER({nextFollowUp}),INT({nextFollowUp})=TODAY())',
    ...AMBER,
    description: L('Next follow-up is due today', '今天需要跟进'),
  },
  {
    id: 'followups.nextDate.overdue',
    sheet: 'followups',
    columns: ['nextDate'],
    formula: '=AND(ISNUMBER({nextDate}),{done}<>TRUE,{nextDate}<TODAY())',
    ...RED,
    description: L('Next step is overdue and not done', '下一步已逾期且未完成'),
  },
  {
    id: 'followups.nextDate.today',
    sheet: 'followups',
    columns: ['nextDate'],
    formula: '=AND(ISNUMBER({nextDate}),{done}<>TRUE,INT({nextDate})=TODAY())',
    ...AMBER,
    description: L('Next step is due today', '下一步今天到期'),
  },
  ...OPPORTUNITY_FORMATS,
  ...serviceConditionalFormats(),
]);

export const PROTECTIONS: readonly ProtectionSpec[] = lazyValue('array', () => [
  {
    id: 'settings',
    sheet: 'settings',
    mode: 'managers',
    description: L('SalesDesk settings: managers only', 'SalesDesk 设置：仅限经理编辑'),
  },
  {
    id: 'lists',
    sheet: 'lists',
    mode: 'managers',
    description: L('SalesDesk dropdown lists: managers only', 'SalesDesk 下拉列表：仅限经理编辑'),
  },
  {
    id: 'reps',
    sheet: 'reps',
    mode: 'managers',
    // Weights, capacity and who is active decide who gets leads: a rep must not change them for themself.
    description: L('SalesDesk team: managers only', 'SalesDesk 团队：仅限经理编辑'),
  },
  {
    id: 'assignmentLog',
    sheet: 'assignmentLog',
    mode: 'managers',
    description: L('SalesDesk assignment log: managers only', 'SalesDesk 分配日志：仅限经理编辑'),
  },
  {
    id: 'customers.computed',
    sheet: 'customers',
    columns: SHEETS.customers.columns.filter((column) => column.computed).map((column) => column.key),
    // Warning only: a rep's own sidebar saves (new customer, log deal) write these columns as that rep, and a
    // managers-only range would refuse every one of them. The warning still stops hand edits by accident.
    mode: 'warning',
    description: L('Filled by SalesDesk (Refresh tiers)', '由 SalesDesk 计算（刷新客户分层）'),
  },
  ...(['customers', 'deals', 'followups'] as const).map((sheet): ProtectionSpec => ({
    id: `${sheet}.id`,
    sheet,
    columns: ['id'],
    mode: 'warning',
    description: L(
      'IDs link customers, deals and follow-ups: change them only if you know why',
      '编号关联客户、成交和跟进记录：如非必要请勿修改',
    ),
  })),
  ...OPPORTUNITY_PROTECTIONS,
  ...serviceProtections(),
]);

/** Protection descriptions start with this tag so set-up recognises (and replaces) its own protections. */
export const PROTECTION_TAG = '[SalesDesk]';

export function sheetSpec(key: SheetKey): SheetSpec {
  return SHEETS[key];
}

export function columnSpec(sheetKey: SheetKey, columnKey: string): ColumnSpec | undefined {
  return SHEETS[sheetKey].columns.find((column) => column.key === columnKey);
}

/** Every name a sheet may carry: en, zh-CN, then aliases. */
export function sheetNames(key: SheetKey): string[] {
  const spec = SHEETS[key];
  return [spec.names.en, spec.names['zh-CN'], ...(spec.aliases ?? [])];
}

/**
 * Header texts accepted for each column of a sheet, for `readTable` (src/core/table.ts): the header of the
 * workbook's language first does not matter, both are tried; then aliases, then the key itself.
 */
export function columnHeaders(sheetKey: SheetKey): ColumnHeaders<string>[] {
  return SHEETS[sheetKey].columns.map((column) => ({
    key: column.key,
    headers: [column.headers.en, column.headers['zh-CN'], ...(column.aliases ?? []), column.key],
  }));
}

/** Column keys of a sheet, in template order. */
export function columnKeys(sheetKey: SheetKey): string[] {
  return SHEETS[sheetKey].columns.map((column) => column.key);
}

export function isSheetKey(value: string): value is SheetKey {
  return (SHEET_KEYS as readonly string[]).includes(value);
}
