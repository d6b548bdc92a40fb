/**
 * Points clasp at an Apps Script project without editing JSON by hand, and checks that before a push.
 * The repo ships only `.clasp.json.example` (a committed `.clasp.json` made `clasp create` refuse with
 * "Project file already exists."), so each deployer's own `.clasp.json` stays out of git.
 *
 *   npm run clasp:use -- <scriptId> [--force]   write .clasp.json { scriptId, rootDir: "dist" }
 *   tsx scripts/clasp-project.ts check          exit 1, saying what to do, when .clasp.json is missing or wrong
 *
 * clasp pushes everything of dist/ Apps Script knows: Code.js, appsscript.json and every .html file — the sidebars
 * and the data files (manifest.json `data`: sample-data, rare-data) the script reads with HtmlService.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Apps Script IDs are long URL-safe base64 strings (typically 57 characters); 20+ rules out typos and URLs. */
const SCRIPT_ID = /^[A-Za-z0-9_-]{20,}$/;
const PLACEHOLDER = 'REPLACE_WITH_YOUR_SCRIPT_ID';

export interface ClaspProject {
  scriptId: string;
  rootDir: string;
}

/** Accepts a bare script ID or the editor URL it was copied from (…/projects/<id>/edit). */
export function parseScriptId(input: string): string | undefined {
  const fromUrl = /\/projects\/([A-Za-z0-9_-]+)/.exec(input)?.[1];
  const id = (fromUrl ?? input).trim();
  return SCRIPT_ID.test(id) && id !== PLACEHOLDER ? id : undefined;
}

/** What is wrong with a .clasp.json, or undefined when clasp can push dist/ with it. */
export function problemWith(file: string): string | undefined {
  if (!fs.existsSync(file))
    return 'No .clasp.json yet: run `npm run clasp:use -- <scriptId>` (script ID from Extensions → Apps Script → Project settings) or `npx clasp create --type sheets --title SalesDesk --rootDir dist`.';
  let project: Partial<ClaspProject>;
  try {
    project = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ClaspProject>;
  } catch {
    return `${file} is not valid JSON.`;
  }
  if (!project.scriptId || !parseScriptId(project.scriptId))
    return `${file} has no real scriptId: run \`npm run clasp:use -- <scriptId>\`.`;
  // clasp pushes rootDir as it is: anything but the build output would push src/ (TypeScript) or nothing.
  if (path.resolve(path.dirname(file), project.rootDir ?? '.') !== path.resolve(path.dirname(file), 'dist'))
    return `${file} must have "rootDir": "dist" (clasp pushes the build, never src/).`;
  return undefined;
}

function main(argv: string[], cwd: string): number {
  const file = path.join(cwd, '.clasp.json');
  const [command, ...rest] = argv;
  if (command === 'use') {
    const force = rest.includes('--force');
    const id = parseScriptId(rest.find((a) => a !== '--force') ?? '');
    if (!id) {
      console.error(
        'usage: npm run clasp:use -- <scriptId> [--force]  (the ID from Project settings, or the editor URL)',
      );
      return 2;
    }
    if (fs.existsSync(file) && !force) {
      const current = (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ClaspProject>).scriptId;
      if (current && current !== id && parseScriptId(current)) {
        console.error(`.clasp.json already points at ${current}; add --force to switch to ${id}.`);
        return 1;
      }
    }
    const project: ClaspProject = { scriptId: id, rootDir: 'dist' };
    fs.writeFileSync(file, JSON.stringify(project, null, 2) + '\n');
    console.log(`.clasp.json → script ${id}, rootDir dist. Next: npx clasp login (once), then npm run push.`);
    return 0;
  }
  if (command === 'check') {
    const problem = problemWith(file);
    if (problem) {
      console.error(problem);
      return 1;
    }
    return 0;
  }
  console.error('usage: tsx scripts/clasp-project.ts use <scriptId> [--force] | check');
  return 2;
}

if (require.main === module) process.exit(main(process.argv.slice(2), process.cwd()));
