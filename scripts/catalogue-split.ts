/**
 * Which catalogue texts go where (used by scripts/build.ts). Code.js, compiled by every execution, carries the texts
 * server code can ask for; a text that only sidebar code names is bundled into the sidebars that name it
 * (src/ui/shared/own-messages.ts) instead, and the server sends the rest with apiBootstrap.
 *
 * What an output names is read from a first build of it (esbuild's code, after tree-shaking, so code an output does
 * not bundle names nothing): a key is named by a literal that is the key or one of its dotted prefixes
 * (`'help.manager'` for `${prefix}.heading`, whose text is then the prefix `help.manager.`), or by a template
 * literal starting with such a prefix (`` `help.item.${name}` ``). Over-matching only keeps a text in both places; a
 * key no sidebar names stays in Code.js, so a key built some other way is never lost.
 */
import * as path from 'node:path';

const CATALOG_INDEX = path.resolve(__dirname, '../src/core/i18n/catalog/index.ts');

/** key → [en, zh-CN]. */
export type MergedCatalogue = Record<string, [string, string]>;

/**
 * Every feature catalogue merged as src/core/i18n merges them (a later catalogue wins), each key once.
 * @throws Error when a key lacks its English or its Chinese text.
 */
export function mergedCatalogue(): MergedCatalogue {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { catalogs } = require(CATALOG_INDEX) as {
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

/**
 * Every dotted literal of a bundle's code: `"a.b"` in any quotes, and `` `a.b.${`` (a template's head).
 * @returns the exact texts, and the prefixes they stand for (`a.b.` for both).
 */
function literalsOf(code: string): { exact: Set<string>; prefixes: Set<string> } {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  for (const match of code.matchAll(/["'`]([A-Za-z_$][\w$]*(?:\.[\w$]+)*\.?)(["'`]|\$\{)/g)) {
    const text = match[1];
    if (!text.includes('.')) continue;
    if (match[2] !== '${') exact.add(text);
    prefixes.add(text.endsWith('.') ? text : `${text}.`);
  }
  return { exact, prefixes };
}

/** The keys a bundle's code names: a literal that is the key, or one of the key's dotted prefixes. */
export function keysNamedIn(code: string, keys: readonly string[]): Set<string> {
  const { exact, prefixes } = literalsOf(code);
  return new Set(
    keys.filter((key) => {
      if (exact.has(key)) return true;
      for (let dot = key.indexOf('.'); dot >= 0; dot = key.indexOf('.', dot + 1))
        if (prefixes.has(key.slice(0, dot + 1))) return true;
      return false;
    }),
  );
}

/**
 * The keys Code.js keeps: those its code names, and those no sidebar's code names either.
 * @param serverCode a first build of Code.js (its catalogue left out); @param uiCode one of each sidebar.
 */
export function serverCatalogueKeys(
  catalogue: MergedCatalogue,
  serverCode: string,
  uiCode: readonly string[],
): Set<string> {
  const keys = Object.keys(catalogue);
  const server = keysNamedIn(serverCode, keys);
  const namedByUi = new Set(uiCode.flatMap((code) => [...keysNamedIn(code, keys)]));
  for (const key of keys) if (!namedByUi.has(key)) server.add(key);
  return server;
}

/** A sidebar's own texts: the keys its code names that Code.js does not keep, in both languages. */
export function sidebarOwnMessages(
  catalogue: MergedCatalogue,
  serverKeys: ReadonlySet<string>,
  code: string,
): { en: Record<string, string>; 'zh-CN': Record<string, string> } {
  const keys = Object.keys(catalogue).filter((key) => !serverKeys.has(key));
  const own = { en: {} as Record<string, string>, 'zh-CN': {} as Record<string, string> };
  for (const key of [...keysNamedIn(code, keys)].sort()) {
    own.en[key] = catalogue[key][0];
    own['zh-CN'][key] = catalogue[key][1];
  }
  return own;
}
