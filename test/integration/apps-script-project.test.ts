/**
 * `apps-script-local` runs a plain Apps Script project unmodified (test/fixtures/task-tracker: Config.gs, Code.gs,
 * Sidebar.html, appsscript.json, .clasp.json with a filePushOrder), not SalesDesk: files evaluated in clasp's push
 * order into one scope, a custom function computing in a formula, a templated HTML sidebar, properties and the
 * workbook carried from one run to the next.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalRuntime, loadProject } from '../../runtime';
import { main, SCRIPT_PROPERTIES_FILE } from '../../runtime/cli';

jest.setTimeout(180_000);

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'task-tracker');

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: (text) => void (out += `${text}\n`),
    stderr: (text) => void (err += `${text}\n`),
  });
  return { code, out, err };
}

/** A private copy of the fixture (the command writes the script properties file beside the project). */
function copyFixture(withClaspJson = true): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'task-tracker-'));
  for (const name of fs.readdirSync(FIXTURE)) {
    if (name === '.clasp.json' && !withClaspJson) continue;
    fs.copyFileSync(path.join(FIXTURE, name), path.join(dir, name));
  }
  return dir;
}

describe('a three-file Apps Script project through apps-script-local', () => {
  const project = copyFixture();
  const book = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'task-tracker-book-')), 'book.xlsx');

  it('reads the files in clasp push order (filePushOrder first, then by name)', () => {
    const loaded = loadProject(project);
    expect(loaded.scripts.map((script) => script.name)).toEqual(['Config', 'Code']);
    expect(Object.keys(loaded.html)).toEqual(['Sidebar']);
    expect(loaded.manifest.customFunctions).toEqual([{ name: 'COUNT_DONE', params: ['statuses'] }]);
    expect(loaded.appsscript?.timeZone).toBe('Europe/Berlin');
  });

  it('runs set-up on a new spreadsheet; the custom function computes in the saved workbook', async () => {
    const run = await cli([
      'run',
      project,
      'setUp',
      '--out',
      book,
      '--now',
      '2026-03-02T08:00:00Z',
      '--as',
      'ann@example.com',
      '--json',
    ]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ value: 1, saved: book });
    const rt = await LocalRuntime.fromXlsx(book, { projectDir: project });
    expect(rt.workbook.sheetValues('Tasks')[0]).toEqual(['Task', 'Status', '', 'Done', 1]);
    expect(rt.workbook.sheetFormulas('Tasks')[0][4]).toBe('=COUNT_DONE(B2:B4)');
    // The script's time zone comes from appsscript.json: 08:00 UTC is 09:00 in Berlin.
    expect(rt.properties.document.get('setUpAt')).toBe('2026-03-02 09:00');
  });

  it('shows the templated sidebar (escaped task names) and the menu', async () => {
    const sidebar = JSON.parse(
      (await cli(['run', project, 'showSidebar', '--in', book, '--as', 'ann@example.com', '--json'])).out,
    );
    expect(sidebar.sidebars).toHaveLength(1);
    expect(sidebar.sidebars[0].title).toBe('Open tasks');
    expect(sidebar.sidebars[0].html).toContain('Signed in as\n      ann@example.com');
    expect(sidebar.sidebars[0].html).toContain('Call &lt;Acme&gt; &amp; co');
    expect(sidebar.sidebars[0].html).toContain('completeTask(4)');
    expect(sidebar.sidebars[0].html).not.toContain('Write the plan');
    const menu = JSON.parse((await cli(['run', project, 'onOpen', '--in', book, '--json'])).out);
    expect(menu.menus).toEqual([
      {
        title: 'Task tracker',
        addon: false,
        items: [
          { kind: 'item', caption: 'Set up', functionName: 'setUp' },
          { kind: 'item', caption: 'Open tasks', functionName: 'showSidebar' },
        ],
      },
    ]);
  });

  it('carries the workbook and user properties from run to run', async () => {
    const first = await cli([
      'run',
      project,
      'completeTask',
      '--args',
      '[3]',
      '--in',
      book,
      '--out',
      book,
      '--as',
      'bob@example.com',
      '--json',
    ]);
    expect(JSON.parse(first.out).value).toEqual({ done: 2, byMe: 1 });
    const second = await cli([
      'run',
      project,
      'completeTask',
      '--args',
      '[4]',
      '--in',
      book,
      '--out',
      book,
      '--as',
      'bob@example.com',
      '--json',
    ]);
    expect(JSON.parse(second.out).value).toEqual({ done: 3, byMe: 2 });
    const other = await cli([
      'run',
      project,
      'completeTask',
      '--args',
      '[4]',
      '--in',
      book,
      '--as',
      'cy@example.com',
      '--json',
    ]);
    expect(JSON.parse(other.out).value).toEqual({ done: 3, byMe: 1 });
    expect(fs.existsSync(path.join(project, SCRIPT_PROPERTIES_FILE))).toBe(false);
  });

  it('fails clearly: unknown function, a script error (exit 1), a usage error (exit 2)', async () => {
    const unknown = await cli(['run', project, 'nope', '--in', book]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('has no top-level function nope');
    const thrown = await cli(['run', project, 'completeTask', '--in', book]);
    expect(thrown.code).toBe(1);
    expect(thrown.err).toMatch(/completeTask failed/);
    expect((await cli(['run', project, 'setUp', '--now', 'yesterday'])).code).toBe(2);
  });

  it('without .clasp.json the files go in name order and Code.gs cannot see CONFIG', async () => {
    const unordered = copyFixture(false);
    const run = await cli(['run', unordered, 'onOpen', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out).error).toBe('CONFIG is not defined');
  });

  it('is a command: npx apps-script-local run <project> <function>', () => {
    const bin = path.resolve(__dirname, '..', '..', 'bin', 'apps-script-local.js');
    const result = spawnSync(process.execPath, [bin, 'run', project, 'openTasks', '--in', book, '--json'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).value).toEqual([]);
  });
});

