/**
 * Building blocks every SalesDesk sidebar uses: the panel shell, labelled fields with inline errors, panel messages,
 * and the busy state of a server call. All text goes through Preact, which escapes it, so user data never becomes
 * markup.
 */
import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { cleanServerMessage, closeSidebar } from './server';
import { useI18n } from './i18n';

/**
 * The sidebar panel: the content and an action row pinned to the bottom. Sheets draws the title (setTitle) above the
 * panel, so the page's own h1 is for screen readers only: the title is seen once and still heads the page.
 */
export function Sidebar(props: { title: string; children: ComponentChildren; footer?: ComponentChildren }) {
  // The document title too (what setTitle gives the page in Sheets, and what the offline preview lacks).
  useEffect(() => {
    document.title = props.title;
  }, [props.title]);
  return (
    <main class="sidebar" aria-labelledby="sidebar-title">
      <h1 id="sidebar-title" class="visually-hidden">
        {props.title}
      </h1>
      {props.children}
      {props.footer ? <div class="bottom">{props.footer}</div> : null}
    </main>
  );
}

export type MessageKind = 'success' | 'error' | 'warning' | 'info';
export interface PanelMessage {
  kind: MessageKind;
  text: string;
  /** Extra lines, e.g. one per invalid field. */
  items?: string[];
}

