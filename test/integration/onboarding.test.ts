/**
 * The first ten minutes through the built bundle (dist/Code.js) in the local runtime: before set-up the menu offers
 * Set up workbook first and Help, forms refuse to open with the way forward (Extensions → SalesDesk → …), Help opens
 * on a bare spreadsheet, set-up brings the full menu at once, and My follow-ups tells someone not in Reps so.
 */
import * as path from 'node:path';
import { LocalRuntime } from '../../runtime';

const distDir = process.env.SALESDESK_DIST ?? path.resolve(__dirname, '../../dist');
const NOW = new Date('2026-03-16T02:00:00Z');
const OWNER = 'owner@example.com';
const EN = { user: OWNER, locale: 'en' };
const ZH = { user: OWNER, locale: 'zh-CN' };

const bare = () =>
  LocalRuntime.create({ bundleDir: distDir, now: NOW, owner: OWNER, addOnName: 'SalesDesk' });

function menuCaptions(rt: LocalRuntime): { caption: string; functionName: string }[] {
  const menu = rt.ui.menu('SalesDesk');
  if (!menu) throw new Error('no SalesDesk menu');
  return rt.ui.menuItems(menu);
}

/** Every menu handler that opens a sidebar which needs the workbook's sheets. */
const NEEDS_SETUP = [
  'menuNewCustomer',
  'menuLogFollowUp',
  'menuLogDeal',
  'menuLogService',
  'menuCustomerCard',
  'menuMyFollowUps',
  'menuImportCsv',
  'menuAssignLeads',
];

describe('before set-up', () => {
  it('shows Set up workbook first, then Load sample data and Help, in the user language', async () => {
    const rt = await bare();
    expect(rt.execute('onOpen', [], EN).error).toBeUndefined();
    expect(menuCaptions(rt)).toEqual([
      { caption: 'Set up workbook', functionName: 'menuSetupWorkbook' },
      { caption: 'Load sample data', functionName: 'menuLoadSampleData' },
      { caption: 'Help', functionName: 'menuHelp' },
    ]);
    rt.execute('onOpen', [], ZH);
    expect(menuCaptions(rt).map((item) => item.caption)).toEqual(['初始化工作簿', '载入示例数据', '帮助']);
  });

  it.each([
    ['en', EN, 'Extensions → SalesDesk → Set up workbook'],
    ['zh-CN', ZH, '扩展程序 → SalesDesk → 初始化工作簿'],
  ])('refuses to open a form and says where set-up is (%s)', async (_name, who, path) => {
    const rt = await bare();
    for (const handler of NEEDS_SETUP) {
      const result = rt.execute(handler, [], who);
      expect(result.error).toBeUndefined();
      const alert = rt.ui.alerts[rt.ui.alerts.length - 1];
      expect(alert.prompt).toContain(path);
    }
    expect(rt.ui.alerts).toHaveLength(NEEDS_SETUP.length);
    expect(rt.ui.sidebars).toEqual([]);
  });

  it('opens Help on a bare spreadsheet, and its start-up call works there', async () => {
    const rt = await bare();
    expect(rt.execute('menuHelp', [], ZH).error).toBeUndefined();
    expect(rt.ui.sidebars.map((s) => s.title)).toEqual(['SalesDesk 帮助']);
    expect(rt.ui.sidebars[0].html).toContain('<div id="app"></div>');
    const boot = rt.execute('apiBootstrap', [], EN);
    expect(boot.error).toBeUndefined();
    expect((boot.value as { locale: string }).locale).toBe('en');
  });

  it('turns into the full menu as soon as set-up has run, Help last', async () => {
    const rt = await bare();
    rt.execute('onOpen', [], EN);
    expect(rt.execute('menuSetupWorkbook', [], EN).error).toBeUndefined();
    const items = menuCaptions(rt);
    expect(items.map((item) => item.functionName)).toEqual(
      expect.arrayContaining(['menuNewCustomer', 'menuAssignLeads', 'menuSetupWorkbook']),
    );
    expect(items[items.length - 1]).toEqual({ caption: 'Help', functionName: 'menuHelp' });
    // A later open of the same spreadsheet shows the full menu too (the sheets are there now).
    rt.execute('onOpen', [], EN);
    expect(menuCaptions(rt)).toEqual(items);
    expect(rt.execute('menuNewCustomer', [], EN).error).toBeUndefined();
    expect(rt.ui.sidebars.map((s) => s.title)).toEqual(['New customer']);
  });
});

describe('My follow-ups for someone not in Reps', () => {
  type Fu = { inReps: boolean; rep: string; items: unknown[]; isManager: boolean };
  it('says so instead of "Nothing due", for them and for a manager who is not a rep', async () => {
    const rt = await bare();
    expect(rt.execute('menuLoadSampleData', [], EN).error).toBeUndefined();
    const stranger = rt.call<Fu>('apiMyFollowUps', undefined, { user: 'visitor@example.com', locale: 'en' });
    expect(stranger).toMatchObject({
      inReps: false,
      rep: 'visitor@example.com',
      items: [],
      isManager: false,
    });
    // The owner manages but is not listed in the sample's Reps.
    const owner = rt.call<Fu>('apiMyFollowUps', undefined, EN);
    expect(owner).toMatchObject({ inReps: false, isManager: true });
    const reps = rt.workbook
      .sheetValues('Reps')
      .slice(1)
      .map((row) => row.find((value) => typeof value === 'string' && value.includes('@')) as string);
    const rep = rt.call<Fu>('apiMyFollowUps', undefined, { user: reps[1], locale: 'en' });
    expect(rep.inReps).toBe(true);
  });
});
