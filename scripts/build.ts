/**
 * Builds the Apps Script project into dist/:
 *  - Code.js: src/server/index.ts bundled by esbuild as an IIFE that sets `SalesDesk` to an object of its entry
 *    points, with the catalogue texts server code names (scripts/catalogue-split.ts), followed by one generated
 *    top-level `function X(...)` per export, because Apps Script only sees top-level function declarations
 *    (menu handlers, triggers, google.script.run targets, custom functions). Custom functions keep their JSDoc so
 *    Sheets shows autocomplete and argument hints.
 *  - manifest.json: what the bundle exposes (the local runtime registers custom functions from it).
 *  - <name>.html: each src/ui/<name>/index.tsx with its JS and CSS inlined (Apps Script serves no assets), and the
 *    catalogue texts only sidebars name, those this sidebar names (src/ui/shared/own-messages.ts).
 *  - sample-data.html: the default sample of Load sample data as data for any day, zone and language
 *    (templates/sample-data.ts), a project file read on demand instead of a generator every execution compiles.
 *  - rare-data.html: texts only rare operations need (the template's column help and descriptions, which only Set
 *    up workbook writes; catalogue texts only set-up and the reminder e-mails name), out of Code.js
 *    (scripts/rare-data.ts).
 *  - appsscript.json: copied from the repo root.
 * Everything is minified: Apps Script compiles and runs the whole of Code.js at the start of every execution (each
 * custom-function recalculation too), so its bytes are paid on every call. esbuild's metafiles (which module costs
 * how many output bytes) go to out/build-meta/ for `npm run bench` and for finding what does not earn its bytes,
 * with catalogue.json (which catalogue keys went into Code.js, which into rare-data.html, which into each sidebar).
 */
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import {
  mergedCatalogue,
  serverCatalogueKeys,
  sidebarOwnMessages,
  type MergedCatalogue,
} from './catalogue-split';
import {
  assertAllRewritten,
  collectSetupTexts,
  rareCatalogueKeys,
  rareDataHtml,
  rareDataPlugin,
  type RareDataFound,
} from './rare-data';
import { RARE_DATA_FILE } from '../src/server/rare-data';
import { generateSample } from '../templates/sample';
import { SAMPLE_DATA_FILE, encodeSample, materialiseSample, sampleDataHtml } from '../templates/sample-data';

const root = path.resolve(__dirname, '..');
const finalDist = path.join(root, 'dist');
// Built into a staging folder and swapped in at the end, so a test reading dist/ never sees a half-written build.
const dist = path.join(root, `.dist-staging-${process.pid}`);
const serverEntry = path.join(root, 'src/server/index.ts');
const uiRoot = path.join(root, 'src/ui');
const GLOBAL_NAME = 'SalesDesk';
/** Outside dist/ (clasp pushes dist/): one esbuild metafile per output, `<output>.json`. */
export const META_DIR = path.join(root, 'out', 'build-meta');

function writeMeta(output: string, metafile: esbuild.Metafile | undefined): void {
  if (!metafile) return;
  fs.mkdirSync(META_DIR, { recursive: true });
  fs.writeFileSync(path.join(META_DIR, `${output}.json`), JSON.stringify(metafile));
}

/** Who may run an entry point: the wrapper it is declared with in src/server/index.ts (src/server/entry-points.ts). */
export type Audience = 'manager' | 'rep' | 'anyone' | 'trigger' | 'custom-function';

/** The audience wrappers of src/server/entry-points.ts and the audience each declares. */
const AUDIENCE_OF_WRAPPER: Record<string, Audience> = {
  manager: 'manager',
  managerMenu: 'manager',
  rep: 'rep',
  anyone: 'anyone',
  trigger: 'trigger',
  customFunction: 'custom-function',
};

export interface EntryPoint {
  name: string;
  params: string[];
  /** The JSDoc block as written in the source, for custom functions. */
  jsDoc?: string;
  customFunction: boolean;
  audience: Audience;
}

export interface BuildManifest {
  entryPoints: string[];
  /** Project files that are data read on demand (HtmlService), not sidebars: `rare-data`, `sample-data`. */
  data: string[];
  /** Entry point name → audience. */
  audiences: Record<string, Audience>;
  customFunctions: { name: string; params: string[]; description: string }[];
  ui: string[];
}

