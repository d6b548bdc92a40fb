/**
 * Who the user is in this workbook and the dropdown lists: Reps, Settings and Lists read once each.
 */
import { isTicked } from '../../core/cells';
import { sameEmail } from '../../core/roles';
import { cell, isBlankRow } from '../../core/table';
import type { FormsContext } from './context';
import { readLists, tryOpenTable } from './sheets';

export type Role = 'rep' | 'senior' | 'manager' | 'none';

export interface RepInfo {
  email: string;
  name: string;
  role: string;
  active: boolean;
}

export interface Directory {
  role: Role;
  isManager: boolean;
  lists: Record<string, string[]>;
  /** Active reps, for the owner picker. */
  reps: { email: string; name: string }[];
  currency: string;
}

const isChecked = isTicked;

/** Every rep in the Reps sheet (blank rows skipped). */
export function readReps(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): RepInfo[] {
  const opened = tryOpenTable(spreadsheet, 'reps');
  if (!opened) return [];
  const { table } = opened;
  return table.rows
    .filter((row) => !isBlankRow(row))
    .map((row) => ({
      email: String(cell(table, row, 'email'))
        .trim()
        .toLowerCase(),
      name: String(cell(table, row, 'name')).trim(),
      role: String(cell(table, row, 'role'))
        .trim()
        .toLowerCase(),
      active: table.columns.active === undefined ? true : isChecked(cell(table, row, 'active')),
    }))
    .filter((rep) => rep.email.includes('@'));
}

/** Role labels of either language mapped to the stable role code. */
function roleCode(label: string): Role {
  if (['manager', '经理', '销售经理'].includes(label)) return 'manager';
  if (['senior', '资深销售', '高级销售'].includes(label)) return 'senior';
  return 'rep';
}

export function readDirectory(ctx: FormsContext): Directory {
  const reps = readReps(ctx.spreadsheet);
  const me = reps.find((rep) => sameEmail(rep.email, ctx.user));
  const role: Role = ctx.isManager ? 'manager' : me ? roleCode(me.role) : 'none';
  return {
    role,
    isManager: ctx.isManager,
    lists: readLists(ctx.spreadsheet),
    reps: reps.filter((rep) => rep.active).map((rep) => ({ email: rep.email, name: rep.name })),
    currency: ctx.settings.currency,
  };
}
