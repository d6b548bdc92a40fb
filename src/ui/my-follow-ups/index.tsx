/**
 * My follow-ups sidebar: the current user's overdue, due-today, coming-up and long-uncontacted customers, most
 * urgent first. "Done" ticks the follow-up's done box on the server (under the lock); "Go to row" selects the row
 * in the sheet. Managers can switch to a rep's list. All text is rendered by Preact, so sheet data is escaped.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  ActionButton,
  Busy,
  Message,
  SelectField,
  Sidebar,
  mountSidebar,
  serverCall,
  useAction,
  useI18n,
} from '../shared';
import type { ServerResult } from '../shared';
import './style.css';

type MyFollowUps = ServerResult<'apiMyFollowUps'>;
type Item = MyFollowUps['items'][number];
type Kind = Item['kind'];

const SECTIONS: { kind: Kind; titleKey: string }[] = [
  { kind: 'overdue', titleKey: 'myfu.overdue' },
  { kind: 'dueToday', titleKey: 'myfu.dueToday' },
  { kind: 'upcoming', titleKey: 'myfu.upcoming' },
  { kind: 'stale', titleKey: 'myfu.stale' },
];

function statusText(t: ReturnType<typeof useI18n>['t'], item: Item): string {
  if (item.kind === 'overdue') return t('myfu.daysOverdue', { days: item.daysOverdue });
  if (item.kind === 'dueToday') return t('remind.item.dueToday');
  if (item.kind === 'upcoming') return t('remind.item.upcoming', { date: item.dueDate });
  return item.daysSinceContact === null
    ? t('remind.item.staleNever')
    : t('myfu.noDays', { days: item.daysSinceContact });
}

function Row(props: {
  item: Item;
  onDone: (item: Item) => void;
  onReveal: (item: Item) => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  const { item } = props;
  return (
    <li class={`fu fu-${item.kind}`} data-key={item.key}>
      <div class="fu-head">
        <b class="fu-name">{item.customer}</b>
        {item.vip ? <span class="tag">{t('remind.item.vip')}</span> : null}
        <span class={`fu-status fu-status-${item.kind}`}>{statusText(t, item)}</span>
      </div>
      {item.phone ? (
        <div class="secondary">
          {t('remind.item.phone')}: <a href={`tel:${item.phone.replace(/[^\d+]/g, '')}`}>{item.phone}</a>
        </div>
      ) : null}
      {item.lastNote ? (
        <div class="secondary fu-note">
          {t('remind.item.lastNote')}: {item.lastNote}
        </div>
      ) : null}
      {item.nextStep ? (
        <div class="secondary fu-note">
          {t('remind.item.nextStep')}: {item.nextStep}
        </div>
      ) : null}
      <div class="fu-actions">
        {item.kind !== 'stale' ? (
          <ActionButton kind="action" busy={props.busy} onClick={() => props.onDone(item)} data-action="done">
            {t('myfu.markDone')}
          </ActionButton>
        ) : null}
        <ActionButton
          kind="plain"
          busy={props.busy}
          onClick={() => props.onReveal(item)}
          data-action="reveal"
        >
          {t('myfu.open')}
        </ActionButton>
      </div>
    </li>
  );
}

function MyFollowUpsPanel() {
  const { t } = useI18n();
  const action = useAction();
  const [data, setData] = useState<MyFollowUps | null>(null);
  const [rep, setRep] = useState('');

  const load = async (who: string) => {
    const result = await action.run(() => serverCall('apiMyFollowUps', who || undefined));
    if (result) setData(result);
  };
  useEffect(() => {
    void load('');
  }, []);

  const done = async (item: Item) => {
    const result = await action.run(() =>
      serverCall('apiMarkFollowUpDone', {
        source: item.source,
        followUpId: item.followUpId,
        followUpRow: item.followUpRow,
        customerId: item.customerId,
      }),
    );
    if (!result) return;
    setData((current) =>
      current ? { ...current, items: current.items.filter((other) => other.key !== item.key) } : current,
    );
    action.setMessage({
      kind: 'success',
      text: t('myfu.marked', { customer: result.customer || item.customer }),
    });
  };

  const reveal = async (item: Item) => {
    const onFollowUps = item.source === 'followup' && item.followUpRow > 0;
    await action.run(() =>
      serverCall(
        'apiRevealReminderRow',
        onFollowUps ? 'followups' : 'customers',
        onFollowUps ? item.followUpRow : item.customerRow,
      ),
    );
  };

  const items = data?.items ?? [];
  return (
    <Sidebar
      title={t('myfu.title')}
      footer={
        <>
          <ActionButton kind="plain" busy={action.busy} onClick={() => void load(rep)} data-action="refresh">
            {t('myfu.refresh')}
          </ActionButton>
          <Busy busy={action.busy} />
        </>
      }
    >
      {data ? <p class="secondary">{t('myfu.today', { date: data.today })}</p> : null}
      {data?.isManager && data.reps.length > 0 ? (
        <SelectField
          id="rep"
          label={t('myfu.viewing')}
          value={rep || data.rep}
          options={data.reps.map((r) => ({ value: r.email, label: r.name }))}
          onValue={(value) => {
            setRep(value);
            void load(value);
          }}
        />
      ) : null}
      <Message message={action.message} />
      {data && !data.inReps ? (
        <div class="message info" role="status" data-testid="not-in-reps">
          {data.rep === ''
            ? t('myfu.noEmail')
            : t(data.isManager ? 'myfu.notInReps.manager' : 'myfu.notInReps', { email: data.rep })}
        </div>
      ) : null}
      {data && data.inReps && items.length === 0 ? <p class="fu-none">{t('myfu.none')}</p> : null}
      {SECTIONS.map((section) => {
        const list = items.filter((item) => item.kind === section.kind);
        if (list.length === 0) return null;
        return (
          <section key={section.kind} class={`fu-section fu-section-${section.kind}`}>
            <h2>
              {t(section.titleKey)} <span class="secondary">({list.length})</span>
            </h2>
            <ul class="fu-list">
              {list.map((item) => (
                <Row key={item.key} item={item} onDone={done} onReveal={reveal} busy={action.busy} />
              ))}
            </ul>
          </section>
        );
      })}
    </Sidebar>
  );
}

void mountSidebar(() => <MyFollowUpsPanel />, { titleKey: 'myfu.title' });