/**
 * Lists every entry point of the server entry with its audience, parameter names and JSDoc, through the TS
 * checker. Each export must read `export const name = <audience wrapper>(implementation)`; anything else (an
 * `export *`, a helper, a bare function) fails the build, so no function becomes callable by accident.
 * @throws Error naming the export that is not declared with an audience.
 */
export function listEntryPoints(entry = serverEntry): EntryPoint[] {
  const program = ts.createProgram([entry], {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    jsxImportSource: 'preact',
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`cannot read ${entry}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return [];
  const resolve = (symbol: ts.Symbol): ts.Symbol =>
    symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return checker.getExportsOfModule(moduleSymbol).flatMap((exported) => {
    const name = exported.getName();
    const declaration = resolve(exported).valueDeclaration;
    if (!declaration) return []; // types
    const refuse = (why: string): never => {
      throw new Error(
        `${name}: every export of src/server/index.ts must be \`export const ${name} = <audience>(impl)\` ` +
          `(audiences: ${Object.keys(AUDIENCE_OF_WRAPPER).join(', ')}); ${why}`,
      );
    };
    if (!ts.isVariableDeclaration(declaration) || !declaration.initializer)
      return refuse('not a declaration');
    const call = declaration.initializer;
    if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return refuse('not a wrapper call');
    const audience = AUDIENCE_OF_WRAPPER[call.expression.text];
    if (!audience) return refuse(`unknown wrapper ${call.expression.text}`);
    if (name.endsWith('_')) {
      throw new Error(`${name}: a trailing underscore makes an Apps Script function private; rename it`);
    }
    if (audience === 'trigger') {
      const handler = call.arguments[0];
      if (!handler || !ts.isStringLiteral(handler) || handler.text !== name)
        refuse(`trigger('${name}', ...) must name its own handler, which its installed trigger calls`);
    }
    const implementation = call.arguments[call.arguments.length - 1];
    const implSymbol = implementation && checker.getSymbolAtLocation(implementation);
    const implDeclaration = implSymbol && resolve(implSymbol).valueDeclaration;
    let fn: ts.SignatureDeclaration | undefined;
    let docHost: ts.Node | undefined = implDeclaration;
    if (implDeclaration && ts.isFunctionDeclaration(implDeclaration)) fn = implDeclaration;
    else if (implDeclaration && ts.isVariableDeclaration(implDeclaration) && implDeclaration.initializer) {
      const init = implDeclaration.initializer;
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) fn = init;
      docHost = implDeclaration.parent.parent; // the VariableStatement carries the JSDoc
    }
    if (!fn || !docHost) return refuse('its implementation is not a function');
    const params = fn.parameters.map(
      (p, index) => (p.dotDotDotToken ? '...' : '') + (ts.isIdentifier(p.name) ? p.name.text : `arg${index}`),
    );
    const docs = ts.getJSDocCommentsAndTags(docHost).filter(ts.isJSDoc);
    const jsDoc = docs.length > 0 ? docs[docs.length - 1].getText() : undefined;
    const customFunction = !!jsDoc && /@customfunction\b/.test(jsDoc);
    if (customFunction !== (audience === 'custom-function'))
      refuse('custom functions (JSDoc @customfunction) and only they are declared with customFunction(...)');
    return [{ name, params, jsDoc, customFunction, audience }];
  });
}

function stubFor(entry: EntryPoint): string {
  const params = entry.params.map((p) => p.replace(/^\.\.\./, '')).join(', ');
  const rest = entry.params.some((p) => p.startsWith('...'));
  const call = rest
    ? `${GLOBAL_NAME}.${entry.name}.apply(null, arguments)`
    : `${GLOBAL_NAME}.${entry.name}(${params})`;
  const doc = entry.customFunction && entry.jsDoc ? `${entry.jsDoc}\n` : '';
  return `${doc}function ${entry.name}(${params}) {\n  return ${call};\n}\n`;
}

