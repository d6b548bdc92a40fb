/**
 * The template's live tier formulas: ONE array formula per computed Customers column, written in row 2, computing
 * total purchases, order count, first/last purchase and tier straight from Deals and Settings. Built only from
 * functions both Google Sheets and HyperFormula (the local runtime) compute: ARRAYFORMULA, SUMIFS/COUNTIFS/
 * MAXIFS/MINIFS with a range criterion, MATCH/CHOOSE over array literals, VLOOKUP, FIND/MID/SUBSTITUTE, TODAY.
 *
 * They follow src/core/tiering (rules in rfm.ts, exchange rates in rates.ts) with two documented limits: a status
 * counts as won only when it is the list label (Won / 已成交, any case), not an alias such as "paid"; and a currency
 * is recognised by its code or label (CNY, USD, …), not an alias such as RMB. Check data flags neither, because the
 * core accepts aliases; Refresh tiers (values) has no such limit.
 *
 * Cost: every SUMIFS-style function compares each customer with each deal (customers × deals work per
 * recalculation, in Sheets and in HyperFormula alike), so live formulas suit workbooks up to a few thousand rows;
 * `liveFormulasAdvisable` says when. Refresh tiers writes values instead and is linear.
 */
import { LISTS, type Language } from './lists';
import { defaultSettings } from './settings';

export interface TierFormulaLayout {
  /** Column letters of Customers. */
  customers: {
    id: string;
    lastContact: string;
    totalPurchases: string;
    orderCount: string;
    firstPurchase: string;
    lastPurchase: string;
  };
  /** Deals sheet name and column letters. */
  deals: {
    sheet: string;
    customerId: string;
    date: string;
    amount: string;
    currency: string;
    status: string;
  };
  /** Settings sheet name and its key / value column letters. */
  settings: { sheet: string; key: string; value: string };
  /** Language of the tier labels (the workbook's). */
  language: Language;
}

/** A1 column letters of a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function text(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** Marks a formula as SalesDesk's own, so set-up and Refresh tiers recognise it. */
export const TIER_FORMULA_MARK = 'N("SalesDesk tiers")';

/** True when a cell's formula is one of the template's tier formulas. */
export function isTierFormula(formula: unknown): boolean {
  return typeof formula === 'string' && formula.includes(TIER_FORMULA_MARK);
}

/** Live formulas cost customers × deals comparisons per recalculation; keep them to modest workbooks. */
export function liveFormulasAdvisable(customerRows: number, dealRows: number): boolean {
  return customerRows * Math.max(dealRows, 1) <= 2_000_000;
}

