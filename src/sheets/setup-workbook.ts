import type { TimeZone } from '../domain/calendar-day';
import { type CellOut, encodeRow, textCell } from '../domain/cell-output';
import { type HeaderMap, headerRowNumber, mapHeaders } from '../domain/header-map';
import { normalizeKey } from '../domain/text';
import { currentMotifLabel } from '../domain/exit-labels';
import { WorkbookFormatError } from '../domain/workbook-format-error';
import {
  DEFAULT_BARRIERS,
  DEFAULT_EXIT_REASONS,
  DEFAULT_OBJECTIVES,
  DEFAULT_PARTNERS,
  DEFAULT_PRESCRIBERS,
  SHEET,
  type SheetName,
  type SheetSpec,
  WORKBOOK_SCHEMA,
} from '../domain/workbook-schema';
import { withDocumentLock } from './document-lock';
import { appendJournal } from './journal';
import { type SheetFinder, sheetFinder } from './sheet-lookup';
import { appendRows, ensureGrid, readTable, writeBlock } from './table-io';
import { formatSatisfies, numberFormatFor, PLAIN_TEXT_FORMAT, type RangeResolver, sameValidation, validationFor } from './validation-rules';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const HEADER_PROTECTION = 'Parcours : ligne d’en-tête';
export const JOURNAL_PROTECTION = 'Parcours : journal (ajouts par Parcours uniquement)';
const HEADER_BACKGROUND = '#e8f0fe';
/** Names Google gives the first sheet of a new spreadsheet. */
const BLANK_SHEET_NAMES = ['feuille1', 'sheet1'];

interface PreparedSheet {
  spec: SheetSpec;
  sheet: Sheet;
  map: HeaderMap;
  created: boolean;
  headersAdded: boolean;
}

export interface SetupResult {
  /** What was changed, in French, one line each; empty when the workbook was already configured. */
  changes: string[];
}

/**
 * « Configurer le classeur »: turns an empty workbook, or one a team already uses, into the
 * workbook of SPEC §1. It only adds what is missing — sheets, headers at the end of the row,
 * validation, formats, protections, default rows — and never moves or rewrites a value, so
 * running it on a configured workbook makes no write at all.
 */
export function configureWorkbook(ss: Spreadsheet): SetupResult {
  return withDocumentLock(() => {
    const changes: string[] = [];
    const existing = ss.getSheets();
    const find = sheetFinder(ss, existing);
    refuseHeadersBelowTitle(find);
    const prepared = WORKBOOK_SCHEMA.map((spec) => prepareSheet(ss, spec, find, changes));
    removeBlankStarterSheet(ss, existing, prepared, changes);
    const byName = new Map(prepared.map((p) => [p.spec.name, p] as const));
    writeDefaultRows(byName, changes, ss.getSpreadsheetTimeZone());
    const resolve = rangeResolver(byName);
    for (const p of prepared) {
      configureLayout(p, changes);
      configureColumns(p, resolve, changes);
      configureProtection(p, changes);
      trimEmptyTrailingColumns(p, changes);
    }
    if (changes.length > 0) {
      appendJournal(ss, [{ action: 'Configuration du classeur', sheet: '', detail: changes.join(' ; ') }]);
    }
    return { changes };
  });
}

/** Rows read from the top of each sheet to find headers placed below a title. */
const TOP_ROWS = 10;

/**
 * Before any write: a sheet whose headers sit below a title (SPEC §1) is refused, naming the row;
 * adding the schema's headers to row 1 would put columns beside the title.
 */
function refuseHeadersBelowTitle(find: SheetFinder): void {
  for (const spec of WORKBOOK_SCHEMA) {
    const sheet = find(spec.name);
    if (!sheet) continue;
    const lastRow = Math.min(sheet.getLastRow(), TOP_ROWS);
    const lastColumn = sheet.getLastColumn();
    if (lastRow < 2 || lastColumn === 0) continue;
    const headerRow = headerRowNumber(spec, sheet.getRange(1, 1, lastRow, lastColumn).getValues());
    if (headerRow > 1) throw WorkbookFormatError.headersBelowTitle(spec.name, headerRow);
  }
}

function prepareSheet(ss: Spreadsheet, spec: SheetSpec, find: SheetFinder, changes: string[]): PreparedSheet {
  let sheet = find(spec.name);
  let created = false;
  if (!sheet) {
    sheet = ss.insertSheet(spec.name, ss.getNumSheets());
    created = true;
    changes.push(`Feuille « ${spec.name} » créée`);
  }
  const lastColumn = sheet.getLastColumn();
  const headerRow = lastColumn > 0 ? (sheet.getRange(1, 1, 1, lastColumn).getValues()[0] ?? []) : [];
  let map = mapHeaders(spec, headerRow);
  let headersAdded = false;
  if (map.missing.length > 0) {
    const headers = map.missing.map((field) => field.header);
    writeBlock(sheet, 1, lastColumn + 1, [headers]);
    map = mapHeaders(spec, [...headerRow, ...headers]);
    headersAdded = true;
    if (!created) changes.push(`« ${spec.name} » : colonnes ajoutées en fin de ligne : ${headers.join(', ')}`);
  }
  return { spec, sheet, map, created, headersAdded };
}

