/**
 * `salesdesk tiers --in book.xlsx [--out book.xlsx] [--now 2026-11-23] [--json]`: SalesDesk → Refresh tiers
 * through the bundle (total purchases, orders, first/last purchase and tier of every customer from Deals, with
 * the thresholds and exchange rates of Settings), then prints the tiers. --out saves the refreshed workbook.
 * --formulas installs the template's live array formulas instead (tiers then follow Settings and Deals live).
 */
import { readTable } from '../../src/core/table';
import { columnHeaders, listLabel, sheetNames } from '../../templates';
import { costSummary, openRuntime, runEntry, runMenuEntry, saveIfAsked, sheetDay } from '../workbook';
import { CliUsageError, type CliCommand } from '../types';
import type { TierRefreshResult } from '../../src/server/checks/entries';

export const command: CliCommand = {
  name: 'tiers',
  summary: 'Refresh customer tiers (VIP / Active / Potential / Lost) from Deals and print them',
  usage:
    'salesdesk tiers --in book.xlsx [--formulas] [--out book.xlsx] [--now 2026-11-23] [--locale zh-CN] [--json]',
  flags: { formulas: 'boolean' },
  async run(args, io) {
    if (!args.in) throw new CliUsageError(`usage: ${command.usage}`);
    const rt = await openRuntime(args);
    const live = args.flags.formulas === true;
    // --formulas installs the template's live array formulas instead of writing values.
    const result = live
      ? runEntry(rt, 'apiInstallTierFormulas', [], args)
      : runMenuEntry<TierRefreshResult>(rt, 'menuRefreshTiers', args);
    let values: unknown[][] = [];
    for (const name of sheetNames('customers')) {
      try {
        values = rt.workbook.sheetValues(name);
        if (values.length > 0) break;
      } catch {
        // not this name
      }
    }
    const table = readTable(values, columnHeaders('customers'));
    const at = (row: unknown[], key: string) => {
      const index = table.columns[key];
      return index === undefined ? '' : row[index];
    };
    const customers = table.rows
      .filter((row) => String(at(row, 'id')).trim() !== '')
      .map((row) => ({
        id: String(at(row, 'id')),
        company: String(at(row, 'company')),
        totalPurchases: at(row, 'totalPurchases'),
        orderCount: at(row, 'orderCount'),
        firstPurchase: sheetDay(rt, at(row, 'firstPurchase')),
        lastPurchase: sheetDay(rt, at(row, 'lastPurchase')),
        tier: String(at(row, 'tier')),
      }));
    const saved = await saveIfAsked(rt, args);
    const counted = { vip: 0, active: 0, potential: 0, lost: 0 } as TierRefreshResult['counts'];
    const byLabel = new Map<string, keyof typeof counted>();
    for (const code of Object.keys(counted) as (keyof typeof counted)[]) {
      for (const language of ['en', 'zh-CN'] as const)
        byLabel.set(listLabel('tier', code, language) ?? code, code);
    }
    for (const c of customers) {
      const code = byLabel.get(c.tier);
      if (code) counted[code]++;
    }
    const summary: TierRefreshResult = live
      ? {
          customers: customers.length,
          counts: counted,
          language: 'en',
          today: sheetDay(rt, rt.clock.now()),
        }
      : (result.value as TierRefreshResult);
    if (args.json) {
      io.stdout(
        JSON.stringify({ ...summary, customers: customers, saved, cost: costSummary(result) }, null, 2) +
          '\n',
      );
      return 0;
    }
    for (const c of customers) {
      const total =
        typeof c.totalPurchases === 'number' ? c.totalPurchases.toFixed(2) : String(c.totalPurchases);
      io.stdout(
        `${c.id.padEnd(10)} ${c.tier.padEnd(10)} ${total.padStart(14)} ${String(c.orderCount).padStart(4)}  ${c.lastPurchase.padEnd(10)}  ${c.company}\n`,
      );
    }
    const counts = summary.counts;
    io.stdout(
      `${summary.customers} customers on ${summary.today}: VIP ${counts.vip}, active ${counts.active}, potential ${counts.potential}, lost ${counts.lost}.\n`,
    );
    if (saved) io.stdout(`Saved ${saved}\n`);
    return 0;
  },
};
