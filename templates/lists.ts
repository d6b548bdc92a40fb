/**
 * The list catalogue: every dropdown of the template with stable codes and labels in both languages.
 * The Lists sheet shows the labels of the workbook's language; logic works with codes. A label of either
 * language (or a known alias such as 成交 / RMB) maps back to its code through `listValueCode`, so a zh-CN team
 * sees 洽谈中 while the code sees `negotiating`. Pure data: no Apps Script services.
 */
import { normaliseHeader } from '../src/core/table';
import { lazyRecord } from '../src/core/lazy';

export type Language = 'en' | 'zh-CN';
export interface Localised {
  en: string;
  'zh-CN': string;
}

export const LIST_KEYS = [
  'industry',
  'region',
  'size',
  'source',
  'customerType',
  'stage',
  'channel',
  'result',
  'product',
  'currency',
  'paymentMethod',
  'dealStatus',
  'role',
  'tier',
  'opportunityStage',
  'stageProbability',
  'serviceType',
] as const;
export type ListKey = (typeof LIST_KEYS)[number];

export interface ListItem extends Localised {
  code: string;
  /** Other spellings users and older sheets use; accepted on input, never shown. */
  aliases?: readonly string[];
}

export interface ListSpec {
  key: ListKey;
  /** Header of the list's column in the Lists sheet. */
  headers: Localised;
  items: readonly ListItem[];
}

const item = (code: string, en: string, zh: string, aliases: string[] = []): ListItem => ({
  code,
  en,
  'zh-CN': zh,
  aliases,
});

