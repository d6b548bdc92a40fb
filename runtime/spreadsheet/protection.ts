/** Protection of a range or a sheet: stored in the workbook, listed, editable. */
import type { SpreadsheetContext } from './context';
import type { GridRect, ProtectionSpec } from './types';

type Protection = GoogleAppsScript.Spreadsheet.Protection;

interface UserLike {
  getEmail(): string;
}

function emailOf(user: string | UserLike): string {
  return typeof user === 'string' ? user : user.getEmail();
}

export class ProtectionImpl implements Pick<
  Protection,
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'getUnprotectedRanges'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setRange'
  | 'setUnprotectedRanges'
  | 'setWarningOnly'
> {
  constructor(
    private readonly ctx: SpreadsheetContext,
    readonly id: number,
  ) {}

  /** Sheets makes the person protecting an editor of the protection. */
  static create(
    ctx: SpreadsheetContext,
    type: 'RANGE' | 'SHEET',
    sheetId: number,
    rect: GridRect | null,
    openRows = false,
  ): Protection {
    const store = ctx.store;
    if (type === 'SHEET') {
      const existing = store.data.protections.find((p) => p.type === 'SHEET' && p.sheetId === sheetId);
      if (existing) return new ProtectionImpl(ctx, existing.id) as unknown as Protection;
    }
    const owner = store.data.owner;
    const me = ctx.env.activeUserEmail();
    const spec: ProtectionSpec = {
      id: store.nextId(),
      type,
      sheetId,
      rect,
      ...(openRows ? { openRows: true } : {}),
      description: '',
      warningOnly: false,
      editors: [...new Set([owner, me].filter(Boolean))],
      domainEdit: false,
      unprotectedRanges: [],
    };
    store.data.protections.push(spec);
    return new ProtectionImpl(ctx, spec.id) as unknown as Protection;
  }

  private get spec(): ProtectionSpec {
    const spec = this.ctx.store.data.protections.find((p) => p.id === this.id);
    if (!spec) throw new Error('The protection has been removed.');
    return spec;
  }

  private self(): Protection {
    return this as unknown as Protection;
  }

  /**
   * Only the owner and the protection's editors may change a protection (its editors, range, description, removal):
   * "Ensure the current user is an editor before removing others" and "the owner of the spreadsheet is always able
   * to edit protected ranges and sheets" (developers.google.com/apps-script/reference/spreadsheet/protection).
   * A warning-only protection has no editors to check.
   */
  private write(method: string): ProtectionSpec {
    this.ctx.assertWritable(method);
    const spec = this.spec;
    const me = this.ctx.env.activeUserEmail();
    if (!spec.warningOnly && me !== this.ctx.store.data.owner && !spec.editors.includes(me)) {
      throw new Error(
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      );
    }
    return spec;
  }

  addEditor(user: string | UserLike): Protection {
    const spec = this.write('addEditor');
    const email = emailOf(user);
    if (!spec.editors.includes(email)) spec.editors.push(email);
    return this.self();
  }
  addEditors(emailAddresses: Array<string | UserLike>): Protection {
    for (const e of emailAddresses) this.addEditor(e);
    return this.self();
  }
  removeEditor(user: string | UserLike): Protection {
    const spec = this.write('removeEditor');
    const email = emailOf(user);
    // The owner always keeps edit rights, as in Sheets.
    if (email !== this.ctx.store.data.owner) spec.editors = spec.editors.filter((e) => e !== email);
    return this.self();
  }
  removeEditors(users: Array<string | UserLike>): Protection {
    for (const e of users) this.removeEditor(e);
    return this.self();
  }
  /** Editors of the protection; a warning-only protection has none (everyone may edit after the warning). */
  getEditors(): GoogleAppsScript.Base.User[] {
    if (this.spec.warningOnly) return [];
    return this.spec.editors.map((email) => makeUser(email));
  }
  canDomainEdit(): boolean {
    return this.spec.domainEdit;
  }
  setDomainEdit(editable: boolean): Protection {
    this.write('setDomainEdit').domainEdit = Boolean(editable);
    return this.self();
  }
  canEdit(): boolean {
    const spec = this.spec;
    const me = this.ctx.env.activeUserEmail();
    return spec.warningOnly || spec.editors.includes(me) || me === this.ctx.store.data.owner;
  }
  getDescription(): string {
    return this.spec.description;
  }
  setDescription(description: string): Protection {
    this.write('setDescription').description = String(description ?? '');
    return this.self();
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.spec.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const spec = this.spec;
    if (spec.rect && spec.openRows) {
      // Unbounded: today's rows of those columns, still "S:W" in A1 notation.
      const sheet = this.ctx.sheetData(spec.sheetId);
      const rect = { ...spec.rect, numRows: Math.max(1, sheet.maxRows - spec.rect.row + 1) };
      return this.ctx.range(spec.sheetId, rect, true);
    }
    if (spec.rect) return this.ctx.range(spec.sheetId, spec.rect);
    const sheet = this.ctx.sheetData(spec.sheetId);
    return this.ctx.range(spec.sheetId, {
      row: 1,
      column: 1,
      numRows: sheet.maxRows,
      numColumns: sheet.maxColumns,
    });
  }
  setRange(range: GoogleAppsScript.Spreadsheet.Range): Protection {
    const spec = this.write('setRange');
    if (spec.type === 'SHEET') throw new Error('Cannot set the range of a sheet protection.');
    spec.sheetId = range.getGridId();
    spec.openRows = (range as unknown as { openRows?: boolean }).openRows === true;
    spec.rect = {
      row: range.getRow(),
      column: range.getColumn(),
      numRows: range.getNumRows(),
      numColumns: range.getNumColumns(),
    };
    return this.self();
  }
  /**
   * Protects the range a named range stands for (reference/spreadsheet/protection#setRangeName(String)).
   * @throws when no named range has that name
   */
  setRangeName(rangeName: string): Protection {
    const named = this.ctx.store.data.namedRanges.find((n) => n.name === String(rangeName));
    if (!named) throw new Error(`The named range ${String(rangeName)} does not exist.`);
    this.spec.rangeName = named.name;
    return this.setRange(this.ctx.range(named.sheetId, named.rect));
  }
  /** The named range the protection was set with, or null (reference/spreadsheet/protection#getRangeName()). */
  getRangeName(): string | null {
    return this.spec.rangeName ?? null;
  }
  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    const spec = this.spec;
    return spec.unprotectedRanges.map((rect) => this.ctx.range(spec.sheetId, rect));
  }
  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): Protection {
    const spec = this.write('setUnprotectedRanges');
    if (spec.type !== 'SHEET') throw new Error('Unprotected ranges can only be set on a sheet protection.');
    spec.unprotectedRanges = ranges.map((r) => ({
      row: r.getRow(),
      column: r.getColumn(),
      numRows: r.getNumRows(),
      numColumns: r.getNumColumns(),
    }));
    return this.self();
  }
  isWarningOnly(): boolean {
    return this.spec.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): Protection {
    this.write('setWarningOnly').warningOnly = Boolean(warningOnly);
    return this.self();
  }
  remove(): void {
    this.write('remove');
    this.ctx.store.data.protections = this.ctx.store.data.protections.filter((p) => p.id !== this.id);
  }
}

/** A Base.User with the members scripts use. */
export function makeUser(email: string): GoogleAppsScript.Base.User {
  const user = {
    getEmail: (): string => email,
    getUserLoginId: (): string => email,
    toString: (): string => email,
  };
  return user as unknown as GoogleAppsScript.Base.User;
}
