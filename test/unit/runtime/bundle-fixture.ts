/**
 * Writes a tiny hand-written bundle (Code.js + manifest.json + appsscript.json + html files) to a temp dir for
 * runtime tests. The script's time zone is Asia/Shanghai (appsscript.json), which the tests' expectations assume.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface FixtureBundle {
  code: string;
  customFunctions?: { name: string; params: string[] }[];
  html?: Record<string, string>;
}

export function writeBundle(bundle: FixtureBundle): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-runtime-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), bundle.code);
  fs.writeFileSync(
    path.join(dir, 'appsscript.json'),
    JSON.stringify({ timeZone: 'Asia/Shanghai', runtimeVersion: 'V8' }),
  );
  fs.writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      entryPoints: [],
      customFunctions: bundle.customFunctions ?? [],
      ui: Object.keys(bundle.html ?? {}),
    }),
  );
  for (const [name, html] of Object.entries(bundle.html ?? {}))
    fs.writeFileSync(path.join(dir, `${name}.html`), html);
  return dir;
}
