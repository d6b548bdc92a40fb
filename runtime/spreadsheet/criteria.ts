/** Converting criteria values between what scripts pass (Date, Range) and what the store keeps. */
import { isDateLike } from './dates';
import type { SpreadsheetContext } from './context';
import type { StoredCriteriaValue } from './types';

interface RangeLike {
  getGridId(): number;
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
}

function isRangeLike(value: unknown): value is RangeLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RangeLike).getGridId === 'function' &&
    typeof (value as RangeLike).getNumRows === 'function'
  );
}

export function storeCriteriaValue(value: unknown): StoredCriteriaValue {
  if (value === null || value === undefined) return null;
  if (isDateLike(value)) return { date: value.getTime() };
  if (isRangeLike(value)) {
    return {
      sheetId: value.getGridId(),
      rect: {
        row: value.getRow(),
        column: value.getColumn(),
        numRows: value.getNumRows(),
        numColumns: value.getNumColumns(),
      },
    };
  }
  if (Array.isArray(value)) return value.map((v) => String(v));
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

export function loadCriteriaValue(ctx: SpreadsheetContext, value: StoredCriteriaValue): unknown {
  if (value === null) return null;
  if (Array.isArray(value)) return [...value];
  if (typeof value === 'object') {
    if ('date' in value) return ctx.makeDate(value.date);
    return ctx.range(value.sheetId, value.rect);
  }
  return value;
}
