/**
 * Issue 12, what the lean build changes must not change: the message catalogue. Code.js carries, as one text
 * (scripts/build.ts, lazy-catalogue), exactly the source texts of the keys server code can ask for, and apiBootstrap
 * sends them; each key only sidebars name is bundled, in both languages, into every sidebar naming it
 * (scripts/catalogue-split.ts); the keys only rare operations name are in the project file rare-data.html
 * (scripts/rare-data.ts); together they are the whole source catalogue. Data only rare operations need (the sample
 * generator, the template's set-up texts) is not in Code.js.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LocalRuntime } from '../../runtime';
import { catalogKeys, messagesOf } from '../../src/core/i18n';
import { SETTINGS, SHEETS } from '../../templates';

const root = path.resolve(__dirname, '../..');
const distDir = process.env.SALESDESK_DIST ?? path.join(root, 'dist');
const NOW = new Date('2026-03-16T02:00:00Z');
const OWNER = 'owner@example.com';

/** Which keys the build put where (written by scripts/build.ts next to esbuild's metafiles). */
function split(): { server: string[]; rare: string[]; sidebars: Record<string, string[]> } {
  return JSON.parse(fs.readFileSync(path.join(root, 'out/build-meta/catalogue.json'), 'utf8')) as {
    server: string[];
    rare: string[];
    sidebars: Record<string, string[]>;
  };
}

/** The JSON a data file of dist/ carries in its script element. */
function dataOf<T>(file: string): T {
  const html = fs.readFileSync(path.join(distDir, file), 'utf8');
  const open = '<script type="application/json">';
  return JSON.parse(html.slice(html.indexOf(open) + open.length, html.lastIndexOf('</script>'))) as T;
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

  it('every key is in Code.js, in rare-data.html or in each sidebar that names it, in both languages', () => {
    const { server, rare, sidebars } = split();
    const placed = new Set([...server, ...rare, ...Object.values(sidebars).flat()]);
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

  it('the texts only rare operations name are in rare-data.html, in both languages, and not in Code.js', () => {
    const { server, rare, sidebars } = split();
    expect(rare.length).toBeGreaterThan(20);
    const { messages } = dataOf<{ messages: Record<string, [string, string]> }>('rare-data.html');
    const en = messagesOf('en');
    const zh = messagesOf('zh-CN');
    expect(Object.keys(messages).sort()).toEqual([...rare].sort());
    for (const key of rare) {
      expect({ key, texts: messages[key] }).toEqual({ key, texts: [en[key], zh[key]] });
      expect(server).not.toContain(key);
      for (const keys of Object.values(sidebars)) expect(keys).not.toContain(key);
    }
    const code = fs.readFileSync(path.join(distDir, 'Code.js'), 'utf8');
    expect(code).not.toContain(JSON.stringify(en['setup.change.sheetCreated']).slice(1, -1));
  });
});

describe('data only rare operations need is not in Code.js', () => {
  const code = fs.readFileSync(path.join(distDir, 'Code.js'), 'utf8');

  it('the sample generator is not bundled: Load sample data reads sample-data.html', () => {
    const meta = JSON.parse(fs.readFileSync(path.join(root, 'out/build-meta/Code.js.json'), 'utf8')) as {
      outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
    };
    const bytes = (input: string) =>
      Object.values(meta.outputs).reduce((sum, out) => sum + (out.inputs[input]?.bytesInOutput ?? 0), 0);
    for (const input of [
      'templates/sample.ts',
      'templates/sample-opportunities.ts',
      'templates/service-sample.ts',
    ])
      expect({ input, bytes: bytes(input) < 64 }).toEqual({ input, bytes: true });
    // Names and texts only the generator holds.
    for (const text of ['Northwind', 'xiuying', '介绍了专业版功能']) expect(code).not.toContain(text);
  });

  it("the template's column help and Settings descriptions are in rare-data.html, not in Code.js", () => {
    const { setup } = dataOf<{ setup: [string, string][] }>('rare-data.html');
    const help = SHEETS.customers.columns.find((column) => column.key === 'id')!.help;
    const described = SETTINGS.find((spec) => spec.key === 'tierVipMinOrders')!.description;
    for (const text of [help, described]) {
      expect(setup).toContainEqual([text.en, text['zh-CN']]);
      expect(code).not.toContain(text.en);
      expect(code).not.toContain(text['zh-CN']);
    }
    // Headers every execution reads stay in Code.js.
    expect(code).toContain(SHEETS.customers.columns[0].headers['zh-CN']);
  });
});
