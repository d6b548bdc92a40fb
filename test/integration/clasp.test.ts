/**
 * The README's clasp route, run with the installed clasp up to the point where Google must answer: a fresh
 * checkout has no `.clasp.json` (so `clasp create … --rootDir dist` no longer stops at "Project file already
 * exists."), `npm run clasp:use` writes one, `clasp status` would push exactly the build, and `npm run push`'s
 * check + `clasp push` reach clasp's "No credentials found." instead of `clasp: not found`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'node_modules/.bin');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};
const SCRIPT_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijklmnopq';

let project: string;
let home: string;

/** Runs a shell command in the temporary checkout with no Google credentials (HOME is empty). */
function sh(command: string): { code: number; out: string } {
  const r = spawnSync('sh', ['-c', command], {
    cwd: project,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, HOME: home, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
  });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

beforeAll(() => {
  // A checkout as git gives it to a deployer: the tracked files of the repo root, the scripts, the build.
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-clasp-'));
  home = path.join(project, '.home');
  fs.mkdirSync(home);
  const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n');
  for (const file of tracked.filter((f) => f && !f.includes('/')))
    fs.copyFileSync(path.join(root, file), path.join(project, file));
  fs.cpSync(path.join(root, 'scripts'), path.join(project, 'scripts'), { recursive: true });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'));
  // clasp refuses a symlinked rootDir, so the build is copied.
  fs.cpSync(path.join(root, 'dist'), path.join(project, 'dist'), { recursive: true });
});

afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

test('the repo ships .clasp.json.example and ignores .clasp.json', () => {
  const tracked = execFileSync('git', ['ls-files', '.clasp.json', '.clasp.json.example'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(tracked.trim().split('\n')).toEqual(['.clasp.json.example']);
  expect(fs.readFileSync(path.join(root, '.gitignore'), 'utf8').split('\n')).toContain('.clasp.json');
  expect(JSON.parse(fs.readFileSync(path.join(root, '.clasp.json.example'), 'utf8'))).toMatchObject({
    rootDir: 'dist',
  });
});

test('@google/clasp is a devDependency and its binary runs', () => {
  expect(pkg.devDependencies['@google/clasp']).toBeDefined();
  const installed = (
    JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@google/clasp/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const r = sh('clasp --version');
  expect(r.code).toBe(0);
  expect(r.out.trim()).toBe(installed);
});

test('`clasp create --type sheets --title SalesDesk --rootDir dist` gets as far as asking for a login', () => {
  const r = sh('clasp create --type sheets --title SalesDesk --rootDir dist');
  expect(r.out).not.toMatch(/Project file already exists/);
  expect(r.out).toMatch(/No credentials found/);
  expect(r.code).not.toBe(0);
  expect(fs.existsSync(path.join(project, '.clasp.json'))).toBe(false);
});

test('npm run push refuses clearly before a script ID is set', () => {
  expect(pkg.scripts.push).toBe('npm run build && tsx scripts/clasp-project.ts check && clasp push');
  // The build step is the project's own (tested elsewhere); the rest runs verbatim.
  const r = sh(pkg.scripts.push.replace(/^npm run build && /, ''));
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/No \.clasp\.json yet: run `npm run clasp:use -- <scriptId>`/);
});

test('npm run clasp:use writes .clasp.json; clasp would push exactly the build; push stops at the login', () => {
  expect(sh('npm run clasp:use -- not-an-id').code).toBe(2);
  const use = sh(`npm run clasp:use -- https://script.google.com/home/projects/${SCRIPT_ID}/edit`);
  expect(use.code).toBe(0);
  expect(JSON.parse(fs.readFileSync(path.join(project, '.clasp.json'), 'utf8'))).toEqual({
    scriptId: SCRIPT_ID,
    rootDir: 'dist',
  });
  // Switching projects needs --force, so a second team's ID is not pushed to by accident.
  expect(sh('npm run clasp:use -- 1ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210').code).toBe(1);

  const status = sh('clasp status --json');
  expect(status.code).toBe(0);
  const files = JSON.parse(status.out.slice(status.out.indexOf('{'))) as {
    filesToPush: string[];
    untrackedFiles: string[];
  };
  const html = fs.readdirSync(path.join(project, 'dist')).filter((f) => f.endsWith('.html'));
  expect(html.length).toBeGreaterThan(0);
  // The data files (manifest.json `data`: the default sample, the texts of rare operations) are pushed with the
  // sidebars: Apps Script reads them with HtmlService (scripts/build.ts).
  const { data } = JSON.parse(fs.readFileSync(path.join(project, 'dist', 'manifest.json'), 'utf8')) as {
    data: string[];
  };
  expect(data.length).toBeGreaterThan(0);
  for (const name of data) expect(html).toContain(`${name}.html`);
  expect([...files.filesToPush].sort()).toEqual(
    ['dist/Code.js', 'dist/appsscript.json', ...html.map((f) => `dist/${f}`)].sort(),
  );

  const push = sh(pkg.scripts.push.replace(/^npm run build && /, ''));
  expect(push.out).not.toMatch(/not found/i);
  expect(push.out).toMatch(/No credentials found/);
});
