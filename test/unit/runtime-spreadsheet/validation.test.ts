import { harness } from './helpers';

describe('data validation', () => {
  test('built rules report their criteria, values, help text and allowInvalid; copy() rebuilds', () => {
    const { app, sheet } = harness();
    const rule = app
      .newDataValidation()
      .requireValueInList(['A', 'B'], false)
      .setAllowInvalid(false)
      .setHelpText('Pick one')
      .build();
    expect(String(rule.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()).toEqual([['A', 'B'], false]);
    expect(rule.getHelpText()).toBe('Pick one');
    expect(rule.getAllowInvalid()).toBe(false);
    sheet.getRange('A2:A5').setDataValidation(rule);
    const read = sheet.getRange('A3').getDataValidation();
    expect(read?.getCriteriaValues()).toEqual([['A', 'B'], false]);
    expect(sheet.getRange('B3').getDataValidation()).toBeNull();
    const copy = read?.copy().setHelpText('Other').build();
    expect(copy?.getHelpText()).toBe('Other');
    sheet.getRange('A2:A5').clearDataValidations();
    expect(sheet.getRange('A3').getDataValidation()).toBeNull();
  });

  test('script writes are accepted (as in Sheets); validationFailures flags the cells Sheets would flag', () => {
    const { app, sheet, store, ss } = harness();
    const lists = ss.insertSheet('Lists');
    lists.getRange('A1:A3').setValues([['North'], ['South'], ['']]);
    const dv = (): GoogleAppsScript.Spreadsheet.DataValidationBuilder => app.newDataValidation();
    sheet
      .getRange('A1:A3')
      .setDataValidation(dv().requireValueInList(['Lead', 'Won']).setAllowInvalid(false).build());
    sheet.getRange('B1:B3').setDataValidation(dv().requireValueInRange(lists.getRange('A1:A3')).build());
    sheet.getRange('C1:C3').setDataValidation(dv().requireNumberBetween(1, 5).build());
    sheet.getRange('D1:D3').setDataValidation(dv().requireTextIsEmail().build());
    sheet
      .getRange('E1:E3')
      .setDataValidation(dv().requireDateOnOrAfter(new Date('2024-01-01T00:00:00+08:00')).build());
    sheet.getRange('F1:F3').insertCheckboxes();
    sheet.getRange('G1:G3').setDataValidation(dv().requireFormulaSatisfied('=H1>0').build());
    sheet.getRange('I1:I3').setDataValidation(dv().requireTextIsUrl().build());
    sheet.getRange('J1:J3').setDataValidation(dv().requireNumberGreaterThanOrEqualTo(0).build());
    sheet.getRange('A1:J3').setValues([
      [
        'Lead',
        'North',
        3,
        'a@b.com',
        new Date('2024-02-01T00:00:00+08:00'),
        true,
        'ok',
        1,
        'https://x.com',
        0,
      ],
      [
        'Lost',
        'East',
        9,
        'not-an-email',
        new Date('2023-12-31T00:00:00+08:00'),
        'yes',
        'bad',
        -1,
        'not a url',
        -2,
      ],
      ['', '', '', '', '', false, '', '', '', ''],
    ]);
    expect(sheet.getRange('A2').getValue()).toBe('Lost');
    const failures = store.validationFailures('Sheet1').map((f) => `${f.a1}:${f.criteria}`);
    expect(failures).toEqual([
      'A2:VALUE_IN_LIST',
      'B2:VALUE_IN_RANGE',
      'C2:NUMBER_BETWEEN',
      'D2:TEXT_IS_VALID_EMAIL',
      'E2:DATE_ON_OR_AFTER',
      'F2:CHECKBOX',
      'G2:CUSTOM_FORMULA',
      'I2:TEXT_IS_VALID_URL',
      'J2:NUMBER_GREATER_THAN_OR_EQUAL_TO',
    ]);
  });

  test('conditional format rules are built, stored per sheet and read back', () => {
    const { app, sheet } = harness();
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$C2<TODAY()')
      .setBackground('#F4CCCC')
      .setFontColor('#990000')
      .setBold(true)
      .setRanges([sheet.getRange('A2:F100')])
      .build();
    const dateRule = app
      .newConditionalFormatRule()
      .whenDateBefore(app.RelativeDate.TODAY)
      .setBackground('yellow')
      .setRanges([sheet.getRange('C2:C100')])
      .build();
    sheet.setConditionalFormatRules([rule, dateRule]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(2);
    const cond = rules[0].getBooleanCondition();
    expect(String(cond?.getCriteriaType())).toBe('CUSTOM_FORMULA');
    expect(cond?.getCriteriaValues()).toEqual(['=$C2<TODAY()']);
    expect(cond?.getBackground()).toBe('#f4cccc');
    expect(cond?.getBold()).toBe(true);
    expect(rules[0].getRanges()[0].getA1Notation()).toBe('A2:F100');
    expect(rules[1].getBooleanCondition()?.getCriteriaValues()).toEqual(['TODAY']);
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('A3:F101');
  });

  test('conditionalFormatMatches tells which cells the rules colour (first matching rule wins)', () => {
    const now = new Date('2026-03-10T02:00:00Z');
    const { app, sheet, store } = harness({ timeZone: 'Asia/Shanghai', now: () => now });
    sheet.getRange('A1:C4').setValues([
      ['Customer', 'Amount', 'Next follow-up'],
      ['Acme', 5000, new Date('2026-03-01T00:00:00+08:00')],
      ['Beta', 20, new Date('2026-03-20T00:00:00+08:00')],
      ['Gamma', 2000, new Date('2026-03-10T00:00:00+08:00')],
    ]);
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=AND($C2<>"",$C2<TODAY())')
        .setBackground('#f4cccc')
        .setRanges([sheet.getRange('A2:C100')])
        .build(),
      app
        .newConditionalFormatRule()
        .whenNumberGreaterThan(1000)
        .setBold(true)
        .setRanges([sheet.getRange('B2:B100')])
        .build(),
      app
        .newConditionalFormatRule()
        .whenDateEqualTo(app.RelativeDate.TODAY)
        .setFontColor('#0000ff')
        .setRanges([sheet.getRange('C2:C100')])
        .build(),
    ]);
    const matches = store.conditionalFormatMatches('Sheet1').map((m) => `${m.a1}:${m.ruleIndex}`);
    expect(matches).toEqual(['A2:0', 'B2:0', 'C2:0', 'B4:1', 'C4:2']);
  });
});
