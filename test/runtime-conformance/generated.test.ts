/**
 * The generated member lists and the coverage table are never stale: they are regenerated here from
 * @types/google-apps-script and the runtime, and compared with the committed files
 * (run `npx tsx scripts/generate-members.ts` after changing the runtime).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { coverageMarkdown, coverageRows, HEADLINE_CLASSES } from '../../scripts/coverage';
import { COVERAGE_FILE, memberFiles } from '../../scripts/generate-members';

const root = join(__dirname, '../..');

describe('generated files', () => {
  it('runtime/spreadsheet/generated-members.ts and runtime/services/generated-services.ts are up to date', async () => {
    for (const [file, content] of Object.entries(await memberFiles())) {
      expect({ file, content: readFileSync(join(root, file), 'utf8') }).toEqual({ file, content });
    }
  });

  it('runtime/COVERAGE.md is up to date', async () => {
    expect(readFileSync(join(root, COVERAGE_FILE), 'utf8')).toBe(await coverageMarkdown());
  });

  it('every implemented member is counted once, and each headline class is measured', async () => {
    const rows = await coverageRows();
    for (const cls of HEADLINE_CLASSES)
      expect(rows.find((r) => r.cls === cls)?.documented).toBeGreaterThan(0);
  });
});