function descriptionOf(jsDoc: string | undefined): string {
  if (!jsDoc) return '';
  return jsDoc
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, ''))
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('@'))
    .join(' ')
    .trim();
}

const CATALOG_INDEX = path.join(root, 'src/core/i18n/catalog/index.ts');
const RARE_READER = path.join(root, 'src/server/rare-data.ts');

/** Where a catalogue line's key begins: its first character is this plus the length it shares with the previous key. */
const SHARED_PREFIX_BASE = 48; // '0'
/** Every CATALOGUE_STRIDE-th key is written whole, so one text is found by a binary search and a short scan. */
const CATALOGUE_STRIDE = 32;

/**
 * The merged catalogue as one text, three lines per key (sorted): the key, its English text, its Chinese text. Each
 * key line starts with one character saying how many leading characters it shares with the previous key (`'0'` +
 * that length), then the rest of the key: `assign.preview.loading` after `assign.preview.heading` is `?loading`.
 * Keys are a fifth of the catalogue and mostly shared prefixes; a line per text needs no quotes and no escapes.
 * Every CATALOGUE_STRIDE-th key is written whole (`'0'` + the key): a block's start for findMessage's search.
 * @throws Error when a text holds a line break (the separator) or a key is too long for its prefix character.
 */
export function catalogueText(merged: Record<string, [string, string]>): string {
  const lines: string[] = [];
  let previous = '';
  for (const key of Object.keys(merged).sort()) {
    let shared = 0;
    // A block's first key shares nothing: the search starts there (see findMessage in lazyCatalogue).
    if (lines.length % (3 * CATALOGUE_STRIDE) === 0) previous = '';
    while (shared < previous.length && shared < key.length && previous[shared] === key[shared]) shared++;
    if (shared > 60) throw new Error(`catalogue key too long: ${key}`);
    const [en, zh] = merged[key];
    for (const text of [key, en, zh])
      if (/[\r\n]/.test(text)) throw new Error(`catalogue text of ${key} holds a line break`);
    lines.push(String.fromCharCode(SHARED_PREFIX_BASE + shared) + key.slice(shared), en, zh);
    previous = key;
  }
  return lines.join('\n');
}

/**
 * The module that stands in for src/core/i18n/catalog/index.ts in Code.js: the catalogue text, `allCatalogs` (the
 * whole tables, built on first use) and `findMessage` (one text, searched for without building them).
 */
export function catalogueModule(catalogue: MergedCatalogue): string {
  return [
    'let parsed, lines;',
    `const catalogueLines = () => (lines ??= ${JSON.stringify(catalogueText(catalogue))}.split('\\n'));`,
    'export function allCatalogs() {',
    '  if (!parsed) {',
    '    const en = {}, zh = {};',
    '    const lines = catalogueLines();',
    "    let key = '';",
    '    for (let i = 0; i < lines.length; i += 3) {',
    `      key = key.slice(0, lines[i].charCodeAt(0) - ${SHARED_PREFIX_BASE}) + lines[i].slice(1);`,
    '      en[key] = lines[i + 1];',
    '      zh[key] = lines[i + 2];',
    '    }',
    "    parsed = [{ en, 'zh-CN': zh }];",
    '  }',
    '  return parsed;',
    '}',
    // One text without building the tables (most executions translate a few keys): a binary search over
    // the blocks' whole first keys, then the block's keys decoded in order up to `key`.
    'export function findMessage(locale, key) {',
    '  const lines = catalogueLines();',
    '  const entries = lines.length / 3;',
    `  let low = 0, high = Math.ceil(entries / ${CATALOGUE_STRIDE}) - 1;`,
    '  while (low < high) {',
    '    const middle = (low + high + 1) >> 1;',
    `    if (lines[middle * ${3 * CATALOGUE_STRIDE}].slice(1) <= key) low = middle;`,
    '    else high = middle - 1;',
    '  }',
    "  let decoded = '';",
    `  for (let e = low * ${CATALOGUE_STRIDE}, end = Math.min(entries, e + ${CATALOGUE_STRIDE}); e < end; e++) {`,
    '    const line = lines[e * 3];',
    `    decoded = decoded.slice(0, line.charCodeAt(0) - ${SHARED_PREFIX_BASE}) + line.slice(1);`,
    "    if (decoded === key) return lines[e * 3 + (locale === 'zh-CN' ? 2 : 1)];",
    '    if (decoded > key) return undefined;',
    '  }',
    '  return undefined;',
    '}',
    // Texts only rare operations name: from the project file rare-data.html (src/server/rare-data.ts).
    `export { rareMessage } from ${JSON.stringify(RARE_READER)};`,
  ].join('\n');
}

