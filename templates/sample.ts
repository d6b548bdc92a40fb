/**
 * Deterministic sample data for evaluating SalesDesk and for the bench: reps, customers, deals and follow-ups
 * that look like a real mixed Chinese/Western sales team's sheets. The same seed and "now" always give the same
 * rows, at any scale (`generateSample({ customers: 50_000, deals: 200_000, now, seed })`).
 *
 * What is in it on purpose: one manager, senior reps, an inactive rep and one out of office; Chinese and Western
 * companies and names; +86 and other country phone formats; CNY and USD amounts; some unassigned leads (for
 * Assign leads), some customers marked for re-assignment, and overdue follow-ups (for reminders).
 *
 * Values are cell-ready: list columns hold labels in the requested language, dates are 'yyyy-MM-dd' and times
 * 'yyyy-MM-dd HH:mm' (wall-clock in the spreadsheet's zone), checkboxes are booleans. The computed Customers
 * columns (totals, first/last purchase, tier) are what Refresh tiers computes with the default Settings.
 */
import { dayNumberOfIso, todayIn } from '../src/core/dates';
import { exchangeRatesFrom, rateOf } from '../src/core/tiering/rates';
import { thresholdsFrom, tierOf } from '../src/core/tiering/rfm';
import { listLabel, type Language, type ListKey } from './lists';
import { defaultSettings } from './settings';
import { generateOpportunities, OPPORTUNITIES_PER_CUSTOMER } from './sample-opportunities';
import { sampleServiceRows } from './service-sample';

export interface SampleOptions {
  /** "Now" of the data: dates are spread before it (and a little after, for planned follow-ups). */
  now: Date | string;
  /** Spreadsheet time zone, to know which day "now" is. */
  timeZone?: string;
  seed?: number;
  customers?: number;
  deals?: number;
  followups?: number;
  /** Opportunities (default: half the customers; templates/sample-opportunities.ts). */
  opportunities?: number;
  /** After-sales service rows (Service sheet). */
  service?: number;
  /** Language of list labels (what the workbook's Lists show). */
  language?: Language;
}

export type SampleRecord = Record<string, string | number | boolean>;

export interface SampleData {
  today: string;
  reps: SampleRecord[];
  customers: SampleRecord[];
  deals: SampleRecord[];
  followups: SampleRecord[];
  /** Opportunities and their stage history (issue 14). */
  opportunities: SampleRecord[];
  stageHistory: SampleRecord[];
  /** After-sales service rows (templates/service.ts). */
  service: SampleRecord[];
  /** E-mails of the sample's managers, for Settings → managers. */
  managers: string[];
}

export const SAMPLE_DEFAULTS = { customers: 240, deals: 360, followups: 520, service: 160 } as const;

/** mulberry32: tiny, fast, good enough for sample data, identical in Node and Apps Script. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return items[items.length - 1][0];
  }
  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.int(0, 9));
    return out;
  }
}

/* ---------- name material ---------- */

const CN_SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['赵', 'zhao'],
  ['黄', 'huang'],
  ['周', 'zhou'],
  ['吴', 'wu'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['胡', 'hu'],
  ['朱', 'zhu'],
  ['高', 'gao'],
  ['林', 'lin'],
  ['何', 'he'],
  ['郭', 'guo'],
  ['马', 'ma'],
  ['罗', 'luo'],
  ['梁', 'liang'],
  ['宋', 'song'],
  ['郑', 'zheng'],
  ['谢', 'xie'],
  ['韩', 'han'],
  ['唐', 'tang'],
  ['冯', 'feng'],
  ['许', 'xu'],
  ['邓', 'deng'],
  ['曹', 'cao'],
];
const CN_GIVEN: readonly (readonly [string, string])[] = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['娟', 'juan'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀英', 'xiuying'],
  ['霞', 'xia'],
  ['平', 'ping'],
  ['刚', 'gang'],
  ['桂英', 'guiying'],
  ['晓东', 'xiaodong'],
  ['海燕', 'haiyan'],
  ['建华', 'jianhua'],
  ['文博', 'wenbo'],
  ['思远', 'siyuan'],
  ['雨婷', 'yuting'],
  ['子涵', 'zihan'],
  ['浩然', 'haoran'],
  ['佳怡', 'jiayi'],
  ['志明', 'zhiming'],
  ['欣怡', 'xinyi'],
  ['俊杰', 'junjie'],
  ['梦琪', 'mengqi'],
];
const CN_CITIES: readonly { name: string; region: string; district: string; street: string; area: string }[] =
  [
    { name: '上海', region: 'east', district: '浦东新区', street: '张江路', area: '21' },
    { name: '北京', region: 'north', district: '海淀区', street: '中关村大街', area: '10' },
    { name: '深圳', region: 'south', district: '南山区', street: '科技园南路', area: '755' },
    { name: '广州', region: 'south', district: '天河区', street: '珠江新城华夏路', area: '20' },
    { name: '杭州', region: 'east', district: '西湖区', street: '文三路', area: '571' },
    { name: '南京', region: 'east', district: '鼓楼区', street: '中山北路', area: '25' },
    { name: '苏州', region: 'east', district: '工业园区', street: '星湖街', area: '512' },
    { name: '武汉', region: 'central', district: '洪山区', street: '珞喻路', area: '27' },
    { name: '长沙', region: 'central', district: '岳麓区', street: '麓谷大道', area: '731' },
    { name: '成都', region: 'southwest', district: '高新区', street: '天府大道', area: '28' },
    { name: '重庆', region: 'southwest', district: '渝北区', street: '金开大道', area: '23' },
    { name: '西安', region: 'northwest', district: '雁塔区', street: '科技路', area: '29' },
    { name: '沈阳', region: 'northeast', district: '浑南区', street: '创新路', area: '24' },
    { name: '天津', region: 'north', district: '滨海新区', street: '第三大街', area: '22' },
    { name: '青岛', region: 'east', district: '崂山区', street: '香港东路', area: '532' },
    { name: '厦门', region: 'south', district: '思明区', street: '软件园二期', area: '592' },
  ];
