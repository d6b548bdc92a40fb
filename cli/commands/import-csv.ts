/**
 * `salesdesk import-csv <file.csv> --in book.xlsx --out book.xlsx [--merge] [--dry-run]`: imports customers from
 * a CSV file through the bundle's apiImportCustomers (the sidebar's path): UTF-8 with or without BOM, UTF-16,
 * or GBK; rows validated like the New customer form; duplicates skipped (or merged with --merge); bad rows
 * listed by line and not imported. --dry-run shows the preview only.
 */
import * as fs from 'node:fs';
import { decodeCsvBytes } from '../../src/core/csv/encoding';
import { t as translate } from '../../src/core/i18n';
import { callEntry, costSummary, openRuntime, saveIfAsked } from '../workbook';
import { CliUsageError, type CliCommand, type ParsedArgs } from '../types';

interface Preview {
  ok: boolean;
  error?: string;
  summary: string;
  counts: Record<string, number>;
  mapping: { header: string; target: string; ignored: boolean }[];
  duplicates: { line: number; text: string }[];
  problems: { line: number; text: string }[];
  moreProblems: number;
}
interface Result {
  ok: boolean;
  error?: string;
  added: number;
  merged: number;
  skipped: number;
  bad: number;
  firstRow: number;
  problems: { line: number; text: string }[];
  moreProblems: number;
  message: string;
}

function readCsvFile(file: string, args: ParsedArgs): string {
  if (!fs.existsSync(file)) throw new CliUsageError(`${file}: no such file`);
  const bytes = new Uint8Array(fs.readFileSync(file));
  const decoded = decodeCsvBytes(bytes, (gbk) => new TextDecoder('gbk', { fatal: true }).decode(gbk));
  if (!decoded.ok)
    throw new CliUsageError(
      translate(args.locale ?? 'en', `data.import.encoding.${decoded.reason}`, decoded.params),
    );
  return decoded.text;
}

export const command: CliCommand = {
  name: 'import-csv',
  summary: 'Import customers from a CSV file (validated, duplicates skipped or merged, bad rows listed)',
  usage:
    'salesdesk import-csv <file.csv> --in book.xlsx [--out book.xlsx] [--merge] [--dry-run] [--as manager@x] [--json]',
  flags: { merge: 'boolean', 'dry-run': 'boolean' },
  async run(args, io) {
    const file = args.positional[0];
    if (!file) throw new CliUsageError(`usage: ${command.usage}`);
    const text = readCsvFile(file, args);
    const rt = await openRuntime(args);
    if (args.flags['dry-run']) {
      const preview = callEntry<Preview>(rt, 'apiPreviewImport', { text }, args);
      if (args.json) io.stdout(JSON.stringify(preview, null, 2) + '\n');
      else {
        if (preview.error) io.stderr(preview.error + '\n');
        for (const column of preview.mapping) io.stdout(`  ${column.header} → ${column.target}\n`);
        if (preview.summary) io.stdout(preview.summary + '\n');
        for (const duplicate of preview.duplicates) io.stdout(`  ${duplicate.text}\n`);
        for (const problem of preview.problems) io.stdout(`  ${problem.text}\n`);
      }
      return preview.ok ? 0 : 1;
    }
    const result = callEntry<Result>(
      rt,
      'apiImportCustomers',
      { text, duplicates: args.flags.merge ? 'merge' : 'skip' },
      args,
    );
    const saved = result.ok ? await saveIfAsked(rt, args) : undefined;
    if (args.json) {
      io.stdout(
        JSON.stringify(
          { ...result, saved, cost: rt.lastExecution ? costSummary(rt.lastExecution) : undefined },
          null,
          2,
        ) + '\n',
      );
    } else {
      io.stdout(result.message + '\n');
      for (const problem of result.problems) io.stdout(`  ${problem.text}\n`);
      if (result.moreProblems > 0) io.stdout(`  … +${result.moreProblems}\n`);
      if (saved) io.stdout(`saved ${saved}\n`);
      else if (result.ok && !args.out) io.stdout('(no --out: the workbook was not saved)\n');
    }
    return result.ok ? 0 : 1;
  },
};
