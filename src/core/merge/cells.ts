/**
 * Cells of a merge as they travel through the state sheet (JSON) and back into the workbook: a Date keeps being a
 * Date (`{"$d": iso}`), so Undo writes back exactly what was read; and the few comparisons a merge makes between
 * what it wrote and what the sheet holds now.
 */

/** A cell as JSON can carry it. */
export type StoredCell = string | number | boolean | null | { $d: string };

export function encodeCell(value: unknown): StoredCell {
  if (value instanceof Date) return { $d: value.toISOString() };
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

export function decodeCell(value: StoredCell | undefined): unknown {
  if (value !== null && typeof value === 'object' && typeof value.$d === 'string') return new Date(value.$d);
  return value ?? '';
}

export function encodeRow(row: readonly unknown[]): StoredCell[] {
  return row.map(encodeCell);
}

export function decodeRow(row: readonly StoredCell[]): unknown[] {
  return row.map(decodeCell);
}

/** Same cell content: Dates by instant, blanks (null, undefined, '') alike, everything else strictly. */
export function sameCell(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  const left = a === undefined || a === null ? '' : a;
  const right = b === undefined || b === null ? '' : b;
  return left === right;
}

/** Is there something in the cell (a ticked box counts, an unticked one does not)? */
export function isFilled(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return Number.isFinite(value);
  return true;
}

/** A short, stable hash (53 bits, hex) of a text: the fingerprint of a group as previewed. Not a secret. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
