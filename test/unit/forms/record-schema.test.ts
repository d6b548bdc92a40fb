/** The forms' schema layer (src/core/validation/record-schema.ts), which replaced zod: its rules, one by one. */
import { RecordSchema, type FieldRule } from '../../../src/core/validation/record-schema';

const field = (key: string, required = false): FieldRule => ({
  key,
  check: (value) =>
    value === undefined || value === '' ? (required ? `${key} is required` : undefined) : undefined,
  normalise: (value) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
});
const numeric: FieldRule = {
  key: 'n',
  check: (value) =>
    value === undefined || value === '' || !Number.isNaN(Number(value)) ? undefined : 'not a number',
  normalise: (value) => (value === undefined || value === '' ? '' : Number(value)),
};

describe('RecordSchema', () => {
  it('fails anything but an object with one issue at the empty path', () => {
    const schema = new RecordSchema([field('a')]);
    for (const input of [undefined, null, 3, 'x', [1]])
      expect(schema.safeParse(input)).toEqual({
        success: false,
        error: { issues: [{ path: [], message: 'Invalid input' }] },
      });
  });

  it('normalises fields that pass, drops keys that are not fields', () => {
    const schema = new RecordSchema([field('a'), numeric]);
    expect(schema.safeParse({ a: ' x ', n: '12', other: 1 })).toEqual({
      success: true,
      data: { a: 'X', n: 12 },
    });
  });

  it('reports every field in order, keeps a failed field raw, and runs record rules after failed fields', () => {
    const seen: unknown[] = [];
    const schema = new RecordSchema([field('a', true), numeric])
      .extend([field('b', true)])
      .refine((record, addIssue) => {
        seen.push({ ...record });
        addIssue({ path: ['b'], message: 'rule' });
      });
    const result = schema.safeParse({ n: 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      { path: ['a'], message: 'a is required' },
      { path: ['n'], message: 'not a number' },
      { path: ['b'], message: 'b is required' },
      { path: ['b'], message: 'rule' },
    ]);
    expect(seen).toEqual([{ n: 'x' }]);
  });

  it('extends with a field of an existing key by replacing it in place', () => {
    const strict: FieldRule = { key: 'a', check: () => 'never', normalise: (value) => value };
    const schema = new RecordSchema([field('a'), field('b', true)]).extend([strict, field('c', true)]);
    expect(schema.fields.map((f) => f.key)).toEqual(['a', 'b', 'c']);
    expect(schema.safeParse({ a: 'x' }).error?.issues).toEqual([
      { path: ['a'], message: 'never' },
      { path: ['b'], message: 'b is required' },
      { path: ['c'], message: 'c is required' },
    ]);
  });

  it('prepares an object input before checking it', () => {
    const schema = new RecordSchema([field('a', true)]).preparing((input) => ({ a: 'filled', ...input }));
    expect(schema.safeParse({})).toEqual({ success: true, data: { a: 'FILLED' } });
    expect(schema.safeParse(undefined).success).toBe(false);
  });
});
