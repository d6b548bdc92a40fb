/**
 * Issue 12, what the lean build changes must not change: the message catalogue. Code.js carries, as one text
 * (scripts/build.ts, lazy-catalogue), exactly the source texts of the keys server code can ask for, and apiBootstrap
 * sends them; each key only sidebars name is bundled, in both languages, into every sidebar naming it
 * (scripts/catalogue-split.ts); together they are the whole source catalogue.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LocalRuntime } from '../../runtime';
import { catalogKeys, messagesOf } from '../../src/core/i18n';

const root = path.resolve(__dirname, '../..');
const distDir = process.env.SALESDESK_DIST ?? path.join(root, 'dist');
const NOW = new Date('2026-03-16T02:00:00Z');
const OWNER = 'owner@example.com';

/** Which keys the build put where (written by scripts/build.ts next to esbuild's metafiles). */
function split(): { server: string[]; sidebars: Record<string, string[]> } {
  return JSON.parse(fs.readFileSync(path.join(root, 'out/build-meta/catalogue.json'), 'utf8')) as {
    server: string[];
    sidebars: Record<string, string[]>;
  };
}

describe('the catalogue in dist/', () => {
  it.each(['en', 'zh-CN'] as const)('Code.js holds the source texts of its keys (%s)', async (locale) => {
    const rt = await LocalRuntime.create({
      bundleDir: distDir,
      now: NOW,
      owner: OWNER,
      addOnName: 'SalesDesk',
    });
    const boot = rt.execute<{ locale: string; messages: Record<string, string> }>('apiBootstrap', [], {
      user: OWNER,
      locale,
    });
    expect(boot.error).toBeUndefined();
    expect(boot.value?.locale).toBe(locale);
    const source = messagesOf(locale);
    const { server } = split();
    expect(Object.keys(boot.value?.messages ?? {}).sort()).toEqual([...server].sort());
    expect(boot.value?.messages).toEqual(Object.fromEntries(server.map((key) => [key, source[key]])));
    // Most texts are the server's: what it writes into sheets, menus, e-mails and its answers.
    expect(server.length).toBeGreaterThan(catalogKeys('en').length / 2);
  });

  it('every key is in Code.js or in each sidebar that names it, in both languages', () => {
    const { server, sidebars } = split();
    const placed = new Set([...server, ...Object.values(sidebars).flat()]);
    expect([...placed].sort()).toEqual([...catalogKeys('en')].sort());
    expect(Object.keys(sidebars).length).toBeGreaterThanOrEqual(10);
    const en = messagesOf('en');
    const zh = messagesOf('zh-CN');
    for (const [name, keys] of Object.entries(sidebars)) {
      const html = fs.readFileSync(path.join(distDir, `${name}.html`), 'utf8');
      for (const key of keys) {
        expect(server).not.toContain(key);
        expect({ name, key, found: html.includes(key) }).toEqual({ name, key, found: true });
        expect({ name, key, en: html.includes(en[key]), zh: html.includes(zh[key]) }).toEqual({
          name,
          key,
          en: true,
          zh: true,
        });
      }
    }
  });
});
