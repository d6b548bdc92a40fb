/**
 * Which rows a sheet's filter shows, decided in TS from the filter's criteria (read once per column), because
 * asking Sheets row by row (`isRowHiddenByFilter`) would be one call per row. Covers what people set in the
 * filter menu: hidden / visible values and the common conditions; an unsupported condition keeps the row
 * (an export with a row too many beats one with a row missing).
 */

export interface ColumnCriteria {
  /** 0-based column within the filter range. */
  column: number;
  hiddenValues?: readonly string[] | null;
  visibleValues?: readonly string[] | null;
  /** SpreadsheetApp.BooleanCriteria name, e.g. 'TEXT_CONTAINS', 'NUMBER_GREATER_THAN'. */
  criteriaType?: string | null;
  criteriaValues?: readonly unknown[] | null;
}

function asText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return String(value ?? '');
}

function asNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  const parsed = Number(String(value ?? '').trim());
  return String(value ?? '').trim() === '' ? Number.NaN : parsed;
}

function conditionHolds(type: string, cellValue: unknown, args: readonly unknown[]): boolean {
  const text = asText(cellValue).toLowerCase();
  const arg = asText(args[0]).toLowerCase();
  const n = asNumber(cellValue);
  const a = asNumber(args[0]);
  const b = asNumber(args[1]);
  switch (type) {
    case 'CELL_EMPTY':
      return text === '';
    case 'CELL_NOT_EMPTY':
      return text !== '';
    case 'TEXT_CONTAINS':
      return text.includes(arg);
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(arg);
    case 'TEXT_EQUAL_TO':
      return text === arg;
    case 'TEXT_NOT_EQUAL_TO':
      return text !== arg;
    case 'TEXT_STARTS_WITH':
      return text.startsWith(arg);
    case 'TEXT_ENDS_WITH':
      return text.endsWith(arg);
    case 'NUMBER_EQUAL_TO':
      return n === a;
    case 'NUMBER_NOT_EQUAL_TO':
      return n !== a;
    case 'NUMBER_GREATER_THAN':
      return n > a;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n >= a;
    case 'NUMBER_LESS_THAN':
      return n < a;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n <= a;
    case 'NUMBER_BETWEEN':
      return n >= Math.min(a, b) && n <= Math.max(a, b);
    case 'NUMBER_NOT_BETWEEN':
      return n < Math.min(a, b) || n > Math.max(a, b);
    default:
      return true;
  }
}

/** The displayed text Sheets compares hidden values with; for plain values their text form is the best guess. */
export function rowVisible(
  row: readonly unknown[],
  criteria: readonly ColumnCriteria[],
  display?: readonly string[],
): boolean {
  for (const criterion of criteria) {
    const value = row[criterion.column];
    const shown = display ? (display[criterion.column] ?? '') : asText(value);
    if (criterion.hiddenValues && criterion.hiddenValues.length > 0 && criterion.hiddenValues.includes(shown))
      return false;
    if (
      criterion.visibleValues &&
      criterion.visibleValues.length > 0 &&
      !criterion.visibleValues.includes(shown)
    )
      return false;
    if (
      criterion.criteriaType &&
      !conditionHolds(criterion.criteriaType, value, criterion.criteriaValues ?? [])
    )
      return false;
  }
  return true;
}
