/**
 * Texts and template data only rare operations need, out of Code.js (issue 12): Apps Script compiles all of Code.js
 * at the start of every execution, yet these are read only by Set up workbook, Load sample data, the reminder e-mails,
 * Import CSV and Merge duplicates. The build writes them to the project file `rare-data.html` (rareDataHtml), which
 * Apps Script never compiles, and Code.js reads it on first use (src/server/rare-data.ts):
 *  - set-up texts: the template's column help and Settings descriptions (collectSetupTexts, each distinct [en, zh-CN]
 *    pair once). Code.js is built with each `L('en', 'zh')` call (or Lx…, the template's Localised helpers) of
 *    templates/*.ts whose pair is a set-up text replaced by `setupText(i)`;
 *  - the template's conditional formats and protections (RARE_TEMPLATE_ARRAYS), whose declarations in Code.js read
 *    `rareTemplateArray(name)` instead of building them;
 *  - catalogue texts only rare modules name (rareCatalogueKeys).
 * The template and the catalogue stay the one place all of these are written; sidebars and Node use them as written
 * (rareDataPlugin rewrites Code.js's copy only). The build fails when a collected set-up text was not found as an
 * `L(...)` call or a template array's declaration was not found (either would silently stay in Code.js), or when a
 * set-up text is also a header, sheet name or list label (those are read in every execution, which would then read
 * the file).
 */
import { dataFileHtml } from '../src/core/data-file';
import type * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { keysNamedIn, type MergedCatalogue } from './catalogue-split';
import { LISTS, LIST_KEYS } from '../templates/lists';
import { SETTINGS } from '../templates/settings';
import { CONDITIONAL_FORMATS, PROTECTIONS, SHEETS, SHEET_KEYS } from '../templates/workbook';

const root = path.resolve(__dirname, '..');
const templatesDir = path.join(root, 'templates');
const READER = path.join(root, 'src/server/rare-data.ts');

/** Template arrays only set-up reads (src/core/setup/formats.ts): exported name → name in the file. */
export const RARE_TEMPLATE_ARRAYS: Readonly<Record<string, string>> = {
  CONDITIONAL_FORMATS: 'conditionalFormats',
  PROTECTIONS: 'protections',
};

type Pair = readonly [string, string];
const keyOf = (en: string, zh: string) => `${en}\u0000${zh}`;

/** Every set-up text of the template, each distinct pair once, in template order. */
export function collectSetupTexts(): Pair[] {
  const pairs = new Map<string, Pair>();
  const add = (text: { en: string; 'zh-CN': string }) => {
    const key = keyOf(text.en, text['zh-CN']);
    if (!pairs.has(key)) pairs.set(key, [text.en, text['zh-CN']]);
  };
  for (const sheet of SHEET_KEYS) for (const column of SHEETS[sheet].columns) add(column.help);
  for (const setting of SETTINGS) add(setting.description);
  // Texts every execution reads must not become lazy: a header or a label equal to a help text would.
  const everyday = new Set<string>();
  for (const sheet of SHEET_KEYS) {
    everyday.add(keyOf(SHEETS[sheet].names.en, SHEETS[sheet].names['zh-CN']));
    for (const column of SHEETS[sheet].columns)
      everyday.add(keyOf(column.headers.en, column.headers['zh-CN']));
  }
  for (const list of LIST_KEYS)
    for (const item of LISTS[list].items) everyday.add(keyOf(item.en, item['zh-CN']));
  for (const key of pairs.keys())
    if (everyday.has(key))
      throw new Error(`set-up text is also a header or label: ${key.replace('\u0000', ' / ')}`);
  return [...pairs.values()];
}

/** Modules whose catalogue texts only rare operations need (paths as esbuild's metafile names them). */
export const RARE_MODULES: readonly RegExp[] = [
  // Set up workbook and Load sample data.
  /^src\/(core|server)\/setup\//,
  // The reminder e-mails (the daily trigger).
  /^src\/core\/reminders\/(email|opportunity-email)\.ts$/,
  // Import CSV and Merge duplicates: occasional bulk operations of a manager.
  /^src\/(core\/csv|server\/data)\/import\.ts$/,
  /^src\/(core|server)\/merge\//,
];

/**
 * The catalogue keys Code.js can leave to the rare texts file: named by a rare module's source, by no other module
 * bundled into Code.js and by no sidebar. Names are read as scripts/catalogue-split.ts reads them (a key or one of
 * its dotted prefixes as a literal), in source text, comments included: over-matching keeps a text in Code.js.
 * @param serverKeys the keys Code.js would carry; @param modules the source files bundled into Code.js.
 */
