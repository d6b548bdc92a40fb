/**
 * RangeList (developers.google.com/apps-script/reference/spreadsheet/range-list): each setter applies the
 * Range method of the same name to every range of the list and returns the list.
 */
type Range = GoogleAppsScript.Spreadsheet.Range;

/** RangeList members that apply the same Range member to each range and return the list. */
const EACH = [
  'activate',
  'breakApart',
  'check',
  'clear',
  'clearContent',
  'clearDataValidations',
  'clearFormat',
  'clearNote',
  'insertCheckboxes',
  'removeCheckboxes',
  'setBackground',
  'setBackgroundRGB',
  'setBorder',
  'setFontColor',
  'setFontFamily',
  'setFontLine',
  'setFontSize',
  'setFontStyle',
  'setFontWeight',
  'setFormula',
  'setFormulaR1C1',
  'setHorizontalAlignment',
  'setNote',
  'setNumberFormat',
  'setShowHyperlink',
  'setTextDirection',
  'setTextRotation',
  'setValue',
  'setVerticalAlignment',
  'setVerticalText',
  'setWrap',
  'setWrapStrategy',
  'trimWhitespace',
  'uncheck',
] as const;

export class RangeListImpl {
  constructor(readonly ranges: Range[]) {}

  getRanges(): Range[] {
    return [...this.ranges];
  }
  /** True when every range is checked, false when every one is unchecked, else null. */
  isChecked(): boolean | null {
    const states = this.ranges.map((r) => r.isChecked());
    if (states.every((s) => s === true)) return true;
    if (states.every((s) => s === false)) return false;
    return null;
  }
  toString(): string {
    return 'RangeList';
  }
}

for (const name of EACH) {
  Object.defineProperty(RangeListImpl.prototype, name, {
    configurable: true,
    writable: true,
    value: function (this: RangeListImpl, ...args: unknown[]): RangeListImpl {
      for (const range of this.ranges) (range[name] as (...a: unknown[]) => unknown).apply(range, args);
      return this;
    },
  });
}
