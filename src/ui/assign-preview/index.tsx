/**
 * Assign-leads preview: shows the plan (leads per rep, the first assignments, what stays unassigned and why) and
 * writes nothing until the manager presses Confirm. Confirm sends the preview's token; when the sheet changed in
 * between, the server writes nothing and sends the new plan, shown here to confirm again.
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
  type ServerResult,
} from '../shared';
import './style.css';

type Preview = ServerResult<'apiPreviewAssignment'>;
type Row = Preview['rows'][number];

/**
 * Issue 14: leads returned for a missed SLA and leads routed to their account's owner, each in its own section
 * (from → to, and the reason), apart from the pool's assignments.
 */
function RoutedRows(props: { testId: string; title: string; help?: string; rows: Row[]; more: number }) {
  const { t } = useI18n();
  if (props.rows.length === 0) return null;
  return (
    <>
      <h2>{props.title}</h2>
      {props.help ? <p class="secondary">{props.help}</p> : null}
      <table class="plan" data-testid={props.testId}>
        <thead>
          <tr>
            <th class="num">{t('assign.preview.row')}</th>
            <th>{t('assign.preview.customer')}</th>
            <th>{t('assign.preview.to')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.row}>
              <td class="num">{row.row}</td>
              <td>
                {row.customer || row.customerId}
                {row.fromRep ? (
                  <div class="why">
                    {t('assign.preview.from')}: {row.fromRep}
                  </div>
                ) : null}
                <div class="why">{row.why}</div>
              </td>
              <td title={row.toRep}>{row.toName}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.more > 0 ? <p class="secondary">{t('assign.preview.moreRows', { count: props.more })}</p> : null}
    </>
  );
}

