/** The menu as data (src/core/menu.ts): set-up first before set-up, Help in both states, and Help explains every entry. */
import { salesDeskMenu, type MenuEntry } from '../../src/core/menu';
import { menuHelpKey } from '../../src/core/menu-help';
import { catalogKeys } from '../../src/core/i18n';

const labelKeys = (entries: MenuEntry[]): string[] =>
  entries.flatMap((entry) =>
    entry.kind === 'separator'
      ? []
      : entry.kind === 'submenu'
        ? [entry.labelKey, ...labelKeys(entry.items)]
        : [entry.labelKey],
  );

describe('SalesDesk menu', () => {
  it('starts with Set up workbook before set-up and offers Help in both states', () => {
    const before = salesDeskMenu({ remindersOn: false, setUp: false });
    expect(before[0]).toMatchObject({ kind: 'item', handler: 'menuSetupWorkbook' });
    expect(labelKeys(before)).toEqual(['menu.setup', 'menu.loadSample', 'menu.help']);
    const after = salesDeskMenu({ remindersOn: false, setUp: true });
    expect(after[after.length - 1]).toMatchObject({ kind: 'item', handler: 'menuHelp' });
  });

  it.each(['en', 'zh-CN'] as const)('has a Help text for every entry of either state (%s)', (locale) => {
    const keys = new Set(catalogKeys(locale));
    const entries = [true, false].flatMap((remindersOn) =>
      [true, false].flatMap((setUp) => labelKeys(salesDeskMenu({ remindersOn, setUp }))),
    );
    // The reminders toggle shows its state; its Help text is the one of "Turn on daily reminders".
    const missing = [...new Set(entries)]
      .filter((key) => key !== 'menu.remindersOnState')
      .filter((key) => !keys.has(menuHelpKey(key)));
    expect(missing).toEqual([]);
  });
});
