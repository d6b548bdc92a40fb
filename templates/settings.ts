/**
 * The Settings sheet as data: every key of docs/CONTRACTS.md with its type, default and description, and the
 * pure parser that turns the sheet's key | value rows into a typed object (defaults for missing or bad values,
 * with a list of problems so Check data can name the cell).
 */
import { cellBoolean } from '../src/core/cells';
import { lazyValue } from '../src/core/lazy';
import type { Localised } from './lists';

export type SettingType = 'number' | 'integer' | 'boolean' | 'text' | 'emails' | 'locale' | 'currency';

export interface Settings {
  tierVipMinAmount: number;
  tierVipMinOrders: number;
  tierActiveMaxDays: number;
  tierLostAfterDays: number;
  reminderHour: number;
  reminderLookAheadDays: number;
  staleContactDays: number;
  staleVipDays: number;
  currency: string;
  /** `USD=7.1, EUR=7.7`: value of one unit of each currency in `currency` (tiers convert deal amounts). */
  exchangeRates: string;
  managers: string[];
  locale: 'auto' | 'en' | 'zh-CN';
  assignMatchRegion: boolean;
  assignMatchIndustry: boolean;
  seniorMinPotentialValue: number;
  assignFallbackToTeam: boolean;
  managerTeamSummary: boolean;
  backupKeep: number;
  // Issue 14: SLA return of stale leads, routing to the account owner (src/core/assign/sla.ts, account.ts).
  slaFirstContactHours: number;
  slaFollowUpMaxDays: number;
  slaWorkingHours: string;
  slaDailyReassign: boolean;
  assignToAccountOwner: boolean;
}
export type SettingKey = keyof Settings;

export interface SettingSpec<K extends SettingKey = SettingKey> {
  key: K;
  type: SettingType;
  default: Settings[K];
  min?: number;
  max?: number;
  description: Localised;
}

const L = (en: string, zh: string): Localised => ({ en, 'zh-CN': zh });

