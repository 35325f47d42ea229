/** Spreadsheet: the workbook, over SpreadsheetModel. */
import type { CallKind } from '../call-log';
import { AppsScriptException } from '../runtime-context';
import { signatureError } from './cell-input';
import {
  addDeveloperMetadata,
  FakeDeveloperMetadataFinder,
  type FakeDeveloperMetadata,
  metadataAt,
} from './developer-metadata';
import type { FakeRange } from './fake-range';
import { FakeSheet } from './fake-sheet';
import { FakeProtection } from './protection';
import { createSheetModel, DEFAULT_LOCALE } from './spreadsheet-model';
import { isTimeZone, moveDatesToZone } from './zoned-time';
import type { SpreadsheetSession } from './spreadsheet-session';

export interface ToastRecord {
  spreadsheetId: string;
  message: string;
  title: string;
  timeoutSeconds: number;
}

/** Every toast shown, in order, for tests (clear it with `toasts.length = 0`). */
export const toasts: ToastRecord[] = [];

export class FakeSpreadsheet {
  constructor(private readonly session: SpreadsheetSession) {}

  private rec(method: string, kind: CallKind): void {
    this.session.record(`Spreadsheet.${method}`, kind);
  }

  private get model() {
    return this.session.model;
  }

  getId(): string {
    this.rec('getId', 'read');
    return this.model.id;
  }

  getName(): string {
    this.rec('getName', 'read');
    return this.model.name;
  }

  rename(newName: string): void {
    this.rec('rename', 'write');
    this.model.name = String(newName);
  }