export function rareCatalogueKeys(
  serverKeys: ReadonlySet<string>,
  modules: readonly string[],
  uiCode: readonly string[],
): Set<string> {
  const keys = [...serverKeys];
  const rare = new Set<string>();
  const elsewhere = new Set(uiCode.flatMap((code) => [...keysNamedIn(code, keys)]));
  for (const module of modules) {
    const named = keysNamedIn(fs.readFileSync(path.join(root, module), 'utf8'), keys);
    for (const key of named)
      (RARE_MODULES.some((pattern) => pattern.test(module)) ? rare : elsewhere).add(key);
  }
  return new Set([...rare].filter((key) => !elsewhere.has(key)));
}

/** The project file's text: the texts as JSON in a script element (`<` written `\u003c`). */
export function rareDataHtml(
  setup: readonly Pair[],
  catalogue: MergedCatalogue,
  rareKeys: Iterable<string>,
): string {
  const messages = Object.fromEntries([...rareKeys].sort().map((key) => [key, catalogue[key]]));
  const templates = { conditionalFormats: CONDITIONAL_FORMATS, protections: PROTECTIONS };
  return dataFileHtml(
    [
      'SalesDesk texts and template data only rare operations need, built by scripts/rare-data.ts.',
      'Read on first use by src/server/rare-data.ts; Apps Script never compiles .html files. Do not edit.',
    ],
    { setup, messages, templates },
  );
}

/** What rareDataPlugin found while building Code.js, for the checks that nothing was missed. */
export interface RareDataFound {
  setupTexts: Set<number>;
  templateArrays: Set<string>;
}

/**
 * A template module as Code.js bundles it: each set-up `L(en, zh)` call replaced by `setupText(i)`, and the
 * initialiser of each RARE_TEMPLATE_ARRAYS declaration by `rareTemplateArray(name)`.
 */
export function rewriteTemplateModule(
  file: string,
  source: string,
  indexOf: ReadonlyMap<string, number>,
  found: RareDataFound,
): string {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const name = RARE_TEMPLATE_ARRAYS[node.name.text];
      if (name !== undefined) {
        edits.push({
          start: node.initializer.getStart(sourceFile),
          end: node.initializer.getEnd(),
          text: `__rareTemplateArray(${JSON.stringify(name)})`,
        });
        found.templateArrays.add(name);
        return;
      }
    }
    if (ts.isCallExpression(node) && node.arguments.length === 2) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      const [en, zh] = node.arguments;
      if (/^L\w*$/.test(name) && ts.isStringLiteralLike(en) && ts.isStringLiteralLike(zh)) {
        const index = indexOf.get(keyOf(en.text, zh.text));
        if (index !== undefined) {
          edits.push({ start: node.getStart(sourceFile), end: node.getEnd(), text: `__setupText(${index})` });
          found.setupTexts.add(index);
          return;
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  if (edits.length === 0) return source;
  let out = source;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = `${out.slice(0, edit.start)}${edit.text}${out.slice(edit.end)}`;
  const imports = `import { setupText as __setupText, rareTemplateArray as __rareTemplateArray } from ${JSON.stringify(READER)};`;
  return `${imports}\n${out}`;
}

/**
 * The esbuild plugin for Code.js (never a sidebar): template modules rewritten by rewriteTemplateModule.
 * @param found filled with what was rewritten, for assertAllRewritten.
 */
export function rareDataPlugin(pairs: readonly Pair[], found: RareDataFound): esbuild.Plugin {
  const indexOf = new Map(pairs.map(([en, zh], index) => [keyOf(en, zh), index]));
  return {
    name: 'rare-data',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /[\\/]templates[\\/][^\\/]+\.ts$/ }, (args) => {
        if (path.dirname(path.resolve(args.path)) !== templatesDir) return undefined;
        const source = fs.readFileSync(args.path, 'utf8');
        return { loader: 'ts', contents: rewriteTemplateModule(args.path, source, indexOf, found) };
      });
    },
  };
}

/** @throws Error naming the first set-up text or template array that Code.js's build did not rewrite. */
export function assertAllRewritten(pairs: readonly Pair[], found: RareDataFound): void {
  const missed = pairs.findIndex((_, index) => !found.setupTexts.has(index));
  if (missed >= 0)
    throw new Error(
      `set-up text not written as L('…', '…') in templates/ (it would stay in Code.js): ${pairs[missed][0]}`,
    );
  for (const name of Object.values(RARE_TEMPLATE_ARRAYS))
    if (!found.templateArrays.has(name))
      throw new Error(`template array ${name} not declared in templates/ as rareDataPlugin expects`);
}
