/**
 * Dropdown choices of a list column: the values the workbook's Lists sheet holds (what gets written, in the
 * workbook's language), each shown in the user's language when it is one of the template's values. A Chinese rep
 * in an English workbook picks "已成交" and the sheet gets "Won"; a team's own value is shown as it is.
 */
import { isListKey, listLabel, listValueCode } from '../../../templates/lists';
import type { Locale } from '../../core/i18n';
import type { Option } from './components';

/**
 * @param lists the Lists sheet as apiBootstrap sends it (list key → labels in the workbook's language).
 * @returns options whose value is the workbook's label and whose text is the user's.
 */
export function listChoices(
  lists: Readonly<Record<string, readonly string[]>>,
  key: string,
  locale: Locale,
): Option[] {
  return (lists[key] ?? []).map((value) => {
    const code = isListKey(key) ? listValueCode(key, value) : undefined;
    const label = code !== undefined && isListKey(key) ? listLabel(key, code, locale) : undefined;
    return { value, label: label ?? value };
  });
}
