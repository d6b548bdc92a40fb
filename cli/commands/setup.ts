/**
 * `salesdesk setup [--in book.xlsx] --out book.xlsx [--locale zh-CN] [--sample] [--json]`: runs the bundle's
 * menuSetupWorkbook on a new (or the given) workbook, optionally loads the sample data, and prints what changed.
 */
import { costSummary, openRuntime, runMenuEntry, saveIfAsked } from '../workbook';
import { CliUsageError, type CliCommand } from '../types';

interface ReportLike {
  ok: boolean;
  lines: string[];
}

export const command: CliCommand = {
  name: 'setup',
  summary: 'Set up (or repair) the workbook from the template; --sample also loads sample data',
  usage:
    'salesdesk setup [--in book.xlsx] --out book.xlsx [--locale en|zh-CN] [--as manager@x] [--sample] [--now ISO] [--json]',
  flags: { sample: 'boolean' },
  async run(args, io) {
    if (!args.out && !args.json)
      throw new CliUsageError(`usage: ${command.usage}\n(--out is where the workbook is saved)`);
    const rt = await openRuntime(args);
    const setup = runMenuEntry<ReportLike>(rt, 'menuSetupWorkbook', args);
    const report = setup.value as ReportLike;
    let sample: ReportLike | undefined;
    let sampleCost: ReturnType<typeof costSummary> | undefined;
    if (report.ok && args.flags.sample) {
      const loaded = runMenuEntry<ReportLike>(rt, 'menuLoadSampleData', args);
      sample = loaded.value as ReportLike;
      sampleCost = costSummary(loaded);
    }
    const saved = await saveIfAsked(rt, args);
    const ok = report.ok && (sample?.ok ?? true);
    if (args.json) {
      io.stdout(
        `${JSON.stringify({ ...report, sample, saved, cost: costSummary(setup), sampleCost }, null, 2)}\n`,
      );
    } else {
      for (const line of [...report.lines, ...(sample?.lines ?? [])]) io.stdout(`${line}\n`);
      if (saved) io.stdout(`saved ${saved}\n`);
    }
    return ok ? 0 : 1;
  },
};
