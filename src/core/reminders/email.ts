/**
 * The digest and team-summary e-mails, as plain text and HTML, in the recipient's language. Everything a user
 * typed (customer names, notes, phones) is escaped before it reaches HTML; links are only ever the spreadsheet's
 * own URL. Long lists are cut so a rep with 2 000 overdue items still gets a readable mail within Gmail's limits.
 */
import { t, type Locale } from '../i18n';
import type { IsoDay } from '../dates';
import type { ReminderItem, RepDigest, TeamSummary } from './digest';
import { escapeHtml } from '../html';
import { renderOpportunitySection } from './opportunity-email';

export interface EmailMessage {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
}

/** Items listed per section; the rest are counted ("…and 12 more"). */
export const MAX_ITEMS_PER_SECTION = 50;

export { escapeHtml };

/** Only http(s) links of the spreadsheet go into href; anything else is dropped. */
function safeHref(link: string): string {
  return /^https?:\/\//i.test(link) ? escapeHtml(link) : '';
}

/** Notes can be long and multi-line: one line of at most 200 characters in a digest. */
function oneLine(value: string, max = 200): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function status(locale: Locale, item: ReminderItem): string {
  switch (item.kind) {
    case 'overdue':
      return item.daysOverdue === 1
        ? t(locale, 'remind.item.overdueOne', { date: item.dueDate })
        : t(locale, 'remind.item.overdue', { days: item.daysOverdue, date: item.dueDate });
    case 'dueToday':
      return t(locale, 'remind.item.dueToday');
    case 'upcoming':
      return t(locale, 'remind.item.upcoming', { date: item.dueDate });
    case 'stale':
      return item.daysSinceContact === null
        ? t(locale, 'remind.item.staleNever')
        : t(locale, 'remind.item.stale', { days: item.daysSinceContact, date: item.lastContact });
    case 'serviceDue':
      return item.daysOverdue === 0
        ? t(locale, 'remind.item.serviceDueToday')
        : t(locale, 'remind.item.serviceOverdue', { days: item.daysOverdue, date: item.dueDate });
    case 'complaint':
      return t(locale, 'remind.item.complaint', { days: item.daysOverdue, date: item.dueDate });
  }
}

function details(locale: Locale, item: ReminderItem): [string, string][] {
  const out: [string, string][] = [];
  if (item.contact && item.contact !== item.customer)
    out.push([t(locale, 'remind.item.contact'), item.contact]);
  if (item.phone) out.push([t(locale, 'remind.item.phone'), item.phone]);
  if (item.lastNote) out.push([t(locale, 'remind.item.lastNote'), oneLine(item.lastNote)]);
  if (item.nextStep) out.push([t(locale, 'remind.item.nextStep'), oneLine(item.nextStep)]);
  return out;
}

interface Section {
  titleKey: string;
  items: ReminderItem[];
  colour: string;
}

function sections(digest: RepDigest): Section[] {
  return [
    { titleKey: 'remind.section.overdue', items: digest.overdue, colour: '#c5221f' },
    { titleKey: 'remind.section.dueToday', items: digest.dueToday, colour: '#b06000' },
    { titleKey: 'remind.section.complaints', items: digest.complaints ?? [], colour: '#c5221f' },
    { titleKey: 'remind.section.serviceDue', items: digest.serviceDue ?? [], colour: '#188038' },
    { titleKey: 'remind.section.stale', items: digest.stale, colour: '#1a73e8' },
    { titleKey: 'remind.section.upcoming', items: digest.upcoming, colour: '#5f6368' },
  ].filter((section) => section.items.length > 0);
}

export function digestSubject(digest: RepDigest, today: IsoDay): string {
  const locale = digest.locale;
  const parts: string[] = [];
  if (digest.overdue.length)
    parts.push(t(locale, 'remind.subject.overdue', { count: digest.overdue.length }));
  if (digest.dueToday.length)
    parts.push(t(locale, 'remind.subject.dueToday', { count: digest.dueToday.length }));
  if (digest.stale.length) parts.push(t(locale, 'remind.subject.stale', { count: digest.stale.length }));
  if (digest.opportunities?.length)
    parts.push(t(locale, 'remind.subject.opportunities', { count: digest.opportunities.length }));
  if (digest.complaints?.length)
    parts.push(t(locale, 'remind.subject.complaints', { count: digest.complaints.length }));
  if (digest.serviceDue?.length)
    parts.push(t(locale, 'remind.subject.serviceDue', { count: digest.serviceDue.length }));
  return t(locale, 'remind.subject', {
    date: today,
    parts: parts.join(t(locale, 'remind.subject.separator')),
  });
}

