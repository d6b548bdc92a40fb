/**
 * Import customers from CSV: paste text or choose a file (decoded here: UTF-8 with or without BOM, UTF-16, or
 * GBK through the browser's TextDecoder), preview the column mapping, counts, first rows, duplicates and bad
 * rows, choose merge or skip for duplicates, then import. The server validates and writes; nothing is written
 * before the user presses Import.
 */
import { useState } from 'preact/hooks';
import { decodeCsvBytes } from '../../core/csv/encoding';
import './style.css';
import {
  ActionButton,
  Busy,
  Message,
  Sidebar,
  TextAreaField,
  closeSidebar,
  mountSidebar,
  serverCall,
  useAction,
  useI18n,
  type ServerResult,
} from '../shared';

type Preview = ServerResult<'apiPreviewImport'>;
type Result = ServerResult<'apiImportCustomers'>;
type Choice = 'merge' | 'skip';

function gbkDecoder(bytes: Uint8Array): string {
  return new TextDecoder('gbk', { fatal: true }).decode(bytes);
}

function ImportCsv() {
  const { t } = useI18n();
  const action = useAction();
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [choice, setChoice] = useState<Choice>('skip');
  const [result, setResult] = useState<Result | null>(null);

  const onFile = async (file: File | undefined) => {
    setPreview(null);
    setResult(null);
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const decoded = decodeCsvBytes(bytes, gbkDecoder);
    if (!decoded.ok) {
      setText('');
      action.setMessage({ kind: 'error', text: t(`data.import.encoding.${decoded.reason}`, decoded.params) });
      return;
    }
    setText(decoded.text);
    setNote(decoded.encoding === 'gbk' ? t('data.import.encoding.gbk') : '');
    action.setMessage(null);
    await runPreview(decoded.text);
  };

  const runPreview = async (csv: string) => {
    setResult(null);
    const answer = await action.run(() => serverCall('apiPreviewImport', { text: csv }));
    if (!answer) return;
    setPreview(answer);
    if (!answer.ok && answer.error) action.setMessage({ kind: 'error', text: answer.error });
  };

  const runImport = async () => {
    const answer = await action.run(() => serverCall('apiImportCustomers', { text, duplicates: choice }));
    if (!answer) return;
    setResult(answer);
    setPreview(null);
    action.setMessage({
      kind: answer.ok ? (answer.bad > 0 ? 'warning' : 'success') : 'error',
      text: answer.message,
    });
  };

  const reset = () => {
    setText('');
    setNote('');
    setPreview(null);
    setResult(null);
    action.setMessage(null);
  };

  const problems = preview?.problems ?? result?.problems ?? [];
  const moreProblems = preview?.moreProblems ?? result?.moreProblems ?? 0;
  const canImport =
    Boolean(preview?.ok) && (preview?.counts.new ?? 0) + (preview?.counts.duplicates ?? 0) > 0;

  return (
    <Sidebar
      title={t('data.import.title')}
      footer={
        <>
          {result ? (
            <ActionButton kind="action" id="again" onClick={reset}>
              {t('data.import.again')}
            </ActionButton>
          ) : canImport ? (
            <ActionButton kind="action" id="import" busy={action.busy} onClick={() => void runImport()}>
              {t('data.import.run', {
                count:
                  (preview?.counts.new ?? 0) + (choice === 'merge' ? (preview?.counts.duplicates ?? 0) : 0),
              })}
            </ActionButton>
          ) : (
            <ActionButton
              kind="action"
              id="preview"
              busy={action.busy}
              disabled={text.trim() === ''}
              onClick={() => void runPreview(text)}
            >
              {t('data.import.preview')}
            </ActionButton>
          )}
          <ActionButton kind="plain" id="close" onClick={closeSidebar}>
            {t('forms.close')}
          </ActionButton>
          <Busy busy={action.busy} text={t('common.working')} />
        </>
      }
    >
      <Message message={action.message} />
      {result ? null : (
        <div class="block">
          <p class="secondary">{t('data.import.intro')}</p>
          <TextAreaField
            id="csv-text"
            label={t('data.import.paste')}
            value={text}
            rows={6}
            onValue={(value: string) => {
              setText(value);
              setPreview(null);
              setNote('');
            }}
          />
          <div class="form-group">
            <label for="csv-file">{t('data.import.file')}</label>
            <input
              id="csv-file"
              type="file"
              accept=".csv,.txt,text/csv,text/plain"
              onChange={(event) => void onFile((event.currentTarget as HTMLInputElement).files?.[0])}
            />
          </div>
          {note ? <p class="secondary">{note}</p> : null}
        </div>
      )}
      {preview && preview.mapping.length > 0 ? (
        <div class="block" id="mapping">
          <h2>{t('data.import.mapping')}</h2>
          <table class="mapping">
            <thead>
              <tr>
                <th>{t('data.import.column')}</th>
                <th>{t('data.import.mapsTo')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.mapping.map((column, index) => (
                <tr key={index} class={column.ignored ? 'ignored' : undefined}>
                  <td>{column.header}</td>
                  <td>{column.target}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {preview?.ok ? (
        <div class="block" id="summary">
          <p>
            <b>{preview.summary}</b>
          </p>
          {preview.sample.length > 0 ? (
            <>
              <h2>{t('data.import.sample')}</h2>
              <div class="scroll">
                <table class="sample">
                  <thead>
                    <tr>
                      <th>#</th>
                      {preview.sampleColumns.map((label) => (
                        <th key={label}>{label}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.sample.map((row) => (
                      <tr key={row.line}>
                        <td>{row.line}</td>
                        {row.cells.map((value, index) => (
                          <td key={index}>{value}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
          {preview.duplicates.length > 0 ? (
            <div id="duplicates">
              <h2>{t('data.import.duplicates')}</h2>
              <ul class="lines">
                {preview.duplicates.map((duplicate) => (
                  <li key={duplicate.line}>{duplicate.text}</li>
                ))}
              </ul>
              <p>{t('data.import.duplicateChoice')}</p>
              {(['merge', 'skip'] as const).map((option) => (
                <div key={option}>
                  <input
                    type="radio"
                    name="duplicates"
                    id={`dup-${option}`}
                    checked={choice === option}
                    onChange={() => setChoice(option)}
                  />
                  <label for={`dup-${option}`}>{t(`data.import.${option}`)}</label>
                </div>
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
      {problems.length > 0 ? (
        <div class="block" id="problems">
          <h2>{t('data.import.problems')}</h2>
          <ul class="lines">
            {problems.map((problem) => (
              <li key={problem.line}>{problem.text}</li>
            ))}
          </ul>
          {moreProblems > 0 ? <p>{t('data.import.moreProblems', { count: moreProblems })}</p> : null}
        </div>
      ) : null}
    </Sidebar>
  );
}

void mountSidebar(() => <ImportCsv />, { titleKey: 'data.import.title' });
