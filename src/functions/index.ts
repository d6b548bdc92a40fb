/**
 * Custom functions for formulas: =SALESDESK_TIER(...), =SALESDESK_RFM(...), =SALESDESK_DAYS_SINCE(...),
 * =SALESDESK_NORMALIZE_PHONE(...), =SALESDESK_IS_EMAIL(...).
 *
 * Each use of a custom function is a separate Apps Script execution (30 s limit, and the whole bundle's start-up
 * each time): one formula over 10 000 rows costs 600–4 700× less than the same formula filled down 10 000 rows. So
 * every function takes whole ranges (2-D arrays) and returns a column, and its JSDoc (what Sheets shows while
 * typing) leads with the range form; a single value still gives a single value. They read nothing from the
 * spreadsheet: Settings thresholds are optional arguments (defaults are the template's Settings defaults), so
 * passing the Settings cells keeps them live. Only PropertiesService is touched (the time zone and language that
 * Check data / Refresh tiers / set-up record), and only when an argument does not say it.
 * The rules are those of src/core/tiering, so the custom functions, the template formulas and Refresh tiers agree.
 */
import { zoneDays, type ZoneDays } from '../core/dates';
import { isEmail } from '../core/validation/fields';
import { normalizePhone } from '../core/validation/phone';
import {
  addPurchase,
  countedDeal,
  customerKey,
  defaultExchangeRates,
  NO_PURCHASES,
  parseExchangeRates,
  thresholdsFrom,
  tierOf,
  type PurchaseSummary,
} from '../core/tiering';
import { listLabel, type Language } from '../../templates/lists';

/** Document properties the server records so custom functions know the spreadsheet's zone and language. */
export const TIME_ZONE_PROPERTY = 'salesdesk.timeZone';
// Not 'salesdesk.locale': that one is the UI language override of Settings (docs/CONTRACTS.md).
export const LANGUAGE_PROPERTY = 'salesdesk.workbookLanguage';

const SERIAL_EPOCH_DAYS = 25_569;

type Cell = unknown;
type Arg = Cell | Cell[][];

function documentProperty(key: string): string | null {
  try {
    return PropertiesService.getDocumentProperties().getProperty(key);
  } catch {
    return null; // outside a document (tests, CLI): fall back to defaults
  }
}

function zone(): ZoneDays {
  const candidates = [documentProperty(TIME_ZONE_PROPERTY)];
  try {
    candidates.push(Session.getScriptTimeZone());
  } catch {
    // Session may be unavailable: UTC below.
  }
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      return zoneDays(candidate);
    } catch {
      // not an IANA zone: try the next
    }
  }
  return zoneDays('UTC');
}

/** A range argument as a list of cells (row by row), and whether it was a range at all. */
function cellsOf(arg: Arg): { cells: Cell[]; isRange: boolean } {
  if (!Array.isArray(arg)) return { cells: [arg], isRange: false };
  const cells: Cell[] = [];
  for (const row of arg) {
    if (Array.isArray(row)) for (const value of row) cells.push(value);
    else cells.push(row);
  }
  return { cells, isRange: true };
}

/** One column from per-cell results; a single value when the input was a single value. */
function shape<T>(values: T[], isRange: boolean): T | T[][] {
  return isRange ? values.map((value) => [value]) : values[0];
}

function isBlank(value: Cell): boolean {
  return value === '' || value === null || value === undefined;
}

/** Calendar day of a date argument: a Date (a date cell) or a serial number (TODAY(), a computed date). */
function dayOf(value: Cell, days: ZoneDays): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : days.dayOfInstant(value);
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    return Math.floor(value) - SERIAL_EPOCH_DAYS;
  }
  return null;
}

function todayOf(today: Cell, days: ZoneDays): number {
  const given = isBlank(today) ? null : dayOf(Array.isArray(today) ? cellsOf(today).cells[0] : today, days);
  return given ?? days.dayOfInstant(new Date());
}

function numberArg(value: Cell): number | undefined {
  const single = Array.isArray(value) ? cellsOf(value).cells[0] : value;
  if (isBlank(single)) return undefined;
  const number = typeof single === 'number' ? single : Number(String(single).replace(/[,\s]/g, ''));
  return Number.isFinite(number) ? number : undefined;
}

