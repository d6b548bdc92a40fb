/**
 * DriveApp over the spreadsheet's own files: the spreadsheet itself and the copies made with Spreadsheet.copy
 * (and, with a Drive folder attached, the copies earlier runs saved: runtime/drive-folder.ts); trashing a file marks it trashed, as Drive keeps trashed files for 30 days.
 */
import type { WorkbookStore } from '../spreadsheet';

/** The runtime's Drive: which spreadsheets exist (the open one and its copies) and which are in the trash. */
export class LocalDrive {
  readonly trashed = new Set<string>();
  constructor(private readonly workbook: () => WorkbookStore) {}

  files(): WorkbookStore[] {
    const main = this.workbook();
    return [main, ...main.copies];
  }

  /** Copies not in the trash, oldest first: what a user sees in Drive. */
  liveCopies(): WorkbookStore[] {
    return this.workbook().copies.filter((copy) => !this.trashed.has(copy.data.id));
  }
}

class LocalDriveFile {
  constructor(
    private readonly drive: LocalDrive,
    private readonly store: WorkbookStore,
  ) {}
  getId(): string {
    return this.store.data.id;
  }
  getName(): string {
    return this.store.data.name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.store.data.id}/edit`;
  }
  getMimeType(): string {
    return 'application/vnd.google-apps.spreadsheet';
  }
  isTrashed(): boolean {
    return this.drive.trashed.has(this.store.data.id);
  }
  setTrashed(trashed: boolean): LocalDriveFile {
    if (trashed) this.drive.trashed.add(this.store.data.id);
    else this.drive.trashed.delete(this.store.data.id);
    return this;
  }
}

export class LocalDriveApp {
  constructor(private readonly drive: LocalDrive) {}

  getFileById(id: string): LocalDriveFile {
    const store = this.drive.files().find((file) => file.data.id === String(id));
    // Drive's own wording when an id is unknown or not shared with the user.
    if (!store)
      throw new Error(
        'No item with the given ID could be found, or you do not have permission to access it.',
      );
    return new LocalDriveFile(this.drive, store);
  }
}
