/**
 * Schemas of the records the sidebar forms submit (customer, deal, follow-up), generated from the template's
 * column specs and checked with the same field rules as Check data (fields.ts). Messages come from a `Translate`,
 * so the client validating as the user types and the server re-validating say the same words in en or zh-CN.
 *
 * Input shape: dates 'yyyy-MM-dd', times ISO, amounts numbers (or numeric text), checkboxes booleans, list values
 * as codes or labels in either language. Output: trimmed text, numbers, booleans, list values as codes.
 */
import type { Translate } from '../i18n';
import { lazyValue } from '../lazy';
import { SHEETS, type ColumnSpec, type ColumnType, type SheetKey } from '../../../templates/workbook';
import type { ListKey, Localised } from '../../../templates/lists';
import { columnChecker, isEmpty, listCodeOrText, listSets, numberOf, type ListsInSheet } from './fields';
import { RecordSchema, type FieldRule, type Issue } from './record-schema';

export type RecordKind = 'customer' | 'deal' | 'followUp' | 'service';

const SHEET_OF: Record<RecordKind, SheetKey> = {
  customer: 'customers',
  deal: 'deals',
  followUp: 'followups',
  service: 'service',
};
/** Filled by SalesDesk, never by a form. */
const SERVER_FILLED = new Set(['id', 'updatedBy', 'updatedAt']);

/** What a client needs to render and pre-validate one field. */
export interface InputField {
  key: string;
  type: ColumnType;
  required: boolean;
  list?: ListKey;
  label: Localised;
  help: Localised;
}

function inputColumns(kind: RecordKind): ColumnSpec[] {
  return SHEETS[SHEET_OF[kind]].columns.filter((spec) => !spec.computed && !SERVER_FILLED.has(spec.key));
}

/** A form field as a template column describes it (type, list, required, labels, help). */
export function inputFieldOf(spec: ColumnSpec): InputField {
  return {
    key: spec.key,
    type: spec.type,
    required: !!spec.required,
    list: spec.list,
    label: spec.headers,
    help: spec.help,
  };
}

function describe(kind: RecordKind): InputField[] {
  return inputColumns(kind).map(inputFieldOf);
}

// Built on first read (src/core/lazy.ts), as the template they describe.
export const CUSTOMER_INPUT_FIELDS: readonly InputField[] = lazyValue('array', () => describe('customer'));
export const DEAL_INPUT_FIELDS: readonly InputField[] = lazyValue('array', () => describe('deal'));
export const FOLLOW_UP_INPUT_FIELDS: readonly InputField[] = lazyValue('array', () => describe('followUp'));
export const SERVICE_INPUT_FIELDS: readonly InputField[] = lazyValue('array', () => describe('service'));

function normalise(spec: ColumnSpec, value: unknown): unknown {
  if (isEmpty(value)) return spec.type === 'checkbox' ? false : '';
  switch (spec.type) {
    case 'number':
    case 'currency':
    case 'integer':
      return numberOf(value);
    case 'checkbox':
      return value === true || value === 'true';
    case 'list':
      return spec.list ? listCodeOrText(spec.list, value) : String(value).trim();
    default:
      return typeof value === 'string' ? value.trim() : value;
  }
}

function labelOf(t: Translate, spec: ColumnSpec): string {
  // 'checks.lang' names the translator's language, so labels follow the same language as the messages.
  return t('checks.lang') === 'zh-CN' ? spec.headers['zh-CN'] : spec.headers.en;
}

/**
 * One typed column as a form field: Check data's rule for the column (messages naming it in the translator's
 * language), then the value as stored. Shared by every record form (Opportunities builds its own field list).
 */
export function columnFieldRule(
  spec: ColumnSpec,
  t: Translate,
  listLabels: ReturnType<typeof listSets>,
): FieldRule {
  const checker = columnChecker(spec, 'input', listLabels);
  const column = labelOf(t, spec);
  return {
    key: spec.key,
    check: (value) => {
      if (isEmpty(value)) return spec.required ? t('checks.input.required', { column }) : undefined;
      const issue = checker.check(typeof value === 'string' ? value.trim() : value);
      if (!issue) return undefined;
      return t('checks.input.field', {
        column,
        message: t(`checks.problem.${issue.code}`, { column, ...issue.params }),
      });
    },
    normalise: (value) => normalise(spec, value),
  };
}

function makeSchema(kind: RecordKind, t: Translate, lists?: ListsInSheet): RecordSchema {
  const listLabels = listSets(lists);
  return new RecordSchema(inputColumns(kind).map((spec) => columnFieldRule(spec, t, listLabels)));
}

/** Schema of a new or edited customer, messages in the translator's language. */
export function makeCustomerSchema(t: Translate, lists?: ListsInSheet) {
  return makeSchema('customer', t, lists);
}
export function makeDealSchema(t: Translate, lists?: ListsInSheet) {
  return makeSchema('deal', t, lists);
}
export function makeFollowUpSchema(t: Translate, lists?: ListsInSheet) {
  return makeSchema('followUp', t, lists);
}
/** Schema of an after-sales service record (templates/service.ts). */
export function makeServiceSchema(t: Translate, lists?: ListsInSheet) {
  return makeSchema('service', t, lists);
}

export type RecordInput = Record<string, unknown>;
export type RecordOutput = Record<string, unknown>;

/** First message per field of a failed parse, for a form to show next to each field. */
export function fieldErrors(error: { issues: readonly Issue[] }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
