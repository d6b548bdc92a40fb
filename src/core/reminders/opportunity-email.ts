/** The digest's Opportunities section (text and HTML): user text escaped, links only the spreadsheet's own. */
import { t, type Locale } from '../i18n';
import { escapeHtml } from '../html';
import type { OpportunityReminder } from './opportunities';

/** Opportunities listed; the rest are counted. */
const MAX_OPPORTUNITIES = 50;
const COLOUR = '#188038';

function oneLine(value: string, max = 200): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** What is due on an opportunity: its next step, its close date, or both. */
export function opportunityStatus(locale: Locale, item: OpportunityReminder): string {
  const parts: string[] = [];
  if (item.nextStepDate !== '')
    parts.push(
      item.nextStepDaysLate === 0
        ? t(locale, 'remind.opp.nextStepToday')
        : t(locale, 'remind.opp.nextStepLate', { days: item.nextStepDaysLate ?? 0, date: item.nextStepDate }),
    );
  if (item.closing === 'overdue')
    parts.push(t(locale, 'remind.opp.closeOverdue', { days: item.closeDaysLate, date: item.expectedClose }));
  if (item.closing === 'thisWeek')
    parts.push(t(locale, 'remind.opp.closeThisWeek', { date: item.expectedClose }));
  return parts.join(' · ');
}

export function renderOpportunitySection(
  locale: Locale,
  items: readonly OpportunityReminder[],
): { text: string[]; html: string[] } {
  const tr = (key: string, params?: Record<string, string | number>): string => t(locale, key, params);
  const title = tr('remind.section.opportunities', { count: items.length });
  const text = ['', `== ${title} ==`];
  const html = [
    `<h3 style="color:${COLOUR};margin:20px 0 6px;font-size:16px">${escapeHtml(title)}</h3>`,
    '<ul style="padding-left:18px;margin:0">',
  ];
  for (const item of items.slice(0, MAX_OPPORTUNITIES)) {
    const name = `${item.customer} — ${item.id}`;
    const details: [string, string][] = [];
    if (item.stage) details.push([tr('remind.opp.stage'), item.stage]);
    if (item.description) details.push([tr('remind.opp.description'), oneLine(item.description)]);
    if (item.nextStep) details.push([tr('remind.item.nextStep'), oneLine(item.nextStep)]);
    const status = opportunityStatus(locale, item);
    text.push(`- ${name}: ${status}`);
    for (const [label, value] of details) text.push(`    ${label}: ${value}`);
    if (item.link) text.push(`    ${tr('remind.item.open')}: ${item.link}`);
    const href = /^https?:\/\//i.test(item.link) ? escapeHtml(item.link) : '';
    html.push(
      '<li style="margin:0 0 10px">',
      `<b>${escapeHtml(name)}</b> — <span style="color:${COLOUR}">${escapeHtml(status)}</span>`,
      ...details.map(
        ([label, value]) =>
          `<br><span style="color:#5f6368">${escapeHtml(label)}:</span> ${escapeHtml(value)}`,
      ),
      href ? `<br><a href="${href}">${escapeHtml(tr('remind.item.open'))}</a>` : '',
      '</li>',
    );
  }
  html.push('</ul>');
  const rest = items.length - MAX_OPPORTUNITIES;
  if (rest > 0) {
    text.push(tr('remind.more', { count: rest }));
    html.push(`<p style="color:#5f6368">${escapeHtml(tr('remind.more', { count: rest }))}</p>`);
  }
  return { text, html };
}
