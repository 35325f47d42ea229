/** DeveloperMetadata, its location and the finder, over `SpreadsheetModel.developerMetadata`. */
import { AppsScriptException } from '../runtime-context';
import type { FakeRange } from './fake-range';
import type { FakeSheet } from './fake-sheet';
import type { FakeSpreadsheet } from './fake-spreadsheet';
import type { SpreadsheetSession } from './spreadsheet-session';
import {
  type DeveloperMetadataLocationModel,
  type DeveloperMetadataModel,
  type DeveloperMetadataVisibilityName,
  nextIdAmong,
} from './spreadsheet-model';

const VISIBILITIES: readonly string[] = ['DOCUMENT', 'PROJECT'];

function checkKey(key: unknown, method: string): string {
  if (typeof key !== 'string' || key === '') {
    throw new AppsScriptException(`The parameters (${typeof key}) don't match the method signature for SpreadsheetApp.${method}.`);
  }
  return key;
}

/**
 * addDeveloperMetadata(key), (key, value), (key, visibility), (key, value, visibility). Our enum
 * values are strings, so a 2-argument call whose second argument is 'DOCUMENT' or 'PROJECT' is read
 * as a visibility.
 */
export function addDeveloperMetadata(
  session: SpreadsheetSession,
  location: DeveloperMetadataLocationModel,
  method: string,
  args: unknown[],
): void {
  const key = checkKey(args[0], method);
  let value: unknown = null;
  let visibility: unknown = 'DOCUMENT';
  if (args.length === 2 && typeof args[1] === 'string' && VISIBILITIES.includes(args[1])) visibility = args[1];
  else if (args.length >= 2) {
    value = args[1] ?? null;
    if (args.length >= 3) visibility = args[2];
  }
  if (value !== null && typeof value !== 'string') {
    throw new AppsScriptException(`The parameters (String,${typeof value}) don't match the method signature for SpreadsheetApp.${method}.`);
  }
  if (typeof visibility !== 'string' || !VISIBILITIES.includes(visibility)) {
    throw new AppsScriptException(`Invalid argument: visibility`);
  }
  const metadata = session.model.developerMetadata;
  metadata.push({
    id: nextIdAmong(metadata.map((m) => m.id)),
    key,
    value,
    visibility: visibility as DeveloperMetadataVisibilityName,
    location,
  });
}

export function sameLocation(a: DeveloperMetadataLocationModel, b: DeveloperMetadataLocationModel): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'SPREADSHEET' || b.type === 'SPREADSHEET') return true;
  if (a.sheetId !== b.sheetId) return false;
  if (a.type === 'SHEET' || b.type === 'SHEET') return true;
  return a.start === b.start && a.count === b.count;
}

/** Whether metadata at `location` lies within `scope` (a finder created on a sheet sees that sheet's rows too). */
function withinScope(location: DeveloperMetadataLocationModel, scope: DeveloperMetadataLocationModel): boolean {
  if (scope.type === 'SPREADSHEET') return true;
  if (location.type === 'SPREADSHEET' || location.sheetId !== scope.sheetId) return false;
  if (scope.type === 'SHEET') return true;
  return sameLocation(location, scope);
}

function intersects(location: DeveloperMetadataLocationModel, scope: DeveloperMetadataLocationModel): boolean {
  if (location.type === 'SPREADSHEET' || scope.type === 'SPREADSHEET') return true;
  if (location.sheetId !== scope.sheetId) return false;
  if (location.type === 'SHEET' || scope.type === 'SHEET') return true;
  if (location.type !== scope.type) return true;
  return location.start < scope.start + scope.count && scope.start < location.start + location.count;
}

export function metadataAt(session: SpreadsheetSession, location: DeveloperMetadataLocationModel): FakeDeveloperMetadata[] {
  return session.model.developerMetadata
    .filter((m) => sameLocation(m.location, location))
    .map((m) => new FakeDeveloperMetadata(session, m));
}

export class FakeDeveloperMetadata {
  constructor(
    private readonly session: SpreadsheetSession,
    private readonly data: DeveloperMetadataModel,
  ) {}

  private rec(method: string, kind: 'read' | 'write' | 'other'): void {
    this.session.record(`DeveloperMetadata.${method}`, kind);
  }

  getId(): number {
    this.rec('getId', 'read');
    return this.data.id;
  }

  getKey(): string {
    this.rec('getKey', 'read');
    return this.data.key;
  }

  getValue(): string | null {
    this.rec('getValue', 'read');
    return this.data.value;
  }

  getVisibility(): string {
    this.rec('getVisibility', 'read');
    return this.data.visibility;
  }

  getLocation(): FakeDeveloperMetadataLocation {
    this.rec('getLocation', 'read');
    return new FakeDeveloperMetadataLocation(this.session, this.data.location);
  }

  setKey(key: string): this {
    this.rec('setKey', 'write');
    this.data.key = checkKey(key, 'DeveloperMetadata.setKey');
    return this;
  }

