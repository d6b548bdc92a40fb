/**
 * dist/Code.js is what `clasp push` uploads: Apps Script only finds top-level function declarations, so every
 * entry point must be one, custom functions must keep their JSDoc, and nothing may need Node or a module loader.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { allMenuHandlers, TRIGGER_HANDLERS } from '../../src/core/menu';

const dist = path.resolve(__dirname, '../../dist');
const code = fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as {
  entryPoints: string[];
  audiences: Record<string, string>;
  customFunctions: { name: string; params: string[] }[];
  ui: string[];
};
const source = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
const topLevel = new Map<string, ts.FunctionDeclaration>();
for (const statement of source.statements) {
  if (ts.isFunctionDeclaration(statement) && statement.name) topLevel.set(statement.name.text, statement);
}

describe('dist/Code.js', () => {
  test('every export of src/server/index.ts is a top-level function declaration', () => {
    expect(manifest.entryPoints.length).toBeGreaterThan(0);
    const missing = manifest.entryPoints.filter((name) => !topLevel.has(name));
    expect(missing).toEqual([]);
  });

  test('the bundle exposes exactly the declared entry points, each with its audience', () => {
    // google.script.run can call any top-level function: anything beyond the list would be callable unguarded.
    expect([...topLevel.keys()].sort()).toEqual([...manifest.entryPoints].sort());
    const audiences = new Set(['manager', 'rep', 'anyone', 'trigger', 'custom-function']);
    expect(manifest.entryPoints.filter((name) => !audiences.has(manifest.audiences[name]))).toEqual([]);
    // Helpers once exposed by `export *` stay internal.
    expect(manifest.entryPoints).not.toContain('runCheck');
    expect(manifest.entryPoints).not.toContain('refreshTiers');
    for (const handler of TRIGGER_HANDLERS.filter((name) => !['onOpen', 'onInstall'].includes(name)))
      expect([handler, manifest.audiences[handler]]).toEqual([handler, 'trigger']);
  });

  test('every menu handler and trigger handler is a top-level function', () => {
    const missing = [...allMenuHandlers(), ...TRIGGER_HANDLERS].filter((name) => !topLevel.has(name));
    expect(missing).toEqual([]);
  });

  test('no entry point is private to Apps Script (trailing underscore)', () => {
    expect([...topLevel.keys()].filter((name) => name.endsWith('_'))).toEqual([]);
  });

  test('custom functions keep their @customfunction JSDoc and real parameter names', () => {
    for (const fn of manifest.customFunctions) {
      const declaration = topLevel.get(fn.name);
      expect(declaration).toBeDefined();
      const docs = ts.getJSDocCommentsAndTags(declaration!).map((d) => d.getText());
      expect(docs.join('\n')).toMatch(/@customfunction/);
      expect(declaration!.parameters.map((p) => p.name.getText())).toEqual(
        fn.params.map((p) => p.replace('...', '')),
      );
    }
  });

  test('the bundle needs no module loader and no Node built-ins', () => {
    expect(code).not.toMatch(/\brequire\s*\(/);
    expect(code).not.toMatch(/^\s*(export|import)\s/m);
    expect(code).not.toMatch(/["']node:/);
    expect(code).not.toMatch(/hyperformula/i);
  });

  test('every sidebar is one self-contained HTML file', () => {
    for (const name of manifest.ui) {
      const html = fs.readFileSync(path.join(dist, `${name}.html`), 'utf8');
      expect(html).toMatch(/<script>[\s\S]+<\/script>/);
      expect(html).not.toMatch(/<script[^>]+src=/);
      expect(html).not.toMatch(/<link[^>]+stylesheet/);
    }
  });

  test('appsscript.json ships with the V8 runtime and explicit scopes', () => {
    const appsscript = JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8')) as {
      runtimeVersion: string;
      oauthScopes: string[];
    };
    expect(appsscript.runtimeVersion).toBe('V8');
    expect(appsscript.oauthScopes.length).toBeGreaterThan(0);
  });
});
