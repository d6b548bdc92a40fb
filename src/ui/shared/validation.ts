/** Turning zod results into per-field messages (pure: shared by the form hook and tests). */

/** The minimum of a zod schema the form needs (kept structural so any zod schema fits). */
export interface SafeParser<Out> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: Out }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

export type FieldErrors = Record<string, string>;

/** The first message per top-level field; form-wide issues (empty path) go under ''. */
export function issuesToFieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '';
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
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
