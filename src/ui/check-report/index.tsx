/**
 * Check data report: every problem found (sheet, row, column, message) grouped by sheet; clicking a line selects
 * that cell in the spreadsheet. "Check again" re-runs the checks, "Clear highlights" restores the cells' colours.
 * All text is rendered by Preact, so values from the sheet are escaped.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  ActionButton,
  Busy,
  Message,
  Sidebar,
  mountSidebar,
  serverCall,
  useAction,
  useI18n,
} from '../shared';
import type { ServerResult } from '../shared';
import './style.css';

type Report = ServerResult<'apiCheckReport'>;
type Problem = Report['problems'][number];

function ProblemLine(props: { problem: Problem; onGo: (p: Problem) => void; busy: boolean }) {
  const { t } = useI18n();
  const { problem } = props;
  const where = [
    t('checks.report.row') + ' ' + problem.row,
    problem.column ? `${t('checks.report.column')} ${problem.column}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <li class={`problem problem-${problem.severity}`} data-code={problem.code}>
      <button
        type="button"
        class="problem-go"
        disabled={props.busy}
        title={t('checks.report.goTo')}
        onClick={() => props.onGo(problem)}
        data-sheet={problem.sheet}
        data-row={problem.row}
        data-col={problem.col}
      >
        <span class="problem-where">{where}</span>
        <span class="problem-severity">
          {problem.severity === 'error' ? t('checks.report.error') : t('checks.report.warning')}
        </span>
        <span class="problem-message">{problem.message}</span>
      </button>
    </li>
  );
}

function CheckReportPanel() {
  const { t } = useI18n();
  const action = useAction();
  const [report, setReport] = useState<Report | null>(null);

  useEffect(() => {
    void (async () => {
      const result = await action.run(() => serverCall('apiCheckReport'));
      if (result) setReport(result);
    })();
  }, []);

  const recheck = async () => {
    const result = await action.run(() => serverCall('apiRunCheck'));
    if (result) setReport(result);
  };
  const clear = async () => {
    const result = await action.run(() => serverCall('apiClearHighlights'));
    if (result) action.setMessage({ kind: 'success', text: t('checks.report.cleared') });
  };
  const go = async (problem: Problem) => {
    await action.run(() => serverCall('apiGoToCell', problem.sheet, problem.row, problem.col));
  };

  const sheets: string[] = [];
  for (const p of report?.problems ?? []) if (!sheets.includes(p.sheet)) sheets.push(p.sheet);
  return (
    <Sidebar
      title={t('checks.report.title')}
      footer={
        <>
          <ActionButton kind="action" busy={action.busy} onClick={() => void recheck()} data-action="recheck">
            {t('checks.report.recheck')}
          </ActionButton>
          <ActionButton kind="plain" busy={action.busy} onClick={() => void clear()} data-action="clear">
            {t('checks.report.clear')}
          </ActionButton>
          <Busy busy={action.busy} />
        </>
      }
    >
      <Message message={action.message} />
      {report ? (
        <p class="summary" data-testid="summary">
          {report.total === 0
            ? t('checks.report.clean', { rows: report.rows })
            : t('checks.report.summary', {
                errors: report.errors,
                warnings: report.warnings,
                rows: report.rows,
              })}
        </p>
      ) : null}
      {report && report.total > report.problems.length ? (
        <p class="secondary">
          {t('checks.report.more', { shown: report.problems.length, total: report.total })}
        </p>
      ) : null}
      {sheets.map((sheet) => {
        const list = (report?.problems ?? []).filter((p) => p.sheet === sheet);
        return (
          <section key={sheet} class="sheet-section">
            <h2>
              {sheet} <span class="secondary">({list.length})</span>
            </h2>
            <ul class="problems">
              {list.map((problem, i) => (
                <ProblemLine
                  key={`${problem.row}-${problem.col}-${problem.code}-${i}`}
                  problem={problem}
                  onGo={go}
                  busy={action.busy}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </Sidebar>
  );
}

void mountSidebar(() => <CheckReportPanel />, { titleKey: 'checks.report.title' });
