/**
 * Form state driven by one schema (the same schema the server checks): values as strings, per-field errors
 * shown as the user types once a field has been touched, and all errors on submit.
 */
import { useMemo, useState } from 'preact/hooks';
import { validateWith, type FieldErrors, type SafeParser } from './validation';
import type { ActionState } from './components';
import type { InputField } from '../../core/validation/schemas';
import type { Locale } from '../../core/i18n';

export { validateWith, issuesToFieldErrors } from './validation';
export type { FieldErrors, SafeParser } from './validation';

/**
 * Moves focus to the first field marked invalid, once the render that marks it has happened (Preact renders after
 * the current task's microtasks, so a zero timeout runs after it). Keyboard and screen-reader users land on what
 * needs fixing instead of on a Save button far below it.
 */
export function focusFirstInvalid(): void {
  setTimeout(() => {
    const field = document.querySelector<HTMLElement>('main [aria-invalid="true"]');
    field?.focus();
  }, 0);
}

export interface FormState<V extends Record<string, string>, Out> {
  values: V;
  /** Errors to show now: touched fields only, or every field after a submit attempt; plus server-side errors. */
  errors: FieldErrors;
  /** Every current client-side error, shown or not. */
  allErrors: FieldErrors;
  set: (field: keyof V & string, value: string) => void;
  setMany: (values: Partial<V>) => void;
  touch: (field: keyof V & string) => void;
  /** Marks the form submitted; returns the parsed data when valid, else focuses the first invalid field. */
  submit: () => { ok: true; data: Out } | { ok: false; errors: FieldErrors };
  /** Errors the server reported for fields (shown until that field changes); focuses the first invalid field. */
  setServerErrors: (errors: FieldErrors) => void;
  reset: (values?: V) => void;
  /** True when nothing is wrong: no client-side error and no unresolved server error. */
  isValid: boolean;
}

/**
 * Form state validated by `schema` on every change.
 * @param schema a form schema (src/core/forms/schemas.ts) built with the user's translator, so messages are in their language.
 * @param initial the starting values (strings, as inputs hold them).
 */
export function useForm<V extends Record<string, string>, Out>(
  schema: SafeParser<Out>,
  initial: V,
): FormState<V, Out> {
  const [values, setValues] = useState<V>(initial);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});

  const allErrors = useMemo(() => {
    const result = validateWith(schema, values);
    return result.ok ? {} : result.errors;
  }, [schema, values]);

  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(allErrors)) {
    if (submitted || touched[field] || field === '') errors[field] = message;
  }
  for (const [field, message] of Object.entries(serverErrors))
    if (!(field in errors)) errors[field] = message;
  if (!submitted) delete errors[''];

  const clearServerError = (fields: string[]) =>
    setServerErrors((current) => {
      if (!fields.some((field) => field in current)) return current;
      const next = { ...current };
      for (const field of fields) delete next[field];
      return next;
    });

  return {
    values,
    errors,
    allErrors,
    set: (field, value) => {
      setValues((current) => ({ ...current, [field]: value }));
      setTouched((current) => (current[field] ? current : { ...current, [field]: true }));
      clearServerError([field]);
    },
    setMany: (partial) => {
      setValues((current) => ({ ...current, ...partial }));
      clearServerError(Object.keys(partial));
    },
    touch: (field) => setTouched((current) => (current[field] ? current : { ...current, [field]: true })),
    submit: () => {
      setSubmitted(true);
      const result = validateWith(schema, values);
      if (!result.ok) focusFirstInvalid();
      return result;
    },
    setServerErrors: (next) => {
      setServerErrors(next);
      if (Object.keys(next).length > 0) focusFirstInvalid();
    },
    isValid: Object.keys(allErrors).length === 0 && Object.keys(serverErrors).length === 0,
    reset: (next) => {
      setValues(next ?? initial);
      setTouched({});
      setSubmitted(false);
      setServerErrors({});
    },
  };
}

/**
 * A record sidebar's save: the form checked first (nothing is sent while it is invalid), then the server call, whose
 * field errors are shown where the form shows its own. Returns the server's answer once it saved; undefined when
 * nothing was saved (the reason is already in the panel).
 */
export async function submitRecord<R extends { status: string }>(
  form: Pick<FormState<Record<string, string>, unknown>, 'submit' | 'setServerErrors'>,
  action: ActionState,
  invalidText: string,
  call: () => Promise<R>,
): Promise<Exclude<R, { status: 'invalid' }> | undefined> {
  if (!form.submit().ok) {
    action.setMessage({ kind: 'error', text: invalidText });
    return undefined;
  }
  const result = await action.run(call);
  if (!result) return undefined;
  if (result.status === 'invalid') {
    form.setServerErrors((result as unknown as { errors: FieldErrors }).errors);
    action.setMessage({ kind: 'error', text: invalidText });
    return undefined;
  }
  return result as Exclude<R, { status: 'invalid' }>;
}

/**
 * What a field component takes for `field` of a form: its value, change and blur handlers, the error to show, and
 * from the template's description of the field, whether it is required and, for a phone, the format help people
 * need (country-code numbers).
 */
export function fieldProps<V extends Record<string, string>>(
  form: FormState<V, unknown>,
  field: keyof V & string,
  label: string,
  spec: InputField | undefined,
  locale: Locale,
) {
  return {
    id: field,
    label,
    value: form.values[field],
    onValue: (value: string) => form.set(field, value),
    onBlur: () => form.touch(field),
    error: form.errors[field],
    required: spec?.required,
    hint: spec?.type === 'phone' ? spec.help[locale] : undefined,
  };
}
