import {
  CACHED_CALL_MS,
  costOfCall,
  newCostState,
  PROPERTIES_READ_MS,
  SHEETS_ROUND_TRIP_MS,
} from '../../../runtime/cost-model';

describe('cost model', () => {
  it('charges a round trip for the first read and for every read after a write, cached calls otherwise', () => {
    const state = newCostState();
    expect(costOfCall('Spreadsheet', 'getSheetByName', 0, state)).toBe(CACHED_CALL_MS);
    expect(costOfCall('Range', 'getValues', 0, state)).toBe(SHEETS_ROUND_TRIP_MS);
    expect(costOfCall('Range', 'getValues', 0, state)).toBe(CACHED_CALL_MS);
    expect(costOfCall('Range', 'setValues', 0, state)).toBe(CACHED_CALL_MS);
    expect(costOfCall('Range', 'setValue', 0, state)).toBe(CACHED_CALL_MS);
    expect(costOfCall('Range', 'getValue', 0, state)).toBe(SHEETS_ROUND_TRIP_MS);
    expect(costOfCall('SpreadsheetApp', 'flush', 0, state)).toBe(CACHED_CALL_MS);
    costOfCall('Range', 'setValue', 0, state);
    expect(costOfCall('SpreadsheetApp', 'flush', 0, state)).toBe(SHEETS_ROUND_TRIP_MS);
  });

  it('charges metadata changes a round trip and cells moved 0.1 ms per 1 000', () => {
    const state = newCostState();
    expect(costOfCall('Spreadsheet', 'insertSheet', 0, state)).toBe(SHEETS_ROUND_TRIP_MS);
    expect(costOfCall('Range', 'setDataValidations', 10_000, state)).toBeCloseTo(SHEETS_ROUND_TRIP_MS + 1);
    expect(costOfCall('Range', 'setValues', 100_000, state)).toBeCloseTo(CACHED_CALL_MS + 10);
  });

  it('prices other services from their own figures', () => {
    const state = newCostState();
    expect(costOfCall('Properties', 'getProperty', 0, state)).toBe(PROPERTIES_READ_MS);
    expect(costOfCall('Properties', 'setProperty', 0, state)).toBeGreaterThan(PROPERTIES_READ_MS);
    expect(costOfCall('MailApp', 'sendEmail', 0, state)).toBeGreaterThan(
      costOfCall('MailApp', 'getRemainingDailyQuota', 0, state),
    );
    expect(costOfCall('Menu', 'addItem', 0, state)).toBeLessThan(CACHED_CALL_MS);
  });
});
