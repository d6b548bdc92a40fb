/**
 * The one cell-value vocabulary: what a typed cell means, the same for assignment, reminders, checks, forms,
 * import and Settings. A checkbox may hold TRUE or text a person typed in either language (yes, on, 是, 真, ✓);
 * an amount may carry a currency sign, thousands separators or full-width digits (¥1,200, 1 200, ＄3,000.50, 1200元);
 * an e-mail cell holds exactly one address (a list is refused everywhere: mail must never go to a second address).
 */

/** Texts read as TRUE (compared lower-case, after NFKC so full-width letters count). */
export const TRUE_WORDS: ReadonlySet<string> = new Set([
  'true',
  'yes',
  'y',
  '1',
  'x',
  'on',
  '✓',
  '✔',
  '√',
  '是',
  '对',
  '真',
  '开',
  '开启',
  '完成',
  '已完成',
]);

/** Texts read as FALSE. */
export const FALSE_WORDS: ReadonlySet<string> = new Set([
  'false',
  'no',
  'n',
  '0',
  'off',
  '否',
  '不',
  '假',
  '关',
  '关闭',
]);

function normalised(value: unknown): string {
  return String(value ?? '')
    .normalize('NFKC')
    .trim()
    .toLowerCase();
}

/**
 * A yes/no cell: true, false, or null when blank or not a yes/no word (the caller picks the default or reports).
 * Numbers: 0 is false, any other number true.
 */
export function cellBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value !== 0 : null;
  const text = normalised(value);
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  return null;
}

/** A checkbox cell is ticked: TRUE or a yes word; blank and anything else is not. */
export function isTicked(value: unknown): boolean {
  return cellBoolean(value) === true;
}

/** Currency signs and unit words an amount may carry, with the thousands separators and spaces to drop. */
const AMOUNT_NOISE = /[\s,，'_¥￥$€£]|元|人民币|rmb|cny/gi;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * A number or amount cell: numbers as they are; text such as "¥1,200", "1 200", "＄3,000.50" or "1200元" read as
 * the number; null when blank or not a number.
 */
export function cellAmount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.normalize('NFKC').replace(AMOUNT_NOISE, '');
  if (!NUMBER.test(text)) return null;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : null;
}

const EMAIL = /^[^\s@,;，；、<>"]+@[^\s@,;，；、<>"]+\.[^\s@,;，；、<>"]+$/;

/** What an e-mail cell holds: one address, nothing, a list of several, or something that is not an address. */
export type CellEmail =
  | { kind: 'email'; email: string }
  | { kind: 'blank' }
  | { kind: 'list'; text: string }
  | { kind: 'invalid'; text: string };

/**
 * Reads an e-mail cell (lower-cased). A cell holding several addresses is a 'list', never its first address:
 * a Reps e-mail must name one person, or a digest or notice would also reach whoever else is in the cell.
 */
export function cellEmail(value: unknown): CellEmail {
  const text = String(value ?? '')
    .normalize('NFKC')
    .trim();
  if (text === '') return { kind: 'blank' };
  const lower = text.toLowerCase();
  if (EMAIL.test(lower)) return { kind: 'email', email: lower };
  if ((lower.match(/@/g) ?? []).length > 1) return { kind: 'list', text };
  return { kind: 'invalid', text };
}
