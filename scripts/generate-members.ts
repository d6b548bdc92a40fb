/**
 * Generates, from @types/google-apps-script (the member lists of the Apps Script reference):
 * - runtime/spreadsheet/generated-members.ts: the enums the runtime exposes (SpreadsheetApp.DataValidationCriteria,
 *   Charts.ChartType, ...);
 * - runtime/services/generated-services.ts: the documented members of every class the runtime can hand to a
 *   script and of every global service, which the membrane uses to tell "documented but not implemented" (a clear
 *   error) from "not an Apps Script member" (undefined, as in Apps Script);
 * - runtime/COVERAGE.md: how many documented members the runtime implements, per class.
 * Run: npx tsx scripts/generate-members.ts. test/runtime-conformance/generated.test.ts fails when a file is stale.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const typesDir = join(root, 'node_modules/@types/google-apps-script');

/** Members of one declared interface or enum. */
interface Declaration {
  kind: 'interface' | 'enum';
  methods: Set<string>;
  properties: Set<string>;
  extends: string[];
}

/** namespace → name → declaration, and the global variables (`declare var UrlFetchApp: ...`). */
export interface ParsedTypes {
  namespaces: Map<string, Map<string, Declaration>>;
  globals: Map<string, { namespace: string; name: string }>;
}

/** Reads every declaration file of @types/google-apps-script. */
export function parseTypes(): ParsedTypes {
  const namespaces = new Map<string, Map<string, Declaration>>();
  const globals = new Map<string, { namespace: string; name: string }>();
  for (const file of readdirSync(typesDir)
    .filter((f) => f.endsWith('.d.ts'))
    .sort()) {
    let namespace = '';
    let current: Declaration | undefined;
    for (const line of readFileSync(join(typesDir, file), 'utf8').split('\n')) {
      const ns = /^ {4}namespace (\w+)/.exec(line);
      if (ns) {
        namespace = ns[1];
        if (!namespaces.has(namespace)) namespaces.set(namespace, new Map());
        continue;
      }
      const global = /^declare var (\w+): GoogleAppsScript\.(\w+)\.(\w+);/.exec(line);
      if (global) globals.set(global[1], { namespace: global[2], name: global[3] });
      const open = /^ {8}(?:export )?(interface|enum) (\w+)(?:<[^>]*>)?(?: extends ([\w., ]+))?/.exec(line);
      if (open && namespace) {
        current = {
          kind: open[1] as 'interface' | 'enum',
          methods: new Set(),
          properties: new Set(),
          extends: open[3] ? open[3].split(',').map((x) => x.trim()) : [],
        };
        namespaces.get(namespace)?.set(open[2], current);
        if (/\}\s*$/.test(line)) current = undefined;
        continue;
      }
      if (!current) continue;
      if (/^ {8}\}/.test(line)) {
        current = undefined;
        continue;
      }
      if (current.kind === 'enum') {
        const member = /^ {12}(\w+)(?:\s*=\s*[^,]+)?,?\s*$/.exec(line);
        if (member) current.properties.add(member[1]);
        continue;
      }
      const method = /^ {12}(\w+)\??(?:<[^>]*>)?\(/.exec(line);
      if (method) {
        current.methods.add(method[1]);
        continue;
      }
      const property = /^ {12}(?:readonly )?(\w+)\??:/.exec(line);
      if (property) current.properties.add(property[1]);
    }
  }
  return { namespaces, globals };
}

/** Methods and properties of an interface, with those of the interfaces it extends. */
function membersOf(
  types: ParsedTypes,
  namespace: string,
  name: string,
): { methods: string[]; properties: string[] } {
  const methods = new Set<string>();
  const properties = new Set<string>();
  const visit = (ns: string, n: string): void => {
    const declaration = types.namespaces.get(ns)?.get(n);
    if (!declaration) return;
    declaration.methods.forEach((m) => methods.add(m));
    declaration.properties.forEach((p) => properties.add(p));
    for (const parent of declaration.extends) {
      const [a, b] = parent.split('.');
      if (b) visit(a, b);
      else visit(ns, a);
    }
  };
  visit(namespace, name);
  return { methods: [...methods].sort(), properties: [...properties].sort() };
}

/**
 * Namespaces whose classes the runtime hands to scripts, in the order that settles a name used by two of them
 * (Spreadsheet's Range before Document's).
 */
const IMPLEMENTED_NAMESPACES = [
  'Spreadsheet',
  'Base',
  'HTML',
  'Script',
  'Utilities',
  'Cache',
  'Lock',
  'Properties',
  'Mail',
  'Drive',
  'Charts',
];

