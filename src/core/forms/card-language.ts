/**
 * The customer card in its reader's language: a list value (level, stage, channel, status, service type …) is kept
 * in the sheet in the workbook's language, and the card shows it in the user's, as the sidebars' dropdowns do. A
 * value the template's list does not know (a team's own Lists entry, a typo) is shown as written.
 */
import { SHEETS, type SheetKey } from '../../../templates/workbook';
import { listLabel, listValueCode, type Language, type ListKey } from '../../../templates/lists';
import type { CustomerCard } from './card';

/** Field key → list, for the list columns of a sheet. */
function listFields(sheet: SheetKey): Map<string, ListKey> {
  const out = new Map<string, ListKey>();
  for (const spec of SHEETS[sheet].columns) if (spec.list) out.set(spec.key, spec.list);
  return out;
}

/** `value` as the label of its list item in `language`, or `value` itself when the list does not know it. */
export function listValueIn(list: ListKey, value: string, language: Language): string {
  if (value.trim() === '') return value;
  const code = listValueCode(list, value);
  return (code !== undefined && listLabel(list, code, language)) || value;
}

function localise<T extends object>(record: T, fields: Map<string, ListKey>, language: Language): T {
  const out = { ...record } as Record<string, unknown>;
  for (const [key, list] of fields) {
    const value = out[key];
    if (typeof value === 'string') out[key] = listValueIn(list, value, language);
  }
  return out as T;
}

/** A copy of the card with every list value in `language` (details, follow-ups, deals, opportunities, service). */
export function cardInLanguage(card: CustomerCard, language: Language): CustomerCard {
  const out: CustomerCard = {
    ...card,
    details: localise(card.details, listFields('customers'), language),
    followUps: card.followUps.map((item) => localise(item, listFields('followups'), language)),
    deals: card.deals.map((item) => localise(item, listFields('deals'), language)),
  };
  if (card.opportunities) {
    const fields = listFields('opportunities');
    out.opportunities = card.opportunities.map((item) => localise(item, fields, language));
  }
  if (card.service) {
    const fields = listFields('service');
    out.service = {
      ...card.service,
      items: card.service.items.map((item) => localise(item, fields, language)),
    };
  }
  return out;
}
