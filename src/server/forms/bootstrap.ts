/**
 * `apiBootstrap`: the start-up data every sidebar asks for first (HtmlService scriptlets do not survive single-file
 * bundling): the user's language, who they are, their role, the dropdown lists, and "now" in the spreadsheet's
 * time zone (google.script.run cannot carry Date, so times travel as strings).
 */
import { messagesOf, type Locale } from '../../core/i18n';
import { formsContext } from './context';
import { readDirectory, type Role } from './directory';

export interface Bootstrap {
  locale: Locale;
  /** The current user's e-mail, lower case ('' when Google hides it). */
  user: string;
  /** Role in Reps ('none' when not listed); 'manager' for Settings managers and the owner. */
  role: Role;
  /** Managers (Settings → managers, or the spreadsheet owner) see and edit every customer. */
  isManager: boolean;
  /** Lists sheet: list key → labels as stored in the workbook's language. */
  lists: Record<string, string[]>;
  /** Active reps' e-mails and names, for owner pickers. */
  reps: { email: string; name: string }[];
  timeZone: string;
  /** yyyy-MM-dd in the spreadsheet's time zone. */
  today: string;
  /** yyyy-MM-ddTHH:mm in the spreadsheet's time zone (for datetime-local inputs). */
  now: string;
  /** Default currency from Settings. */
  currency: string;
  /**
   * The catalogue in the user's language (English filling gaps); in dist/Code.js the texts server code names, and a
   * sidebar bundles those only sidebars name (src/ui/shared/own-messages.ts, scripts/catalogue-split.ts).
   */
  messages: Record<string, string>;
}

/**
 * The start-up data for a sidebar.
 * @returns locale, user, role, lists and the current time in the spreadsheet's time zone.
 */
export function apiBootstrap(): Bootstrap {
  const ctx = formsContext();
  const directory = readDirectory(ctx);
  const now = new Date();
  return {
    locale: ctx.locale,
    user: ctx.user,
    role: directory.role,
    isManager: directory.isManager,
    lists: directory.lists,
    reps: directory.reps,
    timeZone: ctx.timeZone,
    today: Utilities.formatDate(now, ctx.timeZone, 'yyyy-MM-dd'),
    now: Utilities.formatDate(now, ctx.timeZone, "yyyy-MM-dd'T'HH:mm"),
    currency: directory.currency,
    messages: messagesOf(ctx.locale),
  };
}
