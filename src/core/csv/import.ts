/**
 * Planning a customer import from CSV text, before anything is written: map the file's headers to Customers
 * columns (by name, in either language), validate every row with the rep form's schema (the same rules and
 * messages as New customer), flag rows that match an existing customer (same ID, e-mail, phone, or company +
 * contact) so the user can merge or skip them, and report bad rows by file line. Pure: the server passes the
 * Customers table's summaries, the Lists and the user; it writes what `resolveImport` returns.
 */
import { t as translate, type Translate } from '../i18n';
import { phoneKey, textKey, type CustomerSummary, type DuplicateReason } from '../forms/customers';
import { makeCustomerFormSchema, type Lists } from '../forms/schemas';
import { CUSTOMER_INPUT_FIELDS } from '../validation';
import { normaliseHeader, type ColumnHeaders } from '../table';
import { parseCsv } from './parse';
import { withoutExportGuard } from './export';
import { formatPhone } from '../validation/phone';

/** Customer columns a CSV may fill: what the form asks for, plus ID and the two dates an old system carries. */
export const IMPORTABLE_KEYS = [
  'id',
  'company',
  'contact',
  'position',
  'phone',
  'email',
  'address',
  'industry',
  'region',
  'size',
  'source',
  'customerType',
  'stage',
  'level',
  'potentialValue',
  'owner',
  'created',
  'lastContact',
  'nextFollowUp',
  'notes',
] as const;
export type ImportKey = (typeof IMPORTABLE_KEYS)[number];

/** List-backed columns and their list keys (Lists sheet). */
export const LIST_COLUMNS: Partial<Record<ImportKey, string>> = {
  industry: 'industry',
  region: 'region',
  size: 'size',
  source: 'source',
  customerType: 'customerType',
  stage: 'stage',
};

const DATE_KEYS: readonly ImportKey[] = ['created', 'lastContact', 'nextFollowUp'];

/** Rows shown in the preview; the import itself covers every row. */
export const PREVIEW_ROWS = 20;
/** Bad rows listed in the preview and the result; the count is always exact. */
export const MAX_LISTED_PROBLEMS = 1000;

export interface ImportSetup {
  /** Translator in the user's language (messages), and the workbook's Lists (labels in its language). */
  t: Translate;
  lists: Lists;
  /** Maps a list label of either language to the label the workbook stores; identity when unknown. */
  toWorkbookLabel?: (listKey: string, value: string) => string;
  /** Customers columns with their header names (template), so a file exported from the sheet maps 1:1. */
  columnHeaders?: readonly ColumnHeaders<string>[];
  existing: readonly CustomerSummary[];
  user: string;
  isManager: boolean;
}

export interface ColumnMapping {
  /** 0-based column in the file. */
  index: number;
  header: string;
  /** The Customers column it fills, or null when ignored. */
  key: ImportKey | null;
  /** Why it is ignored: unknown header, computed by SalesDesk, or a second column for the same key. */
  ignored?: 'unknown' | 'computed' | 'repeated';
}

export interface RowProblem {
  line: number;
  /** "E-mail: "x" is not a valid e-mail address." per field, in the user's language. */
  messages: string[];
}

export interface DuplicateRow {
  line: number;
  values: Partial<Record<ImportKey, string>>;
  /** The existing customer it matches (sheet row), or the earlier line in the same file. */
  existing?: { row: number; id: string; company: string; contact: string; owner: string };
  earlierLine?: number;
  reasons: (DuplicateReason | 'id')[];
}

export interface ImportPlan {
  mapping: ColumnMapping[];
  /** Required columns missing from the file: the import cannot run. */
  missingColumns: string[];
  totalRows: number;
  newRows: { line: number; values: Partial<Record<ImportKey, string>> }[];
  duplicates: DuplicateRow[];
  bad: RowProblem[];
}

const COMPUTED_KEYS = [
  'reassign',
  'totalPurchases',
  'orderCount',
  'firstPurchase',
  'lastPurchase',
  'tier',
  'updatedBy',
  'updatedAt',
];

