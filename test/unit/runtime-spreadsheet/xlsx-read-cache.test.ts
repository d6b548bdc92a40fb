/**
 * The read cache of runtime-saved .xlsx files (loadWorkbookXlsxDocument): a file whose metadata names its time
 * zone, locale, owner and name is parsed once whatever the load options (they only stand in for missing
 * metadata), and what a read returns is the same either way.
 */
import ExcelJS from 'exceljs';
import { loadWorkbookXlsxDocument, WorkbookStore, workbookXlsxBuffer } from '../../../runtime/spreadsheet';

function xlsxLoads(): jest.SpyInstance {
  const XLSX = Object.getPrototypeOf(new ExcelJS.Workbook().xlsx) as {
    load: (...args: unknown[]) => unknown;
  };
  return jest.spyOn(XLSX, 'load');
}

async function savedBook(owner: string): Promise<Buffer> {
  const store = WorkbookStore.empty({
    name: 'Book ' + owner,
    owner,
    timeZone: 'Asia/Shanghai',
    locale: 'de_DE',
  });
  const sheet = store.sheets()[0];
  store.writeValues(sheet, { row: 1, column: 1, numRows: 2, numColumns: 2 }, [
    ['a', 1],
    ['=B1*2', new Date(Date.UTC(2026, 0, 2))],
  ]);
  return workbookXlsxBuffer(store);
}

afterEach(() => jest.restoreAllMocks());

test('a runtime-saved file is parsed once for any owner, locale or time zone asked for', async () => {
  const bytes = await savedBook('first@example.com');
  const loads = xlsxLoads();
  const a = await loadWorkbookXlsxDocument(bytes, { owner: 'someone@example.com' });
  const b = await loadWorkbookXlsxDocument(bytes, { timeZone: 'Etc/UTC', locale: 'en_US', name: 'Other' });
  const c = await loadWorkbookXlsxDocument(bytes);
  expect(loads).toHaveBeenCalledTimes(1);
  for (const doc of [a, b, c]) {
    expect(doc.store.data.owner).toBe('first@example.com');
    expect(doc.store.data.timeZone).toBe('Asia/Shanghai');
    expect(doc.store.data.locale).toBe('de_DE');
    expect(doc.store.data.name).toBe('Book first@example.com');
    expect(doc.store.sheetValues(doc.store.sheets()[0].name)).toEqual(
      a.store.sheetValues(a.store.sheets()[0].name),
    );
  }
  // Each read is its own copy.
  expect(b.store).not.toBe(a.store);
  b.store.writeValues(b.store.sheets()[0], { row: 1, column: 1, numRows: 1, numColumns: 1 }, [['changed']]);
  const d = await loadWorkbookXlsxDocument(bytes);
  expect(d.store.sheetValues(d.store.sheets()[0].name)[0][0]).toBe('a');
});

test('a file made elsewhere (no metadata) is read afresh with each set of options', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Data').getCell('A1').value = 'x';
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const loads = xlsxLoads();
  const a = await loadWorkbookXlsxDocument(bytes, { owner: 'a@example.com', timeZone: 'Asia/Tokyo' });
  const b = await loadWorkbookXlsxDocument(bytes, { owner: 'b@example.com', timeZone: 'Europe/Paris' });
  expect(loads).toHaveBeenCalledTimes(2);
  expect([a.store.data.owner, a.store.data.timeZone]).toEqual(['a@example.com', 'Asia/Tokyo']);
  expect([b.store.data.owner, b.store.data.timeZone]).toEqual(['b@example.com', 'Europe/Paris']);
});
