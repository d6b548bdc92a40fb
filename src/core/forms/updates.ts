/**
 * What a saved follow-up or deal changes on its customer row. Pure, on yyyy-MM-dd strings in the spreadsheet's
 * time zone (the server formats and parses the Date cells).
 */
import { cell, isBlankRow, type Table } from '../table';
import { text, type DateFormatter, utcDate } from './customers';

/**
 * After a follow-up on `contactDay` with optional `nextDate`:
 *  - last contact becomes the follow-up's day, unless a later contact is already recorded (back-dated entry);
 *  - next follow-up becomes `nextDate` when given; otherwise a next follow-up due on or before this contact is
 *    done and cleared, and a later one (planned separately) is kept.
 * @returns the new lastContact and nextFollowUp (yyyy-MM-dd or '').
 */
export function followUpCustomerUpdate(
  current: { lastContact: string; nextFollowUp: string },
  contactDay: string,
  nextDate: string,
): { lastContact: string; nextFollowUp: string } {
  const lastContact = current.lastContact > contactDay ? current.lastContact : contactDay;
  let nextFollowUp = current.nextFollowUp;
  if (nextDate !== '') nextFollowUp = nextDate;
  else if (nextFollowUp !== '' && nextFollowUp <= contactDay) nextFollowUp = '';
  return { lastContact, nextFollowUp };
}

export interface CustomerTotals {
  totalPurchases: number;
  orderCount: number;
  /** yyyy-MM-dd, '' without purchases. */
  firstPurchase: string;
  lastPurchase: string;
}

/**
 * Purchase totals of one customer over the Deals table: won deals only (quotes, pending and lost deals are not
 * purchases); amounts summed as written.
 * @param isWon whether a status cell (label of either language) means the deal was won.
 */
export function customerTotals(
  deals: Table<string>,
  customerId: string,
  isWon: (status: unknown) => boolean,
  formatDate: DateFormatter = utcDate,
): CustomerTotals {
  const wanted = customerId.trim().toLowerCase();
  let totalPurchases = 0;
  let orderCount = 0;
  let firstPurchase = '';
  let lastPurchase = '';
  for (const row of deals.rows) {
    if (isBlankRow(row)) continue;
    if (text(cell(deals, row, 'customerId')).toLowerCase() !== wanted) continue;
    if (!isWon(cell(deals, row, 'status'))) continue;
    const amount = Number(cell(deals, row, 'amount'));
    if (Number.isFinite(amount)) totalPurchases += amount;
    orderCount++;
    const day = text(cell(deals, row, 'date'), formatDate);
    if (day !== '') {
      if (firstPurchase === '' || day < firstPurchase) firstPurchase = day;
      if (lastPurchase === '' || day > lastPurchase) lastPurchase = day;
    }
  }
  // Sums of decimal amounts drift (0.1 + 0.2); money is kept to the cent.
  return { totalPurchases: Math.round(totalPurchases * 100) / 100, orderCount, firstPurchase, lastPurchase };
}