const CN_BRANDS: readonly (readonly [string, string])[] = [
  ['恒创', 'hengchuang'],
  ['博远', 'boyuan'],
  ['鑫达', 'xinda'],
  ['华瑞', 'huarui'],
  ['中联', 'zhonglian'],
  ['天和', 'tianhe'],
  ['嘉禾', 'jiahe'],
  ['宏图', 'hongtu'],
  ['启航', 'qihang'],
  ['瑞丰', 'ruifeng'],
  ['金桥', 'jinqiao'],
  ['东方', 'dongfang'],
  ['润泽', 'runze'],
  ['远景', 'yuanjing'],
  ['汇通', 'huitong'],
  ['正泰', 'zhengtai'],
  ['智联', 'zhilian'],
  ['星河', 'xinghe'],
  ['万象', 'wanxiang'],
  ['安信', 'anxin'],
  ['海纳', 'haina'],
  ['明德', 'mingde'],
  ['卓越', 'zhuoyue'],
  ['蓝海', 'lanhai'],
  ['长青', 'changqing'],
  ['美达', 'meida'],
  ['永盛', 'yongsheng'],
  ['创维', 'chuangwei'],
  ['新元', 'xinyuan'],
  ['国信', 'guoxin'],
];
const CN_SUFFIX_BY_INDUSTRY: Record<string, readonly (readonly [string, string])[]> = {
  manufacturing: [
    ['精密制造有限公司', 'mfg'],
    ['机械有限公司', 'jx'],
    ['电子有限公司', 'dz'],
  ],
  retail: [
    ['商贸有限公司', 'sm'],
    ['连锁超市有限公司', 'cs'],
    ['电子商务有限公司', 'ec'],
  ],
  technology: [
    ['科技有限公司', 'tech'],
    ['信息技术有限公司', 'it'],
    ['网络科技有限公司', 'net'],
  ],
  finance: [
    ['投资管理有限公司', 'inv'],
    ['融资租赁有限公司', 'fin'],
  ],
  education: [
    ['教育科技有限公司', 'edu'],
    ['培训学校', 'school'],
  ],
  healthcare: [
    ['医疗器械有限公司', 'med'],
    ['健康管理有限公司', 'health'],
  ],
  logistics: [
    ['物流有限公司', 'logistics'],
    ['供应链管理有限公司', 'scm'],
  ],
  realEstate: [
    ['置业有限公司', 'zhiye'],
    ['物业服务有限公司', 'wy'],
  ],
  hospitality: [
    ['餐饮管理有限公司', 'cy'],
    ['酒店管理有限公司', 'hotel'],
  ],
  government: [['公共服务中心', 'gov']],
  other: [
    ['实业有限公司', 'sy'],
    ['集团有限公司', 'group'],
  ],
};
const WEST_FIRST = [
  'James',
  'Emma',
  'Oliver',
  'Sophia',
  'Liam',
  'Mia',
  'Noah',
  'Charlotte',
  'Lucas',
  'Amelia',
  'Ethan',
  'Grace',
  'Daniel',
  'Chloe',
  'Henry',
  'Laura',
  'Samuel',
  'Hannah',
  'Max',
  'Julia',
  'David',
  'Anna',
  'Thomas',
  'Sarah',
];
const WEST_LAST = [
  'Smith',
  'Johnson',
  'Brown',
  'Miller',
  'Davis',
  'Wilson',
  'Taylor',
  'Anderson',
  'Clark',
  'Walker',
  'Young',
  'King',
  'Wright',
  'Scott',
  'Green',
  'Baker',
  'Müller',
  'Schmidt',
  'Dubois',
  'Rossi',
  'Jensen',
  'Novak',
  "O'Brien",
  'Fischer',
];
const WEST_BRANDS = [
  'Northwind',
  'Bluepeak',
  'Silverline',
  'Redwood',
  'Brightpath',
  'Ironbridge',
  'Clearwater',
  'Summit',
  'Oakridge',
  'Harbor',
  'Evergreen',
  'Keystone',
  'Pinnacle',
  'Lakeside',
  'Granite',
  'Westfield',
  'Crescent',
  'Maple',
  'Atlas',
  'Meridian',
];
const WEST_SUFFIX_BY_INDUSTRY: Record<string, readonly string[]> = {
  manufacturing: ['Manufacturing Inc.', 'Industries GmbH', 'Components Ltd'],
  retail: ['Retail Group', 'Stores Ltd', 'Trading Co.'],
  technology: ['Software Inc.', 'Technologies', 'Digital Ltd'],
  finance: ['Capital Partners', 'Financial Services'],
  education: ['Academy', 'Learning Ltd'],
  healthcare: ['Health Inc.', 'Medical Supplies Ltd'],
  logistics: ['Logistics Ltd', 'Freight GmbH'],
  realEstate: ['Properties LLC', 'Realty Group'],
  hospitality: ['Hotels Group', 'Hospitality Ltd'],
  government: ['Public Services'],
  other: ['Holdings', 'Group Ltd'],
};
const WEST_PLACES: readonly {
  city: string;
  region: string;
  code: string;
  phone: (r: Random) => string;
  street: string;
  tld: string;
}[] = [
  {
    city: 'San Francisco, CA',
    region: 'northAmerica',
    code: 'US',
    phone: (r) => `+1 415 555 ${r.digits(4)}`,
    street: 'Market Street',
    tld: 'com',
  },
  {
    city: 'New York, NY',
    region: 'northAmerica',
    code: 'US',
    phone: (r) => `+1 (212) 555-${r.digits(4)}`,
    street: 'Broadway',
    tld: 'com',
  },
  {
    city: 'Toronto, ON',
    region: 'northAmerica',
    code: 'CA',
    phone: (r) => `+1 416-555-${r.digits(4)}`,
    street: 'King Street W',
    tld: 'ca',
  },
  {
    city: 'London',
    region: 'europe',
    code: 'UK',
    phone: (r) => `+44 20 7946 ${r.digits(4)}`,
    street: 'Old Street',
    tld: 'co.uk',
  },
  {
    city: 'Berlin',
    region: 'europe',
    code: 'DE',
    phone: (r) => `+49 30 ${r.digits(4)} ${r.digits(4)}`,
    street: 'Friedrichstraße',
    tld: 'de',
  },
  {
    city: 'Paris',
    region: 'europe',
    code: 'FR',
    phone: (r) => `+33 1 ${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)}`,
    street: 'Rue de Rivoli',
    tld: 'fr',
  },
  {
    city: 'Singapore',
    region: 'asiaPacific',
    code: 'SG',
    phone: (r) => `+65 6${r.digits(3)} ${r.digits(4)}`,
    street: 'Robinson Road',
    tld: 'sg',
  },
  {
    city: 'Sydney NSW',
    region: 'asiaPacific',
    code: 'AU',
    phone: (r) => `+61 2 ${r.digits(4)} ${r.digits(4)}`,
    street: 'George Street',
    tld: 'com.au',
  },
  {
    city: 'Hong Kong',
    region: 'asiaPacific',
    code: 'HK',
    phone: (r) => `+852 ${r.digits(4)} ${r.digits(4)}`,
    street: 'Queen’s Road Central',
    tld: 'hk',
  },
];
const CN_POSITIONS = [
  '采购经理',
  '总经理',
  'IT 主管',
  '行政主管',
  '财务总监',
  '运营总监',
  '市场部经理',
  '副总裁',
  '采购专员',
];
const WEST_POSITIONS = [
  'Purchasing Manager',
  'CEO',
  'IT Director',
  'Office Manager',
  'CFO',
  'Head of Operations',
  'Procurement Lead',
  'VP Sales',
];

