/**
 * The customer card's after-sales part: a banner under the name when complaints are open (so they are seen first),
 * and the service records, open complaints first and highlighted, then newest first. Every value is text.
 */
import { useI18n } from '../shared';
import type { CardService } from '../../core/service/card';
import '../shared/service.css';

/** "2 open complaints", in red, under the customer's name; nothing when none is open. */
export function ComplaintBanner(props: { service: CardService | undefined }) {
  const { t } = useI18n();
  if (!props.service || props.service.openComplaints === 0) return null;
  return (
    <p class="service-summary-complaints" role="status" data-testid="card-open-complaints">
      {t('service.card.openComplaints', { count: props.service.openComplaints })}
    </p>
  );
}

export function ServiceSection(props: { service: CardService }) {
  const { t, locale } = useI18n();
  const { items, averageSatisfaction } = props.service;
  return (
    <section class="block" aria-labelledby="service-title">
      <h3 id="service-title">{t('service.card.title', { count: items.length })}</h3>
      {averageSatisfaction !== null ? (
        <p class="secondary" data-testid="card-service-average">
          {t('service.card.average', {
            average: averageSatisfaction.toLocaleString(locale, { maximumFractionDigits: 1 }),
          })}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p class="secondary">{t('service.card.none')}</p>
      ) : (
        // The list scrolls (max-height): focusable, so keyboard users can scroll it too.
        <ul class="list" data-testid="card-service" tabIndex={0} aria-labelledby="service-title">
          {items.map((item) => (
            <li key={item.row} class={item.openComplaint ? 'complaint' : undefined} data-id={item.id}>
              <div>
                <b>{item.time}</b> {item.type ? <span class="tag">{item.type}</span> : null}{' '}
                {item.openComplaint ? (
                  <span class="badge-complaint">
                    {item.ageDays === null
                      ? t('service.card.open')
                      : t('service.card.complaintAge', { days: item.ageDays })}
                  </span>
                ) : (
                  <span class="secondary">
                    {item.closed ? t('service.card.closed') : t('service.card.open')}
                  </span>
                )}
              </div>
              <div>{item.content}</div>
              {item.result ? <div class="secondary">{item.result}</div> : null}
              {item.satisfaction !== null ? (
                <div class="secondary">{t('service.card.satisfaction', { score: item.satisfaction })}</div>
              ) : null}
              {item.nextPlan || item.nextDate ? (
                <div class="secondary">
                  {t('service.card.next', {
                    step: [item.nextPlan, item.nextDate].filter(Boolean).join(' · '),
                  })}
                </div>
              ) : null}
              {item.rep ? <div class="secondary">{t('forms.card.by', { rep: item.rep })}</div> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
