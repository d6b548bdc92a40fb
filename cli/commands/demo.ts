/**
 * `salesdesk demo --out out/salesdesk-demo.xlsx`: the main job of `npm start`. A new spreadsheet goes through
 * the add-in as a team would use it on its first day — set up, sample data, check, tiers, lead assignment,
 * reminders, dashboard — every step a real entry point of dist/Code.js in the local runtime, then the workbook
 * is written as .xlsx for any spreadsheet program (or upload to Google Drive).
 */
import { costSummary, executionOptions, openRuntime, runEntry, saveIfAsked } from '../workbook';
import type { LocalRuntime } from '../../runtime';
import type { CliCommand, ParsedArgs } from '../types';

interface Step {
  step: string;
  entryPoints: string;
  result: string;
  serviceCalls: number;
  modelledAppsScriptMs: number;
  nodeMs: number;
}

type Outcome = { result: string; costs: ReturnType<typeof costSummary>[] };

function run<T>(rt: LocalRuntime, args: ParsedArgs, fn: string, fnArgs: unknown[] = []) {
  const execution = runEntry<T>(rt, fn, fnArgs, args);
  return { value: execution.value as T, cost: costSummary(execution) };
}

function stepsOf(rt: LocalRuntime, args: ParsedArgs): [string, string, () => Outcome][] {
  return [
    [
      'set up workbook',
      'menuSetupWorkbook',
      () => {
        const r = run<{ changes: unknown[]; ok: boolean }>(rt, args, 'menuSetupWorkbook');
        return { result: `${r.value.changes.length} changes`, costs: [r.cost] };
      },
    ],
    [
      'load sample data',
      'menuLoadSampleData',
      () => {
        const r = run<{ counts: Record<string, number> }>(rt, args, 'menuLoadSampleData');
        const c = r.value.counts;
        return {
          result: `${c.customers} customers, ${c.deals} deals, ${c.followups} follow-ups, ${c.reps} reps`,
          costs: [r.cost],
        };
      },
    ],
    [
      'check data',
      'menuCheckData',
      () => {
        const r = run<{ errors: number; warnings: number; rows: number }>(rt, args, 'menuCheckData');
        return {
          result: `${r.value.rows} rows: ${r.value.errors} errors, ${r.value.warnings} warnings`,
          costs: [r.cost],
        };
      },
    ],
    [
      'refresh tiers',
      'menuRefreshTiers',
      () => {
        const r = run<{ customers: number; counts: Record<string, number> }>(rt, args, 'menuRefreshTiers');
        const tiers = Object.entries(r.value.counts)
          .map(([tier, n]) => `${tier} ${n}`)
          .join(', ');
        return { result: `${r.value.customers} customers: ${tiers}`, costs: [r.cost] };
      },
    ],
    [
      'assign leads (preview, confirm)',
      'apiPreviewAssignment, apiConfirmAssignment',
      () => {
        const preview = run<{ token: string; assigned: number; unassigned: number }>(
          rt,
          args,
          'apiPreviewAssignment',
        );
        const confirm = run<{
          status: string;
          assigned?: number;
          unassigned?: number;
          mail?: { sent: string[] };
        }>(rt, args, 'apiConfirmAssignment', [preview.value.token]);
        const c = confirm.value;
        return {
          result:
            c.status === 'done'
              ? `${c.assigned} assigned, ${c.unassigned} left unassigned, ${c.mail?.sent.length ?? 0} reps mailed`
              : c.status,
          costs: [preview.cost, confirm.cost],
        };
      },
    ],
    [
      'daily reminders',
      'onDailyReminders',
      () => {
        // What the daily trigger does when it comes due (installed for the demo's user when not turned on).
        const [execution] = rt.fireTrigger<{ sent: string[]; pending: unknown[] }>('onDailyReminders', {
          installAs: executionOptions(args, rt).user,
        });
        if (execution.error) throw execution.error;
        const r = {
          value: execution.value as { sent: string[]; pending: unknown[] },
          cost: costSummary(execution),
        };
        return {
          result: `${r.value.sent.length} digests sent, ${r.value.pending.length} pending`,
          costs: [r.cost],
        };
      },
    ],
    [
      'refresh dashboard',
      'menuRefreshDashboard',
      () => {
        const r = run<void>(rt, args, 'menuRefreshDashboard');
        return { result: 'Dashboard written, charts in place', costs: [r.cost] };
      },
    ],
  ];
}

export const command: CliCommand = {
  name: 'demo',
  summary:
    'Run the add-in on a new demo workbook (set up, sample data, checks, tiers, assignment, reminders, dashboard)',
  usage: 'salesdesk demo [--out out/salesdesk-demo.xlsx] [--locale en|zh-CN] [--now ISO] [--json]',
  flags: {},
  async run(args, io) {
    const rt = await openRuntime({ ...args, in: undefined });
    const steps: Step[] = [];
    for (const [step, entryPoints, perform] of stepsOf(rt, args)) {
      const started = Date.now();
      const { result, costs } = perform();
      steps.push({
        step,
        entryPoints,
        result,
        serviceCalls: costs.reduce((sum, c) => sum + c.serviceCalls, 0),
        modelledAppsScriptMs: costs.reduce((sum, c) => sum + c.modelledAppsScriptMs, 0),
        nodeMs: Date.now() - started,
      });
      if (!args.json) io.stdout(`✓ ${step}: ${result}`);
    }
    const mails = rt.mail.outbox.length;
    const saved = await saveIfAsked(rt, args);
    if (args.json) {
      io.stdout(JSON.stringify({ steps, mailsSent: mails, saved }, null, 2));
    } else {
      io.stdout('');
      console.table(
        steps.map((s) => ({
          step: s.step,
          'service calls': s.serviceCalls,
          'modelled Apps Script s': (s.modelledAppsScriptMs / 1000).toFixed(2),
          'node ms': s.nodeMs,
        })),
      );
      io.stdout(`${mails} e-mails in the local outbox.`);
      if (saved) io.stdout(`Workbook written to ${saved} — open it in any spreadsheet program.`);
    }
    return 0;
  },
};
