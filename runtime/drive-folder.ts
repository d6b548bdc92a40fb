/**
 * A local folder standing for the user's Drive across separate runs: spreadsheets made with Spreadsheet.copy are
 * written there as `<name>.xlsx` and listed in `.drive.json` (id → file), so a later run knows them again as Drive
 * files (DriveApp.getFileById finds them, setTrashed(true) trashes them). Trashed files move to `.trash/`, as
 * Drive keeps trashed files restorable for 30 days (support.google.com/drive/answer/2375102).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { saveWorkbookXlsx, WorkbookStore } from './spreadsheet-binding';

/** One spreadsheet file of the folder. */
export interface DriveFolderEntry {
  id: string;
  name: string;
  /** File name inside the folder. */
  file: string;
}

const INDEX_FILE = '.drive.json';
const TRASH_DIR = '.trash';

export class DriveFolder {
  /** Ids of the stores standing for files already in the folder (their content is not loaded). */
  private readonly onDisk = new Map<string, DriveFolderEntry>();

  constructor(
    readonly dir: string,
    private readonly metaSheetName?: string,
  ) {}

  /** A file name Drive's name can safely become (path separators and reserved characters replaced). */
  static fileNameOf(name: string): string {
    return `${name.replace(/[\\/:*?"<>|]+/g, '_')}.xlsx`;
  }

  /** The folder's files as listed in its index (entries whose file is gone are left out). */
  entries(): DriveFolderEntry[] {
    const index = path.join(this.dir, INDEX_FILE);
    if (!fs.existsSync(index)) return [];
    const parsed = JSON.parse(fs.readFileSync(index, 'utf8')) as { files?: DriveFolderEntry[] };
    return (parsed.files ?? []).filter((entry) => fs.existsSync(path.join(this.dir, entry.file)));
  }

  /** Whether a copy stands for a file already in the folder. */
  holds(copy: WorkbookStore): boolean {
    return this.onDisk.has(copy.data.id);
  }

  /**
   * Adds the folder's files to the workbook's copies (what the runtime's Drive lists) as stand-ins with their
   * id and name; opening one's content is not supported (the file stays as it is on disk).
   */
  attach(workbook: WorkbookStore): void {
    for (const entry of this.entries()) {
      if (workbook.copies.some((copy) => copy.data.id === entry.id)) continue;
      const standIn = WorkbookStore.empty({
        id: entry.id,
        name: entry.name,
        formulaEngine: workbook.formulaEngine,
      });
      workbook.copies.push(standIn);
      this.onDisk.set(entry.id, entry);
    }
  }

  /**
   * Writes the copies made since `attach` and moves the trashed files to `.trash/`; updates the index.
   * @returns the files written and the files moved to the trash (paths).
   */
  async sync(
    workbook: WorkbookStore,
    trashedIds: ReadonlySet<string>,
  ): Promise<{ written: string[]; trashed: string[] }> {
    fs.mkdirSync(this.dir, { recursive: true });
    const kept = this.entries();
    const written: string[] = [];
    const trashed: string[] = [];
    for (const copy of workbook.copies) {
      const id = copy.data.id;
      const known = kept.find((entry) => entry.id === id);
      if (trashedIds.has(id)) {
        if (known) {
          fs.mkdirSync(path.join(this.dir, TRASH_DIR), { recursive: true });
          const target = path.join(this.dir, TRASH_DIR, known.file);
          fs.renameSync(path.join(this.dir, known.file), target);
          trashed.push(target);
          kept.splice(kept.indexOf(known), 1);
        }
        continue;
      }
      if (known || this.onDisk.has(id)) continue;
      const file = DriveFolder.fileNameOf(copy.data.name);
      await saveWorkbookXlsx(copy, path.join(this.dir, file), { metaSheetName: this.metaSheetName });
      // A new file of the same name replaces the old one in the folder (Drive would keep both; names are dated).
      const sameFile = kept.findIndex((entry) => entry.file === file);
      if (sameFile >= 0) kept.splice(sameFile, 1);
      kept.push({ id, name: copy.data.name, file });
      this.onDisk.set(id, kept[kept.length - 1]);
      written.push(path.join(this.dir, file));
    }
    fs.writeFileSync(path.join(this.dir, INDEX_FILE), `${JSON.stringify({ files: kept }, null, 2)}\n`);
    return { written, trashed };
  }
}
