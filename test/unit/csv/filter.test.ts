import { rowVisible } from '../../../src/core/csv/filter';

describe('rowVisible', () => {
  const row = ['Acme', 'East China', 1200, ''];
  it('hides rows whose shown value the filter hides, keeps the others', () => {
    expect(rowVisible(row, [{ column: 1, hiddenValues: ['East China'] }])).toBe(false);
    expect(rowVisible(row, [{ column: 1, hiddenValues: ['West China'] }])).toBe(true);
    expect(rowVisible(row, [{ column: 1, visibleValues: ['West China'] }])).toBe(false);
  });
  it('compares hidden values with the displayed text when given', () => {
    expect(
      rowVisible(row, [{ column: 2, hiddenValues: ['1,200.00'] }], ['Acme', 'East China', '1,200.00', '']),
    ).toBe(false);
  });
  it('evaluates the common conditions; an unknown condition keeps the row', () => {
    expect(
      rowVisible(row, [{ column: 2, criteriaType: 'NUMBER_GREATER_THAN', criteriaValues: [1000] }]),
    ).toBe(true);
    expect(rowVisible(row, [{ column: 2, criteriaType: 'NUMBER_LESS_THAN', criteriaValues: [1000] }])).toBe(
      false,
    );
    expect(rowVisible(row, [{ column: 0, criteriaType: 'TEXT_CONTAINS', criteriaValues: ['cm'] }])).toBe(
      true,
    );
    expect(rowVisible(row, [{ column: 3, criteriaType: 'CELL_NOT_EMPTY', criteriaValues: [] }])).toBe(false);
    expect(rowVisible(row, [{ column: 0, criteriaType: 'CUSTOM_FORMULA', criteriaValues: ['=A1'] }])).toBe(
      true,
    );
  });
});