/**
 * Enum members the reference documents but @types/google-apps-script does not list yet.
 * developers.google.com/apps-script/reference/spreadsheet/data-validation-criteria
 */
const ENUM_SUPPLEMENT: Record<string, string[]> = {
  DataValidationCriteria: [
    'DATE_AFTER_RELATIVE',
    'DATE_BEFORE_RELATIVE',
    'DATE_EQUAL_TO_RELATIVE',
    'DATE_ON_OR_AFTER_RELATIVE',
    'DATE_ON_OR_BEFORE_RELATIVE',
  ],
};

/** Generated files are listed in .prettierignore: their layout is JSON's, so the check needs no formatter. */
const json = (value: unknown): string => JSON.stringify(value, null, 2);

/** The text of runtime/spreadsheet/generated-members.ts. */
export async function spreadsheetMembersFile(types = parseTypes()): Promise<string> {
  const spreadsheet = types.namespaces.get('Spreadsheet') ?? new Map<string, Declaration>();
  const charts = types.namespaces.get('Charts') ?? new Map<string, Declaration>();
  const enums: Record<string, string[]> = {};
  for (const [name, d] of spreadsheet) {
    if (d.kind === 'enum') enums[name] = [...d.properties, ...(ENUM_SUPPLEMENT[name] ?? [])];
  }
  const chartEnum = (name: string): string[] => [...(charts.get(name)?.properties ?? [])];
  const source = [
    '// Generated by scripts/generate-members.ts from @types/google-apps-script. Do not edit.',
    '',
    '/** Values of the Spreadsheet-service enums, with members the reference has and the types lack. */',
    `export const SPREADSHEET_ENUMS: Readonly<Record<string, readonly string[]>> = ${json(enums)};`,
    '',
    '/** Charts enums the runtime exposes. */',
    `export const CHART_ENUMS: Readonly<Record<string, readonly string[]>> = ${json({ ChartType: chartEnum('ChartType'), Position: chartEnum('Position'), LegendPosition: chartEnum('LegendPosition') })};`,
    '',
  ].join('\n');
  return source;
}

/** The text of runtime/services/generated-services.ts. */
export async function servicesMembersFile(types = parseTypes()): Promise<string> {
  const classes: Record<string, { methods: string[]; properties: string[] }> = {};
  for (const ns of IMPLEMENTED_NAMESPACES) {
    for (const [name, d] of types.namespaces.get(ns) ?? []) {
      if (d.kind !== 'interface' || classes[name]) continue;
      classes[name] = membersOf(types, ns, name);
    }
  }
  const globals: Record<string, string> = {};
  for (const [global, { namespace, name }] of [...types.globals].sort((a, b) => a[0].localeCompare(b[0]))) {
    // Deprecated globals (ScriptProperties, UserProperties) and the Date2 helper are not services.
    if (['Date2', 'ScriptProperties', 'UserProperties'].includes(global)) continue;
    globals[global] = name;
    if (!classes[name]) classes[name] = membersOf(types, namespace, name);
  }
  const sorted = Object.fromEntries(Object.entries(classes).sort((a, b) => a[0].localeCompare(b[0])));
  const source = [
    '// Generated by scripts/generate-members.ts from @types/google-apps-script. Do not edit.',
    '',
    '/** Documented methods and properties of every class the runtime can give a script, and of every global service. */',
    `export const APPS_SCRIPT_MEMBERS: Readonly<Record<string, { readonly methods: readonly string[]; readonly properties: readonly string[] }>> = ${json(sorted)};`,
    '',
    '/** Every global service of an Apps Script project → its class. */',
    `export const GLOBAL_SERVICES: Readonly<Record<string, string>> = ${json(globals)};`,
    '',
  ].join('\n');
  return source;
}

/** The member lists: path (from the repository root) → content. */
export async function memberFiles(): Promise<Record<string, string>> {
  const types = parseTypes();
  return {
    'runtime/spreadsheet/generated-members.ts': await spreadsheetMembersFile(types),
    'runtime/services/generated-services.ts': await servicesMembersFile(types),
  };
}

async function main(): Promise<void> {
  for (const [file, content] of Object.entries(await memberFiles())) {
    writeFileSync(join(root, file), content);
    console.log(`wrote ${file}`);
  }
  // The coverage table reads the runtime, which reads the member lists just written.
  const { coverageMarkdown } = await import('./coverage');
  writeFileSync(join(root, COVERAGE_FILE), await coverageMarkdown());
  console.log(`wrote ${COVERAGE_FILE}`);
}

/** Where the coverage table lives (runtime/README.md links to it). */
export const COVERAGE_FILE = 'runtime/COVERAGE.md';

if (require.main === module) void main();
