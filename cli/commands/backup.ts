/**
 * `salesdesk backup --in book.xlsx [--dir backups]`: the bundle's *Back up now* on a workbook; the dated copy it
 * makes (a new spreadsheet in Drive, in Apps Script) is written as `<dir>/<backup name>.xlsx`.
 */
import { costSummary, openRuntime, runEntry } from '../workbook';
import { CliUsageError, type CliCommand } from '../types';

export const command: CliCommand = {
  name: 'backup',
  summary: 'Back up now: write a dated copy of the workbook as .xlsx into --dir (default backups/)',
  usage: 'salesdesk backup --in book.xlsx [--dir backups] [--as manager@x] [--now ISO] [--json]',
  flags: { dir: 'value' },
  async run(args, io) {
    if (!args.in) throw new CliUsageError(`usage: ${command.usage}`);
    const dir = typeof args.flags.dir === 'string' ? args.flags.dir : 'backups';
    const rt = await openRuntime(args);
    const result = runEntry(rt, 'menuBackupNow', [], args);
    const files = await rt.saveCopiesXlsx(dir);
    if (files.length === 0) {
      const refusal = rt.ui.alerts.map((alert) => alert.prompt).join('\n');
      io.stderr(refusal || 'no backup was made');
      return 1;
    }
    if (args.json) io.stdout(JSON.stringify({ files, cost: costSummary(result) }, null, 2));
    else for (const file of files) io.stdout(`backup written: ${file}`);
    return 0;
  },
};