/* ---------- activity text ---------- */

const CONTENT: Record<'cn' | 'west', Record<string, readonly string[]>> = {
  cn: {
    interested: [
      '介绍了专业版功能，客户对报表和权限管理很感兴趣',
      '客户认可我们的方案，希望安排产品演示',
      '电话沟通需求，对方正在比较三家供应商',
    ],
    needsInfo: ['客户索要产品报价单和成功案例', '需要提供数据安全说明和合同模板', '对方 IT 要求提供接口文档'],
    quoteSent: ['已发送企业版报价，含三年维保', '按 50 个账号报价，客户预算在审批中', '发送了分期付款方案'],
    agreed: ['客户同意签约，等待盖章', '价格谈妥，下周签合同', '客户确认采购，安排实施排期'],
    postponed: ['客户表示下季度预算才能落实', '对方负责人出差，项目暂缓两周', '年底冻结采购，明年初再联系'],
    noAnswer: ['电话未接通，已发微信留言', '邮件未回复，稍后再跟进', '前台转接失败，改约时间'],
    notInterested: ['客户已选择其他供应商', '预算不足，暂不考虑', '需求与产品不匹配'],
    serviceDone: ['上门培训两小时，问题已解决', '协助导入历史数据，客户满意', '处理权限配置问题，已回访确认'],
  },
  west: {
    interested: [
      'Walked through the Professional plan; keen on reporting and roles',
      'Liked the proposal and asked for a product demo',
      'Discovery call: comparing three vendors',
    ],
    needsInfo: [
      'Asked for a price sheet and two customer references',
      'Needs our security whitepaper and contract template',
      'Their IT team wants the API documentation',
    ],
    quoteSent: [
      'Sent Enterprise quote incl. 3 years of support',
      'Quoted 50 seats; budget approval pending',
      'Sent an instalment payment plan',
    ],
    agreed: [
      'Agreed to sign; contract with legal',
      'Price agreed, signing next week',
      'Purchase confirmed; scheduling onboarding',
    ],
    postponed: [
      'Budget only available next quarter',
      'Sponsor travelling; paused for two weeks',
      'Purchasing freeze until January',
    ],
    noAnswer: [
      'No answer, left a voicemail',
      'No reply to e-mail, will try again',
      'Could not get past reception',
    ],
    notInterested: ['Went with a competitor', 'No budget this year', 'Needs do not match our product'],
    serviceDone: [
      'Two-hour on-site training, issues resolved',
      'Helped import historical data; happy customer',
      'Fixed a permissions setup, confirmed by phone',
    ],
  },
};
const NEXT_STEPS: Record<'cn' | 'west', readonly string[]> = {
  cn: [
    '发送报价单',
    '安排产品演示',
    '电话回访',
    '上门拜访',
    '发送合同',
    '确认付款进度',
    '邀请参加线上研讨会',
  ],
  west: [
    'Send the quote',
    'Book a product demo',
    'Follow-up call',
    'On-site visit',
    'Send the contract',
    'Check payment status',
    'Invite to the webinar',
  ],
};
const CUSTOMER_NOTES: Record<'cn' | 'west', readonly string[]> = {
  cn: ['老板比较看重售后服务', '决策链较长，需要总部审批', '去年展会认识的客户', '对价格敏感', '有扩容计划'],
  west: [
    'Values after-sales support',
    'Long approval chain via HQ',
    'Met at last year’s trade show',
    'Price sensitive',
    'Plans to add seats',
  ],
};

