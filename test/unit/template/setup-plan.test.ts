import { planSetup, type ExistingSheet } from '../../../src/core/setup/plan';
import {
  columnLetter,
  isOwnConditionalFormula,
  planSheetFormats,
  resolveConditionalFormula,
} from '../../../src/core/setup/formats';
import { describeSetup } from '../../../src/core/setup/report';
import { translator } from '../../../src/core/i18n';
import { LIST_KEYS, SETTINGS, SHEET_KEYS, SHEETS, listLabels } from '../../../templates';

function sheet(name: string, header: unknown[], lastRow = 1): ExistingSheet {
  return { name, header, lastRow, lastColumn: header.length, maxRows: 1000, maxColumns: 26 };
}

const blankStart = { name: 'Sheet1', header: [], lastRow: 0, lastColumn: 0, maxRows: 1000, maxColumns: 26 };

describe('planSetup on an empty spreadsheet', () => {
  const plan = planSetup({ sheets: [blankStart], userLanguage: 'zh-CN' });

  it('adopts the blank tab and creates every other sheet with names in the user language', () => {
    expect(plan.language).toBe('zh-CN');
    expect(plan.adopt).toEqual([{ key: 'customers', from: 'Sheet1', name: '客户' }]);
    expect(plan.create.map((c) => c.name)).toEqual(
      SHEET_KEYS.slice(1).map((key) => SHEETS[key].names['zh-CN']),
    );
  });

  it('writes every header in one run per sheet, in template order from column A', () => {
    for (const key of SHEET_KEYS) {
      const writes = plan.headerWrites.filter((write) => write.sheet === key);
      if (SHEETS[key].columns.length === 0) {
        expect(writes).toEqual([]);
        continue;
      }
      expect(writes).toEqual([
        { sheet: key, column: 1, values: SHEETS[key].columns.map((column) => column.headers['zh-CN']) },
      ]);
    }
  });

  it('adds every setting with its default and fills every list', () => {
    expect(plan.settingsRows.map((row) => row[0])).toEqual(SETTINGS.map((spec) => spec.key));
    expect(plan.settingsFirstRow).toBe(2);
    expect(plan.listFills.map((fill) => fill.list)).toEqual([...LIST_KEYS]);
    expect(plan.listFills.find((fill) => fill.list === 'stage')?.values).toEqual(
      listLabels('stage', 'zh-CN'),
    );
  });

  it('resolves rules against the planned columns', () => {
    const customers = planSheetFormats(plan.layouts.customers, plan.layouts, 'zh-CN');
    const phoneColumn = plan.layouts.customers.columns.phone;
    const phoneRule = customers.validations
      .flatMap((run) => run.rules.map((rule, offset) => ({ column: run.column + offset, rule })))
      .find((entry) => entry.column === phoneColumn);
    expect(phoneRule?.rule.criteria).toMatchObject({ kind: 'formula' });
    expect(JSON.stringify(phoneRule?.rule.criteria)).toContain(`${columnLetter(phoneColumn)}2`);
    const industry = customers.validations
      .flatMap((run) => run.rules.map((rule, offset) => ({ column: run.column + offset, rule })))
      .find((entry) => entry.column === plan.layouts.customers.columns.industry);
    expect(industry?.rule.criteria).toEqual({
      kind: 'valueInRange',
      sheet: 'lists',
      column: plan.layouts.lists.columns.industry,
    });
    const misfits = SHEETS.customers.columns.filter((column) => Math.abs(column.width - 100) > 25);
    expect(customers.widths.map((w) => w.width)).toEqual(misfits.map((column) => column.width));
    expect(customers.conditionalFormats[0].formula).toBe(
      `=AND(ISNUMBER($${columnLetter(plan.layouts.customers.columns.nextFollowUp)}2),$${columnLetter(
        plan.layouts.customers.columns.nextFollowUp,
      )}2<TODAY())`,
    );
    expect(customers.protections.map((p) => p.id).sort()).toEqual(['customers.computed', 'customers.id']);
  });
});

