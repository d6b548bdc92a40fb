/**
 * Issue 12: the built outputs stay within their "must" byte limits (bench/budgets.ts). Apps Script compiles all of
 * Code.js at the start of every execution, and each sidebar is loaded whole when it opens; a library imported the
 * wrong way (zod's classic build inlined its 57 locales) shows up here, not in production.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUNDLE_BYTES, SIDEBAR_BYTES, kib } from '../../bench/budgets';

const dist = path.resolve(__dirname, '../../dist');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as { ui: string[] };
const bytesOf = (file: string) => fs.statSync(path.join(dist, file)).size;

describe('output sizes', () => {
  test(`dist/Code.js is at most ${kib(BUNDLE_BYTES.must)}`, () => {
    expect(bytesOf('Code.js')).toBeLessThanOrEqual(BUNDLE_BYTES.must);
  });

  test(`every sidebar and dialog is at most ${kib(SIDEBAR_BYTES.must)} on its own`, () => {
    expect(manifest.ui.length).toBeGreaterThan(0);
    const over = manifest.ui
      .map((name) => ({ name, bytes: bytesOf(`${name}.html`) }))
      .filter((entry) => entry.bytes > SIDEBAR_BYTES.must);
    expect(over).toEqual([]);
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