describe('apps-script-local fire', () => {
  it('runs a daily trigger installed in an earlier run once a day, across runs', async () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'daily-project-'));
    fs.writeFileSync(path.join(project, 'appsscript.json'), JSON.stringify({ timeZone: 'Asia/Tokyo' }));
    fs.writeFileSync(
      path.join(project, 'Code.gs'),
      [
        "function install() { ScriptApp.newTrigger('daily').timeBased().atHour(9).everyDays(1).create(); }",
        'function daily() {',
        '  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];',
        '  sheet.appendRow([new Date()]);',
        "  PropertiesService.getScriptProperties().setProperty('lastRun', new Date().toISOString());",
        '}',
      ].join('\n'),
    );
    const book = path.join(project, 'book.xlsx');
    const install = await cli([
      'run',
      project,
      'install',
      '--out',
      book,
      '--as',
      'ann@example.com',
      '--now',
      '2026-03-01T12:00:00Z',
    ]);
    expect(install.code).toBe(0);
    const fire = async (now: string): Promise<number> => {
      const run = await cli(['fire', project, '--in', book, '--out', book, '--now', now, '--json']);
      expect(run.code).toBe(0);
      return (JSON.parse(run.out) as { runs: unknown[] }).runs.length;
    };
    // 09:10 and 09:40 in Tokyo on the 2nd, then the 3rd.
    expect(await fire('2026-03-02T00:10:00Z')).toBe(1);
    expect(await fire('2026-03-02T00:40:00Z')).toBe(0);
    expect(await fire('2026-03-03T00:10:00Z')).toBe(1);
    const rt = await LocalRuntime.fromXlsx(book, { projectDir: project });
    expect(rt.workbook.sheetValues(rt.workbook.sheets()[0].name)).toHaveLength(2);
    // Script properties live beside the project, not in the workbook.
    expect(JSON.parse(fs.readFileSync(path.join(project, SCRIPT_PROPERTIES_FILE), 'utf8'))).toEqual({
      lastRun: '2026-03-03T00:10:00.000Z',
    });
    expect(rt.properties.script.size).toBe(0);
  });
});

describe('apps-script-local with a one-file project', () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'ask-project-'));
  fs.writeFileSync(
    path.join(project, 'Code.js'),
    [
      'function ask() {',
      '  var ui = SpreadsheetApp.getUi();',
      "  var go = ui.alert('Go on?', ui.ButtonSet.YES_NO) === ui.Button.YES;",
      "  var name = go ? ui.prompt('Your name?').getResponseText() : '';",
      '  return { go: go, name: name, zone: Session.getScriptTimeZone() };',
      '}',
    ].join('\n'),
  );

  it('answers alerts and prompts from --answer/--prompt; no appsscript.json means Etc/UTC', async () => {
    const yes = await cli(['run', project, 'ask', '--answer', 'yes', '--prompt', 'Ann', '--json']);
    expect(JSON.parse(yes.out).value).toEqual({ go: true, name: 'Ann', zone: 'Etc/UTC' });
    const no = await cli(['run', project, 'ask', '--answer', 'NO', '--json']);
    expect(JSON.parse(no.out).value).toEqual({ go: false, name: '', zone: 'Etc/UTC' });
  });

  it('runs the project in worker threads too (executeConcurrently)', async () => {
    const rt = await LocalRuntime.create({ projectDir: FIXTURE, now: '2026-03-02T08:00:00Z' });
    expect(rt.execute('setUp').error).toBeUndefined();
    const results = await rt.executeConcurrently([{ fn: 'openTasks' }, { fn: 'openTasks' }]);
    expect(results.map((result) => result.error)).toEqual([undefined, undefined]);
    expect(results[0].value).toEqual([
      { row: 3, task: 'Call <Acme> & co' },
      { row: 4, task: 'Send the invoice' },
    ]);
  });
});
