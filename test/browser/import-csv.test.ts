/**
 * The import sidebar in headless Debian chromium against the built bundle in the local runtime (preview server
 * bridge): paste CSV → preview (mapping, counts, bad line) → import; upload a GBK file and see it read as
 * Chinese; a binary file refused in the panel; zh-CN labels. Screenshots in test-output/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { type PreviewServer } from '../../dev/preview/server';
import type { LocalRuntime } from '../../runtime';
import {
  screenshotSidebar,
  openDemo,
  closeBrowserAndPreview,
  openSidebarPage,
  DIST_DIR,
} from '../support/browser';

let rt: LocalRuntime;
let preview: PreviewServer;
let browser: Browser;
const pageErrors: string[] = [];

async function open(locale: 'en' | 'zh-CN'): Promise<Page> {
  const user = rt.owner ?? 'owner@example.com';
  const page = await openSidebarPage(
    browser,
    preview,
    { name: 'import-csv', user, locale, height: 1400 },
    pageErrors,
  );
  await page.waitForLoadState('networkidle');
  return page;
}

const customerCount = () =>
  rt.workbook.sheetValues('Customers').filter((row) => row.some((v) => v !== '' && v !== null)).length;

beforeAll(async () => {
  ({ rt, preview, browser } = await openDemo(DIST_DIR));
}, 120_000);

afterAll(() => closeBrowserAndPreview(browser, preview));

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

test('paste, preview the mapping and a bad line, then import the good rows', async () => {
  const page = await open('en');
  const csv = [
    '公司,联系人,Phone,E-mail,Whatever',
    'Pasted Co 1,Paste One,+86 138 7000 0001,one@paste.cn,x',
    'Pasted Co 2,,+86 138 7000 0002,two@paste.cn,y',
    'Pasted Co 3,Paste Three,+86 138 7000 0003,three@paste.cn,z',
  ].join('\n');
  await page.fill('#csv-text', csv);
  await page.click('#preview');
  await page.waitForSelector('#summary');
  const mapping = await page.$$eval('#mapping tbody tr', (rows) => rows.map((row) => row.textContent ?? ''));
  expect(mapping[0]).toContain('Company');
  expect(mapping[4]).toContain('ignored');
  expect(await page.textContent('#summary')).toContain(
    '3 rows: 2 new, 0 match existing customers, 1 with problems',
  );
  expect(await page.textContent('#problems')).toContain('Line 3');
  await screenshotSidebar(page, 'import-csv-preview-en');

  const before = customerCount();
  await page.click('#import');
  await page.waitForSelector('[data-testid=message-warning]');
  expect(await page.textContent('[data-testid=message-warning]')).toContain('Imported 2 new customers');
  expect(customerCount()).toBe(before + 2);
  await page.close();
});

test('a GBK file is read as Chinese; an .xlsx is refused in the panel (zh-CN)', async () => {
  const page = await open('zh-CN');
  const gbk = Buffer.concat([
    Buffer.from(new TextEncoder().encode('Company,Contact person,Phone\r\n')),
    Buffer.from([0xbb, 0xaa, 0xce, 0xaa, 0x2c, 0xd5, 0xc5, 0xc8, 0xfd]), // 华为,张三
    Buffer.from(',+86 138 7000 0009\r\n'),
  ]);
  await page.setInputFiles('#csv-file', { name: 'gbk.csv', mimeType: 'text/csv', buffer: gbk });
  await page.waitForSelector('#summary');
  expect(await page.inputValue('#csv-text')).toContain('华为,张三');
  expect(await page.textContent('main')).toContain('GBK');
  expect(await page.textContent('#summary')).toContain('新客户 1 行');
  await screenshotSidebar(page, 'import-csv-gbk-zh-CN');

  await page.setInputFiles('#csv-file', {
    name: 'book.xlsx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]),
  });
  await page.waitForSelector('[data-testid=message-error]');
  expect(await page.textContent('[data-testid=message-error]')).toContain('这不是 CSV 文件');
  await page.close();
});
