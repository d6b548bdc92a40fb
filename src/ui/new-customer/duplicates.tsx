/** The duplicate warning of the new-customer form: the matching rows, then "go back" or "save anyway". */
import { ActionButton, useI18n } from '../shared';
import type { DuplicateInfo } from '../../server/forms/types';

export function DuplicateWarning(props: {
  matches: DuplicateInfo[];
  busy: boolean;
  onBack: () => void;
  onSaveAnyway: () => void;
}) {
  const { t } = useI18n();
  const reasonText = {
    email: t('forms.duplicate.byEmail'),
    phone: t('forms.duplicate.byPhone'),
    companyContact: t('forms.duplicate.byCompanyContact'),
  };
  return (
    <div class="message warning" role="alert" data-testid="duplicate-warning">
      <b>{t('forms.duplicate.title')}</b>
      <div>{t('forms.duplicate.intro')}</div>
      <ul>
        {props.matches.map((match) => (
          <li key={`${match.row}`}>
            {t('forms.duplicate.line', {
              id: match.id,
              company: match.company || '—',
              contact: match.contact || '—',
              row: match.row,
              reasons: match.reasons.map((reason) => reasonText[reason]).join(t('forms.duplicate.separator')),
              owner: match.owner ? t('forms.duplicate.owner', { owner: match.owner }) : '',
            })}
          </li>
        ))}
      </ul>
      <div style={{ marginTop: '8px' }}>
        <ActionButton kind="plain" id="duplicate-back" onClick={props.onBack} disabled={props.busy}>
          {t('forms.duplicate.back')}
        </ActionButton>
        <ActionButton kind="share" id="duplicate-save" onClick={props.onSaveAnyway} busy={props.busy}>
          {t('forms.duplicate.saveAnyway')}
        </ActionButton>
      </div>
    </div>
  );
}
