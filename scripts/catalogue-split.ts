/**
 * Which catalogue texts go where (used by scripts/build.ts). Code.js, compiled by every execution, carries the texts
 * server code can ask for; a text that only sidebar code names is bundled into the sidebars that name it
 * (src/ui/shared/own-messages.ts) instead, and the server sends the rest with apiBootstrap.
 *
 * A file "names" a key when one of its string literals is the key, or is a prefix of it ending at a dot
 * (`'help.manager'` for `${prefix}.heading`), or when a template literal starts with a prefix of it holding a dot
 * (`` `help.item.${name}` ``). Only files esbuild put code of into an output count (see bundledFiles in build.ts). Over-matching only keeps a text in both places; a key no sidebar names stays in
 * Code.js, so a key built some other way is never lost.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..');
const CATALOG_DIR = path.join(root, 'src/core/i18n/catalog');

/** key → [en, zh-CN]. */
export type MergedCatalogue = Record<string, [string, string]>;

/**
 * Every feature catalogue merged as src/core/i18n merges them (a later catalogue wins), each key once.
 * @throws Error when a key lacks its English or its Chinese text.
 */
export function mergedCatalogue(): MergedCatalogue {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { catalogs } = require(path.join(CATALOG_DIR, 'index.ts')) as {
    catalogs: { en: Record<string, string>; 'zh-CN': Record<string, string> }[];
  };
  const merged: Record<string, [string, string]> = {};
  for (const catalog of catalogs) {
    for (const [key, text] of Object.entries(catalog.en)) (merged[key] ??= ['', ''])[0] = text;
    for (const [key, text] of Object.entries(catalog['zh-CN'])) (merged[key] ??= ['', ''])[1] = text;
  }
  for (const [key, [en, zh]] of Object.entries(merged))
    if (en === '' || zh === '') throw new Error(`catalogue key ${key} lacks a text in en or zh-CN`);
  return merged;
}

/** The string literals of a source file and the prefixes they stand for. */
function literalsOf(file: string): { exact: Set<string>; prefixes: string[] } {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    false,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      exact.add(node.text);
      if (node.text.includes('.')) prefixes.push(node.text.endsWith('.') ? node.text : `${node.text}.`);
    } else if (ts.isTemplateHead(node) && node.text.includes('.')) prefixes.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { exact, prefixes };
}

const literalsCache = new Map<string, { exact: Set<string>; prefixes: string[] }>();

/** The keys the source files name (see the file header); catalogue files and non-TypeScript inputs are skipped. */
export function keysNamedIn(files: readonly string[], keys: readonly string[]): Set<string> {
  const named = new Set<string>();
  for (const file of files) {
    const absolute = path.resolve(root, file);
    if (!/\.tsx?$/.test(absolute) || absolute.startsWith(CATALOG_DIR + path.sep)) continue;
    let literals = literalsCache.get(absolute);
    if (!literals) literalsCache.set(absolute, (literals = literalsOf(absolute)));
    const { exact, prefixes } = literals;
    for (const key of keys)
      if (exact.has(key) || prefixes.some((prefix) => key.startsWith(prefix))) named.add(key);
  }
  return named;
}

/**
 * The keys Code.js keeps: those its files name, and those no sidebar's files name either.
 * @param serverFiles the files bundled into Code.js; @param uiFiles those bundled into any sidebar.
 */
export function serverCatalogueKeys(
  catalogue: MergedCatalogue,
  serverFiles: readonly string[],
  uiFiles: readonly string[],
): Set<string> {
  const keys = Object.keys(catalogue);
  const server = keysNamedIn(serverFiles, keys);
  const namedByUi = keysNamedIn([...new Set(uiFiles)], keys);
  for (const key of keys) if (!namedByUi.has(key)) server.add(key);
  return server;
}

/** A sidebar's own texts: the keys its bundled files name that Code.js does not keep, in both languages. */
export function sidebarOwnMessages(
  catalogue: MergedCatalogue,
  serverKeys: ReadonlySet<string>,
  inputs: readonly string[],
): { en: Record<string, string>; 'zh-CN': Record<string, string> } {
  const keys = Object.keys(catalogue).filter((key) => !serverKeys.has(key));
  const own = { en: {} as Record<string, string>, 'zh-CN': {} as Record<string, string> };
  for (const key of [...keysNamedIn(inputs, keys)].sort()) {
    own.en[key] = catalogue[key][0];
    own['zh-CN'][key] = catalogue[key][1];
  }
  return own;
}
