/**
 * Workbooks for the Merge duplicates tests: set up and filled with the sample data through the built bundle (as a
 * team would), then duplicates typed in by hand — a transitive group (A ~ B by a full-width, upper-case e-mail,
 * B ~ C by a phone written in full-width digits) and a company + contact pair differing only in case and width —
 * with deals and follow-ups of the duplicates.
 */
import type { LocalRuntime } from '../../../runtime';
import { sampleWorkbookRuntime } from '../../support/built-workbooks';
import { SHEETS, type SheetKey } from '../../../templates';

export type Row = Record<string, unknown>;
export type Language = 'en' | 'zh-CN';

export const OWNER = 'owner@example.com';
export const SAMPLE_MANAGER = 'wang.fang@example.com';
export const NEW_MANAGER = 'new.boss@example.com';
export const NOW = '2026-11-23T10:00:00+08:00';
/** Shanghai midnight of a day, as a date cell holds it. */
export const day = (iso: string): Date => new Date(`${iso}T00:00:00+08:00`);

export function sheetName(key: SheetKey, language: Language): string {
  return SHEETS[key].names[language];
}

/** A sheet as records keyed by template column key (blank rows dropped). */
export function records(rt: LocalRuntime, key: SheetKey, language: Language): Row[] {
  const values = rt.workbook.sheetValues(sheetName(key, language));
  const header = values[0] ?? [];
  const keys = header.map(
    (text) => SHEETS[key].columns.find((c) => c.headers[language] === text)?.key ?? String(text),
  );
  return values
    .slice(1)
    .filter((row) => row.some((v) => v !== '' && v !== null))
    .map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i]])));
}

/** Appends rows below the last filled row of a sheet, as a person typing them (no script). */
export function appendRecords(rt: LocalRuntime, key: SheetKey, language: Language, rows: Row[]): void {
  const name = sheetName(key, language);
  const sheet = rt.workbook.requireSheet(name);
  const header = rt.workbook.sheetValues(name)[0];
  const keys = header.map((text) => SHEETS[key].columns.find((c) => c.headers[language] === text)?.key ?? '');
  const values = rows.map((row) => keys.map((k) => (k ? (row[k] ?? '') : '')));
  const first = rt.workbook.sheetValues(name).filter((r) => r.some((v) => v !== '' && v !== null)).length + 1;
  rt.workbook.writeValues(
    sheet,
    { row: first, column: 1, numRows: values.length, numColumns: keys.length },
    values,
  );
}

/** Full-width form of ASCII text (what an IME in full-width mode types). */
export function fullWidth(text: string): string {
  return text
    .replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))
    .replace(/ /g, '\u3000');
}

/**
 * The sample workbook, set up and filled by the owner in `language` (built once per bundle, see built-workbooks);
 * with `keepCustomers`, only that many customers and what refers to them.
 */
export function sampleRuntime(language: Language, keepCustomers?: number): Promise<LocalRuntime> {
  return sampleWorkbookRuntime({
    locale: language,
    now: NOW,
    owner: OWNER,
    ...(keepCustomers === undefined ? {} : { keepCustomers }),
  });
}

export interface Planted {
  /** The transitive group: original, e-mail twin, phone twin of the e-mail twin. */
  original: Row;
  emailTwin: string;
  phoneTwin: string;
  /** The company + contact pair. */
  nameOriginal: Row;
  nameTwin: string;
}

/**
 * Types in the duplicates and their deals and follow-ups. IDs C-0901… are above the sample's.
 */
export function plantDuplicates(rt: LocalRuntime, language: Language): Planted {
  const customers = records(rt, 'customers', language);
  const original = customers[0];
  const nameOriginal =
    customers.find((c) => /[\u4e00-\u9fff]/.test(String(c.company)) && c !== original) ?? customers[1];
  const rep = String(customers.find((c) => c.owner && c.owner !== original.owner)?.owner ?? '');
  appendRecords(rt, 'customers', language, [
    {
      id: 'C-0901',
      company: 'Summit Props',
      contact: 'A. Johnson',
      email: fullWidth(String(original.email).toUpperCase()),
      phone: '+86 138 0013 8000',
      notes: 'Met at the Shanghai fair',
      owner: rep,
      created: day('2026-11-01'),
    },
    {
      id: 'C-0902',
      company: 'Another name',
      contact: 'Someone',
      phone: fullWidth('13800138000'),
      address: '1 New Road',
      created: day('2026-11-10'),
    },
    {
      id: 'C-0903',
      company: ` ${fullWidth(String(nameOriginal.company))} `,
      contact: String(nameOriginal.contact).toUpperCase(),
      position: 'Buyer',
      created: day('2026-11-15'),
    },
  ]);
  appendRecords(rt, 'deals', language, [
    {
      id: 'D-0901',
      customerId: 'C-0901',
      date: day('2026-11-05'),
      amount: 1000,
      currency: 'CNY',
      status: language === 'en' ? 'Won' : '已成交',
    },
    {
      id: 'D-0902',
      customerId: 'C-0903',
      date: day('2026-11-16'),
      amount: 500,
      currency: 'CNY',
      status: language === 'en' ? 'Won' : '已成交',
    },
  ]);
  appendRecords(rt, 'followups', language, [
    { id: 'F-0901', customerId: 'C-0902', time: day('2026-11-11'), content: 'Called' },
    { id: 'F-0902', customerId: 'c-0901', time: day('2026-11-12'), content: 'Visited' },
  ]);
  return { original, emailTwin: 'C-0901', phoneTwin: 'C-0902', nameOriginal, nameTwin: 'C-0903' };
}

/**
 * Every cell of the sheets a merge may change (not the log, not the state sheet), as stored: literal or formula
 * text (a date is its serial number), so two snapshots are equal exactly when every cell is.
 */
export function dataSnapshot(rt: LocalRuntime, language: Language): string {
  return JSON.stringify(
    (['customers', 'deals', 'followups'] as const).map((key) => {
      const sheet = rt.workbook.requireSheet(sheetName(key, language));
      const rows = rt.workbook.lastRow(sheet);
      const columns = rt.workbook.lastColumn(sheet);
      if (rows === 0 || columns === 0) return [];
      return rt.workbook
        .readCells(sheet, { row: 1, column: 1, numRows: rows, numColumns: columns })
        .map((row) => row.map((cell) => cell.formula ?? cell.literal));
    }),
  );
}
