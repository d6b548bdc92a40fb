/**
 * Back up now (managers): copies the whole workbook into a new, dated spreadsheet in the manager's Drive
 * (Spreadsheet.copy — in the local runtime a dated .xlsx in the backups folder) and keeps the newest N
 * (Settings → backupKeep, default 7 from the template): older SalesDesk backups are moved to the Drive trash, where they stay
 * restorable for 30 days. The list of backups lives in the document property `salesdesk.backup.list`.
 */
import { DayClock } from '../../core/dashboard/days';
import { executionContext } from '../context';
import { withLock } from '../lock';
import { defaultSettings } from '../../../templates/settings';

export const BACKUP_LIST_PROPERTY = 'salesdesk.backup.list';

export interface BackupEntry {
  id: string;
  name: string;
  /** ISO time the backup was made. */
  time: string;
  by: string;
  url?: string;
}

export interface BackupResult {
  backup: BackupEntry;
  kept: number;
  removed: BackupEntry[];
}

function readList(properties: GoogleAppsScript.Properties.Properties): BackupEntry[] {
  try {
    const parsed = JSON.parse(properties.getProperty(BACKUP_LIST_PROPERTY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as BackupEntry[]) : [];
  } catch {
    return [];
  }
}

export function backupKeep(settings: { backupKeep?: unknown }): number {
  const value = Number(settings.backupKeep);
  if (Number.isInteger(value) && value >= 1) return Math.min(value, 100);
  // The template's default (templates/settings.ts), so the sheet, the code and the README say one number.
  return defaultSettings().backupKeep;
}

/** Moves a backup to the Drive trash; false when Drive refuses (already gone, no access). */
function trash(entry: BackupEntry): boolean {
  try {
    DriveApp.getFileById(entry.id).setTrashed(true);
    return true;
  } catch (error) {
    console.warn(`SalesDesk backup: could not trash ${entry.name}: ${(error as Error).message}`);
    return false;
  }
}

/** Makes one backup and prunes old ones. The caller checks the role. */
export function backupNow(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  now: Date = new Date(),
): BackupResult {
  const ctx = executionContext();
  const t = ctx.t;
  const keep = backupKeep(ctx.settings);
  const clock = new DayClock(ctx.timeZone);
  const local = new Date(now.getTime() + clock.offsetMinutes(now.getTime()) * 60_000).toISOString();
  const stamp = `${local.slice(0, 10)} ${local.slice(11, 16)}`;
  const name = t('data.backup.name', { date: stamp, name: spreadsheet.getName() });
  return withLock(t, 'action', () => {
    // Pending edits are committed before the copy so the snapshot is what users see.
    SpreadsheetApp.flush();
    const copy = spreadsheet.copy(name);
    const properties = PropertiesService.getDocumentProperties();
    const backup: BackupEntry = { id: copy.getId(), name, time: now.toISOString(), by: ctx.user };
    try {
      backup.url = copy.getUrl();
    } catch {
      // Optional: some environments give no URL.
    }
    const list = [...readList(properties), backup];
    const removed: BackupEntry[] = [];
    while (list.length > keep) {
      const oldest = list.shift() as BackupEntry;
      trash(oldest);
      removed.push(oldest);
    }
    properties.setProperty(BACKUP_LIST_PROPERTY, JSON.stringify(list));
    return { backup, kept: list.length, removed };
  });
}

/** SalesDesk → Data → Back up now (managers only). */
export function menuBackupNow(): void {
  const { t, spreadsheet } = executionContext();
  let result: BackupResult;
  try {
    result = backupNow(spreadsheet);
  } catch (error) {
    SpreadsheetApp.getUi().alert(t('data.backup.failed', { message: (error as Error).message }));
    return;
  }
  spreadsheet.toast(
    t('data.backup.done', { name: result.backup.name, keep: result.kept, removed: result.removed.length }),
    'SalesDesk',
  );
}

/** The backups SalesDesk knows of, newest last (for the CLI and the README's restore steps). */
export function apiListBackups(): BackupEntry[] {
  return readList(PropertiesService.getDocumentProperties());
}
