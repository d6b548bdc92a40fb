/** Turning schema results into per-field messages (pure: shared by the form hook and tests). */
import { issuesToFieldErrors, type FieldErrors } from '../../core/forms/errors';

export { issuesToFieldErrors };
export type { FieldErrors };

/** The minimum of a schema the form needs (kept structural: src/core/validation/record-schema.ts fits). */
export interface SafeParser<Out> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: Out }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/** Validates `values` with `schema`, returning the parsed data or the field errors. */
export function validateWith<Out>(
  schema: SafeParser<Out>,
  values: unknown,
): { ok: true; data: Out } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: issuesToFieldErrors(result.error.issues) };
}