/**
 * The message catalogue of Code.js as one text (catalogueText), read into tables on first use (see allCatalogs in
 * src/core/i18n/catalog/index.ts): the catalogue modules are loaded at build time, merged (each key written once,
 * with its two texts), cut to the keys server code can ask for (scripts/catalogue-split.ts) and inlined.
 * A string costs V8 a scan where ~700 keys in two languages of object literals cost a parse, bytecode and a run in
 * every execution's start-up.
 */
function lazyCatalogue(catalogue: MergedCatalogue): esbuild.Plugin {
  return {
    name: 'lazy-catalogue',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /[\\/]src[\\/]core[\\/]i18n[\\/]catalog[\\/]index\.ts$/ }, (args) => {
        if (path.resolve(args.path) !== CATALOG_INDEX) return undefined;
        return {
          loader: 'js',
          contents: catalogueModule(catalogue),
        };
      });
    },
  };
}

const OWN_MESSAGES_MODULE = path.join(uiRoot, 'shared', 'own-messages.ts');

/** A sidebar's own texts (scripts/catalogue-split.ts) in place of src/ui/shared/own-messages.ts's empty table. */
function ownMessages(own: ReturnType<typeof sidebarOwnMessages>): esbuild.Plugin {
  return {
    name: 'own-messages',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /[\\/]own-messages\.ts$/ }, (args) =>
        path.resolve(args.path) === OWN_MESSAGES_MODULE
          ? { loader: 'js', contents: `export const OWN_MESSAGES = ${JSON.stringify(own)};` }
          : undefined,
      );
    },
  };
}

/**
 * The bundle's entry: the entry points of src/server/index.ts gathered into one plain object, the global the stubs
 * call. esbuild's own `globalName` export would define a getter per export twice over (its namespace object, then
 * a CommonJS copy), some 140 property definitions in every execution's start-up.
 */
function entrySource(entries: EntryPoint[]): esbuild.StdinOptions {
  const names = entries.map((entry) => entry.name);
  const from = `./${path.relative(root, serverEntry).split(path.sep).join('/')}`;
  return {
    contents: `import { ${names.join(', ')} } from '${from}';\n${GLOBAL_NAME} = { ${names.join(', ')} };\n`,
    resolveDir: root,
    sourcefile: 'entry-points.js',
    loader: 'js',
  };
}

type MetaBuildOptions = esbuild.BuildOptions & { metafile: true; write: false };

/** The JavaScript an esbuild build wrote (CSS left out; Code.js's build, from stdin, writes `<stdout>`). */
function codeOf(result: esbuild.BuildResult<{ write: false }>): string {
  return result.outputFiles
    .filter((file) => !file.path.endsWith('.css'))
    .map((file) => file.text)
    .join('\n');
}

/** The template's set-up texts (scripts/rare-data.ts), collected once per build. */
const SETUP_TEXTS = collectSetupTexts();

function serverOptions(
  entries: EntryPoint[],
  catalogue: MergedCatalogue,
  rareFound: RareDataFound = { setupTexts: new Set(), templateArrays: new Set() },
): MetaBuildOptions {
  return {
    stdin: entrySource(entries),
    bundle: true,
    format: 'iife',
    // Apps Script's V8 runtime: no DOM, no Node; 'neutral' makes any Node built-in import a build error.
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['import', 'default'],
    // Built-ins read once into the bundle's scope (see scripts/bundle-globals.ts).
    inject: [path.join(root, 'scripts/bundle-globals.ts')],
    plugins: [lazyCatalogue(catalogue), rareDataPlugin(SETUP_TEXTS, rareFound)],
    // papaparse require()s 'stream' only inside its Node duplex-stream mode, which SalesDesk never uses; left
    // external, that require is never reached (it would throw, not load Node code).
    external: ['stream'],
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    // Only the IIFE is minified: the generated stubs below keep their names, parameters and JSDoc.
    // SALESDESK_MINIFY=0 keeps names readable, for a CPU profile of the bundle.
    minify: process.env.SALESDESK_MINIFY !== '0',
    metafile: true,
    write: false,
    logLevel: 'warning',
  };
}

