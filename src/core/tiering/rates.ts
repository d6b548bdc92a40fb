/**
 * Deal amounts in several currencies, tiers in one: amounts are converted into the Settings currency with the
 * rates of the Settings key `exchangeRates`, written as `USD=7.1, EUR=7.7` ("one USD is 7.1 of the Settings
 * currency"). The grammar is deliberately small (CODE=number, separated by commas or semicolons, spaces ignored)
 * because the template's tier formulas parse the same text with FIND/MID and must agree with this code.
 * A deal in a currency without a rate does not count towards tiers; Check data reports it.
 */
import { listValueCode } from '../../../templates/lists';
import { settingSpec, type Settings } from '../../../templates/settings';
import { cell, normaliseHeader, type Table } from '../table';

export const EXCHANGE_RATES_KEY = 'exchangeRates';
/** Default rates (into CNY) of the template's Settings; an empty or missing value means these. */
export function defaultExchangeRates(): string {
  return String(settingSpec('exchangeRates').default);
}

export interface ExchangeRates {
  /** The Settings currency (upper-case code): rate 1. */
  base: string;
  /** Currency code → value of one unit in the base currency. */
  rates: Map<string, number>;
}

/** Parses `USD=7.1, EUR=7.7`; entries that are not CODE=positive number are ignored (and listed in `bad`). */
export function parseExchangeRates(text: unknown): { rates: Map<string, number>; bad: string[] } {
  const rates = new Map<string, number>();
  const bad: string[] = [];
  const normalised = String(text ?? '')
    .replace(/\s+/g, '')
    .replace(/;/g, ',')
    .toUpperCase();
  for (const entry of normalised.split(',')) {
    if (entry === '') continue;
    const match = /^([A-Z]{3})=(\d+(?:\.\d+)?|\.\d+)$/.exec(entry);
    const value = match ? Number(match[2]) : Number.NaN;
    if (!match || !(value > 0)) {
      bad.push(entry);
      continue;
    }
    // The first entry of a code wins, as FIND does in the formula.
    if (!rates.has(match[1])) rates.set(match[1], value);
  }
  return { rates, bad };
}

/**
 * The exchange rates of a workbook: the Settings currency plus `exchangeRates`, taken from the parsed settings
 * when they carry it, else from the Settings sheet's rows.
 */
export function exchangeRatesFrom(
  settings: Settings | undefined,
  settingsTable?: Table<string>,
): ExchangeRates {
  const base = String(settings?.currency ?? 'CNY')
    .trim()
    .toUpperCase();
  let text: unknown = (settings as unknown as Record<string, unknown> | undefined)?.[EXCHANGE_RATES_KEY];
  if (text === undefined && settingsTable) {
    const wanted = normaliseHeader(EXCHANGE_RATES_KEY);
    for (const row of settingsTable.rows) {
      if (normaliseHeader(cell(settingsTable, row, 'key')) === wanted) {
        text = cell(settingsTable, row, 'value');
        break;
      }
    }
  }
  return { base, rates: parseExchangeRates(text).rates };
}

/** The currency code of a deal's currency cell ('' for a blank cell). */
export function currencyCode(value: unknown): string {
  if (value === null || value === undefined || String(value).trim() === '') return '';
  return (listValueCode('currency', value) ?? String(value).trim()).toUpperCase();
}

/**
 * Value of one unit of `currency` in the base currency: 1 for the base currency and for a blank cell (a
 * one-currency team leaves it empty), the Settings rate otherwise, undefined when there is none.
 */
export function rateOf(rates: ExchangeRates, currency: unknown): number | undefined {
  const code = currencyCode(currency);
  if (code === '' || code === rates.base) return 1;
  return rates.rates.get(code);
}
