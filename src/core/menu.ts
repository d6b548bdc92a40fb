/**
 * The SalesDesk add-on menu as data: labels are catalogue keys, handlers are top-level functions of the bundle.
 * The server builds the real menu from it, and a test checks every handler exists in dist/Code.js.
 */

export interface MenuItem {
  kind: 'item';
  labelKey: string;
  handler: string;
  /** Shown only to managers? Items stay visible to everyone; the handler checks the role and explains. */
  managerOnly?: boolean;
}
export interface MenuSeparator {
  kind: 'separator';
}
export interface SubMenu {
  kind: 'submenu';
  labelKey: string;
  items: (MenuItem | MenuSeparator)[];
}
export type MenuEntry = MenuItem | MenuSeparator | SubMenu;

export interface MenuState {
  remindersOn: boolean;
  /**
   * Has the workbook been set up (its Customers, Reps and Settings sheets exist)? Before set-up the menu offers only
   * what works on a bare spreadsheet, Set up workbook first, so nobody fills a form that has nowhere to go.
   */
  setUp: boolean;
}

const item = (labelKey: string, handler: string, managerOnly = false): MenuItem => ({
  kind: 'item',
  labelKey,
  handler,
  managerOnly,
});
const separator: MenuSeparator = { kind: 'separator' };

/**
 * The menu for a workbook in `state`.
 * @param state reminders on or off (the item shows it) and whether the workbook is set up.
 * @returns the entries, top to bottom.
 */
export function salesDeskMenu(state: MenuState): MenuEntry[] {
  if (!state.setUp) {
    return [
      item('menu.setup', 'menuSetupWorkbook', true),
      item('menu.loadSample', 'menuLoadSampleData', true),
      separator,
      item('menu.help', 'menuHelp'),
    ];
  }
  return [
    item('menu.assign', 'menuAssignLeads', true),
    item('menu.undoAssign', 'menuUndoLastAssignment', true),
    separator,
    {
      kind: 'submenu',
      labelKey: 'menu.forms',
      items: [
        item('menu.newCustomer', 'menuNewCustomer'),
        item('menu.logFollowUp', 'menuLogFollowUp'),
        item('menu.logDeal', 'menuLogDeal'),
        item('menu.logOpportunity', 'menuLogOpportunity'),
        item('menu.logService', 'menuLogService'),
        item('menu.customerCard', 'menuCustomerCard'),
      ],
    },
    {
      kind: 'submenu',
      labelKey: 'menu.reminders',
      items: [
        item('menu.myFollowUps', 'menuMyFollowUps'),
        item('menu.sendRemindersNow', 'menuSendRemindersNow', true),
        state.remindersOn
          ? item('menu.remindersOnState', 'menuTurnOffReminders', true)
          : item('menu.remindersOn', 'menuTurnOnReminders', true),
      ],
    },
    separator,
    item('menu.checkData', 'menuCheckData'),
    item('menu.clearHighlights', 'menuClearHighlights'),
    item('menu.mergeDuplicates', 'menuMergeDuplicates', true),
    item('menu.undoMerge', 'menuUndoLastMerge', true),
    item('menu.refreshTiers', 'menuRefreshTiers', true),
    item('menu.liveTiers', 'menuUseLiveTierFormulas', true),
    item('menu.refreshDashboard', 'menuRefreshDashboard', true),
    {
      kind: 'submenu',
      labelKey: 'menu.data',
      items: [
        item('menu.importCsv', 'menuImportCsv'),
        item('menu.exportCsv', 'menuExportCsv'),
        item('menu.backupNow', 'menuBackupNow', true),
      ],
    },
    separator,
    item('menu.setup', 'menuSetupWorkbook', true),
    item('menu.loadSample', 'menuLoadSampleData', true),
    item('menu.formIntake', 'menuTurnOnFormIntake', true),
    separator,
    item('menu.help', 'menuHelp'),
  ];
}

/** Every handler the menu can call, in either state (for the bundle test). */
export function allMenuHandlers(): string[] {
  const handlers = new Set<string>();
  const collect = (entries: MenuEntry[]): void => {
    for (const entry of entries) {
      if (entry.kind === 'item') handlers.add(entry.handler);
      if (entry.kind === 'submenu') collect(entry.items);
    }
  };
  for (const setUp of [false, true]) {
    collect(salesDeskMenu({ remindersOn: false, setUp }));
    collect(salesDeskMenu({ remindersOn: true, setUp }));
  }
  return [...handlers].sort();
}

/** Trigger handlers installed by SalesDesk (for the bundle test). */
export const TRIGGER_HANDLERS = [
  'onOpen',
  'onInstall',
  'onDailyReminders',
  'onRemindersContinue',
  'onFormSubmitAssign',
  'onDailyDashboard',
  'onSettingsEdit',
];
