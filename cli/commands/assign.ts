/**
 * `salesdesk assign`: SalesDesk → Assign leads on an .xlsx workbook through the built bundle. Without --preview it
 * previews and confirms in one go (as a manager pressing Confirm at once) and saves --out; with --preview it only
 * shows the plan. --undo undoes the last run instead. --as must be a manager (Settings → managers) or the owner.
 */
import { costSummary, openRuntime, previewAndConfirm, runEntry, saveIfAsked } from '../workbook';
import { CliUsageError, type CliCommand, type ParsedArgs } from '../types';
import type { CliIO } from '../types';

interface PreviewView {
  token: string;
  total: number;
  assigned: number;
  unassigned: number;
  summary: string;
  reps: {
    email: string;
    name: string;
    count: number;
    openAfter: number;
    capacity: number | null;
    note: string | null;
  }[];
  rows: { row: number; customerId: string; customer: string; toRep: string; pool: string; why: string }[];
  moreRows: number;
  unassignedRows: { row: number; customerId: string; customer: string; why: string }[];
  moreUnassigned: number;
  problems: string[];
}
interface ConfirmResult {
  status: 'done' | 'changed' | 'nothing';
  message: string;
  runId?: string;
  assigned?: number;
  unassigned?: number;
  mail?: { sent: string[]; skipped: string[]; failed: { rep: string; message: string }[] };
}

function printPreview(io: CliIO, preview: PreviewView): void {
  io.stdout(`${preview.summary}\n`);
  for (const problem of preview.problems) io.stdout(`! ${problem}\n`);
  for (const rep of preview.reps) {
    const capacity = rep.capacity === null ? '-' : String(rep.capacity);
    io.stdout(
      `  ${rep.name} <${rep.email}>: +${rep.count} (open ${rep.openAfter}/${capacity})${rep.note ? ` — ${rep.note}` : ''}\n`,
    );
  }
  for (const row of preview.rows)
    io.stdout(`  row ${row.row} ${row.customer || row.customerId} → ${row.toRep} [${row.pool}] ${row.why}\n`);
  if (preview.moreRows > 0) io.stdout(`  … ${preview.moreRows} more\n`);
  for (const row of preview.unassignedRows)
    io.stdout(`  row ${row.row} ${row.customer || row.customerId}: ${row.why}\n`);
  if (preview.moreUnassigned > 0) io.stdout(`  … ${preview.moreUnassigned} more unassigned\n`);
}

export const command: CliCommand = {
  name: 'assign',
  summary: 'Assign leads round robin (preview, confirm, undo) as SalesDesk → Assign leads does',
  usage:
    'salesdesk assign --in wb.xlsx [--out wb2.xlsx] --as manager@x [--preview | --undo] [--now ISO] [--locale en|zh-CN] [--json]',
  flags: { preview: 'boolean', undo: 'boolean' },
  async run(args: ParsedArgs, io) {
    if (!args.in) throw new CliUsageError('--in wb.xlsx is required (the workbook whose leads to assign)');
    const rt = await openRuntime(args);
    if (args.flags.undo) {
      const undone = runEntry<{ message: string } | null>(rt, 'menuUndoLastAssignment', [], args);
      const alert = rt.ui.alerts.at(-1)?.prompt ?? '';
      const saved = await saveIfAsked(rt, args);
      if (args.json)
        io.stdout(
          `${JSON.stringify({ undo: undone.value, message: alert, saved, cost: costSummary(undone) }, null, 2)}\n`,
        );
      else io.stdout(`${alert}\n${saved ? `saved ${saved}\n` : ''}`);
      return undone.value ? 0 : 1;
    }
    return previewAndConfirm<PreviewView, ConfirmResult>(rt, args, io, {
      preview: 'apiPreviewAssignment',
      confirm: (preview) => ['apiConfirmAssignment', [preview.token]],
      print: printPreview,
    });
  },
};
