/**
 * Form intake: a Google Form writes each submission into its own responses sheet; SalesDesk copies the answers
 * into a new Customers row (questions matched to columns by header text, either language) and assigns it.
 */
import { normaliseHeader, type ColumnHeaders } from '../table';

/** Question titles that are the form's own bookkeeping, not customer data. */
const FORM_COLUMNS = new Set(['timestamp', '时间戳', 'email address', '电子邮件地址']);

/** Columns a form must never set: SalesDesk fills them. */
const PROTECTED = new Set(['id', 'owner', 'reassign', 'created', 'tier', 'updatedBy', 'updatedAt']);

/**
 * The customer record of a form response.
 * @param namedValues the event's question title → answers
 * @returns column key → text, and the questions that match no column (kept out, reported in the log)
 */
export function customerFromResponse(
  namedValues: Record<string, readonly string[] | string> | undefined,
  specs: readonly ColumnHeaders<string>[],
): { record: Record<string, string>; unmatched: string[] } {
  const byHeader = new Map<string, string>();
  for (const spec of specs) {
    for (const header of spec.headers) {
      const text = normaliseHeader(header);
      if (!byHeader.has(text)) byHeader.set(text, spec.key);
    }
  }
  const record: Record<string, string> = {};
  const unmatched: string[] = [];
  for (const [question, answers] of Object.entries(namedValues ?? {})) {
    const title = normaliseHeader(question);
    if (FORM_COLUMNS.has(title)) continue;
    const key = byHeader.get(title);
    const answer = (Array.isArray(answers) ? answers.join(', ') : String(answers ?? '')).trim();
    if (!key || PROTECTED.has(key)) {
      if (answer !== '') unmatched.push(question);
      continue;
    }
    if (answer !== '') record[key] = answer;
  }
  return { record, unmatched };
}
