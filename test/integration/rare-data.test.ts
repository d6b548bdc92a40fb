/**
 * Issue 12: the data files of dist/ (sample-data.html, rare-data.html; scripts/build.ts) are read only by the rare
 * operations that need them. Proof: a copy of the build without them still runs the everyday operations (menu,
 * sidebars' start-up and saves, custom functions, dashboard, tiers, checks, assignment preview) on the sample
 * workbook, while Set up workbook, Load sample data and the reminder e-mails stop with HtmlService's error for the
 * missing file; with them, each file costs its operation one HtmlService read (two counted calls).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalRuntime } from '../../runtime';
import { WorkbookStore } from '../../runtime/spreadsheet/store';
import { sampleWorkbookRuntime } from '../support/built-workbooks';

const distDir = path.resolve(process.env.SALESDESK_DIST ?? path.join(__dirname, '../../dist'));
const NOW = '2026-03-16T02:00:00Z';
const OWNER = 'owner@example.com';
const BOSS = { user: OWNER, locale: 'en' };
const REP = { user: 'zhang.wei@example.com', locale: 'zh-CN' };
const DATA_FILES = ['sample-data.html', 'rare-data.html'];

/** dist/ without its data files. */
function buildWithoutDataFiles(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-nodata-'));
  for (const file of fs.readdirSync(distDir))
    if (!DATA_FILES.includes(file) && fs.statSync(path.join(distDir, file)).isFile())
      fs.copyFileSync(path.join(distDir, file), path.join(dir, file));
  return dir;
}

describe('the data files of the build', () => {
  let sample: LocalRuntime;
  let withoutData: LocalRuntime;

  beforeAll(async () => {
    sample = await sampleWorkbookRuntime({ now: NOW, owner: OWNER });
    withoutData = await LocalRuntime.create({
      bundleDir: buildWithoutDataFiles(),
      workbook: WorkbookStore.fromJSON(JSON.parse(JSON.stringify(sample.workbook.toJSON()))),
      documentState: sample.documentState() as never,
      now: NOW,
      owner: OWNER,
    });
  });

  it('are listed in manifest.json and are no sidebars', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'manifest.json'), 'utf8')) as {
      ui: string[];
      data: string[];
    };
    expect(manifest.data.map((name) => `${name}.html`).sort()).toEqual([...DATA_FILES].sort());
    for (const name of manifest.data) expect(manifest.ui).not.toContain(name);
  });

  it.each([
    ['onOpen', [], BOSS],
    ['apiBootstrap', [], REP],
    ['menuNewCustomer', [], REP],
    ['apiListCustomers', [], REP],
    ['apiMyFollowUps', [], REP],
    ['menuRefreshDashboard', [], BOSS],
    ['menuRefreshTiers', [], BOSS],
    ['apiValidateWorkbook', [], BOSS],
    ['apiPreviewAssignment', [], BOSS],
    ['SALESDESK_IS_EMAIL', [[['lin@harbour.example'], ['nope']]], BOSS],
    ['SALESDESK_NORMALIZE_PHONE', [[['13900001111']]], BOSS],
  ] as const)('%s runs without them', (fn, args, who) => {
    const result = withoutData.execute(fn, [...args], who);
    expect(result.error?.message).toBeUndefined();
  });

  it('saving a customer from the form runs without them', () => {
    const saved = withoutData.call<{ status: string; id?: string }>(
      'apiSaveCustomer',
      { customer: { company: 'Harbour Tea', contact: 'Lin Qing', phone: '+86 139 0000 1111' } },
      REP,
    );
    expect(saved.status).toBe('saved');
    expect(saved.id).toMatch(/^C-/);
  });

  it('set-up, Load sample data and the reminder e-mails read them (and fail without them)', async () => {
    const missing = /No HTML file named (rare-data|sample-data) was found/;
    expect(withoutData.execute('menuSetupWorkbook', [], BOSS).error?.message).toMatch(missing);
    expect(withoutData.execute('apiPreviewReminders', [], BOSS).error?.message).toMatch(missing);
    const empty = await LocalRuntime.create({ bundleDir: buildWithoutDataFiles(), now: NOW, owner: OWNER });
    expect(empty.execute('menuLoadSampleData', [], BOSS).error?.message).toMatch(missing);
  });

  it('each costs its operation one read: Load sample data reads both, once each', async () => {
    const rt = await LocalRuntime.create({ bundleDir: distDir, now: NOW, owner: OWNER });
    expect(rt.execute('menuSetupWorkbook', [], BOSS).error).toBeUndefined();
    const loaded = rt.execute('menuLoadSampleData', [], BOSS);
    expect(loaded.error).toBeUndefined();
    expect(loaded.calls['HtmlService.createHtmlOutputFromFile']).toBe(2);
    expect(loaded.calls['HtmlOutput.getContent']).toBe(2);
  });
});
