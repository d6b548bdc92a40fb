/**
 * The one small schema layer of the forms: an object of named fields, each checked (a message, or none) and then
 * normalised, plus whole-record rules. It replaces zod, whose tree-shaken `zod/mini` build still cost ~16 KB in
 * Code.js and in each form sidebar, for the handful of its features SalesDesk used.
 *
 * Semantics (those of the zod schemas it replaced, kept by test/unit/forms and test/unit/checks):
 *  - anything but a plain object (undefined, null, an array, a number) fails with one issue at the empty path;
 *  - every field is checked in order; a field with a problem keeps its raw value, the others their normalised one;
 *    keys that are not fields are dropped;
 *  - whole-record rules run after the fields, even when a field failed (they see the raw value of that field);
 *  - the result is `{ success: true, data }` or `{ success: false, error: { issues } }`, issues in order.
 */

export interface Issue {
  path: PropertyKey[];
  message: string;
}

export type ParseResult<T> =
  | { success: true; data: T; error?: undefined }
  | { success: false; data?: undefined; error: { issues: Issue[] } };

export interface FieldRule {
  key: string;
  /** The problem of a value (empty values included), or undefined when it is fine. */
  check(value: unknown): string | undefined;
  /** The value as stored, for a value that passed `check`. */
  normalise(value: unknown): unknown;
}

/** A whole-record rule: adds issues for the record (path names the field to show them at). */
export type RecordRule = (record: Record<string, unknown>, addIssue: (issue: Issue) => void) => void;

/** What anything but an object gets (the message zod gave, so a broken call reads the same). */
const NOT_AN_OBJECT = 'Invalid input';

export class RecordSchema {
  constructor(
    readonly fields: readonly FieldRule[],
    private readonly rules: readonly RecordRule[] = [],
    /** Runs on the input before anything else (a form filling the fields it does not show). */
    private readonly prepare?: (input: Record<string, unknown>) => Record<string, unknown>,
  ) {}

  /** This schema with more fields: a field of the same key replaces the old one where it stood, others go last. */
  extend(fields: readonly FieldRule[]): RecordSchema {
    const byKey = new Map(fields.map((field) => [field.key, field]));
    const replaced = this.fields.map((field) => byKey.get(field.key) ?? field);
    const added = fields.filter((field) => !this.fields.some((old) => old.key === field.key));
    return new RecordSchema([...replaced, ...added], this.rules, this.prepare);
  }

  /** This schema with one more whole-record rule. */
  refine(rule: RecordRule): RecordSchema {
    return new RecordSchema(this.fields, [...this.rules, rule], this.prepare);
  }

  /** This schema with `prepare` run on an object input first. */
  preparing(prepare: (input: Record<string, unknown>) => Record<string, unknown>): RecordSchema {
    return new RecordSchema(this.fields, this.rules, prepare);
  }

  safeParse(value: unknown): ParseResult<Record<string, unknown>> {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      return { success: false, error: { issues: [{ path: [], message: NOT_AN_OBJECT }] } };
    const input = this.prepare
      ? this.prepare(value as Record<string, unknown>)
      : (value as Record<string, unknown>);
    const issues: Issue[] = [];
    const data: Record<string, unknown> = {};
    for (const field of this.fields) {
      const raw = input[field.key];
      const message = field.check(raw);
      if (message === undefined) data[field.key] = field.normalise(raw);
      else {
        issues.push({ path: [field.key], message });
        if (raw !== undefined) data[field.key] = raw;
      }
    }
    for (const rule of this.rules) rule(data, (issue) => issues.push(issue));
    return issues.length === 0 ? { success: true, data } : { success: false, error: { issues } };
  }
}
