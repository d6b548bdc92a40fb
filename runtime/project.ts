/**
 * Reads an Apps Script project folder the way clasp pushes it: `.clasp.json` (rootDir, filePushOrder),
 * `appsscript.json`, every `.gs`/`.js` file in clasp's push order (filePushOrder first, then the rest sorted by
 * path: github.com/google/clasp README "filePushOrder", clasp's getFilePaths "Sorted alphabetically"), and the
 * `.html` files HtmlService serves. A build folder such as SalesDesk's `dist/` is a project like any other; its
 * optional `manifest.json` (entry points, custom functions, sidebars) is read when present.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One server script file of the project, in push order. */
export interface ProjectScript {
  /** The file's name in the Apps Script editor: its path under rootDir, without extension. */
  name: string;
  /** Absolute path on disk. */
  file: string;
  source: string;
}

/** What a build may list beside its code (SalesDesk's build writes it); optional for a hand-written project. */
export interface BundleManifest {
  entryPoints: string[];
  /** Entry point → who may run it (manager, rep, anyone, trigger, custom-function), from scripts/build.ts. */
  audiences?: Record<string, string>;
  customFunctions: { name: string; params: string[] }[];
  ui: string[];
}

/** appsscript.json, as far as the runtime reads it (developers.google.com/apps-script/manifest). */
export interface AppsScriptManifest {
  timeZone?: string;
  runtimeVersion?: string;
  oauthScopes?: string[];
  [key: string]: unknown;
}

export interface LoadedProject {
  /** The folder given (where `.clasp.json` is, if any). */
  dir: string;
  /** Where the project files are (`.clasp.json` rootDir, else `dir`). */
  rootDir: string;
  scripts: ProjectScript[];
  /** `.html` files by editor name (path under rootDir without `.html`). */
  html: Record<string, string>;
  appsscript: AppsScriptManifest | undefined;
  manifest: BundleManifest;
}

const SCRIPT_EXTENSIONS = new Set(['.gs', '.js']);
const SKIPPED_DIRS = new Set(['node_modules']);

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    // clasp ignores dot files and node_modules unless .claspignore says otherwise.
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

const toPosix = (file: string): string => file.split(path.sep).join('/');

/** Top-level functions whose JSDoc carries `@customfunction` (what Sheets offers in autocomplete). */
export function taggedCustomFunctions(source: string): { name: string; params: string[] }[] {
  const found: { name: string; params: string[] }[] = [];
  const pattern = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function\s+([A-Za-z_$][\w$]*)\s*\(([^)]*)\)/g;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    if (!/@customfunction\b/.test(match[1]) || match[2].endsWith('_')) continue;
    const params = match[3]
      .split(',')
      .map((param) => param.trim().replace(/=.*$/, '').trim())
      .filter(Boolean);
    found.push({ name: match[2], params });
  }
  return found;
}

/**
 * Reads the project in `dir`.
 * @throws when the folder holds no `.gs`/`.js` file.
 */
/**
 * The project as last read from `dir`, reused while no file under it changed (names, sizes and modification
 * times): a test suite makes hundreds of runtimes over the same build, and reading and compiling a 300 KB bundle
 * each time was a second of every fault-injection loop.
 */
const loaded = new Map<string, { stamp: string; project: LoadedProject }>();

function stampOf(dir: string): string {
  const files = fs.existsSync(dir) ? walk(dir) : [];
  const claspFile = path.join(dir, '.clasp.json');
  if (fs.existsSync(claspFile)) files.push(claspFile);
  return files
    .map((file) => {
      const stat = fs.statSync(file);
      return `${file}:${stat.size}:${stat.mtimeMs}`;
    })
    .join('|');
}

/** loadProject, reusing the last read of the same unchanged folder (the same object, so compiled code is shared). */
export function loadProjectCached(dir: string): LoadedProject {
  const root = path.resolve(dir);
  const stamp = stampOf(root);
  const hit = loaded.get(root);
  if (hit && hit.stamp === stamp) return hit.project;
  const project = loadProject(root);
  loaded.set(root, { stamp, project });
  return project;
}

export function loadProject(dir: string): LoadedProject {
  const root = path.resolve(dir);
  let rootDir = root;
  let pushOrder: string[] = [];
  const claspFile = path.join(root, '.clasp.json');
  if (fs.existsSync(claspFile)) {
    const clasp = JSON.parse(fs.readFileSync(claspFile, 'utf8')) as {
      rootDir?: unknown;
      filePushOrder?: unknown;
    };
    if (typeof clasp.rootDir === 'string') rootDir = path.resolve(root, clasp.rootDir);
    if (Array.isArray(clasp.filePushOrder)) pushOrder = clasp.filePushOrder.map(String);
  }
  if (!fs.existsSync(rootDir)) throw new Error(`local runtime: project folder ${rootDir} not found`);
  const files = walk(rootDir).sort((a, b) =>
    toPosix(a) < toPosix(b) ? -1 : toPosix(a) > toPosix(b) ? 1 : 0,
  );
  // filePushOrder entries name files relative to the project folder (or to rootDir); listed files go first.
  const rank = (file: string): number => {
    const index = pushOrder.findIndex(
      (entry) => path.resolve(root, entry) === file || path.resolve(rootDir, entry) === file,
    );
    return index < 0 ? pushOrder.length : index;
  };
  const ordered = files
    .filter((file) => SCRIPT_EXTENSIONS.has(path.extname(file)))
    .map((file, index) => ({ file, index, rank: rank(file) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ file }) => file);
  if (ordered.length === 0) throw new Error(`local runtime: no .gs or .js file in ${rootDir}`);
  const editorName = (file: string): string =>
    toPosix(path.relative(rootDir, file)).replace(/\.(gs|js|html)$/, '');
  const scripts = ordered.map((file) => ({
    name: editorName(file),
    file,
    source: fs.readFileSync(file, 'utf8'),
  }));
  const html: Record<string, string> = {};
  for (const file of files.filter((f) => path.extname(f) === '.html')) html[editorName(file)] = file;
  const appsscriptFile = path.join(rootDir, 'appsscript.json');
  const appsscript = fs.existsSync(appsscriptFile)
    ? (JSON.parse(fs.readFileSync(appsscriptFile, 'utf8')) as AppsScriptManifest)
    : undefined;
  const manifestFile = path.join(rootDir, 'manifest.json');
  const manifest: BundleManifest = fs.existsSync(manifestFile)
    ? (JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BundleManifest)
    : {
        entryPoints: [],
        customFunctions: scripts.flatMap((script) => taggedCustomFunctions(script.source)),
        ui: Object.keys(html),
      };
  return { dir: root, rootDir, scripts, html, appsscript, manifest };
}
