/** Schema issues → one message per field: used by the sidebar as the user types and by the server on receipt. */

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

/**
 * Text typed by a user, made safe to write with setValues: a leading = + - @ would make Sheets treat it as a
 * formula (formula injection), and digit-only text such as a phone "0108888" would lose its leading zero as a
 * number. An apostrophe prefix keeps it as text and is not shown in the cell.
 */
export function asSheetText(value: string): string {
  if (value === '') return value;
  if (/^[=+\-@]/.test(value) || /^\d+$/.test(value)) return `'${value}`;
  return value;
}
