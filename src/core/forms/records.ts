/**
 * A validated form record as sheet cells: list codes back to the label of the workbook's language (CONTRACTS:
 * the sheet stores labels), dates and times as instants of the spreadsheet's zone (through `toDate`), typed text
 * guarded against formula injection, phones in their one stored form. Pure; the server passes the zone-aware date conversion.
 */
import { listLabel, isListKey } from '../../../templates/lists';
import { NUMBER_FORMATS, columnSpec, type SheetKey } from '../../../templates/workbook';
import type { InputField } from '../validation';
import type { Locale } from '../i18n';
import { asSheetText } from './errors';
import { formatPhone } from '../validation/phone';

export function toSheetRecord(
  sheet: SheetKey,
  fields: ReadonlyMap<string, InputField>,
  data: Record<string, unknown>,
  language: Locale,
  toDate: (local: string) => Date,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const field = fields.get(key);
    if (!field) continue;
    if (value === '' || value === null || value === undefined) {
      out[key] = field.type === 'checkbox' ? false : '';
      continue;
    }
    switch (field.type) {
      case 'list': {
        const text = String(value);
        out[key] =
          field.list && isListKey(field.list) ? (listLabel(field.list, text, language) ?? text) : text;
        break;
      }
      case 'date':
      case 'datetime':
        out[key] = typeof value === 'string' ? toDate(value) : value;
        break;
      case 'phone':
        // One stored form (+86 138 0013 8000) whichever way it was typed; the phone column is text ('@').
        out[key] = formatPhone(value);
        break;
      case 'text':
      case 'email':
      case 'url':
        // A plain-text column (the template formats phone and id columns '@') stores what is written as is: an
        // apostrophe there would become part of the text. Elsewhere it keeps "=…" from becoming a formula.
        out[key] =
          typeof value === 'string' && columnSpec(sheet, key)?.numberFormat !== NUMBER_FORMATS.text
            ? asSheetText(value)
            : value;
        break;
      default:
        out[key] = value;
    }
  }
  return out;
}
