/**
 * A JSON state kept in one column of the hidden *SalesDesk state* sheet (assignment in column A, merges in B): a
 * marker cell, so a stray sheet of that name is never taken for ours, then the JSON in chunks.
 */

/** Characters per cell: below Sheets' 50 000-character cell limit, with room for the prefix. */
export const STATE_CHUNK = 40_000;
/**
 * Every chunk starts with this letter: a bare chunk such as `123` or `=x` would be turned into a number or a
 * formula by setValues (values are parsed as if typed; developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)).
 */
const CHUNK_PREFIX = 'j';

/** The state (written as version 1) as the column's cells, marker first, ready for one setValues. */
export function encodeStateCells(marker: string, state: object): string[] {
  const json = JSON.stringify({ v: 1, ...state });
  const cells = [marker];
  for (let start = 0; start < json.length; start += STATE_CHUNK)
    cells.push(CHUNK_PREFIX + json.slice(start, start + STATE_CHUNK));
  return cells;
}

/**
 * The version-1 object the cells hold; undefined when the marker has no chunks after it (an empty state); null
 * when the marker is missing or the text does not parse, so the caller refuses to overwrite what it cannot read.
 */
export function decodeStateCells(
  cells: readonly unknown[],
  marker: string,
): Record<string, unknown> | undefined | null {
  if (String(cells[0] ?? '') !== marker) return null;
  let json = '';
  for (let i = 1; i < cells.length; i++) {
    const text = String(cells[i] ?? '');
    if (text === '') break;
    if (!text.startsWith(CHUNK_PREFIX)) return null;
    json += text.slice(CHUNK_PREFIX.length);
  }
  if (json === '') return undefined;
  try {
    const parsed = JSON.parse(json) as { v?: number } | null;
    return parsed && typeof parsed === 'object' && parsed.v === 1
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
