/**
 * MailApp: messages go to `rt.mail.outbox`; the daily quota counts recipients (to + cc + bcc) per day in the
 * script's time zone on the fake clock (guides/services/quotas: 100 recipients/day for consumer accounts), per
 * sender as in Apps Script: mail goes out as the user the script runs as (a trigger's owner), from their quota.
 */
import type { FakeClock } from '../clock';
import { formatDate } from './format-date';

/** Reported Apps Script texts. */
export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';
export const TOO_MANY_RECIPIENTS_MESSAGE = 'Limit Exceeded: Email Recipients Per Message.';
export const NO_RECIPIENT_MESSAGE = 'Failed to send email: no recipient';
/** Recipients per message (quotas page). */
const MAX_RECIPIENTS_PER_MESSAGE = 50;

export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  from: string;
  sentAt: Date;
}

/** `rt.mail`. */
export class MailBox {
  readonly outbox: SentMail[] = [];
  private readonly recipientsByDay = new Map<string, number>();

  constructor(
    readonly dailyQuota: number,
    private readonly clock: FakeClock,
    private readonly timeZone: string,
  ) {}

  today(): string {
    return formatDate(this.clock.now(), this.timeZone, 'yyyy-MM-dd');
  }
  /** Recipients `sender` may still mail today (the quota is per user); no sender: the script owner's view. */
  remaining(sender = ''): number {
    return Math.max(0, this.dailyQuota - (this.recipientsByDay.get(this.quotaKey(sender)) ?? 0));
  }
  private quotaKey(sender: string): string {
    return `${sender.toLowerCase() || this.defaultSender}|${this.today()}`;
  }
  /** Whose quota `remaining()` without a sender reads (the runtime's owner). */
  defaultSender = '';
  /** Messages sent to an address (any of to/cc/bcc). */
  to(address: string): SentMail[] {
    const wanted = address.toLowerCase();
    return this.outbox.filter((m) => [...m.to, ...m.cc, ...m.bcc].some((a) => a.toLowerCase() === wanted));
  }
  send(mail: SentMail): void {
    const recipients = mail.to.length + mail.cc.length + mail.bcc.length;
    if (recipients === 0) throw new Error(NO_RECIPIENT_MESSAGE);
    if (recipients > MAX_RECIPIENTS_PER_MESSAGE) throw new Error(TOO_MANY_RECIPIENTS_MESSAGE);
    if (recipients > this.remaining(mail.from)) throw new Error(MAIL_QUOTA_MESSAGE);
    const key = this.quotaKey(mail.from);
    this.recipientsByDay.set(key, (this.recipientsByDay.get(key) ?? 0) + recipients);
    this.outbox.push(mail);
  }
}

const addresses = (list: unknown): string[] =>
  list === undefined || list === null || list === ''
    ? []
    : String(list)
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);

interface MailOptions {
  to?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  cc?: string;
  bcc?: string;
  noReply?: boolean;
  attachments?: unknown[];
  inlineImages?: unknown;
}

export class LocalMailApp implements GoogleAppsScript.Mail.MailApp {
  constructor(
    private readonly box: MailBox,
    private readonly clock: FakeClock,
    private readonly sender: string,
  ) {}

  getRemainingDailyQuota(): number {
    return this.box.remaining(this.sender);
  }

  sendEmail(...args: unknown[]): void {
    let options: MailOptions;
    if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) {
      options = args[0] as MailOptions;
    } else {
      const [to, subject, body, extra] = args as [string, string, string, MailOptions | undefined];
      options = { ...(extra ?? {}), to, subject, body };
    }
    if (options.attachments?.length || options.inlineImages) {
      throw new Error('not supported by the local runtime: MailApp.sendEmail attachments/inlineImages');
    }
    if (options.subject === undefined) throw new Error('Invalid argument: subject');
    this.box.send({
      to: addresses(options.to),
      cc: addresses(options.cc),
      bcc: addresses(options.bcc),
      subject: String(options.subject),
      body: String(options.body ?? ''),
      htmlBody: options.htmlBody === undefined ? undefined : String(options.htmlBody),
      name: options.name,
      replyTo: options.replyTo,
      noReply: options.noReply,
      from: this.sender,
      sentAt: this.clock.now(),
    });
  }
}
