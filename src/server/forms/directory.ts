/**
 * Who the user is in this workbook (role from Reps and Settings) and the dropdown lists, read once per call.
 * Lists, Reps and Settings are read through the template's workbook adapter when it is available.
 */
export type Role = 'rep' | 'senior' | 'manager' | 'none';

export interface Directory {
  role: Role;
  isManager: boolean;
  lists: Record<string, string[]>;
  reps: { email: string; name: string }[];
  currency: string;
}

/** Reads Reps, Settings and Lists for `user`. */
export function readDirectory(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  user: string,
): Directory {
  // Replaced by reads through src/server/adapters/workbook.ts once the template lands (issue 4).
  const owner = (spreadsheet.getOwner()?.getEmail() ?? '').toLowerCase();
  const isManager = owner !== '' && owner === user;
  return { role: isManager ? 'manager' : 'none', isManager, lists: {}, reps: [], currency: '' };
}