/**
 * One rep's digest e-mail.
 * @param heldSince the day this digest was first held back by the quota, when it is a catch-up.
 */
export function renderDigest(digest: RepDigest, today: IsoDay, heldSince?: IsoDay): EmailMessage {
  const locale = digest.locale;
  const tr = (key: string, params?: Record<string, string | number>): string => t(locale, key, params);
  const text: string[] = [
    tr('remind.greeting', { name: digest.repName }),
    '',
    tr('remind.intro', { date: today }),
  ];
  const html: string[] = [
    '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#202124;max-width:680px">',
    `<p>${escapeHtml(tr('remind.greeting', { name: digest.repName }))}</p>`,
    `<p>${escapeHtml(tr('remind.intro', { date: today }))}</p>`,
  ];
  if (heldSince && heldSince < today) {
    text.push('', tr('remind.heldBack', { since: heldSince }));
    html.push(`<p style="color:#b06000">${escapeHtml(tr('remind.heldBack', { since: heldSince }))}</p>`);
  }
  for (const section of sections(digest)) {
    const title = tr(section.titleKey, { count: section.items.length });
    text.push('', `== ${title} ==`);
    html.push(
      `<h3 style="color:${section.colour};margin:20px 0 6px;font-size:16px">${escapeHtml(title)}</h3>`,
      '<ul style="padding-left:18px;margin:0">',
    );
    for (const item of section.items.slice(0, MAX_ITEMS_PER_SECTION)) {
      const vip = item.tier === 'vip' ? ` [${tr('remind.item.vip')}]` : '';
      text.push(`- ${item.customer}${vip}: ${status(locale, item)}`);
      for (const [label, value] of details(locale, item)) text.push(`    ${label}: ${value}`);
      if (item.link) text.push(`    ${tr('remind.item.open')}: ${item.link}`);
      const href = safeHref(item.link);
      const name = `<b>${escapeHtml(item.customer)}</b>${
        item.tier === 'vip'
          ? ` <span style="background:#fce8b2;border-radius:3px;padding:0 4px;font-size:12px">${escapeHtml(tr('remind.item.vip'))}</span>`
          : ''
      }`;
      html.push(
        '<li style="margin:0 0 10px">',
        `${href ? `<a href="${href}" style="color:#202124;text-decoration:none">${name}</a>` : name} — ` +
          `<span style="color:${section.colour}">${escapeHtml(status(locale, item))}</span>`,
        ...details(locale, item).map(
          ([label, value]) =>
            `<br><span style="color:#5f6368">${escapeHtml(label)}:</span> ${escapeHtml(value)}`,
        ),
        href ? `<br><a href="${href}">${escapeHtml(tr('remind.item.open'))}</a>` : '',
        '</li>',
      );
    }
    html.push('</ul>');
    const rest = section.items.length - MAX_ITEMS_PER_SECTION;
    if (rest > 0) {
      text.push(tr('remind.more', { count: rest }));
      html.push(`<p style="color:#5f6368">${escapeHtml(tr('remind.more', { count: rest }))}</p>`);
    }
  }
  // Issue 14 §3: leads given to another rep because this one missed their SLA.
  const taken = digest.slaTaken ?? [];
  if (taken.length > 0) {
    const title = tr('remind.section.slaTaken', { count: taken.length });
    text.push('', `== ${title} ==`);
    html.push(`<h3 style="color:#c5221f;margin:20px 0 6px;font-size:16px">${escapeHtml(title)}</h3>`, '<ul>');
    for (const item of taken.slice(0, MAX_ITEMS_PER_SECTION)) {
      const line = tr('remind.sla.item', {
        customer: item.customer || item.customerId,
        reason: item.reason,
        to: item.toRep,
      });
      text.push(`- ${line}`);
      html.push(`<li>${escapeHtml(line)}</li>`);
    }
    html.push('</ul>');
  }
  if (digest.opportunities?.length) {
    const section = renderOpportunitySection(locale, digest.opportunities);
    text.push(...section.text);
    html.push(...section.html);
  }
  text.push('', tr('remind.footer'), tr('remind.automatic'));
  html.push(
    `<p style="margin-top:24px">${escapeHtml(tr('remind.footer'))}</p>`,
    `<p style="color:#5f6368;font-size:12px">${escapeHtml(tr('remind.automatic'))}</p>`,
    '</div>',
  );
  return {
    to: digest.rep,
    subject: digestSubject(digest, today),
    body: text.join('\n'),
    htmlBody: html.join('\n'),
  };
}