/** Built on first read (src/core/lazy.ts): not in the global code every execution runs. */
export const LISTS: Record<ListKey, ListSpec> = lazyRecord(LIST_KEYS, () => ({
  industry: {
    key: 'industry',
    headers: { en: 'Industry', 'zh-CN': '行业' },
    items: [
      item('manufacturing', 'Manufacturing', '制造业', ['制造']),
      item('retail', 'Retail', '零售', ['零售业', 'retail & e-commerce']),
      item('technology', 'Technology', '科技/互联网', ['IT', 'internet', '互联网', '科技', '软件']),
      item('finance', 'Finance', '金融', ['banking', '金融业', '银行']),
      item('education', 'Education', '教育', ['教育培训']),
      item('healthcare', 'Healthcare', '医疗健康', ['medical', '医疗']),
      item('logistics', 'Logistics', '物流', ['transport', '物流运输']),
      item('realEstate', 'Real estate', '房地产', ['property', '地产']),
      item('hospitality', 'Hospitality', '餐饮酒店', ['catering', '餐饮', '酒店']),
      item('government', 'Public sector', '政府/公共事业', ['government', '政府']),
      item('other', 'Other', '其他', ['其它']),
    ],
  },
  region: {
    key: 'region',
    headers: { en: 'Region', 'zh-CN': '区域' },
    items: [
      item('north', 'North China', '华北', ['north']),
      item('east', 'East China', '华东', ['east']),
      item('south', 'South China', '华南', ['south']),
      item('central', 'Central China', '华中', ['central']),
      item('southwest', 'Southwest China', '西南', ['southwest']),
      item('northwest', 'Northwest China', '西北', ['northwest']),
      item('northeast', 'Northeast China', '东北', ['northeast']),
      item('northAmerica', 'North America', '北美', ['NA', 'USA', 'US', '美国']),
      item('europe', 'Europe', '欧洲', ['EU', 'EMEA']),
      item('asiaPacific', 'Asia-Pacific', '亚太', ['APAC', 'Asia Pacific']),
    ],
  },
  size: {
    key: 'size',
    headers: { en: 'Company size', 'zh-CN': '企业规模' },
    items: [
      item('micro', '1–9 staff', '1–9人', ['1-9', 'micro', '微型']),
      item('small', '10–49 staff', '10–49人', ['10-49', 'small', '小型']),
      item('medium', '50–249 staff', '50–249人', ['50-249', 'medium', '中型']),
      item('large', '250–999 staff', '250–999人', ['250-999', 'large', '大型']),
      item('enterprise', '1000+ staff', '1000人以上', ['1000+', 'enterprise', '超大型']),
    ],
  },
  source: {
    key: 'source',
    headers: { en: 'Source', 'zh-CN': '客户来源' },
    items: [
      item('website', 'Website', '官网', ['web', '网站']),
      item('webForm', 'Web form', '在线表单', ['form', 'google form', '表单']),
      item('referral', 'Referral', '客户推荐', ['转介绍', '推荐']),
      item('exhibition', 'Trade show', '展会', ['exhibition', 'expo', '展览会']),
      item('coldCall', 'Cold call', '电话开发', ['cold calling', '陌生拜访', '电销']),
      item('socialMedia', 'Social media', '社交媒体', ['wechat', 'linkedin', '微信', '社媒']),
      item('advertising', 'Advertising', '广告投放', ['ads', '广告']),
      item('partner', 'Partner', '合作伙伴', ['channel partner', '渠道']),
      item('other', 'Other', '其他', ['其它']),
    ],
  },
  customerType: {
    key: 'customerType',
    headers: { en: 'Customer type', 'zh-CN': '客户类型' },
    items: [
      item('potential', 'Potential', '潜在客户', ['prospect', 'lead', '潜在']),
      item('existing', 'Existing', '现有客户', ['customer', 'current', '老客户', '已有客户', '现有']),
      item('lost', 'Lost', '流失客户', ['churned', '已流失', '流失']),
    ],
  },
  stage: {
    key: 'stage',
    headers: { en: 'Stage', 'zh-CN': '购买阶段' },
    items: [
      item('firstContact', 'First contact', '初次接触', ['initial contact', 'new', '初步接触', '新线索']),
      item('intent', 'Intent', '有意向', ['interested', 'qualified', '意向']),
      item('negotiating', 'Negotiating', '洽谈中', ['negotiation', '谈判中', '商务谈判']),
      item('signed', 'Signed', '已签约', ['contract signed', 'signing', '签约']),
      item('purchased', 'Purchased', '已购买', ['won', 'closed', '已成交', '成交']),
    ],
  },
  channel: {
    key: 'channel',
    headers: { en: 'Channel', 'zh-CN': '跟进方式' },
    items: [
      item('phone', 'Phone', '电话', ['call', 'telephone']),
      item('wechat', 'WeChat', '微信', ['weixin']),
      item('email', 'E-mail', '邮件', ['email', 'mail', '电子邮件']),
      item('visit', 'Visit', '上门拜访', ['on-site visit', '拜访']),
      item('meeting', 'Meeting', '会议', ['会面']),
      item('video', 'Video call', '视频会议', ['video', 'zoom', 'teams', '视频']),
      item('sms', 'SMS', '短信', ['text message']),
      item('other', 'Other', '其他', ['其它']),
    ],
  },
  result: {
    key: 'result',
    headers: { en: 'Result', 'zh-CN': '跟进结果' },
    items: [
      item('interested', 'Interested', '有兴趣', ['positive', '感兴趣']),
      item('needsInfo', 'Wants more information', '需要资料', ['needs info', '索要资料']),
      item('quoteSent', 'Quote sent', '已报价', ['quoted', '报价']),
      item('agreed', 'Agreed', '已达成一致', ['deal agreed', '达成一致', '同意']),
      item('postponed', 'Postponed', '暂缓', ['later', 'on hold', '推迟']),
      item('noAnswer', 'No answer', '未接通', ['no reply', 'unreachable', '无人接听', '未回复']),
      item('notInterested', 'Not interested', '无意向', ['declined', 'rejected', '拒绝', '没兴趣']),
      item('serviceDone', 'Service completed', '售后已处理', ['resolved', 'after-sales done', '已解决']),
    ],
  },
  product: {
    key: 'product',
    headers: { en: 'Product', 'zh-CN': '产品' },
    items: [
      item('starter', 'Starter plan', '基础版', ['starter', 'basic', '入门版']),
      item('professional', 'Professional plan', '专业版', ['pro', 'professional']),
      item('enterprise', 'Enterprise plan', '企业版', ['enterprise']),
      item('implementation', 'Implementation service', '实施服务', ['implementation', 'onboarding', '实施']),
      item('training', 'Training', '培训服务', ['培训']),
      item('support', 'Annual support', '年度维保', ['support', 'maintenance', '维保', '年度维护']),
    ],
  },
  currency: {
    key: 'currency',
    headers: { en: 'Currency', 'zh-CN': '币种' },
    // ISO codes read the same in both languages; the Chinese names are accepted on input.
    items: [
      item('CNY', 'CNY', 'CNY', ['RMB', '¥', '人民币', '元']),
      item('USD', 'USD', 'USD', ['US$', '$', '美元']),
      item('EUR', 'EUR', 'EUR', ['€', '欧元']),
      item('GBP', 'GBP', 'GBP', ['£', '英镑']),
      item('HKD', 'HKD', 'HKD', ['HK$', '港币', '港元']),
      item('JPY', 'JPY', 'JPY', ['日元', '円']),
    ],
  },
  paymentMethod: {
    key: 'paymentMethod',
    headers: { en: 'Payment method', 'zh-CN': '付款方式' },
    items: [
      item('online', 'Online', '线上支付', ['online payment', '在线支付', '线上']),
      item('offline', 'Offline', '线下支付', ['bank transfer', 'cash', '线下', '银行转账']),
      item('instalments', 'Instalments', '分期付款', ['installments', 'instalment', '分期']),
    ],
  },
  dealStatus: {
    key: 'dealStatus',
    headers: { en: 'Deal status', 'zh-CN': '成交状态' },
    items: [
      item('pending', 'Pending', '进行中', ['open', 'in progress', 'quoted', '待定', '跟进中']),
      item('won', 'Won', '已成交', ['closed won', 'paid', 'completed', '成交', '赢单', '已付款', '已完成']),
      item('lost', 'Lost', '丢单', ['closed lost', '输单']),
      item('cancelled', 'Cancelled', '已取消', ['canceled', 'refunded', '取消', '已退款']),
    ],
  },
  role: {
    key: 'role',
    headers: { en: 'Role', 'zh-CN': '角色' },
    items: [
      item('rep', 'Rep', '销售代表', ['sales rep', 'sales', '销售', '业务员']),
      item('senior', 'Senior rep', '资深销售', ['senior', 'senior sales', '高级销售']),
      item('manager', 'Manager', '销售经理', ['sales manager', 'lead', '经理', '主管']),
    ],
  },
  tier: {
    key: 'tier',
    headers: { en: 'Tier', 'zh-CN': '客户分层' },
    items: [
      item('vip', 'VIP', 'VIP', ['VIP客户', '重要客户']),
      item('active', 'Active', '活跃', ['活跃客户']),
      item('potential', 'Potential', '潜在', ['潜在客户']),
      item('lost', 'Lost', '流失', ['流失客户', '沉睡']),
    ],
  },
  /**
   * Opportunity stages in pipeline order, and beside them (row for row in the Lists sheet) each stage's default
   * probability in percent. Managers may edit both columns; templates/opportunities.ts reads them as pairs.
   */
  opportunityStage: {
    key: 'opportunityStage',
    headers: { en: 'Opportunity stage', 'zh-CN': '商机阶段' },
    items: [
      item('firstContact', 'First contact', '初次接触', ['initial contact', '初步接触']),
      item('intent', 'Intent', '有意向', ['interested', 'qualified', '意向']),
      item('negotiating', 'Negotiating', '洽谈中', ['negotiation', '谈判中', '商务谈判']),
      item('signing', 'Signing', '签约中', ['contract', 'signed', '签约', '待签约']),
      item('won', 'Won', '赢单', ['closed won', '已成交', '成交', '赢']),
      item('lost', 'Lost', '输单', ['closed lost', '丢单', '输']),
    ],
  },
  stageProbability: {
    key: 'stageProbability',
    headers: { en: 'Stage probability (%)', 'zh-CN': '阶段赢率（%）' },
    items: ['10', '30', '60', '80', '100', '0'].map((value) => item(`p${value}`, value, value)),
  },
  // After-sales service (templates/service.ts): what kind of service a Service row records.
  serviceType: {
    key: 'serviceType',
    headers: { en: 'Service type', 'zh-CN': '服务类型' },
    items: [
      item('installation', 'Installation', '安装', ['install', 'setup', 'deployment', '安装调试', '部署']),
      item('training', 'Training', '培训', ['user training', '使用培训', '培训服务']),
      item('visit', 'Visit', '回访', ['follow-up visit', 'check-in', 'return visit', '上门回访', '拜访']),
      item('complaint', 'Complaint', '投诉', ['issue', 'grievance', '客户投诉', '投诉处理']),
      item('repair', 'Repair', '维修', ['fix', 'maintenance', 'repairs', '维护', '报修']),
      item('other', 'Other', '其他', ['其它']),
    ],
  },
}));

