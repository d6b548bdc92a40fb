/** Human-readable reasons for the log, the preview and the report, in the reader's language. */
import type { Translate } from '../i18n';
import type { Reason } from './plan';

/** Label of a region/industry code in the reader's language (the code itself when unknown). */
export type LabelOf = (listKey: 'region' | 'industry', code: string) => string;

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

/** e.g. "Round robin among reps matching: region East, senior (potential value 500000 ≥ 200000)". */
export function describeReason(t: Translate, reason: Reason, labelOf: LabelOf = (_, code) => code): string {
  return t(`assign.reason.${reason.code}`, { rules: rules(t, reason, labelOf) });
}