/** A brand-new spreadsheet's empty « Feuille 1 » is removed; any sheet with content is kept. */
function removeBlankStarterSheet(ss: Spreadsheet, existing: Sheet[], prepared: PreparedSheet[], changes: string[]): void {
  const ours = new Set(prepared.map((p) => p.sheet.getSheetId()));
  for (const sheet of existing) {
    if (ours.has(sheet.getSheetId())) continue;
    if (!BLANK_SHEET_NAMES.includes(normalizeKey(sheet.getName()))) continue;
    if (sheet.getLastRow() > 0 || sheet.getLastColumn() > 0) continue;
    changes.push(`Feuille vide « ${sheet.getName()} » supprimée`);
    ss.deleteSheet(sheet);
  }
}

function writeDefaultRows(byName: Map<SheetName, PreparedSheet>, changes: string[], timeZone: TimeZone): void {
  for (const p of byName.values()) {
    if (!p.spec.defaultRows || p.spec.name === SHEET.parameters) continue;
    if (p.sheet.getLastRow() > 1) {
      if (p.spec.name === SHEET.exitReasons) addMissingMotifs(p, changes, timeZone);
      continue;
    }
    const rows = p.spec.defaultRows.map((values) => rowFromValues(p, values, timeZone));
    writeBlock(p.sheet, 2, 1, rows);
    changes.push(`« ${p.spec.name} » : ${rows.length} lignes par défaut ajoutées`);
  }
  const parameters = byName.get(SHEET.parameters);
  if (parameters) addMissingParameters(parameters, changes, timeZone);
  const lists = byName.get(SHEET.lists);
  if (lists) fillEmptyLists(lists, changes);
}

/** A row of the sheet's width with `values` in the schema's field order, wherever those columns are. */
function rowFromValues(p: PreparedSheet, values: readonly (string | number)[], timeZone: TimeZone): CellOut[] {
  const record: Record<string, unknown> = {};
  p.spec.fields.forEach((field, i) => {
    record[field.key] = values[i] ?? null;
  });
  return encodeRow(p.spec.fields, p.map, record, timeZone);
}

function addMissingParameters(p: PreparedSheet, changes: string[], timeZone: TimeZone): void {
  const nameColumn = p.map.columns['name']!;
  const known = new Set(readTable(p.sheet).slice(1).map((row) => normalizeKey(String(row[nameColumn] ?? ''))));
  const missing = (p.spec.defaultRows ?? []).filter(([name]) => !known.has(normalizeKey(String(name))));
  if (missing.length === 0) return;
  appendRows(
    p.sheet,
    missing.map((values) => rowFromValues(p, values, timeZone)),
  );
  changes.push(`« Paramètres » : ${missing.map(([name]) => name).join(', ')} ajouté(s) avec leur valeur par défaut`);
}

/**
 * The default motifs a sheet in use lacks (SPEC §1.6), appended with their category. A motif there
 * under a former label (`Incarcération`, `Autre sortie positive`…) counts as present, and no row the
 * team wrote is rewritten or reclassified.
 */
function addMissingMotifs(p: PreparedSheet, changes: string[], timeZone: TimeZone): void {
  const motifColumn = p.map.columns['motif']!;
  const present = new Set(
    readTable(p.sheet)
      .slice(1)
      .map((row) => normalizeKey(currentMotifLabel(String(row[motifColumn] ?? '').trim()))),
  );
  const missing = DEFAULT_EXIT_REASONS.filter(([motif]) => !present.has(normalizeKey(motif)));
  if (missing.length === 0) return;
  appendRows(
    p.sheet,
    missing.map((values) => rowFromValues(p, values, timeZone)),
  );
  changes.push(`« Motifs de sortie » : ${missing.map(([motif]) => motif).join(', ')} ajouté(s) avec leur catégorie`);
}

/** Default prescribers and objectives go into their `Listes` columns only when a column is empty. */
function fillEmptyLists(p: PreparedSheet, changes: string[]): void {
  const table = readTable(p.sheet);
  const isEmpty = (key: string) => table.slice(1).every((row) => String(row[p.map.columns[key]!] ?? '').trim() === '');
  const writeColumn = (key: string, values: readonly string[]) =>
    writeBlock(
      p.sheet,
      2,
      p.map.columns[key]! + 1,
      values.map((v) => [textCell(v)]),
    );
  if (isEmpty('prescriber')) {
    writeColumn('prescriber', DEFAULT_PRESCRIBERS);
    changes.push(`« Listes » : prescripteurs par défaut ajoutés`);
  }
  if (isEmpty('barrier')) {
    writeColumn('barrier', DEFAULT_BARRIERS);
    changes.push(`« Listes » : freins par défaut ajoutés`);
  }
  if (isEmpty('partner')) {
    writeColumn('partner', DEFAULT_PARTNERS);
    changes.push(`« Listes » : partenaires par défaut ajoutés`);
  }
  if (isEmpty('objective') && isEmpty('objectiveDomain')) {
    writeColumn(
      'objective',
      DEFAULT_OBJECTIVES.map(([objective]) => objective),
    );
    writeColumn(
      'objectiveDomain',
      DEFAULT_OBJECTIVES.map(([, domain]) => domain),
    );
    changes.push(`« Listes » : catalogue d’objectifs par défaut ajouté`);
  }
}