function RepTable(props: { preview: Preview }) {
  const { t } = useI18n();
  return (
    <table class="plan" data-testid="per-rep">
      <thead>
        <tr>
          <th>{t('assign.preview.rep')}</th>
          <th class="num">{t('assign.preview.count')}</th>
          <th>{t('assign.preview.load')}</th>
        </tr>
      </thead>
      <tbody>
        {props.preview.reps.map((rep) => (
          <tr key={rep.email} data-rep={rep.email}>
            <td title={rep.email}>
              {rep.name}
              {rep.note ? <div class="why">{rep.note}</div> : null}
            </td>
            <td class="num">{rep.count}</td>
            <td>
              {rep.openAfter} / {rep.capacity === null ? t('assign.preview.noLimit') : rep.capacity}
              {rep.maxPerDay !== undefined ? (
                <div class="why" data-testid="daily">
                  {t('assign.preview.today')}: {rep.todayAfter} / {rep.maxPerDay}
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PlanView(props: { preview: Preview }) {
  const { t } = useI18n();
  const preview = props.preview;
  return (
    <>
      <p class="summary" data-testid="summary">
        {preview.summary}
      </p>
      {preview.problems.length > 0 ? (
        <Message
          message={{ kind: 'warning', text: t('assign.preview.repProblems'), items: preview.problems }}
        />
      ) : null}
      {preview.total > 0 ? (
        <>
          <h2>{t('assign.preview.perRep')}</h2>
          <RepTable preview={preview} />
        </>
      ) : null}
      <RoutedRows
        testId="sla-rows"
        title={t('assign.preview.sla', { count: preview.slaCount })}
        help={t('assign.preview.slaHelp')}
        rows={preview.slaRows}
        more={preview.moreSla}
      />
      <RoutedRows
        testId="account-rows"
        title={t('assign.preview.account', { count: preview.accountCount })}
        rows={preview.accountRows}
        more={preview.moreAccount}
      />
      {preview.rows.length > 0 ? (
        <>
          <h2>{t('assign.preview.firstRows', { count: preview.rows.length })}</h2>
          <table class="plan" data-testid="rows">
            <thead>
              <tr>
                <th class="num">{t('assign.preview.row')}</th>
                <th>{t('assign.preview.customer')}</th>
                <th>{t('assign.preview.to')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.row}>
                  <td class="num">{row.row}</td>
                  <td>
                    {row.customer || row.customerId}
                    <div class="why">{row.why}</div>
                  </td>
                  <td title={row.toRep}>{row.toName}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.moreRows > 0 ? (
            <p class="secondary">{t('assign.preview.moreRows', { count: preview.moreRows })}</p>
          ) : null}
        </>
      ) : null}
      {preview.unassignedRows.length > 0 ? (
        <>
          <h2>{t('assign.preview.unassigned')}</h2>
          <table class="plan" data-testid="unassigned">
            <tbody>
              {preview.unassignedRows.map((row) => (
                <tr key={row.row}>
                  <td class="num">{row.row}</td>
                  <td>
                    {row.customer || row.customerId}
                    <div class="why">{row.why}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.moreUnassigned > 0 ? (
            <p class="secondary">{t('assign.preview.moreRows', { count: preview.moreUnassigned })}</p>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function AssignPreview() {
  const { t } = useI18n();
  const action = useAction();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState(false);
  /** Reps not told yet (this run's or earlier runs'): offers "Send pending notices". */
  const [unsent, setUnsent] = useState(0);

  const load = async () => {
    const result = await action.run(() => serverCall('apiPreviewAssignment'));
    if (result) {
      setPreview(result);
      setDone(false);
      setUnsent(result.pendingNotices ?? 0);
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const confirm = async () => {
    if (!preview) return;
    const result = await action.run(() => serverCall('apiConfirmAssignment', preview.token));
    if (!result) return;
    if (result.status === 'changed') {
      setPreview(result.preview);
      action.setMessage({ kind: 'warning', text: result.message });
      return;
    }
    setDone(true);
    const left =
      result.status === 'done'
        ? result.mail.skipped.length + result.mail.failed.length + result.mail.deferred.length
        : 0;
    setUnsent(left);
    action.setMessage({ kind: left > 0 ? 'warning' : 'success', text: result.message });
  };

  const sendPending = async () => {
    const result = await action.run(() => serverCall('apiSendPendingNotices'));
    if (!result) return;
    const left = result.mail.skipped.length + result.mail.failed.length + result.mail.deferred.length;
    setUnsent(left);
    action.setMessage({ kind: left > 0 ? 'warning' : 'success', text: result.message });
  };

  const cancel = () => {
    action.setMessage({ kind: 'info', text: t('assign.preview.cancelled') });
    closeSidebar();
  };

  const canConfirm = !!preview && preview.assigned > 0 && !done;
  return (
    <Sidebar
      title={t('assign.preview.title')}
      footer={
        <>
          {done ? null : (
            <ActionButton
              kind="action"
              id="confirm"
              busy={action.busy}
              disabled={!canConfirm}
              onClick={() => void confirm()}
            >
              {t('assign.preview.confirm', { count: preview?.assigned ?? 0 })}
            </ActionButton>
          )}
          {unsent > 0 ? (
            <ActionButton
              kind="plain"
              id="send-pending"
              busy={action.busy}
              onClick={() => void sendPending()}
            >
              {t('assign.notices.send')}
            </ActionButton>
          ) : null}
          {done ? (
            <ActionButton kind="plain" id="refresh" busy={action.busy} onClick={() => void load()}>
              {t('assign.preview.refresh')}
            </ActionButton>
          ) : null}
          <ActionButton kind="plain" id="cancel" onClick={done ? closeSidebar : cancel}>
            {done ? t('common.close') : t('common.cancel')}
          </ActionButton>
          <Busy busy={action.busy} text={preview ? undefined : t('assign.preview.loading')} />
        </>
      }
    >
      <Message message={action.message} />
      {preview && !done ? (
        <>
          <PlanView preview={preview} />
          {unsent > 0 ? <p class="secondary">{t('assign.notices.pending', { count: unsent })}</p> : null}
          <p class="secondary">{t('assign.preview.nothingWritten')}</p>
        </>
      ) : null}
    </Sidebar>
  );
}

void mountSidebar(() => <AssignPreview />, { titleKey: 'assign.preview.title' });
