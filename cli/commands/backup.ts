/**
 * `salesdesk backup --in book.xlsx [--dir backups] [--out book.xlsx]`: the bundle's *Back up now* on a workbook.
 * The backups folder stands for the manager's Drive across runs (runtime/drive-folder.ts): the dated copy (a new
 * spreadsheet in Drive, in Apps Script) is written as `<dir>/<backup name>.xlsx`, earlier backups listed there are
 * Drive files again, and the ones retention trashes move to `<dir>/.trash/`. The list of backups is a document
 * property: save the workbook (`--out`, usually the same file as --in) so the next run counts this backup.
 */
import { costSummary, openRuntime, runEntry, saveIfAsked } from '../workbook';
import { CliUsageError, type CliCommand } from '../types';

export const command: CliCommand = {
  name: 'backup',
  summary: 'Back up now: write a dated copy of the workbook as .xlsx into --dir (default backups/)',
  usage:
    'salesdesk backup --in book.xlsx [--out book.xlsx] [--dir backups] [--as manager@x] [--now ISO] [--json]',
  flags: { dir: 'value' },
  async run(args, io) {
    if (!args.in) throw new CliUsageError(`usage: ${command.usage}`);
    const dir = typeof args.flags.dir === 'string' ? args.flags.dir : 'backups';
    const rt = await openRuntime(args);
    rt.attachDriveFolder(dir);
    const result = runEntry(rt, 'menuBackupNow', [], args);
    const { written, trashed } = await rt.syncDriveFolder();
    if (written.length === 0) {
      const refusal = rt.ui.alerts.map((alert) => alert.prompt).join('\n');
      io.stderr(refusal || 'no backup was made');
      return 1;
    }
    const saved = await saveIfAsked(rt, args);
    if (!saved)
      io.stderr(
        'note: without --out the workbook (and its list of backups) is not saved: the next run will not count this backup',
      );
    if (args.json)
      io.stdout(
        JSON.stringify({ files: written, trashed, saved: saved ?? null, cost: costSummary(result) }, null, 2),
      );
    else {
      for (const file of written) io.stdout(`backup written: ${file}`);
      for (const file of trashed) io.stdout(`moved to the trash: ${file}`);
      if (saved) io.stdout(`saved ${saved}`);
    }
    return 0;
  },
};
