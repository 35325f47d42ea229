/**
 * What the fake Spreadsheet objects of one execution share: the model, the runtime context
 * (call log, realm), the Ui, and the factories that wrap model parts into fake objects.
 */
import type { CallKind } from '../call-log';
import type { RuntimeContext } from '../runtime-context';
import { AppsScriptException } from '../runtime-context';
import type { AuthModeName } from '../services/execution';
import { parseA1, splitSheetReference } from './a1-notation';
import { FakeRange } from './fake-range';
import { FakeSheet } from './fake-sheet';
import { FakeSpreadsheet } from './fake-spreadsheet';
import { checkArea } from './sheet-grid';
import type { CellValue, GridArea, SheetModel, SpreadsheetModel } from './spreadsheet-model';

/**
 * What the execution around SpreadsheetApp imposes on it: its authorization mode, and the sheets
 * a write may only touch while this execution holds the document lock.
 */
export interface SpreadsheetPolicy {
  authMode(): AuthModeName;
  /** Sheet names (exact) whose writes need the document lock: RuntimeOptions.requireDocumentLockFor. */
  lockedSheets: ReadonlySet<string>;
  holdsDocumentLock(): boolean;
  /** Told of every refused write, before it is thrown (the script may catch the error). */
  onLockViolation(message: string): void;
}

export const UNRESTRICTED_POLICY: SpreadsheetPolicy = {
  authMode: () => 'FULL',
  lockedSheets: new Set(),
  holdsDocumentLock: () => false,
  onLockViolation: () => {},
};

/** What SpreadsheetApp still allows in AuthMode.NONE: the menus of onOpen, nothing of the document. */
const ALLOWED_WITHOUT_AUTHORIZATION = new Set(['SpreadsheetApp.getUi', 'SpreadsheetApp.flush']);

/** Sheets' limit: cells of all the grids of a spreadsheet together. */
export const MAX_CELLS = 10_000_000;
export const CELL_CAP_MESSAGE = 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

/** A write to a sheet of `requireDocumentLockFor` made without the document lock. */
export class DocumentLockViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentLockViolation';
  }
}

export class SpreadsheetSession {
  private spreadsheetFake: FakeSpreadsheet | null = null;
  private readonly sheetFakes = new WeakMap<SheetModel, FakeSheet>();

  constructor(
    readonly model: SpreadsheetModel,
    readonly ctx: RuntimeContext,
    readonly ui: GoogleAppsScript.Base.Ui | null,
    readonly policy: SpreadsheetPolicy = UNRESTRICTED_POLICY,
  ) {}

  /**
   * Counts the call, then refuses it like Google when the execution may not make it: anything but
   * the Ui in AuthMode.NONE, a write to a lock-only sheet (`sheet`) without the document lock.
   */
  record(name: string, kind: CallKind, sheet?: SheetModel): void {
    this.ctx.calls.record(name, kind);
    const mode = this.policy.authMode();
    if (mode === 'NONE' && !ALLOWED_WITHOUT_AUTHORIZATION.has(name)) {
      throw new AppsScriptException(`You do not have permission to call ${name} (authorization mode ${mode}, LIMITED required).`);
    }
    if (kind === 'write' && sheet !== undefined) this.checkWrite(sheet.name, name);
  }

  /**
   * Refuses to grow the grid past Sheets' cap of 10 million cells per spreadsheet, counted over
   * every sheet's whole grid (empty cells included), with Google's message. A workbook already
   * past the cap can only be an .xlsx file read by the command line (one cell at XFD1048576 makes
   * a grid of 17 billion cells, which Sheets would not import): it is not refused for what it
   * already is, so the command line still reads it and adds its summary.
   */
  requireCellRoom(added: number): void {
    let cells = 0;
    for (const sheet of this.model.sheets) cells += sheet.maxRows * sheet.maxColumns;
    if (cells > MAX_CELLS) return;
    if (cells + added > MAX_CELLS) throw new AppsScriptException(CELL_CAP_MESSAGE);
  }

  /** Refuses a write to `sheetName` when it needs the document lock and this execution does not hold it. */
  checkWrite(sheetName: string, method: string): void {
    if (!this.policy.lockedSheets.has(sheetName) || this.policy.holdsDocumentLock()) return;
    const message = `${method} on sheet "${sheetName}" without the document lock: this runtime requires LockService.getDocumentLock() to be held for every write to it (requireDocumentLockFor).`;
    this.policy.onLockViolation(message);
    throw new DocumentLockViolation(message);
  }

  get timeZone(): string {
    return this.model.timeZone;
  }

  /** The execution's clock (what `new Date()` gives the script). */
  now(): Date {
    return this.ctx.now();
  }

  /** An array of the add-in's realm, so `Array.isArray` and prototype methods behave as on Google. */
  realmArray<T>(items: readonly T[]): T[] {
    return this.ctx.realm.Array.from(items);
  }

  realmValue(value: CellValue): CellValue {
    return value instanceof Date ? new this.ctx.realm.Date(value.getTime()) : value;
  }

  spreadsheet(): FakeSpreadsheet {
    this.spreadsheetFake ??= new FakeSpreadsheet(this);
    return this.spreadsheetFake;
  }

  sheet(model: SheetModel): FakeSheet {
    let fake = this.sheetFakes.get(model);
    if (!fake) {
      fake = new FakeSheet(this, model);
      this.sheetFakes.set(model, fake);
    }
    return fake;
  }

  range(sheet: SheetModel, area: GridArea): FakeRange {
    checkArea(sheet, area);
    return new FakeRange(this, sheet, { ...area });
  }

  sheetByName(name: string): SheetModel | null {
    return this.model.sheets.find((s) => s.name === name) ?? null;
  }

  sheetById(sheetId: number): SheetModel | null {
    return this.model.sheets.find((s) => s.sheetId === sheetId) ?? null;
  }

  activeSheet(): SheetModel {
    const named = this.model.activeSheetName === null ? null : this.sheetByName(this.model.activeSheetName);
    const active = named ?? this.model.sheets.find((s) => !s.hidden) ?? this.model.sheets[0];
    if (!active) throw new AppsScriptException('The spreadsheet has no sheet.');
    return active;
  }

  /** `A1:C3` on `defaultSheet`, or `'Présences'!A1:C3`; open ends ('A:A', 'A2:A', '2:2') stop at the grid edge. */
  areaOfReference(reference: string, defaultSheet: SheetModel | null): { sheet: SheetModel; area: GridArea } {
    if (typeof reference !== 'string') throw new AppsScriptException('Range not found');
    const { sheetName, rangeA1 } = splitSheetReference(reference);
    const sheet = sheetName === null ? (defaultSheet ?? this.activeSheet()) : this.sheetByName(sheetName);
    if (!sheet) throw new AppsScriptException('Range not found');
    const ref = parseA1(rangeA1);
    const row = ref.startRow ?? 1;
    const column = ref.startColumn ?? 1;
    const endRow = ref.endRow ?? sheet.maxRows;
    const endColumn = ref.endColumn ?? sheet.maxColumns;
    return { sheet, area: { row, column, numRows: endRow - row + 1, numColumns: endColumn - column + 1 } };
  }

  rangeOfReference(reference: string, defaultSheet: SheetModel | null): FakeRange {
    const { sheet, area } = this.areaOfReference(reference, defaultSheet);
    return this.range(sheet, area);
  }
}
