/**
 * src/core/lazy.ts: tables built on first read read exactly as the plain values they replace, and are built once.
 */
import { lazyFields, lazyRecord, lazyValue } from '../../src/core/lazy';
import { LIST_KEYS, LISTS } from '../../templates/lists';
import { SETTINGS } from '../../templates/settings';
import { CONDITIONAL_FORMATS, PROTECTIONS, SHEET_KEYS, SHEETS } from '../../templates/workbook';

/** How a built key reads: a plain data property. */
const DATA_ONE = { value: 1, writable: true, enumerable: true, configurable: true };

describe('lazyRecord', () => {
  it('builds once, on the first read of any key, and then reads as a plain object', () => {
    let builds = 0;
    const record = lazyRecord(['a', 'b'] as const, () => {
      builds++;
      return { a: 1, b: 2 };
    });
    expect(builds).toBe(0);
    expect(Object.keys(record)).toEqual(['a', 'b']);
    expect(builds).toBe(0);
    expect(record.b).toBe(2);
    expect(builds).toBe(1);
    expect(record.a).toBe(1);
    expect(Object.values(record)).toEqual([1, 2]);
    expect(Object.entries(record)).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect('a' in record).toBe(true);
    expect(JSON.stringify(record)).toBe('{"a":1,"b":2}');
    expect(Object.getOwnPropertyDescriptor(record, 'a')).toEqual(DATA_ONE);
    expect(builds).toBe(1);
  });

  it('refuses a build whose keys differ from the declared ones', () => {
    const record = lazyRecord(['a', 'b'] as const, () => ({ b: 2, a: 1 }));
    expect(() => record.a).toThrow(/differ/);
  });
});

describe('lazyFields', () => {
  it('builds each value on its own first read, once, and then reads as a plain object', () => {
    const built: string[] = [];
    const record = lazyFields(['a', 'b'] as const, {
      a: () => (built.push('a'), 1),
      b: () => (built.push('b'), 2),
    });
    expect(Object.keys(record)).toEqual(['a', 'b']);
    expect(built).toEqual([]);
    expect(record.b).toBe(2);
    expect(built).toEqual(['b']);
    expect(record.b).toBe(2);
    expect(Object.values(record)).toEqual([1, 2]);
    expect(built).toEqual(['b', 'a']);
    expect(JSON.stringify(record)).toBe('{"a":1,"b":2}');
    expect(Object.getOwnPropertyDescriptor(record, 'a')).toEqual(DATA_ONE);
  });
});

describe('lazyValue', () => {
  it('reads as the array it builds, once', () => {
    let builds = 0;
    const list = lazyValue('array', () => {
      builds++;
      return [3, 1, 2];
    });
    expect(builds).toBe(0);
    expect(Array.isArray(list)).toBe(true);
    expect(list.length).toBe(3);
    expect(list[0]).toBe(3);
    expect([...list]).toEqual([3, 1, 2]);
    expect(list.map((n) => n * 2)).toEqual([6, 2, 4]);
    expect(list.find((n) => n < 3)).toBe(1);
    expect(Object.keys(list)).toEqual(['0', '1', '2']);
    expect(JSON.stringify(list)).toBe('[3,1,2]');
    expect([0, ...list]).toEqual([0, 3, 1, 2]);
    expect(list).toEqual([3, 1, 2]);
    expect(builds).toBe(1);
  });

  it('reads as the Map or Set it builds', () => {
    const map = lazyValue('map', () => new Map([['a', 1]]));
    expect(map.get('a')).toBe(1);
    expect(map.has('b')).toBe(false);
    expect(map.size).toBe(1);
    expect([...map]).toEqual([['a', 1]]);
    expect(map instanceof Map).toBe(true);
    const set = lazyValue('set', () => new Set(['x']));
    expect(set.has('x')).toBe(true);
    expect(set.size).toBe(1);
    expect([...set]).toEqual(['x']);
  });

  it('writes to the value it builds, as the plain value would', () => {
    const list = lazyValue('array', () => [1]) as number[];
    list.push(2);
    list[0] = 5;
    expect(list).toEqual([5, 2]);
    expect(list.length).toBe(2);
  });
});

describe('the lazy template tables', () => {
  it('hold every sheet, list and setting in template order', () => {
    expect(Object.keys(SHEETS)).toEqual([...SHEET_KEYS]);
    expect(Object.values(SHEETS).map((sheet) => sheet.key)).toEqual([...SHEET_KEYS]);
    expect(Object.keys(LISTS)).toEqual([...LIST_KEYS]);
    expect(Object.values(LISTS).map((list) => list.key)).toEqual([...LIST_KEYS]);
    expect(SETTINGS.length).toBeGreaterThan(10);
    expect(new Set(SETTINGS.map((spec) => spec.key)).size).toBe(SETTINGS.length);
    expect(CONDITIONAL_FORMATS.every((format) => format.sheet in SHEETS)).toBe(true);
    expect(PROTECTIONS.every((protection) => protection.sheet in SHEETS)).toBe(true);
  });
});