/** A message shown in the panel (never alert()): errors are announced at once, others politely. */
export function Message(props: { message: PanelMessage | null; children?: ComponentChildren }) {
  const message = props.message;
  if (!message) return null;
  return (
    <div
      class={`message ${message.kind}`}
      role={message.kind === 'error' ? 'alert' : 'status'}
      aria-live={message.kind === 'error' ? 'assertive' : 'polite'}
      data-testid={`message-${message.kind}`}
    >
      {message.text}
      {message.items && message.items.length > 0 ? (
        <ul>
          {message.items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ul>
      ) : null}
      {props.children}
    </div>
  );
}

/** The "working…" indicator next to the button that started a call. */
export function Busy(props: { busy: boolean; text?: string }) {
  const { t } = useI18n();
  if (!props.busy) return null;
  return (
    <span class="busy" role="status" aria-live="polite">
      {props.text ?? t('common.working')}
    </span>
  );
}

interface FieldFrameProps {
  id: string;
  label: string;
  required?: boolean;
  error?: string;
  hint?: string;
  children: ComponentChildren;
}

/** Label + control + hint + error, wired for screen readers (aria-describedby, aria-invalid on the control). */
function FieldFrame(props: FieldFrameProps) {
  const { t } = useI18n();
  return (
    <div class="form-group" data-field={props.id}>
      <label for={props.id}>
        {props.label}
        {props.required ? (
          <span class="required" aria-label={t('ui.required')} title={t('ui.required')}>
            *
          </span>
        ) : null}
      </label>
      {props.children}
      {props.hint ? (
        <span id={`${props.id}-hint`} class="hint secondary">
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span id={`${props.id}-error`} class="field-error error" role="alert">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

function describedBy(props: { id: string; error?: string; hint?: string }): string | undefined {
  const ids = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

interface ControlProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  onBlur?: () => void;
  required?: boolean;
  error?: string;
  hint?: string;
  disabled?: boolean;
  placeholder?: string;
}

export function TextField(
  props: ControlProps & {
    type?: 'text' | 'email' | 'tel' | 'number' | 'date' | 'datetime-local' | 'search';
    step?: string;
    min?: string;
    autoFocus?: boolean;
    autoComplete?: string;
  },
) {
  return (
    <FieldFrame {...props}>
      <input
        id={props.id}
        name={props.id}
        // Preact types `type` as a discriminated union; every value used here is a valid input type.
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        step={props.step}
        min={props.min}
        placeholder={props.placeholder}
        disabled={props.disabled}
        autoFocus={props.autoFocus}
        autoComplete={props.autoComplete ?? 'off'}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onInput={(event) => props.onValue((event.currentTarget as HTMLInputElement).value)}
        onBlur={props.onBlur}
      />
    </FieldFrame>
  );
}

export function TextAreaField(props: ControlProps & { rows?: number }) {
  return (
    <FieldFrame {...props}>
      <textarea
        id={props.id}
        name={props.id}
        rows={props.rows ?? 3}
        value={props.value}
        placeholder={props.placeholder}
        disabled={props.disabled}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onInput={(event) => props.onValue((event.currentTarget as HTMLTextAreaElement).value)}
        onBlur={props.onBlur}
      />
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A dropdown; plain strings are both value and label (Lists values are shown as stored). */
export function SelectField(
  props: ControlProps & { options: readonly (string | Option)[]; emptyLabel?: string },
) {
  const options = props.options.map((option) =>
    typeof option === 'string' ? { value: option, label: option } : option,
  );
  // A value not in the list (an old label, a typo in the sheet) is still shown rather than silently dropped.
  if (props.value !== '' && !options.some((option) => option.value === props.value)) {
    options.unshift({ value: props.value, label: props.value });
  }
  return (
    <FieldFrame {...props}>
      <select
        id={props.id}
        name={props.id}
        value={props.value}
        disabled={props.disabled}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onChange={(event) => props.onValue((event.currentTarget as HTMLSelectElement).value)}
        onBlur={props.onBlur}
      >
        <option value="">{props.emptyLabel ?? '—'}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField(props: {
  id: string;
  label: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <div class="form-group" data-field={props.id}>
      <input
        type="checkbox"
        id={props.id}
        name={props.id}
        checked={props.checked}
        disabled={props.disabled}
        onChange={(event) => props.onChecked((event.currentTarget as HTMLInputElement).checked)}
      />
      <label for={props.id}>{props.label}</label>
    </div>
  );
}

/** A button that shows its busy state: disabled while `busy`, so a double click never sends twice. */
export function ActionButton(
  props: ButtonHTMLAttributes<HTMLButtonElement> & {
    kind?: 'action' | 'create' | 'share' | 'plain';
    busy?: boolean;
  },
) {
  const { kind = 'action', busy, disabled, children, ...rest } = props;
  return (
    <button
      type="button"
      {...rest}
      class={kind === 'plain' ? undefined : kind}
      disabled={Boolean(busy) || Boolean(disabled)}
      aria-busy={busy ? 'true' : undefined}
    >
      {children}
    </button>
  );
}

export interface ActionState {
  busy: boolean;
  message: PanelMessage | null;
  setMessage: (message: PanelMessage | null) => void;
  /**
   * Runs one server interaction: sets busy, clears the old message, shows the error in the panel if it throws.
   * Returns the task's value, or undefined when it failed. A second run while one is in flight is ignored.
   */
  run: <T>(task: () => Promise<T>) => Promise<T | undefined>;
}

/** Busy flag + panel message around server calls. */
export function useAction(): ActionState {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<PanelMessage | null>(null);
  const inFlight = useRef(false);
  const run = useCallback(
    async <T,>(task: () => Promise<T>): Promise<T | undefined> => {
      if (inFlight.current) return undefined;
      inFlight.current = true;
      setBusy(true);
      setMessage(null);
      try {
        return await task();
      } catch (error) {
        setMessage({ kind: 'error', text: t('common.error', { message: cleanServerMessage(error) }) });
        return undefined;
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, message, setMessage, run };
}

/**
 * The panel message of a form: an "invalid input" error disappears by itself once the user has fixed every field,
 * so a stale error never sits above a form that is ready to save.
 */
export function formMessage(
  message: PanelMessage | null,
  invalidText: string,
  formIsValid: boolean,
): PanelMessage | null {
  if (message && message.kind === 'error' && message.text === invalidText && formIsValid) return null;
  return message;
}

/** A form sidebar's form: the browser's own validation off (ours names the field), Enter saves like the button. */
export function RecordForm(props: { onSave: () => void; children: ComponentChildren }) {
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave();
      }}
    >
      {props.children}
      {/* Enter in a text field submits, as in any form; the visible Save sits in the sidebar's action row. */}
      <button type="submit" class="visually-hidden" tabIndex={-1} aria-hidden="true" />
    </form>
  );
}

/** The action row of every form sidebar: Save (disabled while its call runs), Close, and the saving note. */
export function SaveCloseButtons(props: { busy: boolean; disabled?: boolean; onSave: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <ActionButton
        kind="action"
        id="save"
        busy={props.busy}
        disabled={props.disabled}
        onClick={props.onSave}
      >
        {t('forms.save')}
      </ActionButton>
      <ActionButton kind="plain" id="close" onClick={closeSidebar}>
        {t('forms.close')}
      </ActionButton>
      <Busy busy={props.busy} text={t('ui.saving')} />
    </>
  );
}
