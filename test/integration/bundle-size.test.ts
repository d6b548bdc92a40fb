/**
 * Issue 12: the built outputs stay within their "must" byte limits (bench/budgets.ts). Apps Script compiles all of
 * Code.js at the start of every execution, and each sidebar is loaded whole when it opens; a library imported the
 * wrong way (zod's classic build inlined its 57 locales) shows up here, not in production.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUNDLE_BYTES, DATA_BYTES, SIDEBAR_BYTES, kib } from '../../bench/budgets';
import { META_DIR } from '../../scripts/build';

const dist = path.resolve(__dirname, '../../dist');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as {
  ui: string[];
  data: string[];
};
const bytesOf = (file: string) => fs.statSync(path.join(dist, file)).size;

describe('output sizes', () => {
  test(`dist/Code.js is at most ${kib(BUNDLE_BYTES.must)}`, () => {
    expect(bytesOf('Code.js')).toBeLessThanOrEqual(BUNDLE_BYTES.must);
  });

  // The sidebars meet their target with room (the largest form is ~70 KB), so the test holds them to it.
  test(`every sidebar and dialog is at most ${kib(SIDEBAR_BYTES.target)} on its own (the target)`, () => {
    expect(manifest.ui.length).toBeGreaterThan(0);
    const over = manifest.ui
      .map((name) => ({ name, bytes: bytesOf(`${name}.html`) }))
      .filter((entry) => entry.bytes > SIDEBAR_BYTES.target);
    expect(over).toEqual([]);
  });

  // Data files (the default sample, the texts of rare operations) are read whole by the operation that needs them.
  test.each(Object.entries(DATA_BYTES))('data file dist/%s is within its must limit', (file, budget) => {
    expect(manifest.data.map((name) => `${name}.html`)).toContain(file);
    expect(bytesOf(file)).toBeLessThanOrEqual(budget.must);
  });

  test('every data file of the build has a budget and is no sidebar', () => {
    expect(manifest.data.map((name) => `${name}.html`).sort()).toEqual(Object.keys(DATA_BYTES).sort());
    for (const name of manifest.data) expect(manifest.ui).not.toContain(name);
  });

  test('Code.js bundles no npm package, and the sidebars none but preact', () => {
    // zod (forms) and papaparse (CSV import) were replaced by src/core/validation/record-schema.ts and
    // src/core/csv/parse.ts; a package coming back in shows here with its cost.
    const packagesIn = (output: string): string[] => {
      const meta = JSON.parse(fs.readFileSync(path.join(META_DIR, `${output}.json`), 'utf8')) as {
        outputs: Record<string, { inputs: Record<string, unknown> }>;
      };
      const names = new Set<string>();
      for (const out of Object.values(meta.outputs))
        for (const input of Object.keys(out.inputs)) {
          const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
          if (match) names.add(match[1]);
        }
      return [...names].sort();
    };
    expect(packagesIn('Code.js')).toEqual([]);
    for (const name of manifest.ui) expect(packagesIn(`${name}.html`)).toEqual(['preact']);
  });

  test('no output carries zod locales or a second copy of the message catalogue in a sidebar', () => {
    const code = fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');
    // A locale of zod's classic build (its Azerbaijani error map) is the tell-tale of `import { z } from 'zod'`.
    expect(code).not.toMatch(/Yanlış dəyər/);
    for (const name of manifest.ui) {
      const html = fs.readFileSync(path.join(dist, `${name}.html`), 'utf8');
      expect(html).not.toMatch(/Yanlış dəyər/);
      // The catalogue reaches a sidebar with apiBootstrap; a message of the reminders feature must not be bundled.
      expect(html).not.toContain('SalesDesk follow-ups for {date}');
    }
  });
});
