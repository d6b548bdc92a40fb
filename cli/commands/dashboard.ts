/**
 * `salesdesk dashboard --in book.xlsx [--out book.xlsx] [--as manager@x]`: refreshes the Dashboard sheet through
 * the bundle's menuRefreshDashboard (figures, layout, charts) and prints it as text (or JSON with --json).
 */
import type { LocalRuntime } from '../../runtime';
import { costSummary, openRuntime, runEntry, saveIfAsked, sheetDay } from '../workbook';
import { CliUsageError, type CliCommand } from '../types';

/** The Dashboard's values, whatever language its tab is named in. */
function dashboardValues(read: (name: string) => unknown[][]): unknown[][] {
  for (const name of ['Dashboard', '看板']) {
    try {
      const values = read(name);
      if (values.length > 0) return values;
    } catch {
      // not this name
    }
  }
  return [];
}

function cellText(rt: LocalRuntime, value: unknown): string {
  if (value instanceof Date) return sheetDay(rt, value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  return String(value ?? '');
}

export const command: CliCommand = {
  name: 'dashboard',
  summary: 'Refresh the Dashboard sheet (per-rep performance, tiers, revenue, pipeline, charts) and print it',
  usage:
    'salesdesk dashboard --in book.xlsx [--out book.xlsx] [--as manager@x] [--now ISO] [--locale zh-CN] [--json]',
  async run(args, io) {
    if (!args.in) throw new CliUsageError(`usage: ${command.usage}`);
    const rt = await openRuntime(args);
    const alerts = rt.ui.alerts.length;
    const result = runEntry(rt, 'menuRefreshDashboard', [], args);
    const refused = rt.ui.alerts.slice(alerts).map((alert) => alert.prompt);
    if (refused.length > 0) {
      io.stderr(refused.join('\n') + '\n');
      return 1;
    }
    const values = dashboardValues((name) => rt.workbook.sheetValues(name));
    const saved = await saveIfAsked(rt, args);
    if (args.json) {
      io.stdout(JSON.stringify({ dashboard: values, saved, cost: costSummary(result) }, null, 2) + '\n');
      return 0;
    }
    const rows = values.map((row) => {
      const cells = row.map((cell) => cellText(rt, cell));
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      return cells;
    });
    const widths: number[] = [];
    for (const row of rows)
      row.forEach((cell, i) => (widths[i] = Math.min(Math.max(widths[i] ?? 0, cell.length), 24)));
    for (const row of rows)
      io.stdout(
        row
          .map((cell, i) => cell.padEnd(widths[i]))
          .join('  ')
          .trimEnd() + '\n',
      );
    if (saved) io.stdout(`saved ${saved}\n`);
    return 0;
  },
};
