/** What set-up changed, in the user's language: for the alert, the toast and the CLI. */
import type { Translate } from '../i18n';
import type { SetupChange } from './plan';

export function describeChange(change: SetupChange, t: Translate): string {
  switch (change.kind) {
    case 'sheetCreated':
      return t('setup.change.sheetCreated', { name: change.name });
    case 'sheetAdopted':
      return t('setup.change.sheetAdopted', { name: change.name, from: change.from });
    case 'columnsAdded':
      return t('setup.change.columnsAdded', {
        sheet: change.name,
        columns: change.columns.map((column) => `"${column}"`).join(', '),
      });
    case 'settingsAdded':
      return t('setup.change.settingsAdded', { count: change.keys.length, keys: change.keys.join(', ') });
    case 'listsFilled':
      return t('setup.change.listsFilled', { lists: change.lists.join(', ') });
    case 'duplicateSheet':
      return t('setup.change.duplicateSheet', { used: change.used, ignored: change.ignored });
    case 'managerAdded':
      return t('setup.change.managerAdded', { email: change.email });
  }
}

/** Every line of the set-up report: the changes (or "nothing to add"), then what was re-applied. */
export function describeSetup(
  changes: readonly SetupChange[],
  formattedSheets: number,
  t: Translate,
): string[] {
  const lines = changes.map((change) => describeChange(change, t));
  const structural = changes.some((change) => change.kind !== 'duplicateSheet');
  if (!structural) lines.unshift(t('setup.unchanged'));
  else lines.unshift(t('setup.done'));
  lines.push(t('setup.reapplied', { count: formattedSheets }));
  return lines;
}