/** Every header name accepted for a key: template headers, the key itself, and the form labels in both languages. */
function headerNames(setup: ImportSetup): Map<string, ImportKey | 'computed'> {
  const names = new Map<string, ImportKey | 'computed'>();
  const add = (text: string, key: ImportKey | 'computed'): void => {
    const normalised = normaliseHeader(text);
    if (normalised !== '' && !names.has(normalised)) names.set(normalised, key);
  };
  const importable = new Set<string>(IMPORTABLE_KEYS);
  for (const spec of setup.columnHeaders ?? []) {
    const key = importable.has(spec.key) ? (spec.key as ImportKey) : 'computed';
    for (const header of spec.headers) add(header, key);
  }
  for (const key of IMPORTABLE_KEYS) {
    add(key, key);
    add(translate('en', `forms.field.${key}`), key);
    add(translate('zh-CN', `forms.field.${key}`), key);
  }
  for (const key of COMPUTED_KEYS) {
    add(key, 'computed');
    add(translate('en', `forms.field.${key}`), 'computed');
    add(translate('zh-CN', `forms.field.${key}`), 'computed');
  }
  return names;
}

export function mapHeaders(header: readonly string[], setup: ImportSetup): ColumnMapping[] {
  const names = headerNames(setup);
  const taken = new Set<ImportKey>();
  return header.map((text, index) => {
    const found = names.get(normaliseHeader(text));
    if (found === undefined) return { index, header: text, key: null, ignored: 'unknown' };
    if (found === 'computed') return { index, header: text, key: null, ignored: 'computed' };
    if (taken.has(found)) return { index, header: text, key: null, ignored: 'repeated' };
    taken.add(found);
    return { index, header: text, key: found };
  });
}

