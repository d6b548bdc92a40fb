/** SpreadsheetApp's enums: built once and shared by every execution's SpreadsheetApp, which is safe as they are frozen. */
import { harness } from './helpers';

test('every SpreadsheetApp holds the same frozen enum objects, in the same order', () => {
  const first = harness().app as unknown as Record<string, Record<string, string>>;
  const second = harness().app as unknown as Record<string, Record<string, string>>;
  expect(Object.keys(first)).toEqual(Object.keys(second));
  expect(Object.keys(first)).toContain('BorderStyle');
  expect(Object.keys(first)[Object.keys(first).length - 1]).toBe('ColorType');
  for (const name of Object.keys(first).filter((key) => key !== 'ctx')) {
    expect(second[name]).toBe(first[name]);
    expect(Object.isFrozen(first[name])).toBe(true);
    expect(Object.getOwnPropertyDescriptor(first, name)).toMatchObject({
      enumerable: true,
      writable: false,
      configurable: false,
    });
  }
  expect(first.BorderStyle.DOTTED).toBe('DOTTED');
  expect(first.ColorType).toEqual({ UNSUPPORTED: 'UNSUPPORTED', RGB: 'RGB', THEME: 'THEME' });
  // A script cannot change a shared enum (strict-mode code throws; sloppy code is ignored).
  expect(() => {
    'use strict';
    (first.BorderStyle as Record<string, string>).DOTTED = 'x';
  }).toThrow(TypeError);
  expect(second.BorderStyle.DOTTED).toBe('DOTTED');
});
