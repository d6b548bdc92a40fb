/**
 * `salesdesk export-csv --in book.xlsx --sheet Customers [--csv out.csv] [--filtered]`: a sheet as CSV the way
 * the menu exports it (UTF-8 with BOM, CRLF, formula-looking cells neutralised with an apostrophe). Without
 * --csv the CSV goes to stdout.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { callEntry, openRuntime } from '../workbook';
import { CliUsageError, type CliCommand } from '../types';

interface Exported {
  sheet: string;
  fileName: string;
  rows: number;
  filtered: boolean;
  csv: string;
}

export const command: CliCommand = {
  name: 'export-csv',
  summary: 'Export a sheet as formula-safe CSV (UTF-8 with BOM, CRLF)',
  usage: 'salesdesk export-csv --in book.xlsx --sheet <name> [--csv out.csv] [--filtered] [--json]',
  flags: { sheet: 'value', csv: 'value', filtered: 'boolean' },
  async run(args, io) {
    if (!args.in) throw new CliUsageError(`usage: ${command.usage}`);
    const sheet = typeof args.flags.sheet === 'string' ? args.flags.sheet : (args.positional[0] ?? '');
    if (!sheet) throw new CliUsageError('--sheet <name> is required (e.g. --sheet Customers)');
    const rt = await openRuntime(args);
    const exported = callEntry<Exported>(
      rt,
      'apiExportCsv',
      { sheet, onlyFiltered: args.flags.filtered === true },
      args,
    );
    const target = typeof args.flags.csv === 'string' ? args.flags.csv : undefined;
    if (target) {
      fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
      fs.writeFileSync(target, exported.csv, 'utf8');
    }
    if (args.json) {
      io.stdout(
        JSON.stringify({
          sheet: exported.sheet,
          rows: exported.rows,
          filtered: exported.filtered,
          file: target,
        }) + '\n',
      );
    } else if (target) {
      io.stdout(`${exported.rows} rows of "${exported.sheet}" written to ${target}\n`);
    } else {
      io.stdout(exported.csv);
    }
    return 0;
  },
};
