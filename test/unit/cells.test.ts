/** The one cell-value vocabulary (src/core/cells.ts): the same reading for every feature. */
import { cellAmount, cellBoolean, cellEmail, isTicked } from '../../src/core/cells';
import { numberOfCell, isTicked as assignTicked } from '../../src/core/assign/model';
import { isChecked, numberOf } from '../../src/core/reminders/input';
import { amountOf } from '../../src/core/dashboard/compute';
import { parseSettings } from '../../templates/settings';

describe('booleans', () => {
  it.each([true, 'TRUE', 'yes', 'on', 'Y', '是', '真', '✓', '开启', 'ＹＥＳ', 1])('%p is true', (value) => {
    expect(cellBoolean(value)).toBe(true);
    expect(isTicked(value)).toBe(true);
  });
  it.each([false, 'FALSE', 'no', 'off', '否', '假', '关闭', 0])('%p is false', (value) => {
    expect(cellBoolean(value)).toBe(false);
  });
  it.each(['', null, undefined, 'maybe', '2x'])('%p is neither', (value) => {
    expect(cellBoolean(value)).toBeNull();
    expect(isTicked(value)).toBe(false);
  });
  it('assignment, reminders and Settings read them alike', () => {
    for (const value of ['on', '真', 'yes', 'off', '否']) {
      expect(assignTicked(value)).toBe(isTicked(value));
      expect(isChecked(value)).toBe(isTicked(value));
      const parsed = parseSettings([['assignMatchRegion', value]]);
      expect(parsed.settings.assignMatchRegion).toBe(isTicked(value));
    }
  });
});

describe('amounts', () => {
  it.each([
    ['¥1,200', 1200],
    ['￥1,200.50', 1200.5],
    ['1 200', 1200],
    ['$3,000', 3000],
    ['１２００', 1200],
    ['1200元', 1200],
    ['-¥50', -50],
    [42, 42],
  ])('%p is %p', (value, expected) => {
    expect(cellAmount(value)).toBe(expected);
    expect(numberOfCell(value)).toBe(expected);
    expect(numberOf(value)).toBe(expected);
    expect(amountOf(value)).toBe(expected);
  });
  it.each(['', 'abc', '12abc', '1.2.3', null, true])('%p is no amount', (value) => {
    expect(cellAmount(value)).toBeNull();
    expect(amountOf(value)).toBe(0);
  });
});

describe('e-mail cells', () => {
  it('one address, lower-cased', () => {
    expect(cellEmail(' Ann@Example.com ')).toEqual({ kind: 'email', email: 'ann@example.com' });
  });
  it('a list is refused, never read as its first address', () => {
    for (const list of ['a@x.com, b@y.com', 'a@x.com;b@y.com', 'a@x.com b@y.com', 'a@x.com、b@y.com'])
      expect(cellEmail(list).kind).toBe('list');
  });
  it('blank and non-addresses', () => {
    expect(cellEmail('').kind).toBe('blank');
    expect(cellEmail('ann').kind).toBe('invalid');
  });
});