/* ---------- reps ---------- */

interface SampleRep {
  name: string;
  email: string;
  role: 'rep' | 'senior' | 'manager';
  active: boolean;
  weight: number;
  capacity: number | '';
  regions: string[];
  industries: string[];
  outOfOfficeDays?: number;
  language: Language;
}

const REPS: readonly SampleRep[] = [
  {
    name: '王芳',
    email: 'wang.fang@example.com',
    role: 'manager',
    active: true,
    weight: 0.5,
    capacity: 60,
    regions: [],
    industries: [],
    language: 'zh-CN',
  },
  {
    name: '李强',
    email: 'li.qiang@example.com',
    role: 'senior',
    active: true,
    weight: 1.5,
    capacity: 120,
    regions: ['east', 'north'],
    industries: [],
    language: 'zh-CN',
  },
  {
    name: 'Emily Carter',
    email: 'emily.carter@example.com',
    role: 'senior',
    active: true,
    weight: 1,
    capacity: 100,
    regions: ['northAmerica', 'europe', 'asiaPacific'],
    industries: [],
    language: 'en',
  },
  {
    name: '张伟',
    email: 'zhang.wei@example.com',
    role: 'rep',
    active: true,
    weight: 1,
    capacity: 80,
    regions: ['south', 'central', 'southwest'],
    industries: [],
    language: 'zh-CN',
  },
  {
    name: '陈静',
    email: 'chen.jing@example.com',
    role: 'rep',
    active: true,
    weight: 1,
    capacity: 80,
    regions: ['east', 'northwest', 'northeast'],
    industries: ['technology', 'education'],
    outOfOfficeDays: 10,
    language: 'zh-CN',
  },
  {
    name: 'Tom Becker',
    email: 'tom.becker@example.com',
    role: 'rep',
    active: false,
    weight: 1,
    capacity: 60,
    regions: ['europe'],
    industries: [],
    language: 'en',
  },
];

