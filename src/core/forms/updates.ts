/**
 * What a saved follow-up changes on its customer row (a deal's totals and tier come from src/core/tiering). Pure, on yyyy-MM-dd strings in the spreadsheet's
 * time zone (the server formats and parses the Date cells).
 */

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