describe('planSetup on a filled, messy workbook', () => {
  // Customers in English with columns reordered, two headers renamed to Chinese, a user column, no "tier".
  const en = SHEETS.customers.columns.map((column) => column.headers.en);
  const header: unknown[] = [...en.filter((h) => h !== 'Tier')].reverse();
  header[header.indexOf('Phone')] = '电话';
  header[header.indexOf('Owner')] = '负责销售';
  header.splice(3, 0, 'My own column');
  const settingsValues = [
    ['Setting', 'Value', 'Description'],
    ['tierVipMinAmount', 5000, 'mine'],
    ['managers', 'boss@example.com', ''],
  ];
  const listsHeader = LIST_KEYS.filter((key) => key !== 'product').map(
    (key) => SHEETS.lists.columns.find((c) => c.key === key)!.headers.en,
  );
  const listsValues = [listsHeader, listsHeader.map((_, i) => (i === 0 ? 'Aerospace' : ''))];
  const input = {
    userLanguage: 'zh-CN' as const,
    sheets: [
      sheet('Customers', header, 20_001),
      sheet(
        'Deals',
        SHEETS.deals.columns.map((c) => c.headers.en),
        500,
      ),
      sheet('Notes of mine', ['anything'], 3),
      sheet('Settings', settingsValues[0], 3),
      sheet('Lists', listsHeader, 2),
      sheet('客户', ['x'], 2),
    ],
    settingsValues,
    listsValues,
  };
  const plan = planSetup(input);

  it('keeps the workbook language (English) though the user is zh-CN', () => {
    expect(plan.language).toBe('en');
  });

  it('finds every column by header in either language and appends only the missing one at the right end', () => {
    const layout = plan.layouts.customers;
    expect(layout.created).toBe(false);
    expect(layout.columns.phone).toBe(header.indexOf('电话') + 1);
    expect(layout.columns.owner).toBe(header.indexOf('负责销售') + 1);
    expect(layout.columns.tier).toBe(header.length + 1);
    expect(layout.addedColumns).toEqual([header.length + 1]);
    expect(plan.headerWrites.filter((w) => w.sheet === 'customers')).toEqual([
      { sheet: 'customers', column: header.length + 1, values: ['Tier'] },
    ]);
    // The user's column is not a template column and is never written.
    expect(Object.values(layout.columns)).not.toContain(4);
  });

  it('never writes over Deals, creates the missing sheets, and leaves the other tabs alone', () => {
    expect(plan.headerWrites.filter((w) => w.sheet === 'deals')).toEqual([]);
    expect(plan.create.map((c) => c.key)).toEqual([
      'followups',
      'service',
      'reps',
      'assignmentLog',
      'dashboard',
      'opportunities',
      'stageHistory',
    ]);
    expect(plan.adopt).toEqual([]);
    expect(plan.changes).toContainEqual({
      kind: 'duplicateSheet',
      sheet: 'customers',
      used: 'Customers',
      ignored: '客户',
    });
  });

  it('adds only missing settings below the last row, keeping the user values', () => {
    const keys = plan.settingsRows.map((row) => row[0]);
    expect(keys).not.toContain('tierVipMinAmount');
    expect(keys).not.toContain('managers');
    expect(keys).toHaveLength(SETTINGS.length - 2);
    expect(plan.settingsFirstRow).toBe(4);
  });

  it('fills empty and new list columns only', () => {
    const filled = plan.listFills.map((fill) => fill.list);
    expect(filled).not.toContain('industry'); // the team's own list
    expect(filled).toContain('region'); // header present, no values
    expect(filled).toContain('product'); // column added
    expect(plan.listFills.find((f) => f.list === 'product')?.column).toBe(listsHeader.length + 1);
  });

  it('is idempotent: planning again after applying changes nothing', () => {
    const customersAfter = [...header, 'Tier'];
    const again = planSetup({
      ...input,
      sheets: [
        sheet('Customers', customersAfter, 20_001),
        ...SHEET_KEYS.filter((k) => k !== 'customers').map((key) =>
          sheet(
            key === 'deals' || key === 'settings' || key === 'lists'
              ? SHEETS[key].names.en
              : SHEETS[key].names.en,
            SHEETS[key].columns.map((c) => c.headers.en),
            5,
          ),
        ),
      ],
      settingsValues: [['Setting', 'Value'], ...SETTINGS.map((spec) => [spec.key, 1])],
      listsValues: [SHEETS.lists.columns.map((c) => c.headers.en), SHEETS.lists.columns.map(() => 'x')],
    });
    expect(again.create).toEqual([]);
    expect(again.headerWrites).toEqual([]);
    expect(again.settingsRows).toEqual([]);
    expect(again.listFills).toEqual([]);
    expect(again.changes).toEqual([]);
    expect(describeSetup(again.changes, 8, translator('en'))[0]).toMatch(/nothing was added/);
  });
});

describe('conditional-format formulas', () => {
  it('are recognised as SalesDesk’s own wherever the columns stood, and a user formula is not', () => {
    const formula = resolveConditionalFormula('=AND(ISNUMBER({nextFollowUp}),{nextFollowUp}<TODAY())', {
      nextFollowUp: 30,
    });
    expect(formula).toBe('=AND(ISNUMBER($AD2),$AD2<TODAY())');
    expect(isOwnConditionalFormula(formula)).toBe(true);
    expect(isOwnConditionalFormula('=AND(ISNUMBER($R2),$R2<TODAY())')).toBe(true);
    expect(isOwnConditionalFormula('=$R2>100')).toBe(false);
  });

  it('column letters', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