/* ---------- generation ---------- */

type Flavour = 'cn' | 'west';
type Profile = 'buyer' | 'prospect' | 'lost' | 'lead';

interface CustomerDraft {
  record: SampleRecord;
  flavour: Flavour;
  profile: Profile;
  createdDay: number;
  currency: 'CNY' | 'USD';
  owner: string;
  wonCount: number;
  wonTotal: number;
  firstWon: number | null;
  lastWon: number | null;
  lastContact: number | null;
  nextFollowUp: number | null;
}

const PRICES_CNY: Record<string, readonly [number, number]> = {
  starter: [6_800, 12_800],
  professional: [19_800, 39_800],
  enterprise: [68_000, 198_000],
  implementation: [20_000, 80_000],
  training: [5_000, 15_000],
  support: [12_000, 40_000],
};
const USD_PER_CNY = 1 / 7.2;

function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function idOf(prefix: string, index: number, total: number): string {
  return `${prefix}-${String(index + 1).padStart(Math.max(4, String(total).length), '0')}`;
}

/** Generates the sample. Deterministic for a given (options); ~1 s per 100 000 rows in Node. */
export function generateSample(options: SampleOptions): SampleData {
  const rnd = new Random(options.seed ?? 20_261_123);
  const language = options.language ?? 'en';
  const now = typeof options.now === 'string' ? new Date(options.now) : options.now;
  const today = todayIn(options.timeZone ?? 'Asia/Shanghai', now);
  const todayDay = dayNumberOfIso(today);
  const counts = {
    customers: options.customers ?? SAMPLE_DEFAULTS.customers,
    deals: options.deals ?? SAMPLE_DEFAULTS.deals,
    followups: options.followups ?? SAMPLE_DEFAULTS.followups,
  };
  const settings = defaultSettings();
  const rates = exchangeRatesFrom(settings);
  const thresholds = thresholdsFrom(settings);
  const label = (list: ListKey, code: string): string => listLabel(list, code, language) ?? code;
  const labels = (list: ListKey, codes: readonly string[]): string =>
    codes.map((code) => label(list, code)).join(', ');

  const reps: SampleRecord[] = REPS.map((rep) => ({
    name: rep.name,
    email: rep.email,
    active: rep.active,
    role: label('role', rep.role),
    weight: rep.weight,
    capacity: rep.capacity,
    regions: labels('region', rep.regions),
    industries: labels('industry', rep.industries),
    outOfOfficeUntil: rep.outOfOfficeDays ? isoOfDay(todayDay + rep.outOfOfficeDays) : '',
    language: rep.language,
  }));
  const activeOwners = REPS.filter((rep) => rep.active && rep.role !== 'manager');
  const ownerFor = (region: string): string => {
    const matching = activeOwners.filter((rep) => rep.regions.includes(region));
    if (rnd.chance(0.07)) return 'tom.becker@example.com'; // customers left with the rep who left
    if (rnd.chance(0.05)) return 'wang.fang@example.com';
    return rnd.pick(matching.length > 0 ? matching : activeOwners).email;
  };

  /* customers */
  const usedNames = new Set<string>();
  const usedEmails = new Set<string>();
  const usedPhones = new Set<string>();
  const customers: CustomerDraft[] = [];
  for (let index = 0; index < counts.customers; index++) {
    const flavour: Flavour = rnd.chance(0.68) ? 'cn' : 'west';
    const industry = rnd.weighted<string>([
      ['manufacturing', 4],
      ['retail', 3],
      ['technology', 4],
      ['finance', 1.5],
      ['education', 1.5],
      ['healthcare', 1.5],
      ['logistics', 2],
      ['realEstate', 1],
      ['hospitality', 1],
      ['government', 0.5],
      ['other', 1],
    ]);
    const profile = rnd.weighted<Profile>([
      ['buyer', 42],
      ['prospect', 36],
      ['lost', 10],
      ['lead', 12],
    ]);
    let company = '';
    let contact = '';
    let emailLocal = '';
    let domain = '';
    let phone = '';
    let address = '';
    let region = '';
    let position = '';
    for (let attempt = 0; ; attempt++) {
      if (flavour === 'cn') {
        const city = rnd.pick(CN_CITIES);
        const [brand, brandPinyin] = rnd.pick(CN_BRANDS);
        const [suffix, suffixPinyin] = rnd.pick(CN_SUFFIX_BY_INDUSTRY[industry]);
        const [surname, surnamePinyin] = rnd.pick(CN_SURNAMES);
        const [given, givenPinyin] = rnd.pick(CN_GIVEN);
        company = `${city.name}${brand}${suffix}`;
        contact = `${surname}${given}`;
        emailLocal = `${givenPinyin}.${surnamePinyin}`;
        domain = `${brandPinyin}-${suffixPinyin}.cn`;
        region = city.region;
        position = rnd.pick(CN_POSITIONS);
        address = `${city.name}市${city.district}${city.street}${rnd.int(1, 999)}号`;
        // 11-digit mobiles (13x, 15x, 17x, 18x, 19x) and landlines, in SalesDesk's one stored form.
        phone = rnd.chance(0.8)
          ? `+86 1${rnd.pick(['3', '3', '5', '5', '8', '8', '7', '9'])}${rnd.digits(1)} ${rnd.digits(4)} ${rnd.digits(4)}`
          : `+86 ${city.area} ${rnd.digits(4)} ${rnd.digits(4)}`;
      } else {
        const place = rnd.pick(WEST_PLACES);
        const brand = rnd.pick(WEST_BRANDS);
        const suffix = rnd.pick(WEST_SUFFIX_BY_INDUSTRY[industry]);
        const first = rnd.pick(WEST_FIRST);
        const last = rnd.pick(WEST_LAST);
        company = `${brand} ${suffix}`;
        contact = `${first} ${last}`;
        emailLocal = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
        domain = `${brand.toLowerCase()}${suffix
          .split(' ')[0]
          .toLowerCase()
          .replace(/[^a-z]/g, '')}.${place.tld}`;
        region = place.region;
        position = rnd.pick(WEST_POSITIONS);
        address = `${rnd.int(1, 400)} ${place.street}, ${place.city}`;
        phone = place.phone(rnd);
      }
      // Same company + contact would be a duplicate customer: the sample has none unless asked for at scale.
      if (attempt > 6)
        company = flavour === 'cn' ? `${company}（${attempt}分公司）` : `${company} (${attempt})`;
      if (!usedNames.has(`${company}|${contact}`)) break;
    }
    usedNames.add(`${company}|${contact}`);
    let email = `${emailLocal}@${domain}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${emailLocal}${n}@${domain}`;
    usedEmails.add(email);
    while (usedPhones.has(phone)) phone = phone.slice(0, -4) + rnd.digits(4);
    usedPhones.add(phone);

    const ageDays =
      profile === 'lead' ? rnd.int(0, 20) : profile === 'lost' ? rnd.int(300, 900) : rnd.int(15, 720);
    const createdDay = todayDay - ageDays;
    const owner = profile === 'lead' ? '' : ownerFor(region);
    const source =
      profile === 'lead'
        ? rnd.weighted<string>([
            ['webForm', 5],
            ['website', 3],
            ['exhibition', 1],
            ['socialMedia', 1],
          ])
        : rnd.weighted<string>([
            ['website', 3],
            ['referral', 3],
            ['exhibition', 2],
            ['coldCall', 2],
            ['socialMedia', 1.5],
            ['advertising', 1],
            ['partner', 1.5],
            ['webForm', 1],
            ['other', 0.5],
          ]);
    const size = rnd.weighted<string>([
      ['micro', 2],
      ['small', 4],
      ['medium', 3],
      ['large', 1.5],
      ['enterprise', 0.7],
    ]);
    const potential = Math.round(
      (size === 'enterprise' ? rnd.int(200, 1200) : size === 'large' ? rnd.int(80, 500) : rnd.int(10, 200)) *
        1000,
    );
    customers.push({
      flavour,
      profile,
      createdDay,
      currency: flavour === 'west' ? 'USD' : 'CNY',
      owner,
      wonCount: 0,
      wonTotal: 0,
      firstWon: null,
      lastWon: null,
      lastContact: null,
      nextFollowUp: null,
      record: {
        id: idOf('C', index, counts.customers),
        company,
        contact,
        position,
        phone,
        email,
        address,
        industry: label('industry', industry),
        region: label('region', region),
        size: label('size', size),
        source: label('source', source),
        level: profile === 'lead' ? '' : rnd.int(1, 5),
        potentialValue: potential,
        owner,
        reassign: owner === 'tom.becker@example.com' && rnd.chance(0.6),
        created: isoOfDay(createdDay),
        notes: rnd.chance(0.25) ? rnd.pick(CUSTOMER_NOTES[flavour]) : '',
      },
    });
  }

  /* deals: buyers most, prospects some (pending or lost), lost customers old ones, leads none */
  const dealWeights: readonly (readonly [number, number])[] = customers.map((customer, index) => [
    index,
    customer.profile === 'buyer'
      ? 5
      : customer.profile === 'prospect'
        ? 1
        : customer.profile === 'lost'
          ? 1.5
          : 0,
  ]);
  const cumulative: number[] = [];
  let sum = 0;
  for (const [, weight] of dealWeights) cumulative.push((sum += weight));
  const pickWeightedCustomer = (): CustomerDraft => {
    const roll = rnd.float() * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] > roll) high = middle;
      else low = middle + 1;
    }
    return customers[low];
  };
  const deals: SampleRecord[] = [];
  for (let index = 0; index < counts.deals && sum > 0; index++) {
    const customer = pickWeightedCustomer();
    const product = rnd.weighted<string>([
      ['starter', 3],
      ['professional', 4],
      ['enterprise', 1.5],
      ['implementation', 1.5],
      ['training', 1.5],
      ['support', 2],
    ]);
    const [low, high] = PRICES_CNY[product];
    let amount = rnd.int(low, high);
    amount = customer.currency === 'USD' ? Math.round(amount * USD_PER_CNY) : Math.round(amount / 100) * 100;
    let status: string;
    let day: number;
    const span = todayDay - customer.createdDay;
    if (customer.profile === 'buyer') {
      status = rnd.weighted<string>([
        ['won', 80],
        ['pending', 12],
        ['lost', 5],
        ['cancelled', 3],
      ]);
      day = customer.createdDay + rnd.int(0, Math.max(span, 0));
    } else if (customer.profile === 'prospect') {
      status = rnd.weighted<string>([
        ['pending', 75],
        ['lost', 25],
      ]);
      day = todayDay - rnd.int(0, Math.min(60, Math.max(span, 0)));
    } else {
      status = rnd.weighted<string>([
        ['won', 70],
        ['lost', 20],
        ['cancelled', 10],
      ]);
      day = customer.createdDay + rnd.int(0, Math.max(Math.min(span - 200, 400), 0));
    }
    if (status === 'won') {
      customer.wonCount++;
      // In the Settings currency with the default rates, exactly as Refresh tiers sums it (deal order kept).
      customer.wonTotal += amount * (rateOf(rates, customer.currency) ?? 0);
      customer.firstWon = customer.firstWon === null ? day : Math.min(customer.firstWon, day);
      customer.lastWon = customer.lastWon === null ? day : Math.max(customer.lastWon, day);
    }
    deals.push({
      id: idOf('D', index, counts.deals),
      customerId: customer.record.id,
      date: isoOfDay(day),
      product: label('product', product),
      amount,
      currency: label('currency', customer.currency),
      paymentMethod: label(
        'paymentMethod',
        rnd.weighted<string>([
          ['online', 5],
          ['offline', 4],
          ['instalments', amount > 50_000 ? 3 : 1],
        ]),
      ),
      status: label('dealStatus', status),
      expectedClose: status === 'pending' ? isoOfDay(todayDay + rnd.int(3, 75)) : '',
      notes: status === 'lost' && rnd.chance(0.5) ? rnd.pick(CONTENT[customer.flavour].notInterested) : '',
      rep: customer.owner || rnd.pick(activeOwners).email,
    });
  }

  /* follow-ups: every non-lead customer gets some; the latest may be open with a next date, some overdue */
  const followups: SampleRecord[] = [];
  const followWeights = customers.map((customer) =>
    customer.profile === 'lead'
      ? 0.15
      : customer.profile === 'lost'
        ? 0.5
        : customer.profile === 'prospect'
          ? 2
          : 1.5,
  );
  const followCumulative: number[] = [];
  let followSum = 0;
  for (const weight of followWeights) followCumulative.push((followSum += weight));
  const pickFollowCustomer = (): CustomerDraft => {
    const roll = rnd.float() * followSum;
    let low = 0;
    let high = followCumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (followCumulative[middle] > roll) high = middle;
      else low = middle + 1;
    }
    return customers[low];
  };
  for (let index = 0; index < counts.followups && followSum > 0; index++) {
    const customer = pickFollowCustomer();
    const span = Math.max(todayDay - customer.createdDay, 0);
    const recent = customer.profile === 'lost' ? false : rnd.chance(0.55);
    const dayOffset = recent ? rnd.int(0, Math.min(span, 30)) : rnd.int(0, span);
    const day =
      customer.profile === 'lost'
        ? customer.createdDay + rnd.int(0, Math.max(span - 220, 0))
        : todayDay - dayOffset;
    const hour = rnd.int(9, 17);
    const minute = rnd.pick([0, 10, 15, 20, 30, 40, 45, 50]);
    const result =
      customer.profile === 'buyer'
        ? rnd.weighted<string>([
            ['interested', 2],
            ['agreed', 2],
            ['serviceDone', 3],
            ['quoteSent', 1],
            ['noAnswer', 1],
          ])
        : customer.profile === 'lost'
          ? rnd.weighted<string>([
              ['notInterested', 3],
              ['noAnswer', 2],
              ['postponed', 1],
            ])
          : rnd.weighted<string>([
              ['interested', 3],
              ['needsInfo', 2],
              ['quoteSent', 2],
              ['postponed', 1],
              ['noAnswer', 2],
              ['notInterested', 0.5],
            ]);
    const closing = result === 'notInterested';
    const nextDay = closing ? null : day + rnd.int(2, 14);
    // Past next steps are mostly done; a share stays open: those are the overdue follow-ups reminders report.
    const done =
      nextDay === null || customer.profile === 'lost' ? true : nextDay < todayDay ? rnd.chance(0.8) : false;
    const rep = customer.owner || (customer.profile === 'lead' ? '' : rnd.pick(activeOwners).email);
    followups.push({
      id: idOf('F', index, counts.followups),
      customerId: customer.record.id,
      time: `${isoOfDay(day)} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
      channel: label(
        'channel',
        customer.flavour === 'cn'
          ? rnd.weighted<string>([
              ['phone', 4],
              ['wechat', 5],
              ['visit', 2],
              ['email', 1],
              ['meeting', 1],
            ])
          : rnd.weighted<string>([
              ['email', 4],
              ['phone', 3],
              ['video', 3],
              ['meeting', 1],
              ['visit', 1],
            ]),
      ),
      content: rnd.pick(CONTENT[customer.flavour][result]),
      result: label('result', result),
      nextStep: nextDay === null ? '' : rnd.pick(NEXT_STEPS[customer.flavour]),
      nextDate: nextDay === null ? '' : isoOfDay(nextDay),
      rep,
      done,
    });
    customer.lastContact = customer.lastContact === null ? day : Math.max(customer.lastContact, day);
    if (!done && nextDay !== null)
      customer.nextFollowUp =
        customer.nextFollowUp === null ? nextDay : Math.min(customer.nextFollowUp, nextDay);
  }

  /* customer fields derived from deals and follow-ups: type, stage, dates, totals, tier */
  for (const customer of customers) {
    const record = customer.record;
    const lastContact = customer.lastContact ?? (customer.profile === 'lead' ? null : customer.createdDay);
    const type =
      customer.wonCount > 0
        ? customer.profile === 'lost'
          ? 'lost'
          : 'existing'
        : customer.profile === 'lost'
          ? 'lost'
          : 'potential';
    const stage =
      customer.wonCount > 0
        ? customer.profile === 'lost' || rnd.chance(0.85)
          ? 'purchased'
          : 'signed'
        : customer.profile === 'lead'
          ? 'firstContact'
          : customer.profile === 'lost'
            ? rnd.pick(['intent', 'negotiating'])
            : rnd.weighted<string>([
                ['firstContact', 2],
                ['intent', 3],
                ['negotiating', 2],
                ['signed', 0.5],
              ]);
    record.customerType = label('customerType', type);
    record.stage = label('stage', stage);
    record.lastContact = lastContact === null ? '' : isoOfDay(lastContact);
    record.nextFollowUp = customer.nextFollowUp === null ? '' : isoOfDay(customer.nextFollowUp);
    record.totalPurchases = customer.wonTotal;
    record.orderCount = customer.wonCount;
    record.firstPurchase = customer.firstWon === null ? '' : isoOfDay(customer.firstWon);
    record.lastPurchase = customer.lastWon === null ? '' : isoOfDay(customer.lastWon);
    record.tier = label(
      'tier',
      tierOf(
        { total: customer.wonTotal, orders: customer.wonCount, lastPurchase: customer.lastWon },
        lastContact,
        todayDay,
        thresholds,
      ),
    );
  }

  const customerRecords = customers.map((customer) => customer.record);
  const pipeline = generateOpportunities({
    today,
    customers: customerRecords,
    deals,
    count: options.opportunities ?? Math.round(customerRecords.length * OPPORTUNITIES_PER_CUSTOMER),
    seed: options.seed ?? 20_261_123,
    language: options.language ?? 'en',
  });
  /* after-sales service: last, so every row above is what it was before the Service sheet existed */
  const service = sampleServiceRows(
    rnd,
    options.service ?? SAMPLE_DEFAULTS.service,
    customers
      .filter((customer) => customer.firstWon !== null)
      .map((customer) => ({
        id: String(customer.record.id),
        owner: customer.owner,
        flavour: customer.flavour,
        firstWonDay: customer.firstWon as number,
        lastDay:
          customer.profile === 'lost' ? (customer.lastContact ?? customer.lastWon ?? todayDay) : todayDay,
        wonCount: customer.wonCount,
      })),
    activeOwners.map((rep) => rep.email),
    todayDay,
    label,
    (index) => idOf('S', index, options.service ?? SAMPLE_DEFAULTS.service),
  );

  return {
    today,
    reps,
    customers: customerRecords,
    deals,
    followups,
    opportunities: pipeline.opportunities,
    stageHistory: pipeline.stageHistory,
    service,
    managers: REPS.filter((rep) => rep.role === 'manager').map((rep) => rep.email),
  };
}