/** The five formulas, keyed by Customers column key, to write in row 2 of each column. */
export function tierFormulas(
  layout: TierFormulaLayout,
): Record<'totalPurchases' | 'orderCount' | 'firstPurchase' | 'lastPurchase' | 'tier', string> {
  const c = layout.customers;
  const d = layout.deals;
  const ds = quoteSheet(d.sheet);
  const range = (letter: string) => `${ds}!${letter}2:${letter}`;
  const ids = `${c.id}2:${c.id}`;
  const settings = `${quoteSheet(layout.settings.sheet)}!${layout.settings.key}:${layout.settings.value}`;
  const settingOffset = layout.settings.value.charCodeAt(0) - layout.settings.key.charCodeAt(0) + 1;
  const defaults = defaultSettings();
  const setting = (key: string) => `IFERROR(VLOOKUP(${text(key)},${settings},${settingOffset},FALSE),"")`;
  const numberSetting = (key: keyof typeof defaults, fallback: number) =>
    `IF(ISNUMBER(${setting(key)}),${setting(key)},${fallback})`;

  // Exchange rates: the Settings text "USD=7.1, EUR=7.7" parsed per currency code; the base currency is 1.
  const base = `UPPER(TRIM(IF(${setting('currency')}="",${text(defaults.currency)},${setting('currency')})))`;
  const ratesText = `(","&SUBSTITUTE(SUBSTITUTE(UPPER(IF(${setting('exchangeRates')}="",${text(defaults.exchangeRates)},${setting('exchangeRates')}))," ",""),";",",")&",")`;
  const rateOf = (code: string) => {
    const at = `FIND(${text(`,${code}=`)},${ratesText})`;
    const parsed = `IFERROR(VALUE(MID(${ratesText},${at}+${code.length + 2},FIND(",",${ratesText},${at}+1)-${at}-${code.length + 2})),0)`;
    return `IF(${base}=${text(code)},1,IF(${parsed}>0,${parsed},0))`;
  };
  const codes = LISTS.currency.items.map((item) => item.code);
  const labels: string[] = [];
  const labelCode: number[] = [];
  LISTS.currency.items.forEach((item, index) => {
    for (const label of [item.code, item.en, item['zh-CN']]) {
      if (!labels.some((known) => known.toUpperCase() === label.toUpperCase())) {
        labels.push(label);
        labelCode.push(index + 1);
      }
    }
  });
  const currency = `TRIM(${range(d.currency)})`;
  const rate =
    `IF(${currency}="",1,IFERROR(CHOOSE(CHOOSE(MATCH(${currency},{${labels.map(text).join(',')}},0),${labelCode.join(',')}),` +
    `${codes.map(rateOf).join(',')}),0))`;
  const won = [
    ...new Set([
      LISTS.dealStatus.items.find((i) => i.code === 'won')!.en,
      LISTS.dealStatus.items.find((i) => i.code === 'won')!['zh-CN'],
    ]),
  ];
  const perStatus = (fn: (status: string) => string) => won.map((status) => fn(text(status)));
  const sumWon = perStatus(
    (status) =>
      `SUMIFS(${range(d.amount)}*${rate},${range(d.customerId)},${ids},${range(d.status)},${status})`,
  ).join('+');
  const countWon = perStatus(
    (status) => `COUNTIFS(${range(d.customerId)},${ids},${range(d.status)},${status})`,
  ).join('+');
  const dateWon = (fn: 'MAXIFS' | 'MINIFS') =>
    perStatus(
      (status) => `${fn}(${range(d.date)},${range(d.customerId)},${ids},${range(d.status)},${status})`,
    );
  // Element-wise max/min of the per-status results (MAX/MIN would aggregate the whole array); 0 means none.
  const [max1, max2] = dateWon('MAXIFS');
  const last = max2 ? `IF(${max1}>${max2},${max1},${max2})` : max1;
  const [min1, min2] = dateWon('MINIFS');
  const nz = (x: string) => `IF(${x}=0,1000000000,${x})`;
  const first = min2 ? `IF(${nz(min1)}<${nz(min2)},${nz(min1)},${nz(min2)})` : nz(min1);
  const guard = (body: string) => `=ARRAYFORMULA(IF(${ids}="","",(${body})+${TIER_FORMULA_MARK}))`;
  const guardText = (body: string) => `=ARRAYFORMULA(IF(${ids}="","",(${body})&T(${TIER_FORMULA_MARK})))`;

  const total = `${c.totalPurchases}2:${c.totalPurchases}`;
  const orders = `${c.orderCount}2:${c.orderCount}`;
  const lastPurchase = `${c.lastPurchase}2:${c.lastPurchase}`;
  const contact = `${c.lastContact}2:${c.lastContact}`;
  const lastDay = `IF(ISNUMBER(${lastPurchase}),${lastPurchase},0)`;
  const contactDay = `IF(ISNUMBER(${contact}),INT(${contact}),0)`;
  const latest = `IF(${lastDay}>${contactDay},${lastDay},${contactDay})`;
  const label = (code: string) => text(LISTS.tier.items.find((i) => i.code === code)![layout.language]);
  const lostDays = numberSetting('tierLostAfterDays', defaults.tierLostAfterDays);
  const vipAmount = numberSetting('tierVipMinAmount', defaults.tierVipMinAmount);
  const vipOrders = numberSetting('tierVipMinOrders', defaults.tierVipMinOrders);
  const activeDays = numberSetting('tierActiveMaxDays', defaults.tierActiveMaxDays);
  const tier =
    `IF(IF(${latest}>0,TODAY()-${latest}>${lostDays},FALSE),${label('lost')},` +
    `IF((${orders}>0)*((${total}>=${vipAmount})+(${orders}>=${vipOrders})>0),${label('vip')},` +
    `IF(IF(${lastDay}>0,TODAY()-${lastDay}<=${activeDays},FALSE),${label('active')},${label('potential')})))`;

  return {
    totalPurchases: guard(sumWon),
    orderCount: guard(countWon),
    // Blank when there is no dated purchase; INT drops a time of day as the core's calendar days do.
    firstPurchase: `=ARRAYFORMULA(IF(${ids}="","",IF(${first}=1000000000,"",INT(${first})+${TIER_FORMULA_MARK})))`,
    lastPurchase: `=ARRAYFORMULA(IF(${ids}="","",IF(${last}=0,"",INT(${last})+${TIER_FORMULA_MARK})))`,
    tier: guardText(tier),
  };
}
