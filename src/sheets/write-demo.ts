import { encodeRow, textCell } from '../domain/cell-output';
import { mapHeaders } from '../domain/header-map';
import { normalizeKey } from '../domain/text';
import { UserError } from '../domain/user-error';
import { PARAMETER, SHEET, type SheetName, sheetSpec } from '../domain/workbook-schema';
import type { DemoWorkbook } from '../demo/demo-workbook';
import { sheetFinder } from './sheet-lookup';
import { readHeaderRow, readTable, writeBlock } from './table-io';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Writes the demo structure into a configured, empty workbook: one setValues per sheet.
 * Refuses a workbook that already holds participants, so that no team's data is ever mixed with it.
 */
export function writeDemoWorkbook(ss: Spreadsheet, demo: DemoWorkbook): void {
  const find = sheetFinder(ss);
  const participants = find(SHEET.participants);
  if (!participants) throw new UserError('Feuille « Participants » introuvable : configurez le classeur d’abord.');
  if (participants.getLastRow() > 1) {
    throw new UserError('Ce classeur contient déjà des participants : la démonstration s’écrit dans un classeur vide.');
  }
  // The demo's days are the days shown in this spreadsheet's zone.
  const timeZone = ss.getSpreadsheetTimeZone();
  const tables: [SheetName, readonly object[]][] = [
    [SHEET.workshops, demo.workshops],
    [SHEET.funders, demo.funders],
    [SHEET.participants, demo.parcours],
    [SHEET.attendance, demo.attendance],
    [SHEET.evaluations, demo.evaluations],
    [SHEET.support, demo.support],
  ];
  for (const [name, records] of tables) {
    const sheet = find(name);
    if (!sheet) throw new UserError(`Feuille « ${name} » introuvable : configurez le classeur d’abord.`);
    const spec = sheetSpec(name);
    const map = mapHeaders(spec, readHeaderRow(sheet));
    const rows = records.map((record) => encodeRow(spec.fields, map, record as Record<string, unknown>, timeZone));
    writeBlock(sheet, 2, 1, rows);
  }
  const parameters = find(SHEET.parameters);
  if (parameters && demo.structureName) setParameter(parameters, PARAMETER.structureName, demo.structureName);
}

function setParameter(sheet: GoogleAppsScript.Spreadsheet.Sheet, name: string, value: string): void {
  const spec = sheetSpec(SHEET.parameters);
  const table = readTable(sheet);
  const map = mapHeaders(spec, table[0] ?? []);
  const nameColumn = map.columns['name']!;
  const valueColumn = map.columns['value']!;
  const index = table.findIndex((row, i) => i > 0 && normalizeKey(String(row[nameColumn] ?? '')) === normalizeKey(name));
  if (index < 1) return;
  writeBlock(sheet, index + 1, valueColumn + 1, [[textCell(value)]]);
}
