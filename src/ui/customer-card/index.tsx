/**
 * Customer card: the customer on the selected row (of Customers, Deals or Follow-ups) with their details, follow-up
 * history and deals, newest first. Read-only; every value is rendered as text.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  ActionButton,
  Busy,
  Message,
  Sidebar,
  closeSidebar,
  mountSidebar,
  serverCall,
  useAction,
  useI18n,
} from '../shared';
import type { CustomerCard } from '../../core/forms/card';
import type { CardOpportunity } from '../../core/opportunities/card';
import { ComplaintBanner, ServiceSection } from './service';

/** Details shown, in order; empty values are left out. */
const DETAIL_KEYS = [
  'id',
  'company',
  'contact',
  'position',
  'phone',
  'email',
  'address',
  'industry',
  'region',
  'size',
  'source',
  'customerType',
  'stage',
  'level',
  'potentialValue',
  'owner',
  'created',
  'lastContact',
  'nextFollowUp',
  'firstPurchase',
  'lastPurchase',
  'notes',
];

function Card(props: { card: CustomerCard }) {
  const { t, locale } = useI18n();
  const { details, followUps, deals, opportunities } = props.card;
  const total = Number(details.totalPurchases || 0);
  return (
    <>
      <div class="block">
        <h2 data-testid="card-name">{details.contact || details.company || details.id}</h2>
        {details.company && details.contact ? <div class="secondary">{details.company}</div> : null}
        <p>
          {t('forms.card.totals', {
            total: Number.isFinite(total) ? total.toLocaleString(locale) : details.totalPurchases,
            orders: details.orderCount || 0,
            tier: details.tier || t('forms.none'),
          })}
        </p>
        <ComplaintBanner service={props.card.service} />
      </div>
      <section class="block" aria-labelledby="details-title">
        <h3 id="details-title">{t('forms.card.details')}</h3>
        <dl class="details" data-testid="card-details">
          {DETAIL_KEYS.filter((key) => (details[key] ?? '') !== '').map((key) => (
            <>
              <dt key={`${key}-t`}>{t(`forms.field.${key}`)}</dt>
              <dd key={`${key}-d`} data-key={key}>
                {details[key]}
              </dd>
            </>
          ))}
        </dl>
      </section>
      {opportunities ? <OpenOpportunities opportunities={opportunities} /> : null}
      <section class="block" aria-labelledby="followups-title">
        <h3 id="followups-title">{t('forms.card.followUps', { count: followUps.length })}</h3>
        {followUps.length === 0 ? (
          <p class="secondary">{t('forms.card.noFollowUps')}</p>
        ) : (
          // The list scrolls (max-height): focusable, so keyboard users can scroll it too.
          <ul class="list" data-testid="card-followups" tabIndex={0} aria-labelledby="followups-title">
            {followUps.map((item) => (
              <li key={item.row}>
                <div>
                  <b>{item.time}</b> {item.channel ? <span class="tag">{item.channel}</span> : null}{' '}
                  {item.result ? <span class="secondary">{item.result}</span> : null}
                </div>
                <div>{item.content}</div>
                {item.nextStep || item.nextDate ? (
                  <div class="secondary">
                    {t('forms.card.next', {
                      step: [item.nextStep, item.nextDate].filter(Boolean).join(' · '),
                    })}
                  </div>
                ) : null}
                {item.rep ? <div class="secondary">{t('forms.card.by', { rep: item.rep })}</div> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="block" aria-labelledby="deals-title">
        <h3 id="deals-title">{t('forms.card.deals', { count: deals.length })}</h3>
        {deals.length === 0 ? (
          <p class="secondary">{t('forms.card.noDeals')}</p>
        ) : (
          // The list scrolls (max-height): focusable, so keyboard users can scroll it too.
          <ul class="list" data-testid="card-deals" tabIndex={0} aria-labelledby="deals-title">
            {deals.map((deal) => (
              <li key={deal.row}>
                <div>
                  <b>{deal.date}</b> {deal.product}{' '}
                  {deal.status ? <span class="tag">{deal.status}</span> : null}
                </div>
                <div>
                  {typeof deal.amount === 'number' ? deal.amount.toLocaleString(locale) : deal.amount}{' '}
                  {deal.currency}
                  {deal.paymentMethod ? <span class="secondary"> · {deal.paymentMethod}</span> : null}
                </div>
                {deal.notes ? <div class="secondary">{deal.notes}</div> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {props.card.service ? <ServiceSection service={props.card.service} /> : null}
    </>
  );
}

/** The customer's open opportunities (issue 14), next to close first. */
function OpenOpportunities(props: { opportunities: CardOpportunity[] }) {
  const { t, locale } = useI18n();
  const { opportunities } = props;
  return (
    <section class="block" aria-labelledby="opportunities-title">
      <h3 id="opportunities-title">{t('opps.card.title', { count: opportunities.length })}</h3>
      {opportunities.length === 0 ? (
        <p class="secondary">{t('opps.card.none')}</p>
      ) : (
        <ul class="list" data-testid="card-opportunities" tabIndex={0} aria-labelledby="opportunities-title">
          {opportunities.map((item) => (
            <li key={item.row}>
              <div>
                <b>{item.id}</b> <span class="tag">{item.stage}</span>
                {item.probability !== '' ? <span class="secondary"> {item.probability} %</span> : null}
              </div>
              {item.description ? <div>{item.description}</div> : null}
              <div class="secondary">
                {typeof item.amount === 'number' ? item.amount.toLocaleString(locale) : item.amount}{' '}
                {item.currency}
                {item.expectedClose ? ` · ${t('opps.card.close', { date: item.expectedClose })}` : ''}
              </div>
              {item.nextStep || item.nextStepDate ? (
                <div class="secondary">
                  {t('opps.card.next', {
                    step: [item.nextStep, item.nextStepDate].filter(Boolean).join(' · '),
                  })}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CustomerCardSidebar() {
  const { t } = useI18n();
  const action = useAction();
  const [card, setCard] = useState<CustomerCard | null>(null);

  const load = async () => {
    const result = await action.run(() => serverCall('apiCustomerCard'));
    if (!result) return;
    if (result.status === 'ok') setCard(result.card);
    else {
      setCard(null);
      action.setMessage({ kind: 'info', text: result.message });
    }
  };
  // The selected row's card as soon as the sidebar opens; "Show selected row" loads it again.
  useEffect(() => {
    void load();
  }, []);

  return (
    <Sidebar
      title={t('forms.card.title')}
      footer={
        <>
          <ActionButton kind="action" id="refresh" busy={action.busy} onClick={() => void load()}>
            {t('forms.card.refresh')}
          </ActionButton>
          <ActionButton kind="plain" id="close" onClick={closeSidebar}>
            {t('forms.close')}
          </ActionButton>
          <Busy busy={action.busy} />
        </>
      }
    >
      <Message message={action.message} />
      {card ? <Card card={card} /> : null}
    </Sidebar>
  );
}

void mountSidebar(() => <CustomerCardSidebar />, { titleKey: 'forms.card.title' });