  setValue(value: string): this {
    this.rec('setValue', 'write');
    this.data.value = value === null || value === undefined ? null : String(value);
    return this;
  }

  setVisibility(visibility: string): this {
    this.rec('setVisibility', 'write');
    if (!VISIBILITIES.includes(visibility)) throw new AppsScriptException('Invalid argument: visibility');
    this.data.visibility = visibility as DeveloperMetadataVisibilityName;
    return this;
  }

  remove(): void {
    this.rec('remove', 'write');
    const list = this.session.model.developerMetadata;
    const index = list.indexOf(this.data);
    if (index >= 0) list.splice(index, 1);
  }
}

export class FakeDeveloperMetadataLocation {
  constructor(
    private readonly session: SpreadsheetSession,
    private readonly location: DeveloperMetadataLocationModel,
  ) {}

  getLocationType(): string {
    this.session.record('DeveloperMetadataLocation.getLocationType', 'read');
    return this.location.type;
  }

  getSpreadsheet(): FakeSpreadsheet | null {
    this.session.record('DeveloperMetadataLocation.getSpreadsheet', 'read');
    return this.location.type === 'SPREADSHEET' ? this.session.spreadsheet() : null;
  }

  getSheet(): FakeSheet | null {
    this.session.record('DeveloperMetadataLocation.getSheet', 'read');
    if (this.location.type !== 'SHEET') return null;
    const sheet = this.session.sheetById(this.location.sheetId);
    return sheet ? this.session.sheet(sheet) : null;
  }

  getRow(): FakeRange | null {
    this.session.record('DeveloperMetadataLocation.getRow', 'read');
    return this.location.type === 'ROW' ? this.dimensionRange() : null;
  }

  getColumn(): FakeRange | null {
    this.session.record('DeveloperMetadataLocation.getColumn', 'read');
    return this.location.type === 'COLUMN' ? this.dimensionRange() : null;
  }

  private dimensionRange(): FakeRange | null {
    const location = this.location;
    if (location.type !== 'ROW' && location.type !== 'COLUMN') return null;
    const sheet = this.session.sheetById(location.sheetId);
    if (!sheet) return null;
    return location.type === 'ROW'
      ? this.session.range(sheet, { row: location.start, column: 1, numRows: location.count, numColumns: sheet.maxColumns })
      : this.session.range(sheet, { row: 1, column: location.start, numRows: sheet.maxRows, numColumns: location.count });
  }
}

export class FakeDeveloperMetadataFinder {
  private readonly filters: ((m: DeveloperMetadataModel) => boolean)[] = [];
  private intersecting = false;

  constructor(
    private readonly session: SpreadsheetSession,
    private readonly scope: DeveloperMetadataLocationModel,
  ) {}

  private rec(method: string): void {
    this.session.record(`DeveloperMetadataFinder.${method}`, method === 'find' ? 'read' : 'other');
  }

  withKey(key: string): this {
    this.rec('withKey');
    this.filters.push((m) => m.key === key);
    return this;
  }

  withValue(value: string): this {
    this.rec('withValue');
    this.filters.push((m) => m.value === value);
    return this;
  }

  withId(id: number): this {
    this.rec('withId');
    this.filters.push((m) => m.id === id);
    return this;
  }

  withLocationType(type: string): this {
    this.rec('withLocationType');
    this.filters.push((m) => m.location.type === String(type));
    return this;
  }

  withVisibility(visibility: string): this {
    this.rec('withVisibility');
    this.filters.push((m) => m.visibility === String(visibility));
    return this;
  }

  onIntersectingLocations(): this {
    this.rec('onIntersectingLocations');
    this.intersecting = true;
    return this;
  }

  find(): FakeDeveloperMetadata[] {
    this.rec('find');
    const found = this.session.model.developerMetadata
      .filter((m) => (this.intersecting ? intersects(m.location, this.scope) : withinScope(m.location, this.scope)))
      .filter((m) => this.filters.every((keep) => keep(m)))
      .map((m) => new FakeDeveloperMetadata(this.session, m));
    return this.session.realmArray(found);
  }
}

/** Moves row/column metadata when rows or columns are inserted (delta > 0) or deleted (delta < 0) at `from`. */
export function shiftDimensionMetadata(
  session: SpreadsheetSession,
  sheetId: number,
  type: 'ROW' | 'COLUMN',
  from: number,
  delta: number,
): void {
  const list = session.model.developerMetadata;
  for (let i = list.length - 1; i >= 0; i -= 1) {
    const location = list[i]!.location;
    if (location.type !== type || location.sheetId !== sheetId) continue;
    if (delta > 0) {
      if (location.start >= from) location.start += delta;
      continue;
    }
    const end = from - delta; // first row (or column) after the deleted block
    if (location.start >= end) location.start += delta;
    else if (location.start >= from && location.start + location.count <= end) list.splice(i, 1);
    else if (location.start >= from) {
      location.count -= end - location.start;
      location.start = from;
    }
  }
}
