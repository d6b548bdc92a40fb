/** Human-readable reasons for the log, the preview and the report, in the reader's language. */
import type { Translate } from '../i18n';
import type { Reason } from './plan';

/** Label of a region/industry code in the reader's language (the code itself when unknown). */
export type LabelOf = (listKey: 'region' | 'industry', code: string) => string;

/** A rep's name for an e-mail (the e-mail itself when unknown). */
export type NameOf = (email: string) => string;

function rules(t: Translate, reason: Reason, labelOf: LabelOf): string {
  const parts: string[] = [];
  if (reason.potentialValue !== undefined)
    parts.push(
      t('assign.rule.senior', { value: reason.potentialValue, threshold: reason.seniorThreshold ?? '' }),
    );
  if (reason.region) parts.push(t('assign.rule.region', { value: labelOf('region', reason.region) }));
  if (reason.industry) parts.push(t('assign.rule.industry', { value: labelOf('industry', reason.industry) }));
  return parts.join(t('assign.rule.join'));
}

/** "SLA: not contacted within 48 h" / "SLA: no follow-up for 7 days" (issue 14 §3), or '' for none. */
export function describeSla(t: Translate, reason: Reason): string {
  if (!reason.sla) return '';
  return reason.sla.kind === 'firstContact'
    ? t('assign.sla.firstContact', { hours: reason.sla.hours })
    : t('assign.sla.noFollowUp', { days: reason.sla.days });
}

/**
 * e.g. "Round robin among reps matching: region East, senior (potential value 500000 ≥ 200000)"; a lead returned
 * for its SLA is prefixed with the SLA it missed, one routed to its account says which customer it matched.
 */
export function describeReason(
  t: Translate,
  reason: Reason,
  labelOf: LabelOf = (_, code) => code,
  nameOf: NameOf = (email) => email,
): string {
  if (reason.code === 'accountOwner' && reason.account)
    return t(`assign.account.${reason.account.by}`, {
      customer: reason.account.customerId,
      owner: nameOf(reason.account.owner),
    });
  let text = t(`assign.reason.${reason.code}`, { rules: rules(t, reason, labelOf) });
  if (reason.code === 'allFull' && reason.dailyCap) text = t('assign.reason.dailyFull');
  const sla = describeSla(t, reason);
  return sla ? t('assign.sla.then', { sla, reason: text }) : text;
}
