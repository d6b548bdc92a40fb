/**
 * `salesdesk validate --in book.xlsx [--json] [--locale zh-CN] [--highlight --out marked.xlsx]`: runs Check data
 * through the bundle and prints every problem (sheet, row, column, message).
 * Exit code: 0 when there is no error (warnings such as possible duplicates are printed but do not fail),
 * 1 when at least one error is found, 2 on a usage problem. With --highlight the problem cells are coloured
 * (SalesDesk → Check data) and --out saves the marked workbook.
 */
import { costSummary, openRuntime, runEntry, saveIfAsked } from '../workbook';
import { CliUsageError, type CliCommand } from '../types';
import type { CheckReport } from '../../src/server/checks/entries';

export const command: CliCommand = {
  name: 'validate',
  summary:
    'Check every sheet (required fields, types, lists, e-mail/phone/date, duplicates, customer references)',
  usage: 'salesdesk validate --in book.xlsx [--json] [--locale zh-CN] [--highlight --out marked.xlsx]',
  flags: { highlight: 'boolean' },
  async run(args, io) {
    if (!args.in) throw new CliUsageError(`usage: ${command.usage}`);
    const rt = await openRuntime(args);
    const highlight = args.flags.highlight === true;
    const result = runEntry<CheckReport>(rt, 'apiValidateWorkbook', [], args);
    if (highlight) runEntry(rt, 'menuCheckData', [], args);
    const report = result.value as CheckReport;
    const saved = await saveIfAsked(rt, args);
    if (args.json) {
      io.stdout(
        JSON.stringify(
          {
            ok: report.errors === 0,
            total: report.total,
            errors: report.errors,
            warnings: report.warnings,
            rows: report.rows,
            problems: report.problems,
            saved,
            cost: costSummary(result),
          },
          null,
          2,
        ) + '\n',
      );
    } else {
      for (const p of report.problems) {
        const column = p.column ? `, ${p.column}` : '';
        io.stdout(
          `${p.severity === 'error' ? 'ERROR' : 'warn '} ${p.sheet}!R${p.row}${column}: ${p.message}\n`,
        );
      }
      io.stdout(`${report.rows} rows checked: ${report.errors} errors, ${report.warnings} warnings.\n`);
      if (saved) io.stdout(`Saved ${saved}\n`);
    }
    return report.errors > 0 ? 1 : 0;
  },
};
