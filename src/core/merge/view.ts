/**
 * What the Merge duplicates sidebar shows of each group: the members (ID, company, contact, owner, created, how
 * many records refer to them), why they are grouped, the default survivor, and every field where the members
 * hold different values, with the default choice. Values are sent as display text; the sidebar sends back only
 * IDs (which record survives, which record each field comes from), never values.
 */
import type { Translate } from '../i18n';
import type { Table } from '../table';
import { customerKey } from '../tiering';
import { isFilled } from './cells';
import type { DuplicateGroup, MatchReason } from './groups';
import { defaultPicks, defaultSurvivor, groupFingerprint, type MergeField } from './plan';

export interface MemberView {
  id: string;
  /** Sheet row. */
  row: number;
  company: string;
  contact: string;
  owner: string;
  created: string;
  /** Records in other sheets that refer to this customer (they move to the survivor). */
  linked: number;
}

export interface FieldChoiceView {
  key: string;
  label: string;
  /** Distinct non-empty values, each with the IDs of the members holding it. */
  options: { value: string; members: string[] }[];
  /** Index into options of the default. */
  pick: number;
}

export interface GroupView {
  fingerprint: string;
  /** Member IDs in row order (sent back with the decision). */
  ids: string[];
  members: MemberView[];
  reasons: MatchReason[];
  why: string;
  survivor: string;
  fields: FieldChoiceView[];
}

/** How a cell reads in the sidebar (dates in the spreadsheet's zone). */
export type CellText = (value: unknown) => string;

/**
 * The view of one group.
 * @param linked records referring to each customer (customerKey → count), from the child sheets.
 * @param labelOf the field's label in the user's language (template header), else the sheet's header.
 */
export function groupView(
  table: Table<string>,
  group: DuplicateGroup,
  fields: readonly MergeField[],
  linked: ReadonlyMap<string, number>,
  t: Translate,
  text: CellText,
  labelOf: (field: MergeField) => string,
): GroupView {
  const cellOf = (index: number, key: string): unknown => {
    const column = table.columns[key];
    return column === undefined ? '' : table.rows[index][column];
  };
  const idOf = (index: number): string => String(cellOf(index, 'id') ?? '').trim();
  const survivor = defaultSurvivor(table, group.members);
  const picks = defaultPicks(table, group.members, fields, survivor);
  const choices: FieldChoiceView[] = [];
  for (const field of fields) {
    const options: { value: string; members: string[] }[] = [];
    const byText = new Map<string, number>();
    let pick = -1;
    for (const index of group.members) {
      const value = table.rows[index][field.column];
      if (!isFilled(value)) continue;
      const shown = text(value);
      let at = byText.get(shown);
      if (at === undefined) {
        at = options.length;
        byText.set(shown, at);
        options.push({ value: shown, members: [] });
      }
      options[at].members.push(idOf(index));
      if (index === picks[field.key]) pick = at;
    }
    if (options.length < 2) continue;
    choices.push({ key: field.key, label: labelOf(field), options, pick: Math.max(pick, 0) });
  }
  return {
    fingerprint: groupFingerprint(table, group.members),
    ids: group.members.map(idOf),
    members: group.members.map((index) => ({
      id: idOf(index),
      row: table.firstRow + index,
      company: text(cellOf(index, 'company')),
      contact: text(cellOf(index, 'contact')),
      owner: text(cellOf(index, 'owner')),
      created: text(cellOf(index, 'created')),
      linked: linked.get(customerKey(idOf(index))) ?? 0,
    })),
    reasons: group.reasons,
    why: group.reasons.map((reason) => t(`merge.reason.${reason}`)).join(t('merge.reason.separator')),
    survivor: idOf(survivor),
    fields: choices,
  };
}
