/**
 * The default sample as data (templates/sample-data.ts): encoded once, materialised for any "now", zone and
 * language, it is exactly what generateSample gives — the rows Load sample data wrote before the generator left
 * Code.js. Nows cover month and year ends, a leap day, both DST changes of New York, London and Auckland, and
 * instants where the zones are on different days.
 */
import { todayIn } from '../../../src/core/dates';
import { generateSample } from '../../../templates/sample';
import {
  encodeSample,
  materialiseSample,
  parseSampleDataHtml,
  sampleDataHtml,
  type EncodedSample,
} from '../../../templates/sample-data';

const ZONES = [
  'Asia/Shanghai',
  'America/New_York',
  'Europe/London',
  'Pacific/Auckland',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Etc/UTC',
];
const NOWS = [
  '2026-03-16T02:00:00Z',
  '2026-01-31T23:59:59Z',
  '2026-02-28T16:30:00Z',
  '2026-12-31T23:30:00Z',
  '2027-01-01T00:00:00Z',
  '2028-02-29T12:00:00Z',
  '2026-03-08T07:30:00Z', // New York springs forward
  '2026-11-01T06:30:00Z', // New York falls back
  '2026-03-29T01:30:00Z', // London springs forward
  '2026-10-25T01:30:00Z', // London falls back
  '2026-04-05T02:30:00Z', // Auckland falls back
  '2026-09-27T02:30:00Z', // Auckland springs forward
  '2026-06-30T11:00:00Z',
  '2030-08-31T18:45:00Z',
  '2024-12-31T10:00:00Z',
];

describe('the default sample as data', () => {
  let encoded: EncodedSample;
  beforeAll(() => {
    const options = { now: '2026-05-20T08:00:00Z', timeZone: 'Asia/Shanghai' };
    encoded = encodeSample(
      generateSample({ ...options, language: 'en' }),
      generateSample({ ...options, language: 'zh-CN' }),
    );
  });

  it.each(NOWS)('materialised for %s is generateSample in every zone and both languages', (now) => {
    // The generator reads (now, zone) only as the zone's today: zones that share a day are compared once.
    const days = new Map<string, string>();
    for (const timeZone of ZONES) {
      const today = todayIn(timeZone, new Date(now));
      if (!days.has(today)) days.set(today, timeZone);
    }
    expect(days.size).toBeGreaterThanOrEqual(2);
    for (const [today, timeZone] of days)
      for (const language of ['en', 'zh-CN'] as const) {
        const expected = generateSample({ now, timeZone, language });
        const actual = materialiseSample(encoded, today, language);
        // Compared as JSON texts (same keys in the same order, same values), which is fast; toEqual shows a
        // difference.
        if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
        expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
      }
  });

  it('does not depend on the day, zone or language it was encoded for', () => {
    const other = { now: '2027-12-31T20:00:00Z', timeZone: 'America/New_York' };
    expect(
      encodeSample(
        generateSample({ ...other, language: 'en' }),
        generateSample({ ...other, language: 'zh-CN' }),
      ),
    ).toEqual(encoded);
  });

  it('stores offsets, list codes and both languages only where the text differs', () => {
    const { customers, followups, reps, stageHistory } = encoded.sheets;
    const kind = (sheet: typeof customers, column: string) => sheet.kinds[sheet.columns.indexOf(column)];
    expect(kind(customers, 'created')).toBe('date');
    expect(kind(followups, 'time')).toBe('datetime');
    expect(kind(customers, 'stage')).toBe('list:stage');
    expect(kind(reps, 'regions')).toBe('both');
    expect(kind(stageHistory, 'toStage')).toBe('both');
    expect(kind(customers, 'company')).toBe('plain');
    // No calendar date is stored anywhere: only offsets from "today".
    expect(JSON.stringify(encoded)).not.toMatch(/20\d\d-\d\d-\d\d/);
  });

  it('survives the project file: the text Load sample data reads gives the same data back', () => {
    const html = sampleDataHtml(encoded);
    expect(html).toMatch(/^<!--[^\n]*-->\n/);
    // One element, closed once: no text of the sample can close it early.
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(parseSampleDataHtml(html)).toEqual(encoded);
    expect(() => parseSampleDataHtml('<p>not the sample</p>')).toThrow(/not a SalesDesk sample data file/);
  });

  it('refuses to encode a sample whose dates are not of their column type', () => {
    const en = generateSample({ now: '2026-05-20T08:00:00Z', language: 'en' });
    const zh = generateSample({ now: '2026-05-20T08:00:00Z', language: 'zh-CN' });
    en.deals[0] = { ...en.deals[0], date: '2026-05-20 10:00' };
    zh.deals[0] = { ...zh.deals[0], date: '2026-05-20 10:00' };
    expect(() => encodeSample(en, zh)).toThrow(/is not of its type/);
  });
});
