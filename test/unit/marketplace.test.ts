/**
 * The install guide and the Marketplace listing stay true to the project: graphics at the sizes the listing
 * names, the OAuth scope tables equal to appsscript.json (each with a reason) in both languages, the documented
 * npm scripts and files exist, and every relative link between the docs pages resolves.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ASSETS } from '../../scripts/render-marketplace-assets';

const root = path.resolve(__dirname, '../..');
const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');
const DOCS = [
  'docs/install.md',
  'docs/install.zh-CN.md',
  'docs/privacy.md',
  'docs/terms.md',
  'docs/support.md',
  'docs/marketplace/listing.md',
];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = fs.readFileSync(path.join(root, file));
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('each listing graphic is rendered at the size the listing table names', () => {
  const listing = read('docs/marketplace/listing.md');
  for (const asset of ASSETS) {
    expect(pngSize(`docs/marketplace/${asset.png}`)).toEqual([asset.width, asset.height]);
    expect(listing).toContain(`| ${asset.width} × ${asset.height} | \`${asset.png}\` | \`${asset.svg}\` |`);
  }
  // The sizes name their source: Google's store-listing page (icons 128 and 32, card banner 220 × 140).
  expect(listing).toContain('https://developers.google.com/workspace/marketplace/create-listing');
  expect(ASSETS.map((asset) => `${asset.width}x${asset.height}`).sort()).toEqual([
    '128x128',
    '220x140',
    '32x32',
  ]);
});

test.each(['docs/install.md', 'docs/install.zh-CN.md'])(
  '%s lists exactly the manifest scopes, each with a reason',
  (file) => {
    const scopes = (JSON.parse(read('appsscript.json')) as { oauthScopes: string[] }).oauthScopes;
    const rows = [
      ...read(file).matchAll(/^\| `(https:\/\/www\.googleapis\.com\/auth\/[^`]+)` \| (.+) \|$/gm),
    ];
    expect(rows.map((r) => r[1]).sort()).toEqual([...scopes].sort());
    for (const row of rows) expect(row[2].trim().length).toBeGreaterThan(10);
  },
);

test('the documented clasp route names scripts and files that exist', () => {
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
  for (const file of ['docs/install.md', 'docs/install.zh-CN.md', 'README.md']) {
    const text = read(file);
    for (const name of [...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]))
      expect({ file, name, defined: name in scripts }).toEqual({ file, name, defined: true });
    expect(text).toContain('npx clasp create --type sheets --title SalesDesk --rootDir dist');
    expect(text).toContain('npm run clasp:use -- <');
  }
  expect(fs.existsSync(path.join(root, '.clasp.json.example'))).toBe(true);
});

test('the policy and support pages are in English and Chinese, and every relative link resolves', () => {
  for (const file of ['docs/privacy.md', 'docs/terms.md', 'docs/support.md']) {
    expect(read(file)).toMatch(/^## English$/m);
    expect(read(file)).toMatch(/^## 中文$/m);
  }
  for (const file of DOCS) {
    for (const [, target] of read(file).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      if (/^https?:/.test(target)) continue;
      const resolved = path.join(path.dirname(path.join(root, file)), target);
      expect({ file, target, exists: fs.existsSync(resolved) }).toEqual({ file, target, exists: true });
    }
  }
});