/** yyyy-MM-dd from the ways people and Excel write dates (2026/3/5, 2026.3.5, 2026年3月5日); else as given. */
export function normaliseDate(value: string): string {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/.exec(value.trim());
  if (!match) return value.trim();
  return `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
}

type Values = Partial<Record<ImportKey, string>>;

/** Reads the CSV and decides, row by row, what an import would do. Nothing is written. */
export function planImport(csvText: string, setup: ImportSetup): ImportPlan {
  const { t } = setup;
  const parsed = parseCsv(csvText);
  const mapping = mapHeaders(parsed.header, setup);
  const mapped = new Set(mapping.map((column) => column.key).filter((key): key is ImportKey => key !== null));
  const missingColumns: string[] = [];
  // Required columns (the template's, as the form requires them) must be in the file at all.
  for (const field of CUSTOMER_INPUT_FIELDS) {
    if (field.required && !mapped.has(field.key as ImportKey))
      missingColumns.push(t(`forms.field.${field.key}`));
  }
  if (!mapped.has('phone') && !mapped.has('email'))
    missingColumns.push(`${t('forms.field.phone')} / ${t('forms.field.email')}`);
  const plan: ImportPlan = {
    mapping,
    missingColumns,
    totalRows: parsed.records.length,
    newRows: [],
    duplicates: [],
    bad: [],
  };
  if (missingColumns.length > 0) return plan;

  const schema = makeCustomerFormSchema(t, setup.lists);
  const user = setup.user.trim().toLowerCase();
  const existingIds = new Map<string, CustomerSummary>();
  for (const customer of setup.existing) if (customer.id) existingIds.set(textKey(customer.id), customer);
  const duplicateIndex = indexCustomers(setup.existing);
  // Keys of rows already accepted from this file, to catch a customer listed twice.
  const seen = new Map<string, number>();
  const quoteProblems = new Map(parsed.problems.map((problem) => [problem.line, problem.message]));

  for (const record of parsed.records) {
    const values: Values = {};
    for (const column of mapping) {
      if (column.key) values[column.key] = withoutExportGuard((record.cells[column.index] ?? '').trim());
    }
    // One stored phone form (+86 138 0013 8000), as the forms save it; a bad number stays as given for the checks.
    if (values.phone) values.phone = formatPhone(values.phone);
    for (const key of DATE_KEYS) if (values[key]) values[key] = normaliseDate(values[key] as string);
    for (const [key, listKey] of Object.entries(LIST_COLUMNS) as [ImportKey, string][]) {
      const value = values[key];
      if (value && setup.toWorkbookLabel) values[key] = setup.toWorkbookLabel(listKey, value);
    }
    if (values.owner) values.owner = values.owner.toLowerCase();

    const messages: string[] = [];
    if (quoteProblems.has(record.line)) messages.push(t('data.import.badQuotes'));
    if (
      record.cells.length > parsed.header.length &&
      record.cells.slice(parsed.header.length).some((c) => c !== '')
    )
      messages.push(
        t('data.import.tooManyCells', { count: record.cells.length, expected: parsed.header.length }),
      );
    if (!setup.isManager) {
      if (!values.owner) values.owner = user;
      else if (values.owner !== user)
        messages.push(t('data.import.notYourCustomer', { owner: values.owner }));
    }
    // The form's schema sees every importable field but the ID (the form never asks for one).
    const input: Record<string, string> = {};
    for (const key of IMPORTABLE_KEYS)
      if (key !== 'id' && values[key] !== undefined) input[key] = values[key] as string;
    const result = schema.safeParse(input);
    if (!result.success) {
      // The validation messages name their field already ("Phone: …"), as Check data shows them.
      for (const issue of result.error.issues) messages.push(issue.message);
    }
    if (messages.length > 0) {
      plan.bad.push({ line: record.line, messages });
      continue;
    }

    // Duplicates: of an existing customer first (the user chooses merge or skip), then of an earlier line.
    const reasons: (DuplicateReason | 'id')[] = [];
    let match: CustomerSummary | undefined;
    if (values.id && existingIds.has(textKey(values.id))) {
      match = existingIds.get(textKey(values.id));
      reasons.push('id');
    }
    // Same rules as the form's duplicate check (findDuplicates), through indexes: 5 000 rows × 50 000 customers.
    const found = duplicateIndex.find(values);
    if (!match && found.length > 0) match = found[0].customer;
    if (match) {
      const sameCustomer = found.find((candidate) => candidate.customer === match);
      if (sameCustomer) reasons.push(...sameCustomer.reasons);
      plan.duplicates.push({
        line: record.line,
        values,
        reasons,
        existing: {
          row: match.row,
          id: match.id,
          company: match.company,
          contact: match.contact,
          owner: match.owner,
        },
      });
      continue;
    }
    const keys = fileKeys(values);
    const earlier = keys.map((key) => seen.get(key)).find((line) => line !== undefined);
    if (earlier !== undefined) {
      plan.duplicates.push({ line: record.line, values, reasons: [], earlierLine: earlier });
      continue;
    }
    for (const key of keys) seen.set(key, record.line);
    plan.newRows.push({ line: record.line, values });
  }
  return plan;
}

/** Existing customers by e-mail, phone and company + contact, each key to the customers having it (sheet order). */
function indexCustomers(customers: readonly CustomerSummary[]): {
  find(values: Values): { customer: CustomerSummary; reasons: DuplicateReason[] }[];
} {
  const index = new Map<string, CustomerSummary[]>();
  const add = (key: string, customer: CustomerSummary): void => {
    const list = index.get(key);
    if (list) list.push(customer);
    else index.set(key, [customer]);
  };
  const keysOf = (source: { email?: string; phone?: string; company?: string; contact?: string }) => {
    const email = textKey(source.email);
    const phone = phoneKey(source.phone);
    const company = textKey(source.company);
    const contact = textKey(source.contact);
    return {
      email: email !== '' ? `e:${email}` : '',
      // Short numbers (extensions, "1") would match too much, as in the form's check.
      phone: phone.length >= 6 ? `p:${phone}` : '',
      companyContact: company !== '' && contact !== '' ? `c:${company}|${contact}` : '',
    };
  };
  for (const customer of customers) {
    const keys = keysOf(customer);
    for (const key of Object.values(keys)) if (key) add(key, customer);
  }
  return {
    find(values) {
      const keys = keysOf(values);
      const matches = new Map<CustomerSummary, DuplicateReason[]>();
      for (const reason of ['email', 'phone', 'companyContact'] as const) {
        const key = keys[reason];
        if (!key) continue;
        for (const customer of index.get(key) ?? []) {
          const reasons = matches.get(customer) ?? [];
          reasons.push(reason);
          matches.set(customer, reasons);
        }
      }
      return [...matches]
        .map(([customer, reasons]) => ({ customer, reasons }))
        .sort((a, b) => a.customer.row - b.customer.row);
    },
  };
}

function fileKeys(values: Values): string[] {
  const keys: string[] = [];
  if (values.id) keys.push(`id:${textKey(values.id)}`);
  if (values.email) keys.push(`email:${textKey(values.email)}`);
  const phone = phoneKey(values.phone);
  if (phone.length >= 6) keys.push(`phone:${phone}`);
  if (values.company && values.contact) keys.push(`cc:${textKey(values.company)}|${textKey(values.contact)}`);
  return keys;
}

export type DuplicateChoice = 'merge' | 'skip';

export interface ImportDecisions {
  /** What to do with rows matching an existing customer; per-line choices override it. */
  duplicates: DuplicateChoice;
  perLine?: Record<number, DuplicateChoice>;
}

export interface MergeChange {
  /** 1-based sheet row of the existing customer. */
  row: number;
  line: number;
  /** Only fields that were blank in the sheet (and notes, appended): nothing a user typed is overwritten. */
  values: Values;
}

export interface ResolvedImport {
  append: { line: number; values: Values }[];
  merges: MergeChange[];
  skipped: { line: number; reason: 'duplicate' | 'sameAsEarlierLine' | 'nothingNew' }[];
}

/**
 * Turns a plan and the user's choices into writes. Merging fills the existing customer's blank fields from the
 * file and appends the file's notes; a field the sheet already has is kept (the preview says so).
 * @param existingValues the existing customers' current values by sheet row (the server reads them once).
 */
export function resolveImport(
  plan: ImportPlan,
  decisions: ImportDecisions,
  existingValues: (row: number) => Values,
): ResolvedImport {
  const resolved: ResolvedImport = { append: [...plan.newRows], merges: [], skipped: [] };
  const mergedRows = new Map<number, MergeChange>();
  for (const duplicate of plan.duplicates) {
    if (!duplicate.existing) {
      resolved.skipped.push({ line: duplicate.line, reason: 'sameAsEarlierLine' });
      continue;
    }
    const choice = decisions.perLine?.[duplicate.line] ?? decisions.duplicates;
    if (choice === 'skip') {
      resolved.skipped.push({ line: duplicate.line, reason: 'duplicate' });
      continue;
    }
    const row = duplicate.existing.row;
    const current = { ...existingValues(row), ...(mergedRows.get(row)?.values ?? {}) };
    const change: Values = {};
    for (const key of IMPORTABLE_KEYS) {
      const incoming = duplicate.values[key];
      if (!incoming || key === 'id' || key === 'owner' || key === 'created') continue;
      const existing = (current[key] ?? '').trim();
      if (key === 'notes') {
        if (existing !== incoming && !existing.includes(incoming))
          change.notes = existing ? `${existing}\n${incoming}` : incoming;
      } else if (existing === '') change[key] = incoming;
    }
    if (Object.keys(change).length === 0) {
      resolved.skipped.push({ line: duplicate.line, reason: 'nothingNew' });
      continue;
    }
    const previous = mergedRows.get(row);
    if (previous) Object.assign(previous.values, change);
    else {
      const merge = { row, line: duplicate.line, values: change };
      mergedRows.set(row, merge);
      resolved.merges.push(merge);
    }
  }
  return resolved;
}
