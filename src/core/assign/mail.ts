/**
 * The e-mail each rep gets after a run: one message listing every lead they received, in the rep's language, with
 * every piece of user text HTML-escaped (a company called "<script>" stays text).
 */
import { escapeHtml } from '../html';
import { resolveLocale, translator, type Locale } from '../i18n';
import type { PlannedAssignment } from './plan';
import type { Rep } from './model';

/** Leads listed by name in one rep's mail. */
export const MAIL_LIST_LIMIT = 200;

export interface LeadMail {
  to: string;
  subject: string;
  htmlBody: string;
  /** Plain-text alternative for clients that do not show HTML. */
  body: string;
}

/** The rep's language: Reps.language when set (en / zh-CN / 中文 …), else the workbook's. */
export function repLocale(rep: Pick<Rep, 'language'> | undefined, workbookLocale: Locale): Locale {
  const language = rep?.language.trim() ?? '';
  if (language === '') return workbookLocale;
  if (/中文|汉语|chinese/i.test(language)) return 'zh-CN';
  return resolveLocale(null, language) ?? workbookLocale;
}

export function leadMail(
  rep: Pick<Rep, 'email' | 'name' | 'language'>,
  leads: readonly PlannedAssignment[],
  workbookLocale: Locale,
  spreadsheetUrl: string,
  rowLink: (row: number) => string = () => spreadsheetUrl,
): LeadMail {
  const t = translator(repLocale(rep, workbookLocale));
  const subject = t('assign.mail.subject', { count: leads.length });
  const describe = (lead: PlannedAssignment) =>
    [
      lead.customer || lead.customerId,
      lead.customerId && lead.customer ? `(${lead.customerId})` : '',
      lead.fromRep ? `— ${t('assign.mail.from', { rep: lead.fromRep })}` : '',
    ]
      .filter(Boolean)
      .join(' ');
  const safeUrl = /^https?:\/\//i.test(spreadsheetUrl) ? spreadsheetUrl : '';
  // A mail lists at most MAIL_LIST_LIMIT leads (a 5 000-lead run must not send megabytes); the rest are counted.
  const listed = leads.slice(0, MAIL_LIST_LIMIT);
  const more = leads.length - listed.length;
  const items =
    listed
      .map((lead) => {
        const link = rowLink(lead.row);
        const text = escapeHtml(describe(lead));
        return /^https?:\/\//i.test(link)
          ? `<li><a href="${escapeHtml(link)}">${text}</a></li>`
          : `<li>${text}</li>`;
      })
      .join('') + (more > 0 ? `<li>${escapeHtml(t('assign.preview.moreRows', { count: more }))}</li>` : '');
  const htmlBody =
    `<p>${escapeHtml(t('assign.mail.intro', { name: rep.name }))}</p><ul>${items}</ul>` +
    (safeUrl
      ? `<p>${escapeHtml(t('assign.mail.outro', { url: '' }))}<a href="${escapeHtml(safeUrl)}">${escapeHtml(safeUrl)}</a></p>`
      : '');
  const body = [
    t('assign.mail.intro', { name: rep.name }),
    ...listed.map((lead) => `- ${describe(lead)}`),
    more > 0 ? t('assign.preview.moreRows', { count: more }) : '',
    safeUrl ? t('assign.mail.outro', { url: safeUrl }) : '',
  ]
    .filter(Boolean)
    .join('\n');
  return { to: rep.email, subject, htmlBody, body };
}

/** One mail per rep who got leads, in the order of the Reps sheet. */
export function leadMails(
  reps: readonly Rep[],
  assignments: readonly PlannedAssignment[],
  workbookLocale: Locale,
  spreadsheetUrl: string,
  rowLink?: (row: number) => string,
): LeadMail[] {
  const byRep = new Map<string, PlannedAssignment[]>();
  for (const a of assignments) {
    const list = byRep.get(a.toRep);
    if (list) list.push(a);
    else byRep.set(a.toRep, [a]);
  }
  return reps
    .filter((rep) => byRep.has(rep.email))
    .map((rep) => leadMail(rep, byRep.get(rep.email) ?? [], workbookLocale, spreadsheetUrl, rowLink));
}