async function buildServer(entries: EntryPoint[], catalogue: MergedCatalogue): Promise<void> {
  const found: RareDataFound = { setupTexts: new Set(), templateArrays: new Set() };
  const result = await esbuild.build(serverOptions(entries, catalogue, found));
  assertAllRewritten(SETUP_TEXTS, found);
  writeMeta('Code.js', result.metafile);
  const bundle = result.outputFiles[0].text;
  const banner = `// SalesDesk for Google Sheets. Built by scripts/build.ts; do not edit.\nvar ${GLOBAL_NAME};\n`;
  const stubs = entries.map(stubFor).join('\n');
  fs.writeFileSync(
    path.join(dist, 'Code.js'),
    `${banner}${bundle}\n// Entry points Apps Script can call.\n${stubs}`,
  );
}

function uiNames(): string[] {
  if (!fs.existsSync(uiRoot)) return [];
  return fs
    .readdirSync(uiRoot)
    .filter((name) => name !== 'shared' && fs.existsSync(path.join(uiRoot, name, 'index.tsx')))
    .sort();
}

/** Keeps inlined code from closing the tag it sits in. */
function inlineSafe(code: string, tag: 'script' | 'style'): string {
  return code.replace(new RegExp(`</${tag}`, 'gi'), `<\\/${tag}`);
}