function languageArg(value: Cell): Language {
  const single = Array.isArray(value) ? cellsOf(value).cells[0] : value;
  const text = String(isBlank(single) ? (documentProperty(LANGUAGE_PROPERTY) ?? '') : single)
    .trim()
    .toLowerCase();
  return text.startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * Days from each date to today, for a whole column in one cell: =SALESDESK_DAYS_SINCE(H2:H) (not filled down: each
 * copy is an execution of its own). A date in the future gives a negative number; blank or non-date cells give blank.
 *
 * @param {Date[][]|Date} dates A range of dates (e.g. H2:H), or one date.
 * @param {Date} today Optional: the day to count to (default: today in the spreadsheet's time zone) (e.g. TODAY()).
 * @return Whole days since each date, as a column.
 * @customfunction
 */
export function SALESDESK_DAYS_SINCE(dates: Arg, today?: Arg): number | string | (number | string)[][] {
  const days = zone();
  const todayDay = todayOf(today, days);
  const { cells, isRange } = cellsOf(dates);
  return shape(
    cells.map((value) => {
      const day = dayOf(value, days);
      return day === null ? '' : todayDay - day;
    }),
    isRange,
  );
}

/**
 * Phone numbers in one comparable form (+8613800138000), for a whole column in one cell: =SALESDESK_NORMALIZE_PHONE(E2:E)
 * (not filled down: each copy is an execution of its own). Spaces, dashes and parentheses removed, 0086 / 86 / 00
 * prefixes turned into +, 11-digit Chinese mobiles given +86. Use it to find duplicates.
 *
 * @param {string[][]|string} phones A range of phone numbers (e.g. E2:E), or one number.
 * @return The normalised numbers, as a column (blank stays blank).
 * @customfunction
 */
export function SALESDESK_NORMALIZE_PHONE(phones: Arg): string | string[][] {
  const { cells, isRange } = cellsOf(phones);
  return shape(
    cells.map((value) => (isBlank(value) ? '' : normalizePhone(value))),
    isRange,
  );
}

/**
 * Whether each value is a valid e-mail address, for a whole column in one cell: =SALESDESK_IS_EMAIL(F2:F) (not filled
 * down: each copy is an execution of its own).
 *
 * @param {string[][]|string} values A range of values (e.g. F2:F), or one value.
 * @return TRUE or FALSE for each value, as a column (blank cells give blank).
 * @customfunction
 */
export function SALESDESK_IS_EMAIL(values: Arg): boolean | string | (boolean | string)[][] {
  const { cells, isRange } = cellsOf(values);
  return shape(
    cells.map((value) => (isBlank(value) ? '' : isEmail(value))),
    isRange,
  );
}

/**
 * Customer tier (VIP / Active / Potential / Lost) for every customer in one cell:
 * =SALESDESK_TIER(U2:U, V2:V, X2:X, S2:S, TODAY()) (not filled down: each copy is an execution of its own). Lost
 * when the latest purchase or contact is older than lost_after_days; VIP at total ≥ vip_min_amount or orders ≥
 * vip_min_orders; Active when the last purchase is within active_max_days; else Potential.
 *
 * @param {number[][]|number} amounts Total purchases per customer (in the Settings currency) (e.g. U2:U).
 * @param {number[][]|number} counts Number of purchases per customer; a blank count gives a blank tier (e.g. V2:V).
 * @param {Date[][]|Date} last_purchases Date of each customer's last purchase (blank when none) (e.g. X2:X).
 * @param {Date[][]|Date} last_contacts Optional: date of each customer's last contact (e.g. S2:S).
 * @param {Date} today Optional: the day tiers are computed for (default: today) (e.g. TODAY()).
 * @param {number} vip_min_amount Optional: Settings tierVipMinAmount (default 100000) (e.g. 100000).
 * @param {number} vip_min_orders Optional: Settings tierVipMinOrders (default 10) (e.g. 10).
 * @param {number} active_max_days Optional: Settings tierActiveMaxDays (default 90) (e.g. 90).
 * @param {number} lost_after_days Optional: Settings tierLostAfterDays (default 180) (e.g. 180).
 * @param {string} language Optional: en or zh-CN for the labels (default: the workbook's language) (e.g. "en").
 * @return The tier of each customer, as a column.
 * @customfunction
 */
export function SALESDESK_TIER(
  amounts: Arg,
  counts: Arg,
  last_purchases: Arg,
  last_contacts?: Arg,
  today?: Arg,
  vip_min_amount?: Arg,
  vip_min_orders?: Arg,
  active_max_days?: Arg,
  lost_after_days?: Arg,
  language?: Arg,
): string | string[][] {
  const days = zone();
  const todayDay = todayOf(today, days);
  const thresholds = thresholdsFrom({
    tierVipMinAmount: numberArg(vip_min_amount),
    tierVipMinOrders: numberArg(vip_min_orders),
    tierActiveMaxDays: numberArg(active_max_days),
    tierLostAfterDays: numberArg(lost_after_days),
  } as Record<string, number | undefined>);
  const labels = languageArg(language);
  const amountCells = cellsOf(amounts);
  const countCells = cellsOf(counts).cells;
  const lastCells = cellsOf(last_purchases).cells;
  const contactCells = isBlank(last_contacts) ? [] : cellsOf(last_contacts).cells;
  const out = amountCells.cells.map((amount, i) => {
    const count = countCells[i];
    if (isBlank(count) || typeof count !== 'number') return '';
    const total = typeof amount === 'number' ? amount : 0;
    const tier = tierOf(
      { total, orders: count, lastPurchase: dayOf(lastCells[i], days) },
      dayOf(contactCells[i], days),
      todayDay,
      thresholds,
    );
    return listLabel('tier', tier, labels) ?? tier;
  });
  return shape(out, amountCells.isRange);
}

/**
 * Recency, frequency and monetary value of every customer in one cell, straight from the Deals columns:
 * =SALESDESK_RFM(A2:A, Deals!B2:B, Deals!C2:C, Deals!E2:E, Deals!H2:H). For each customer ID one row of total
 * purchases, order count, first purchase, last purchase and days since the last purchase. Only won deals count;
 * amounts in other currencies are converted with exchange_rates.
 *
 * @param {string[][]} customer_ids The customers' IDs (e.g. A2:A).
 * @param {string[][]} deal_customer_ids Each deal's customer ID (e.g. Deals!B2:B).
 * @param {Date[][]} deal_dates Each deal's date (e.g. Deals!C2:C).
 * @param {number[][]} deal_amounts Each deal's amount (e.g. Deals!E2:E).
 * @param {string[][]} deal_statuses Each deal's status (only won deals count) (e.g. Deals!H2:H).
 * @param {string[][]} deal_currencies Optional: each deal's currency (blank = the base currency) (e.g. Deals!F2:F).
 * @param {string} exchange_rates Optional: rates into the base currency (Settings exchangeRates) (e.g. "USD=7.1, EUR=7.7").
 * @param {string} base_currency Optional: the Settings currency (default CNY) (e.g. "CNY").
 * @param {Date} today Optional: the day "days since" counts to (default: today) (e.g. TODAY()).
 * @return Five columns per customer: total, orders, first purchase, last purchase, days since last purchase.
 * @customfunction
 */
export function SALESDESK_RFM(
  customer_ids: Arg,
  deal_customer_ids: Arg,
  deal_dates: Arg,
  deal_amounts: Arg,
  deal_statuses: Arg,
  deal_currencies?: Arg,
  exchange_rates?: Arg,
  base_currency?: Arg,
  today?: Arg,
): unknown[][] {
  const days = zone();
  const todayDay = todayOf(today, days);
  const baseCell = Array.isArray(base_currency) ? cellsOf(base_currency).cells[0] : base_currency;
  const ratesCell = Array.isArray(exchange_rates) ? cellsOf(exchange_rates).cells[0] : exchange_rates;
  const rates = {
    base: isBlank(baseCell) ? 'CNY' : String(baseCell).trim().toUpperCase(),
    rates: parseExchangeRates(isBlank(ratesCell) ? defaultExchangeRates() : ratesCell).rates,
  };
  const ids = cellsOf(deal_customer_ids).cells;
  const dates = cellsOf(deal_dates).cells;
  const amounts = cellsOf(deal_amounts).cells;
  const statuses = cellsOf(deal_statuses).cells;
  const currencies = isBlank(deal_currencies) ? [] : cellsOf(deal_currencies).cells;
  const summaries = new Map<string, PurchaseSummary>();
  for (let i = 0; i < ids.length; i++) {
    const deal = countedDeal(ids[i], dates[i], amounts[i], currencies[i] ?? '', statuses[i], rates, (value) =>
      dayOf(value, days),
    );
    if (deal) addPurchase(summaries, deal.key, deal.amount, deal.day);
  }
  return cellsOf(customer_ids).cells.map((id) => {
    if (isBlank(id)) return ['', '', '', '', ''];
    const summary = summaries.get(customerKey(id)) ?? NO_PURCHASES;
    const date = (day: number | null): unknown => (day === null ? '' : days.midnightOf(day));
    return [
      summary.total,
      summary.orders,
      date(summary.firstPurchase),
      date(summary.lastPurchase),
      summary.lastPurchase === null ? '' : todayDay - summary.lastPurchase,
    ];
  });
}