/**
 * List key → normalised label → code, each list's map built on its first use (not at load: Apps Script runs the
 * bundle's global code at the start of every execution, and most executions look up one or two lists, not all).
 * Labels of the list's own language win over aliases when they collide.
 */
const codeByLabel = new Map<string, Map<string, string>>();
function codesOf(listKey: string): Map<string, string> | undefined {
  let codes = codeByLabel.get(listKey);
  if (codes) return codes;
  if (!isListKey(listKey)) return undefined;
  const spec = LISTS[listKey];
  codes = new Map<string, string>();
  const add = (label: string, code: string) => {
    const key = normaliseHeader(label);
    if (!codes.has(key)) codes.set(key, code);
  };
  for (const entry of spec.items)
    for (const text of [entry.en, entry['zh-CN'], entry.code]) add(text, entry.code);
  for (const entry of spec.items) for (const alias of entry.aliases ?? []) add(alias, entry.code);
  codeByLabel.set(listKey, codes);
  return codes;
}

export function isListKey(value: string): value is ListKey {
  return (LIST_KEYS as readonly string[]).includes(value);
}

/**
 * The stable code of a label typed in either language (case-, width- and space-insensitive, aliases too),
 * or undefined when the label is not in the list (a validation problem, never a crash).
 */
export function listValueCode(listKey: ListKey | string, label: unknown): string | undefined {
  if (label === null || label === undefined) return undefined;
  const text = String(label);
  if (text.trim() === '') return undefined;
  // Cells of a list column repeat a handful of labels: normalise each distinct text once, not once per cell.
  let seen = CODE_BY_RAW_TEXT.get(listKey);
  if (!seen) CODE_BY_RAW_TEXT.set(listKey, (seen = new Map()));
  if (seen.has(text)) return seen.get(text);
  const code = codesOf(listKey)?.get(normaliseHeader(text));
  if (seen.size >= RAW_TEXT_CACHE_LIMIT) seen.clear();
  seen.set(text, code);
  return code;
}

/** Per list, raw text as typed → code (or undefined), filled by listValueCode; bounded, as free text can be anything. */
const CODE_BY_RAW_TEXT = new Map<string, Map<string, string | undefined>>();
const RAW_TEXT_CACHE_LIMIT = 10_000;

/** The label of `code` in `language`, or undefined when the code is not in the list. */
export function listLabel(listKey: ListKey, code: string, language: Language): string | undefined {
  return LISTS[listKey].items.find((entry) => entry.code === code)?.[language];
}

/** Every label of a list in one language, in catalogue order: what the Lists sheet shows. */
export function listLabels(listKey: ListKey, language: Language): string[] {
  return LISTS[listKey].items.map((entry) => entry[language]);
}

/** Every code of a list, in catalogue order. */
export function listCodes(listKey: ListKey): string[] {
  return LISTS[listKey].items.map((entry) => entry.code);
}