function uiOptions(name: string, plugins: esbuild.Plugin[]): MetaBuildOptions {
  return {
    entryPoints: [path.join(uiRoot, name, 'index.tsx')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100', 'firefox100', 'safari15'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    outdir: path.join(dist, '.ui', name),
    metafile: true,
    write: false,
    logLevel: 'warning',
    plugins,
  };
}

/**
 * Builds a sidebar with its own texts (the catalogue keys its files name that Code.js does not keep) in place of
 * src/ui/shared/own-messages.ts.
 * @param code a first build of the sidebar (with no texts of its own).
 * @returns the keys bundled into the sidebar.
 */
async function buildUi(
  name: string,
  code: string,
  catalogue: MergedCatalogue,
  serverKeys: ReadonlySet<string>,
): Promise<string[]> {
  const own = sidebarOwnMessages(catalogue, serverKeys, code);
  const result = await esbuild.build(uiOptions(name, [ownMessages(own)]));
  writeMeta(`${name}.html`, result.metafile);
  const js = result.outputFiles
    .filter((f) => f.path.endsWith('.js'))
    .map((f) => f.text)
    .join('\n');
  const css = result.outputFiles
    .filter((f) => f.path.endsWith('.css'))
    .map((f) => f.text)
    .join('\n');
  const html = [
    '<!DOCTYPE html>',
    '<html>',
    '<head>',
    '<base target="_top">',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<style>${inlineSafe(css, 'style')}</style>`,
    '</head>',
    '<body>',
    '<div id="app"></div>',
    `<script>${inlineSafe(js, 'script')}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(dist, `${name}.html`), html);
  return Object.keys(own.en);
}

/**
 * dist/sample-data.html: the default sample encoded once (templates/sample-data.ts). Generated for a fixed instant:
 * the encoding holds for any day, which is checked here for a second day, zone and language (a generator change
 * that made the sample depend on the month or the weekday would stop the build) and in
 * test/unit/template/sample-data.test.ts across many.
 * @throws Error when the encoded sample does not give the generator's rows back.
 */
export function writeSampleData(dir: string): void {
  const options = { now: '2026-01-15T04:00:00Z', timeZone: 'Etc/UTC' };
  const encoded = encodeSample(
    generateSample({ ...options, language: 'en' }),
    generateSample({ ...options, language: 'zh-CN' }),
  );
  const check = generateSample({
    now: '2028-02-29T20:30:00Z',
    timeZone: 'America/New_York',
    language: 'zh-CN',
  });
  if (JSON.stringify(materialiseSample(encoded, check.today, 'zh-CN').deals) !== JSON.stringify(check.deals))
    throw new Error(
      'sample-data: the encoded sample does not hold for another day (templates/sample-data.ts)',
    );
  fs.writeFileSync(path.join(dir, `${SAMPLE_DATA_FILE}.html`), sampleDataHtml(encoded));
}

export async function build(): Promise<BuildManifest> {
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(dist, { recursive: true });
  try {
    return await buildInto();
  } catch (error) {
    fs.rmSync(dist, { recursive: true, force: true });
    throw error;
  }
}

async function buildInto(): Promise<BuildManifest> {
  const entries = listEntryPoints();
  const ui = uiNames();
  // A first build of each output says which catalogue keys its code names (scripts/catalogue-split.ts); the second
  // builds it with its share of the catalogue.
  const catalogue = mergedCatalogue();
  const [serverFirst, ...uiFirst] = await Promise.all([
    esbuild.build(serverOptions(entries, {})),
    ...ui.map((name) => esbuild.build(uiOptions(name, []))),
  ]);
  const serverCode = codeOf(serverFirst);
  const uiCode = uiFirst.map(codeOf);
  if (!/SalesDesk ?=/.test(serverCode)) throw new Error('the first build of Code.js wrote no code');
  const serverKeys = serverCatalogueKeys(catalogue, serverCode, uiCode);
  // Of those, the texts only rare operations name go to rare-data.html (scripts/rare-data.ts), the rest into Code.js.
  const bundled = Object.values(serverFirst.metafile.outputs).flatMap((output) =>
    Object.keys(output.inputs).filter((input) => /^(src|templates)\//.test(input)),
  );
  const rareKeys = rareCatalogueKeys(serverKeys, bundled, uiCode);
  const codeKeys = new Set([...serverKeys].filter((key) => !rareKeys.has(key)));
  await buildServer(
    entries,
    Object.fromEntries(Object.entries(catalogue).filter(([key]) => codeKeys.has(key))),
  );
  fs.writeFileSync(path.join(dist, `${RARE_DATA_FILE}.html`), rareDataHtml(SETUP_TEXTS, catalogue, rareKeys));
  const ownKeys = await Promise.all(
    ui.map((name, index) => buildUi(name, uiCode[index], catalogue, serverKeys)),
  );
  // Which catalogue keys went where, for test/integration/lean-bundle.test.ts.
  fs.mkdirSync(META_DIR, { recursive: true });
  fs.writeFileSync(
    path.join(META_DIR, 'catalogue.json'),
    JSON.stringify({
      server: [...codeKeys].sort(),
      rare: [...rareKeys].sort(),
      sidebars: Object.fromEntries(ui.map((name, index) => [name, ownKeys[index]])),
    }),
  );
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  writeSampleData(dist);
  const manifest: BuildManifest = {
    entryPoints: entries.map((e) => e.name),
    data: [RARE_DATA_FILE, SAMPLE_DATA_FILE],
    audiences: Object.fromEntries(entries.map((e) => [e.name, e.audience])),
    customFunctions: entries
      .filter((e) => e.customFunction)
      .map((e) => ({ name: e.name, params: e.params, description: descriptionOf(e.jsDoc) })),
    ui,
  };
  fs.writeFileSync(path.join(dist, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.rmSync(path.join(dist, '.ui'), { recursive: true, force: true });
  const retired = `${finalDist}.old-${process.pid}`;
  if (fs.existsSync(finalDist)) fs.renameSync(finalDist, retired);
  fs.renameSync(dist, finalDist);
  fs.rmSync(retired, { recursive: true, force: true });
  return manifest;
}

if (require.main === module) {
  build()
    .then((manifest) => {
      console.log(
        `dist/: Code.js (${manifest.entryPoints.length} entry points, ${manifest.customFunctions.length} custom functions), ` +
          `${manifest.ui.length} sidebars/dialogs, ${manifest.data.length} data file(s), appsscript.json`,
      );
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