/** The manager's team summary e-mail. */
export function renderTeamSummary(summary: TeamSummary, today: IsoDay): EmailMessage {
  const locale = summary.locale;
  const tr = (key: string, params?: Record<string, string | number>): string => t(locale, key, params);
  const header = [
    tr('remind.team.rep'),
    tr('remind.team.overdue'),
    tr('remind.team.dueToday'),
    tr('remind.team.stale'),
    tr('remind.team.oldest'),
    tr('remind.team.note'),
  ];
  const rows = summary.lines.map((line) => [
    line.repName === line.rep || !line.repName ? line.rep : `${line.repName} <${line.rep}>`,
    String(line.overdue),
    String(line.dueToday),
    String(line.stale),
    String(line.maxDaysOverdue),
    line.held ? tr(`remind.team.held.${line.held}`) : '',
  ]);
  const totals = tr('remind.team.totals', summary.totals);
  // Issue 14 §3: the leads returned for a missed SLA since yesterday.
  const returns = summary.slaReturns ?? [];
  const slaTitle = tr('remind.team.sla', { count: returns.length });
  const slaLines = returns.slice(0, MAX_ITEMS_PER_SECTION).map((item) =>
    tr('remind.team.slaItem', {
      customer: item.customer || item.customerId,
      from: item.fromRep,
      to: item.toRep,
      reason: item.reason,
    }),
  );
  // After-sales line (src/core/service/reminders.ts): only when some rep has a service plan due or a complaint open.
  const service = summary.lines.reduce(
    (sum, line) => ({
      due: sum.due + (line.serviceDue ?? 0),
      complaints: sum.complaints + (line.complaints ?? 0),
      oldest: Math.max(sum.oldest, line.oldestComplaintDays ?? 0),
    }),
    { due: 0, complaints: 0, oldest: 0 },
  );
  const serviceLine = service.due + service.complaints > 0 ? tr('remind.team.service', service) : '';
  const text = [
    tr('remind.team.intro', { date: today }),
    '',
    header.join(' | '),
    ...rows.map((row) => row.join(' | ')),
    '',
    totals,
    ...(returns.length > 0 ? ['', `== ${slaTitle} ==`, ...slaLines.map((line) => `- ${line}`)] : []),
    ...(serviceLine ? [serviceLine] : []),
    '',
    tr('remind.automatic'),
  ];
  const cellStyle = 'border:1px solid #dadce0;padding:4px 8px;text-align:left';
  const html = [
    '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#202124">',
    `<p>${escapeHtml(tr('remind.team.intro', { date: today }))}</p>`,
    '<table style="border-collapse:collapse">',
    `<tr>${header.map((h) => `<th style="${cellStyle};background:#f1f3f4">${escapeHtml(h)}</th>`).join('')}</tr>`,
    ...rows.map(
      (row) =>
        `<tr>${row.map((value) => `<td style="${cellStyle}">${escapeHtml(value)}</td>`).join('')}</tr>`,
    ),
    '</table>',
    `<p>${escapeHtml(totals)}</p>`,
    ...(returns.length > 0
      ? [
          `<h3 style="color:#c5221f">${escapeHtml(slaTitle)}</h3>`,
          `<ul>${slaLines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
        ]
      : []),
    ...(serviceLine ? [`<p>${escapeHtml(serviceLine)}</p>`] : []),
    `<p style="color:#5f6368;font-size:12px">${escapeHtml(tr('remind.automatic'))}</p>`,
    '</div>',
  ];
  return {
    to: summary.recipient,
    subject: tr('remind.team.subject', {
      date: today,
      overdue: summary.totals.overdue,
      dueToday: summary.totals.dueToday,
    }),
    body: text.join('\n'),
    htmlBody: html.join('\n'),
  };
}
