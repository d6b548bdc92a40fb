/**
 * Merge duplicates sidebar (issue 14 §5): goes through the groups of likely duplicate customers one at a time; for
 * each, the manager picks the record to keep and, where the records differ, the value of each field (defaults
 * chosen by the server: the oldest record survives, each field takes the newest non-empty value). Nothing is
 * written until "Merge"; the server then checks every group is still as previewed (else it sends the new groups,
 * shown here), moves the records and reports. "Undo this merge" reverses the last merge exactly.
 * All text from the workbook is rendered as text by Preact (never as HTML).
 */
import { useEffect, useState } from 'preact/hooks';
import {
  ActionButton,
  Busy,
  CheckboxField,
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

type Preview = ServerResult<'apiPreviewMerge'>;
type Group = Preview['groups'][number];

interface Choice {
  include: boolean;
  survivor: string;
  /** Field key → index of the option chosen. */
  picks: Record<string, number>;
}

function initialChoices(preview: Preview): Choice[] {
  return preview.groups.map((group) => ({
    include: true,
    survivor: group.survivor,
    picks: Object.fromEntries(group.fields.map((field) => [field.key, field.pick])),
  }));
}

function GroupPanel(props: { group: Group; index: number; choice: Choice; onChange: (c: Choice) => void }) {
  const { t } = useI18n();
  const { group, index, choice, onChange } = props;
  const base = `g${index}`;
  return (
    <section class="merge-group" aria-labelledby={`${base}-why`} data-testid="group">
      <p class="why" id={`${base}-why`} data-testid="why">
        {group.why}
      </p>
      <CheckboxField
        id={`${base}-include`}
        label={t('merge.group.include')}
        checked={choice.include}
        onChecked={(include) => onChange({ ...choice, include })}
      />
      <fieldset class="choices" disabled={!choice.include}>
        <legend>{t('merge.group.keep')}</legend>
        {group.members.map((member) => (
          <div class="member" key={member.id} data-member={member.id}>
            <input
              type="radio"
              name={`${base}-survivor`}
              id={`${base}-keep-${member.id}`}
              checked={choice.survivor === member.id}
              onChange={() => onChange({ ...choice, survivor: member.id })}
            />
            <label for={`${base}-keep-${member.id}`}>
              <span class="member-name">
                {member.company}
                {member.contact ? ` · ${member.contact}` : ''}
              </span>
              <span class="secondary">
                {[
                  member.id,
                  t('merge.group.row', { row: member.row }),
                  member.owner,
                  member.created ? t('merge.group.created', { date: member.created }) : '',
                  t('merge.group.linked', { count: member.linked }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      {group.fields.length === 0 ? (
        <p class="secondary">{t('merge.group.sameValues')}</p>
      ) : (
        <>
          <h2>{t('merge.group.fields')}</h2>
          {group.fields.map((field) => (
            <fieldset class="choices field" key={field.key} data-field={field.key} disabled={!choice.include}>
              <legend>{field.label}</legend>
              {field.options.map((option, at) => {
                const id = `${base}-${field.key.replace(/[^\w-]/g, '_')}-${at}`;
                return (
                  <div key={at}>
                    <input
                      type="radio"
                      name={`${base}-${field.key}`}
                      id={id}
                      checked={choice.picks[field.key] === at}
                      onChange={() => onChange({ ...choice, picks: { ...choice.picks, [field.key]: at } })}
                    />
                    <label for={id}>
                      {option.value} <span class="secondary">({option.members.join(', ')})</span>
                    </label>
                  </div>
                );
              })}
            </fieldset>
          ))}
        </>
      )}
    </section>
  );
}

function MergeDuplicates() {
  const { t } = useI18n();
  const action = useAction();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [choices, setChoices] = useState<Choice[]>([]);
  const [at, setAt] = useState(0);
  const [merged, setMerged] = useState(false);

  const show = (next: Preview) => {
    setPreview(next);
    setChoices(initialChoices(next));
    setAt(0);
  };
  const load = async () => {
    const result = await action.run(() => serverCall('apiPreviewMerge'));
    if (result) {
      show(result);
      setMerged(false);
      if (result.notice) action.setMessage({ kind: 'info', text: result.notice });
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const included = choices.filter((choice) => choice.include).length;
  const merge = async () => {
    if (!preview) return;
    const decisions = preview.groups.flatMap((group, index) => {
      const choice = choices[index];
      if (!choice?.include) return [];
      const picks: Record<string, string> = {};
      for (const field of group.fields) {
        const option = field.options[choice.picks[field.key] ?? field.pick];
        if (option)
          picks[field.key] = option.members.includes(choice.survivor) ? choice.survivor : option.members[0];
      }
      return [{ members: group.ids, fingerprint: group.fingerprint, survivor: choice.survivor, picks }];
    });
    const result = await action.run(() => serverCall('apiConfirmMerge', decisions));
    if (!result) return;
    if (result.status === 'changed') {
      show(result.preview);
      action.setMessage({ kind: 'warning', text: result.message });
      return;
    }
    if (result.status === 'done') setMerged(true);
    action.setMessage({ kind: result.status === 'done' ? 'success' : 'info', text: result.message });
  };
  const undo = async () => {
    const result = await action.run(() => serverCall('apiUndoMerge'));
    if (!result) return;
    setMerged(false);
    const again = await serverCall('apiPreviewMerge').catch(() => null);
    if (again) show(again);
    action.setMessage({ kind: result.status === 'done' ? 'success' : 'info', text: result.message });
  };
  const cancel = () => {
    action.setMessage({ kind: 'info', text: t('merge.cancelled') });
    closeSidebar();
  };

  const groups = preview?.groups ?? [];
  const group = groups[at];
  const canUndo = merged || !!preview?.last;
  return (
    <Sidebar
      title={t('merge.title')}
      footer={
        <>
          {merged ? null : (
            <ActionButton
              kind="action"
              id="merge"
              busy={action.busy}
              disabled={included === 0}
              onClick={() => void merge()}
            >
              {t('merge.confirm', { count: included })}
            </ActionButton>
          )}
          {canUndo ? (
            <ActionButton kind="plain" id="undo" busy={action.busy} onClick={() => void undo()}>
              {t('merge.undo')}
            </ActionButton>
          ) : null}
          {merged ? (
            <ActionButton kind="plain" id="refresh" busy={action.busy} onClick={() => void load()}>
              {t('merge.refresh')}
            </ActionButton>
          ) : null}
          <ActionButton kind="plain" id="cancel" onClick={merged ? closeSidebar : cancel}>
            {merged ? t('common.close') : t('common.cancel')}
          </ActionButton>
          <Busy busy={action.busy} text={preview ? undefined : t('merge.loading')} />
        </>
      }
    >
      <Message message={action.message} />
      {preview && !merged ? (
        <>
          <p class="summary" data-testid="summary">
            {preview.summary}
          </p>
          {preview.last ? (
            <p class="secondary" data-testid="last">
              {t('merge.lastMerge', {
                mergeId: preview.last.mergeId,
                time: preview.last.time,
                groups: preview.last.groups,
              })}
            </p>
          ) : null}
          {group ? (
            <>
              <nav class="pager" aria-label={t('merge.group.heading', { n: at + 1, total: groups.length })}>
                <ActionButton kind="plain" id="previous" disabled={at === 0} onClick={() => setAt(at - 1)}>
                  {t('merge.group.previous')}
                </ActionButton>
                <span class="position" data-testid="position" aria-live="polite">
                  {t('merge.group.heading', { n: at + 1, total: groups.length })}
                </span>
                <ActionButton
                  kind="plain"
                  id="next"
                  disabled={at >= groups.length - 1}
                  onClick={() => setAt(at + 1)}
                >
                  {t('merge.group.next')}
                </ActionButton>
              </nav>
              <GroupPanel
                key={group.fingerprint}
                group={group}
                index={at}
                choice={choices[at]}
                onChange={(choice) => setChoices(choices.map((old, i) => (i === at ? choice : old)))}
              />
            </>
          ) : null}
          {preview.more > 0 ? (
            <p class="secondary">{t('merge.preview.more', { count: preview.more })}</p>
          ) : null}
          {groups.length > 0 ? <p class="secondary">{t('merge.nothingWritten')}</p> : null}
        </>
      ) : null}
    </Sidebar>
  );
}

void mountSidebar(() => <MergeDuplicates />, { titleKey: 'merge.title' });