  getUrl(): string {
    this.rec('getUrl', 'read');
    return `https://docs.google.com/spreadsheets/d/${this.model.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    this.rec('getSpreadsheetTimeZone', 'read');
    return this.model.timeZone;
  }

  /**
   * Sheets keeps each date cell's serial number (its wall-clock day and time) when the zone
   * changes: the cell still shows 02/11/2026, and getValues now gives midnight in the new zone.
   * The model stores instants, so each Date is moved to the same wall clock in the new zone.
   */
  setSpreadsheetTimeZone(timeZone: string): void {
    this.rec('setSpreadsheetTimeZone', 'write');
    if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) throw signatureError('Spreadsheet.setSpreadsheetTimeZone', String(timeZone));
    moveDatesToZone(this.model, timeZone);
  }

  getSpreadsheetLocale(): string {
    this.rec('getSpreadsheetLocale', 'read');
    return this.model.locale ?? DEFAULT_LOCALE;
  }

  /** Changes how typed formulas are read (argument separator, decimal mark, function names). */
  setSpreadsheetLocale(locale: string): void {
    this.rec('setSpreadsheetLocale', 'write');
    if (typeof locale !== 'string' || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale)) throw signatureError('Spreadsheet.setSpreadsheetLocale', String(locale));
    this.model.locale = locale;
  }

  getSheets(): FakeSheet[] {
    this.rec('getSheets', 'read');
    return this.session.realmArray(this.model.sheets.map((s) => this.session.sheet(s)));
  }

  getNumSheets(): number {
    this.rec('getNumSheets', 'read');
    return this.model.sheets.length;
  }

  getSheetByName(name: string): FakeSheet | null {
    this.rec('getSheetByName', 'read');
    const sheet = this.session.sheetByName(String(name));
    return sheet ? this.session.sheet(sheet) : null;
  }

  getSheetById(id: number): FakeSheet | null {
    this.rec('getSheetById', 'read');
    const sheet = this.session.sheetById(Number(id));
    return sheet ? this.session.sheet(sheet) : null;
  }

  /** insertSheet(), (index), (name), (name, index), (name, index, options), (name, options); index is 0-based. The new sheet becomes active. */
  insertSheet(...args: unknown[]): FakeSheet {
    this.rec('insertSheet', 'write');
    let name: string | null = null;
    let index: number = this.model.sheets.length;
    if (typeof args[0] === 'string') {
      name = args[0];
      if (typeof args[1] === 'number') index = args[1];
    } else if (typeof args[0] === 'number') {
      index = args[0];
    } else if (args[0] !== undefined && (typeof args[0] !== 'object' || args[0] === null)) {
      throw signatureError('Spreadsheet.insertSheet', typeof args[0]);
    }
    if (!Number.isInteger(index) || index < 0 || index > this.model.sheets.length) {
      throw new AppsScriptException('Invalid argument: sheetIndex');
    }
    if (name === null) {
      let n = this.model.sheets.length + 1;
      while (this.session.sheetByName(`Feuille ${n}`)) n += 1;
      name = `Feuille ${n}`;
    }
    if (name.trim() === '') throw new AppsScriptException('Invalid argument: sheetName');
    if (this.session.sheetByName(name)) {
      throw new AppsScriptException(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this.session.checkWrite(name, 'Spreadsheet.insertSheet');
    const sheet = createSheetModel(this.model.nextSheetId, name);
    this.session.requireCellRoom(sheet.maxRows * sheet.maxColumns);
    this.model.nextSheetId += 1;
    this.model.sheets.splice(index, 0, sheet);
    this.model.activeSheetName = name;
    return this.session.sheet(sheet);
  }

  deleteSheet(sheet: FakeSheet): void {
    this.rec('deleteSheet', 'write');
    if (!(sheet instanceof FakeSheet)) throw signatureError('Spreadsheet.deleteSheet', typeof sheet);
    const target = sheet.model();
    const index = this.model.sheets.indexOf(target);
    if (index < 0) throw new AppsScriptException('Sheet not found');
    this.session.checkWrite(target.name, 'Spreadsheet.deleteSheet');
    if (this.model.sheets.length === 1) {
      throw new AppsScriptException('A document must have at least one visible sheet.');
    }
    this.model.sheets.splice(index, 1);
    this.model.developerMetadata = this.model.developerMetadata.filter(
      (m) => m.location.type === 'SPREADSHEET' || m.location.sheetId !== target.sheetId,
    );
    if (this.model.activeSheetName === target.name) this.model.activeSheetName = null;
  }

  getActiveSheet(): FakeSheet {
    this.rec('getActiveSheet', 'read');
    return this.session.sheet(this.session.activeSheet());
  }

  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.rec('setActiveSheet', 'other');
    if (!(sheet instanceof FakeSheet)) throw signatureError('Spreadsheet.setActiveSheet', typeof sheet);
    this.model.activeSheetName = sheet.model().name;
    sheet.model().hidden = false;
    return sheet;
  }

  /** Like Google's: a sheet-qualified A1 reference, or a reference on the active sheet. */
  getRange(a1Notation: string): FakeRange {
    this.rec('getRange', 'other');
    return this.session.rangeOfReference(a1Notation, null);
  }

  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.rec('toast', 'other');
    toasts.push({
      spreadsheetId: this.model.id,
      message: String(msg),
      title: title === undefined || title === null ? '' : String(title),
      timeoutSeconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : 5,
    });
  }

  addDeveloperMetadata(...args: unknown[]): this {
    this.rec('addDeveloperMetadata', 'write');
    addDeveloperMetadata(this.session, { type: 'SPREADSHEET' }, 'Spreadsheet.addDeveloperMetadata', args);
    return this;
  }

  /** Only the metadata located on the spreadsheet itself (use a finder for the rest). */
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.rec('getDeveloperMetadata', 'read');
    return this.session.realmArray(metadataAt(this.session, { type: 'SPREADSHEET' }));
  }

  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.rec('createDeveloperMetadataFinder', 'other');
    return new FakeDeveloperMetadataFinder(this.session, { type: 'SPREADSHEET' });
  }

  getProtections(type: string): FakeProtection[] {
    this.rec('getProtections', 'read');
    const wanted = String(type);
    return this.session.realmArray(
      this.model.sheets.flatMap((s) => s.protections.filter((p) => p.type === wanted).map((p) => new FakeProtection(this.session, s, p))),
    );
  }
}