function rangeResolver(byName: Map<SheetName, PreparedSheet>): RangeResolver {
  return (sheetName, header) => {
    const p = byName.get(sheetName);
    if (!p) return null;
    const field = header ? p.spec.fields.find((f) => f.header === header) : p.spec.fields[0];
    const column = field ? p.map.columns[field.key] : undefined;
    if (column === undefined) return null;
    const maxRows = p.sheet.getMaxRows();
    return p.sheet.getRange(2, column + 1, Math.max(maxRows - 1, 1), 1);
  };
}

function configureLayout(p: PreparedSheet, changes: string[]): void {
  const { sheet } = p;
  if (sheet.getFrozenRows() !== 1) {
    sheet.setFrozenRows(1);
    if (!p.created) changes.push(`« ${p.spec.name} » : ligne d’en-tête figée`);
  }
  if (p.created || p.headersAdded) {
    const width = p.map.headerRow.length;
    sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  }
  if (p.created) {
    for (const field of p.spec.fields) {
      if (field.width) sheet.setColumnWidth(p.map.columns[field.key]! + 1, field.width);
    }
  }
}

/**
 * A grid keeps only the columns in use: Sheets counts every cell of every grid, empty or not,
 * toward its 10-million-cell cap, and a new sheet comes with 26 columns (a large Présences would
 * carry 20 empty cells per row). Only columns past the last one with any content go: a team's
 * own extra columns stay.
 */
function trimEmptyTrailingColumns(p: PreparedSheet, changes: string[]): void {
  const { sheet } = p;
  const used = Math.max(sheet.getLastColumn(), p.map.headerRow.length);
  const max = sheet.getMaxColumns();
  if (max <= used) return;
  sheet.deleteColumns(used + 1, max - used);
  if (!p.created) changes.push(`« ${p.spec.name} » : ${max - used} colonnes vides retirées en fin de grille`);
}

/** Validation and number formats, read on row 2 of every column at once and set only where they differ. */
function configureColumns(p: PreparedSheet, resolve: RangeResolver, changes: string[]): void {
  const { sheet, spec, map } = p;
  const wanted = spec.fields.map((field) => ({
    field,
    column: map.columns[field.key]! + 1,
    validation: validationFor(field, resolve),
    format: numberFormatFor(field),
  }));
  if (wanted.every((w) => w.validation === null && w.format === null)) return;
  ensureGrid(sheet, 2, map.headerRow.length);
  const width = map.headerRow.length;
  const probe = sheet.getRange(2, 1, 1, width);
  const validations = probe.getDataValidations()[0] ?? [];
  const formats = probe.getNumberFormats()[0] ?? [];
  const rows = sheet.getMaxRows() - 1;
  const validated: string[] = [];
  const formatted: string[] = [];
  const plainText: string[] = [];
  for (const w of wanted) {
    const current = validations[w.column - 1] ?? null;
    if (w.validation && !sameValidation(current, w.validation)) {
      sheet.getRange(2, w.column, rows, 1).setDataValidation(w.validation);
      validated.push(w.field.header);
    }
    if (w.format && !formatSatisfies(String(formats[w.column - 1] ?? ''), w.format)) {
      sheet.getRange(2, w.column, rows, 1).setNumberFormat(w.format);
      (w.format === PLAIN_TEXT_FORMAT ? plainText : formatted).push(w.field.header);
    }
  }
  if (validated.length > 0) changes.push(`« ${spec.name} » : listes et contrôles sur ${validated.join(', ')}`);
  if (formatted.length > 0) changes.push(`« ${spec.name} » : format de date sur ${formatted.join(', ')}`);
  if (plainText.length > 0) changes.push(`« ${spec.name} » : format texte brut sur ${plainText.join(', ')}`);
}

/**
 * Header rows and the Journal are protected with a warning: Apps Script runs as the person using
 * Parcours, so a protection limited to the owner would stop the other coordinators' Parcours from
 * appending to the Journal. The warning stops accidental edits by hand, which is the real risk.
 */
function configureProtection(p: PreparedSheet, changes: string[]): void {
  const { sheet } = p;
  if (p.spec.protectWholeSheet) {
    const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
    if (existing.some((protection) => protection.getDescription() === JOURNAL_PROTECTION)) return;
    sheet.protect().setDescription(JOURNAL_PROTECTION).setWarningOnly(true);
    changes.push(`« ${p.spec.name} » : feuille protégée`);
    return;
  }
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  if (existing.some((protection) => protection.getDescription() === HEADER_PROTECTION)) return;
  sheet.getRange(1, 1, 1, sheet.getMaxColumns()).protect().setDescription(HEADER_PROTECTION).setWarningOnly(true);
  if (!p.created) changes.push(`« ${p.spec.name} » : ligne d’en-tête protégée`);
}
