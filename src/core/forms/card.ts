/**
 * The customer card: one customer's details with their follow-ups and deals, newest first. Pure over the three
 * tables read once each; the server formats dates in the spreadsheet's time zone through `formatDate`.
 */
import { cell, isBlankRow, rowObject, type Table } from '../table';
import { text, utcDate, type DateFormatter } from './customers';
import type { CardOpportunity } from '../opportunities/card';
import type { CardService } from '../service/card';

export interface CardFollowUp {
  row: number;
  id: string;
  time: string;
  channel: string;
  content: string;
  result: string;
  nextStep: string;
  nextDate: string;
  rep: string;
}
export interface CardDeal {
  row: number;
  id: string;
  date: string;
  product: string;
  amount: number | string;
  currency: string;
  paymentMethod: string;
  status: string;
  rep: string;
  notes: string;
}
export interface CustomerCard {
  row: number;
  /** Every customer column as display text, keyed by column key. */
  details: Record<string, string>;
  followUps: CardFollowUp[];
  deals: CardDeal[];
  /** Open opportunities (src/core/opportunities/card.ts), when the workbook has the sheet. */
  opportunities?: CardOpportunity[];
  /** After-sales service records (src/core/service/card.ts), when the workbook has a Service sheet. */
  service?: CardService;
}

/** Sort key of a date/time cell: Dates by time, ISO-like strings as written, everything else last. */
function timeKey(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  const parsed = Date.parse(String(value ?? '').replace(' ', 'T'));
  return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed;
}

function rowsOf(table: Table<string>, customerId: string): { row: unknown[]; sheetRow: number }[] {
  const wanted = customerId.trim().toLowerCase();
  return table.rows
    .map((row, index) => ({ row, sheetRow: table.firstRow + index }))
    .filter(({ row }) => !isBlankRow(row) && text(cell(table, row, 'customerId')).toLowerCase() === wanted);
}

/** Newest first; equal or unreadable times keep the later sheet row first (it was appended later). */
function newestFirst<T extends { sortTime: number; row: number }>(items: T[]): T[] {
  return items.sort((a, b) => b.sortTime - a.sortTime || b.row - a.row);
}

/**
 * Builds the card of the customer on `customerRow` (a row of `customers.rows`).
 * @param formatDate formats date cells; `formatDateTime` formats follow-up times.
 */
export function buildCustomerCard(
  customers: Table<string>,
  customerRowIndex: number,
  followUps: Table<string> | null,
  deals: Table<string> | null,
  formatDate: DateFormatter = utcDate,
  formatDateTime: DateFormatter = (date) => date.toISOString().slice(0, 16).replace('T', ' '),
): CustomerCard {
  const row = customers.rows[customerRowIndex];
  const details: Record<string, string> = {};
  for (const [key, value] of Object.entries(rowObject(customers, row)))
    details[key] = text(value, formatDate);
  const id = details.id ?? '';

  const followUpItems = followUps
    ? newestFirst(
        rowsOf(followUps, id).map(({ row: r, sheetRow }) => {
          const get = (key: string, fmt: DateFormatter = formatDate) => text(cell(followUps, r, key), fmt);
          return {
            sortTime: timeKey(cell(followUps, r, 'time')),
            row: sheetRow,
            id: get('id'),
            time: get('time', formatDateTime),
            channel: get('channel'),
            content: get('content'),
            result: get('result'),
            nextStep: get('nextStep'),
            nextDate: get('nextDate'),
            rep: get('rep'),
          };
        }),
      )
    : [];

  const dealItems = deals
    ? newestFirst(
        rowsOf(deals, id).map(({ row: r, sheetRow }) => {
          const get = (key: string) => text(cell(deals, r, key), formatDate);
          const amount = cell(deals, r, 'amount');
          return {
            sortTime: timeKey(cell(deals, r, 'date')),
            row: sheetRow,
            id: get('id'),
            date: get('date'),
            product: get('product'),
            amount: typeof amount === 'number' ? amount : text(amount),
            currency: get('currency'),
            paymentMethod: get('paymentMethod'),
            status: get('status'),
            rep: get('rep'),
            notes: get('notes'),
          };
        }),
      )
    : [];

  const strip = <T extends { sortTime: number }>({ sortTime: _sortTime, ...rest }: T) => rest;
  return {
    row: customers.firstRow + customerRowIndex,
    details,
    followUps: followUpItems.map(strip),
    deals: dealItems.map(strip),
  };
}

/**
 * Which customer a selected row points at: on Customers, that row; on Deals or Follow-ups, the row's customerId.
 * @returns the customer id, or null when the row is blank or outside the data.
 */
export function customerIdFromRow(
  table: Table<string>,
  sheetRow: number,
  idKey: 'id' | 'customerId',
): string | null {
  const index = sheetRow - table.firstRow;
  if (index < 0 || index >= table.rows.length) return null;
  const row = table.rows[index];
  if (isBlankRow(row)) return null;
  const id = text(cell(table, row, idKey));
  return id === '' ? null : id;
}
