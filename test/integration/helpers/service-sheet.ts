/**
 * A Service sheet (templates/service.ts) of `rows` deterministic records added to a workbook made by
 * sales-workbook.ts, for the after-sales tests and the bench: ratings 1–5 and blanks, a third of the records open,
 * one type in four a complaint, times spread over the last 300 days, customers C-00001… of that workbook.
 */
import type { WorkbookStore } from '../../../runtime/spreadsheet/store';
import { SHEETS } from '../../../templates';

const DAY = 86_400_000;
const TYPES = ['Installation', 'Visit', 'Complaint', 'Repair', 'Training'];

export function addServiceSheet(store: WorkbookStore, rows: number, customers: number, now: Date): void {
  const columns = SHEETS.service.columns.map((column) => column.key);
  const reps = ['ann@example.com', 'bob@example.com', 'cui@example.com', 'eve@example.com', ''];
  const values: unknown[][] = [SHEETS.service.columns.map((column) => column.headers.en)];
  for (let i = 0; i < rows; i++) {
    const record: Record<string, unknown> = {
      id: `S-${String(i + 1).padStart(6, '0')}`,
      customerId: `C-${String((i % customers) + 1).padStart(5, '0')}`,
      time: new Date(now.getTime() - (i % 300) * DAY - (i % 7) * 3_600_000),
      type: TYPES[i % TYPES.length],
      content: `Service ${i + 1}`,
      result: i % 3 === 0 ? '' : 'Done',
      satisfaction: i % 6 === 5 ? '' : (i % 5) + 1,
      nextPlan: i % 4 === 0 ? 'Call back' : '',
      nextDate: i % 4 === 0 ? new Date(now.getTime() + ((i % 20) - 10) * DAY) : '',
      rep: reps[i % reps.length],
      closed: i % 3 !== 0,
    };
    values.push(columns.map((key) => record[key] ?? ''));
  }
  const sheet = store.insertSheet(SHEETS.service.names.en, undefined, values.length + 10, 26);
  store.writeValues(sheet, { row: 1, column: 1, numRows: values.length, numColumns: columns.length }, values);
}
