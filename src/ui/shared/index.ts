/**
 * The SalesDesk sidebar framework. A sidebar's index.tsx typically does:
 *   mountSidebar(() => <MySidebar />);
 * and inside uses useI18n(), useBoot(), useAction(), useForm(schema, initial), serverCall('apiX', ...).
 */
export { serverCall, closeSidebar, cleanServerMessage, ServerCallError } from './server';
export type { ServerApi, ServerFunctionName, ServerArgs, ServerResult } from './server';
export { escapeHtml, html } from './escape';
export { useI18n, I18nProvider, browserLocale } from './i18n';
export type { I18n } from './i18n';
export { mountSidebar, useBoot, BootProvider } from './boot';
export type { Bootstrap } from './boot';
export {
  Sidebar,
  Message,
  Busy,
  TextField,
  TextAreaField,
  SelectField,
  CheckboxField,
  ActionButton,
  SaveCloseButtons,
  RecordForm,
  useAction,
  formMessage,
} from './components';
export type { PanelMessage, MessageKind, Option, ActionState } from './components';
export { useForm, submitRecord, fieldProps, validateWith, issuesToFieldErrors } from './form';
export { listChoices } from './choices';
export type { FieldErrors, FormState, SafeParser } from './form';
