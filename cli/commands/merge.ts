/**
 * `salesdesk merge`: SalesDesk → Merge duplicates on an .xlsx workbook through the built bundle. With --preview it
 * lists the groups (members, why, the record kept by default); without, it merges every previewed group with the
 * defaults the sidebar proposes (the oldest record kept, each field its newest non-empty value) and saves --out;
 * --undo undoes the last merge instead. --as must be a manager (Settings → managers) or the owner.
 */
import { costSummary, openRuntime, previewAndConfirm, runEntry, saveIfAsked } from '../workbook';
import { CliUsageError, type CliCommand, type CliIO, type ParsedArgs } from '../types';

interface PreviewView {
  summary: string;
  total: number;
  more: number;
  notice: string;
  groups: {
    fingerprint: string;
    ids: string[];
    why: string;
    survivor: string;
    members: { id: string; row: number; company: string; contact: string; owner: string; linked: number }[];
  }[];
}
interface ConfirmResult {
  status: 'done' | 'changed' | 'nothing';
  message: string;
  mergeId?: string;
}

function printPreview(io: CliIO, preview: PreviewView): void {
  if (preview.notice) io.stdout(`${preview.notice}\n`);
  io.stdout(`${preview.summary}\n`);
  for (const group of preview.groups) {
    io.stdout(`  ${group.ids.join(' + ')} → ${group.survivor} (${group.why})\n`);
    for (const member of group.members)
      io.stdout(
        `    row ${member.row} ${member.id} ${member.company} / ${member.contact} <${member.owner}> · ${member.linked}\n`,
      );
  }
  if (preview.more > 0) io.stdout(`  … ${preview.more} more\n`);
}

export const command: CliCommand = {
  name: 'merge',
  summary:
    'Merge duplicate customers (preview, merge with the defaults, undo) as SalesDesk → Merge duplicates does',
  usage:
    'salesdesk merge --in wb.xlsx [--out wb2.xlsx] --as manager@x [--preview | --undo] [--now ISO] [--locale en|zh-CN] [--json]',
  flags: { preview: 'boolean', undo: 'boolean' },
  async run(args: ParsedArgs, io) {
    if (!args.in)
      throw new CliUsageError('--in wb.xlsx is required (the workbook whose duplicates to merge)');
    if (args.flags.preview && args.flags.undo)
      throw new CliUsageError('--preview and --undo go one at a time');
    const rt = await openRuntime(args);
    if (args.flags.undo) {
      const undone = runEntry<{ status: string; message: string }>(rt, 'apiUndoMerge', [], args);
      const result = undone.value as { status: string; message: string };
      const saved = result.status === 'done' ? await saveIfAsked(rt, args) : undefined;
      if (args.json) io.stdout(`${JSON.stringify({ result, saved, cost: costSummary(undone) }, null, 2)}\n`);
      else io.stdout(`${result.message}\n${saved ? `saved ${saved}\n` : ''}`);
      return result.status === 'done' ? 0 : 1;
    }
    return previewAndConfirm<PreviewView, ConfirmResult>(rt, args, io, {
      preview: 'apiPreviewMerge',
      // The sidebar's defaults: the survivor it proposes, every field its default pick (picks left out).
      confirm: (preview) => [
        'apiConfirmMerge',
        [
          preview.groups.map((group) => ({
            members: group.ids,
            fingerprint: group.fingerprint,
            survivor: group.survivor,
          })),
        ],
      ],
      print: printPreview,
    });
  },
};
