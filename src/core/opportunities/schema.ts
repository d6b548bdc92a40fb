/**
 * The *Log opportunity* form's schema, generated from the template's Opportunities columns with the same field
 * checks as Check data (src/core/validation/fields.ts), messages from the user's translator: the sidebar validates
 * as the user types and the server validates the received object with the very same schema.
 */
import type { Translate } from '../i18n';
import { lazyValue } from '../lazy';
import { SHEETS, type ColumnSpec } from '../../../templates/workbook';
import { isEmpty, listSets, type ListsInSheet } from '../validation/fields';
import { columnFieldRule, inputFieldOf, type InputField } from '../validation/schemas';
import { RecordSchema, type FieldRule } from '../validation/record-schema';

/** Filled by SalesDesk, never typed in the form (customerId is the picker's). */
const SERVER_FILLED = new Set(['id', 'customerId', 'created', 'updated', 'dealId']);

function inputColumns(): ColumnSpec[] {
  return SHEETS.opportunities.columns.filter((spec) => !SERVER_FILLED.has(spec.key));
}

/** The form's fields as the template describes them (type, list, required, help). */
export const OPPORTUNITY_INPUT_FIELDS: readonly InputField[] = lazyValue('array', () =>
  inputColumns().map(inputFieldOf),
);
export const OPPORTUNITY_FIELDS: ReadonlyMap<string, InputField> = lazyValue(
  'map',
  () => new Map(OPPORTUNITY_INPUT_FIELDS.map((field) => [field.key, field])),
);

/**
 * The form: an existing opportunity's id ('' for a new one), the customer, then every typed column.
 * @param lists the Lists sheet as read (a team's own stages are valid values).
 */
export function makeOpportunityFormSchema(t: Translate, lists: ListsInSheet): RecordSchema {
  const sets = listSets(lists);
  const fields: FieldRule[] = [
    { key: 'id', check: () => undefined, normalise: (value) => String(value ?? '').trim() },
    {
      key: 'customerId',
      check: (value) => (isEmpty(value) ? t('forms.picker.choose') : undefined),
      normalise: (value) => String(value ?? '').trim(),
    },
  ];
  for (const spec of inputColumns()) fields.push(columnFieldRule(spec, t, sets));
  return new RecordSchema(fields);
}

/** What the form's inputs hold (strings, as typed). */
export const EMPTY_OPPORTUNITY = {
  id: '',
  customerId: '',
  source: '',
  description: '',
  stage: '',
  probability: '',
  expectedClose: '',
  amount: '',
  currency: '',
  owner: '',
  nextStep: '',
  nextStepDate: '',
  reason: '',
};
export type OpportunityFormInput = typeof EMPTY_OPPORTUNITY;