/** In the order the Settings sheet lists them. */
/** Built on first read (src/core/lazy.ts): not in the global code every execution runs. */
export const SETTINGS: readonly SettingSpec[] = lazyValue('array', () => [
  {
    key: 'tierVipMinAmount',
    type: 'number',
    default: 100_000,
    min: 0,
    description: L(
      'VIP tier: total won purchases at least this amount (in the Settings currency).',
      'VIP 分层：累计成交金额不低于此值（按“设置”中的币种）。',
    ),
  },
  {
    key: 'tierVipMinOrders',
    type: 'integer',
    default: 10,
    min: 1,
    description: L('VIP tier: or at least this many won deals.', 'VIP 分层：或成交笔数不少于此值。'),
  },
  {
    key: 'tierActiveMaxDays',
    type: 'integer',
    default: 90,
    min: 1,
    description: L(
      'Active tier: last purchase within this many days.',
      '活跃分层：最近一次购买在此天数之内。',
    ),
  },
  {
    key: 'tierLostAfterDays',
    type: 'integer',
    default: 180,
    min: 1,
    description: L(
      'Lost tier: no purchase and no contact for more than this many days.',
      '流失分层：超过此天数没有购买也没有联系。',
    ),
  },
  {
    key: 'reminderHour',
    type: 'integer',
    default: 9,
    min: 0,
    max: 23,
    description: L(
      'Hour of day (0–23, spreadsheet time zone) the daily reminder e-mails go out.',
      '每日提醒邮件的发送时刻（0–23 点，按表格时区）。',
    ),
  },
  {
    key: 'reminderLookAheadDays',
    type: 'integer',
    default: 3,
    min: 0,
    max: 60,
    description: L(
      'Reminders list follow-ups due within this many days (overdue ones always).',
      '提醒中列出此天数内到期的跟进（逾期的总会列出）。',
    ),
  },
  {
    key: 'staleContactDays',
    type: 'integer',
    default: 30,
    min: 1,
    description: L(
      'A customer not contacted for this many days is flagged as stale.',
      '超过此天数未联系的客户会被标记为久未联系。',
    ),
  },
  {
    key: 'staleVipDays',
    type: 'integer',
    default: 14,
    min: 1,
    description: L(
      'The same for VIP customers (usually shorter).',
      '针对 VIP 客户的久未联系天数（通常更短）。',
    ),
  },
  {
    key: 'currency',
    type: 'currency',
    default: 'CNY',
    description: L(
      'Reporting currency for tiers, potential value and the dashboard (a code from Lists).',
      '分层、潜在价值和看板使用的统计币种（取自列表中的币种代码）。',
    ),
  },
  {
    key: 'exchangeRates',
    type: 'text',
    default: 'USD=7.1, EUR=7.7, GBP=9.0, HKD=0.91, JPY=0.047',
    description: L(
      'Exchange rates into the Settings currency, e.g. USD=7.1, EUR=7.7 (one USD is 7.1 CNY). Deals in a currency without a rate do not count in tiers.',
      '折算为统计币种的汇率，例如 USD=7.1, EUR=7.7（1 美元 = 7.1 元人民币）。没有汇率的币种的成交不计入客户分层。',
    ),
  },
  {
    key: 'managers',
    type: 'emails',
    default: [],
    description: L(
      'E-mails of managers, comma-separated: they may assign leads, edit Settings and Lists (the owner always may).',
      '经理邮箱，用逗号分隔：可分配线索、编辑“设置”和“列表”（表格所有者始终可以）。',
    ),
  },
  {
    key: 'locale',
    type: 'locale',
    default: 'auto',
    description: L(
      'Language of menus and messages: auto (each user’s own), en or zh-CN.',
      '菜单和消息的语言：auto（跟随每位用户）、en 或 zh-CN。',
    ),
  },
  {
    key: 'assignMatchRegion',
    type: 'boolean',
    default: true,
    description: L(
      'Assign leads only to reps covering the lead’s region (TRUE / FALSE).',
      '只把线索分配给负责该区域的销售（TRUE / FALSE）。',
    ),
  },
  {
    key: 'assignMatchIndustry',
    type: 'boolean',
    default: false,
    description: L(
      'Assign leads only to reps covering the lead’s industry (TRUE / FALSE).',
      '只把线索分配给负责该行业的销售（TRUE / FALSE）。',
    ),
  },
  {
    key: 'seniorMinPotentialValue',
    type: 'number',
    default: 200_000,
    min: 0,
    description: L(
      'Leads with at least this potential value go to senior reps.',
      '潜在价值不低于此值的线索分配给资深销售。',
    ),
  },
  {
    key: 'assignFallbackToTeam',
    type: 'boolean',
    default: true,
    description: L(
      'When no rep matches region/industry, assign within the whole team instead of leaving the lead unassigned.',
      '没有匹配区域/行业的销售时，改为在全体销售中分配，而不是留着不分配。',
    ),
  },
  {
    key: 'managerTeamSummary',
    type: 'boolean',
    // The issue makes the team summary opt-in: a manager turns it on in Settings.
    default: false,
    description: L(
      'Managers also receive a daily team summary with the reminders.',
      '经理每天另外收到一份团队跟进汇总。',
    ),
  },
  {
    key: 'backupKeep',
    type: 'integer',
    default: 7,
    min: 1,
    max: 100,
    description: L('How many backup copies Back up now keeps.', '“立即备份”保留的备份份数。'),
  },
  {
    key: 'slaFirstContactHours',
    type: 'number',
    default: 0,
    min: 0,
    description: L(
      'SLA: hours after assignment within which a lead must get its first follow-up, e.g. 48; after that the next assignment run gives it to another rep. 0 = off.',
      'SLA：分配后需在此小时数内首次跟进，例如 48；超时后下一次分配会把线索交给其他销售。0 表示关闭。',
    ),
  },
  {
    key: 'slaFollowUpMaxDays',
    type: 'number',
    default: 0,
    min: 0,
    description: L(
      'SLA: most days an open lead may go without a follow-up before it is given to another rep. 0 = off.',
      'SLA：在跟线索最多可以多少天没有跟进，超过后交给其他销售。0 表示关闭。',
    ),
  },
  {
    key: 'slaWorkingHours',
    type: 'text',
    default: '',
    description: L(
      'SLA counts only these working hours, in the spreadsheet’s time zone, e.g. Mon-Fri 09:00-18:00. Empty = every hour.',
      'SLA 只计算这些工作时间（按表格时区），例如 周一至周五 09:00-18:00。留空表示全天计算。',
    ),
  },
  {
    key: 'slaDailyReassign',
    type: 'boolean',
    default: false,
    description: L(
      'The daily trigger (with the reminders) also gives leads that missed their SLA to another rep (TRUE / FALSE).',
      '每日触发器（与提醒一起）也把超出 SLA 的线索交给其他销售（TRUE / FALSE）。',
    ),
  },
  {
    key: 'assignToAccountOwner',
    type: 'boolean',
    default: true,
    description: L(
      'A new lead with the same company, e-mail domain (not free mail) or phone as an existing customer goes to that customer’s owner when active (TRUE / FALSE).',
      '与现有客户同公司、同邮箱域名（免费邮箱除外）或同电话的新线索，分配给该客户的负责人（在岗时）（TRUE / FALSE）。',
    ),
  },
]);

export const SETTING_KEYS: readonly SettingKey[] = lazyValue('array', () => SETTINGS.map((spec) => spec.key));

export function settingSpec(key: SettingKey): SettingSpec {
  const spec = SETTINGS.find((candidate) => candidate.key === key);
  if (!spec) throw new Error(`unknown setting ${key}`);
  return spec;
}

export function defaultSettings(): Settings {
  const out = {} as Record<SettingKey, unknown>;
  for (const spec of SETTINGS) out[spec.key] = Array.isArray(spec.default) ? [...spec.default] : spec.default;
  return out as unknown as Settings;
}

/** How a default is written into the Settings sheet's value cell. */
export function settingCellValue(spec: SettingSpec): string | number | boolean {
  const value = spec.default;
  if (Array.isArray(value)) return value.join(', ');
  return value as string | number | boolean;
}

export interface SettingProblem {
  key: SettingKey;
  /** Index of the row in the rows given to `parseSettings`. */
  rowIndex: number;
  value: unknown;
  /** 'number' | 'integer' | 'boolean' | 'range' | 'email' | 'locale' | 'currency' */
  problem: string;
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

function parseValue(spec: SettingSpec, raw: unknown): { value: Settings[SettingKey] } | { problem: string } {
  const text = String(raw ?? '').trim();
  switch (spec.type) {
    case 'number':
    case 'integer': {
      const value = typeof raw === 'number' ? raw : Number(text.replace(/[,\s]/g, ''));
      if (text === '' || !Number.isFinite(value)) return { problem: spec.type };
      if (spec.type === 'integer' && !Number.isInteger(value)) return { problem: 'integer' };
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max))
        return { problem: 'range' };
      return { value };
    }
    case 'boolean': {
      const value = cellBoolean(raw);
      return value === null ? { problem: 'boolean' } : { value };
    }
    case 'emails': {
      const emails = text
        .split(/[,;，；\s]+/)
        .map((part) => part.trim().toLowerCase())
        .filter((part) => part !== '');
      if (emails.some((email) => !EMAIL.test(email))) return { problem: 'email' };
      return { value: emails };
    }
    case 'locale': {
      const lower = text.toLowerCase().replace('_', '-');
      if (lower === '' || lower === 'auto') return { value: 'auto' };
      if (lower.startsWith('zh')) return { value: 'zh-CN' };
      if (lower.startsWith('en')) return { value: 'en' };
      return { problem: 'locale' };
    }
    case 'currency': {
      if (!/^[A-Za-z]{3}$/.test(text)) return { problem: 'currency' };
      return { value: text.toUpperCase() };
    }
    default:
      return { value: text };
  }
}

/**
 * Typed settings from the Settings sheet's rows (`[key, value]` pairs as read). Unknown keys are ignored, missing
 * keys take their default, a bad value takes the default and is reported.
 */
export function parseSettings(rows: readonly (readonly [unknown, unknown])[]): {
  settings: Settings;
  problems: SettingProblem[];
} {
  const settings = defaultSettings() as unknown as Record<SettingKey, unknown>;
  const problems: SettingProblem[] = [];
  const specs = new Map<string, SettingSpec>(SETTINGS.map((spec) => [spec.key.toLowerCase(), spec]));
  rows.forEach(([rawKey, raw], rowIndex) => {
    const spec = specs.get(
      String(rawKey ?? '')
        .trim()
        .toLowerCase(),
    );
    if (!spec) return;
    // An emptied value cell means "use the default", not "false" or "0".
    if (raw === null || raw === undefined || String(raw).trim() === '') return;
    const parsed = parseValue(spec, raw);
    if ('value' in parsed) settings[spec.key] = parsed.value;
    else problems.push({ key: spec.key, rowIndex, value: raw, problem: parsed.problem });
  });
  return { settings: settings as unknown as Settings, problems };
}
