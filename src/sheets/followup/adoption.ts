import { textCell } from '../../domain/cell-output';
import { isEmptyCell, readLabel } from '../../domain/cell-values';
import type { SheetCalendar } from '../spreadsheet-calendar';
import { mapHeaders } from '../../domain/header-map';
import { findSheetName } from '../../domain/read-workbook';
import { sameKey } from '../../domain/text';
import { UserError } from '../../domain/user-error';
import { SHEET, type SheetName, type SheetSpec, sheetSpec } from '../../domain/workbook-schema';
import { ADOPTABLE_SHEETS, ADOPTION_SHEET_NAMES, type AdoptionPlan, adoptionSummary, type MappingProposal, planAdoption, proposeMapping } from '../../followup/header-mapping';
import { type CreatedId, countEmptyCells, describeCreatedIds, type EmptyCellCounts, planIdFill } from '../../followup/id-fill';
import { withDocumentLock } from '../document-lock';
import { appendJournal, type JournalEntry } from '../journal';
import { configureWorkbook } from '../setup-workbook';
import { readHeaderRow, writeBlock } from '../table-io';
import { keptCell } from './kept-cell';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface AdoptionChoices {
  /** The workbook's sheets, with the Parcours sheet each one seems to be (by name), or null. */
  sheets: { name: string; suggested: SheetName | null }[];
  targets: SheetName[];
}

export function adoptionChoices(ss: Spreadsheet): AdoptionChoices {
  const sheets = ss.getSheets().map((s) => {
    const name = s.getName();
    const suggested =
      ADOPTABLE_SHEETS.find((target) => findSheetName([name], target) !== null) ??
      ADOPTABLE_SHEETS.find((target) => (ADOPTION_SHEET_NAMES[target] ?? []).some((other) => sameKey(other, name))) ??
      null;
    return { name, suggested };
  });
  return { sheets, targets: [...ADOPTABLE_SHEETS] };
}

function targetOf(target: string): SheetName {
  const found = ADOPTABLE_SHEETS.find((name) => name === target);
  if (!found) throw new UserError(`Feuille Parcours inconnue « ${target} » : choisissez ${ADOPTABLE_SHEETS.join(', ')}.`);
  return found;
}

function sheetNamed(ss: Spreadsheet, name: string): Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new UserError(`Feuille « ${name} » introuvable : elle a peut-être été renommée, rouvrez la fenêtre.`);
  return sheet;
}

export interface AdoptionProposal extends MappingProposal {
  sheetName: string;
  /** Data rows below the header (to say that none will move). */
  rows: number;
  /**
   * Adopted as `Participants`: the empty cells per column, so that the dialog can offer to create
   * the missing IDs for whichever column the coordinator makes the ID; null for the other sheets.
   */
  emptyCells: EmptyCellCounts | null;
}

export function proposeAdoption(ss: Spreadsheet, sheetName: string, target: string): AdoptionProposal {
  const sheet = sheetNamed(ss, sheetName);
  const spec = sheetSpec(targetOf(target));
  // Participants are read whole (values and formulas) to count the rows without an ID; the other
  // sheets, attendance among them, only by their header row.
  const whole = spec.name === SHEET.participants ? sheet.getDataRange() : null;
  const table = whole ? whole.getValues() : [readHeaderRow(sheet)];
  const headerRow = table[0] ?? [];
  if (headerRow.every(isEmptyCell)) {
    throw new UserError(`La feuille « ${sheetName} » n’a pas d’en-têtes en ligne 1 : écrivez-les avant de l’adopter.`);
  }
  const proposal = proposeMapping(spec, headerRow);
  const emptyCells = whole ? countEmptyCells(table.slice(1), whole.getFormulas().slice(1), headerRow.length) : null;
  return { ...proposal, sheetName, rows: Math.max(0, sheet.getLastRow() - 1), emptyCells };
}

export interface AdoptionRequest {
  sheetName: string;
  target: string;
  /** The headers the proposal was made on, to refuse if the sheet changed since. */
  headers: string[];
  /** Field key per column, or null to keep it as an extra column. */
  choice: (string | null)[];
  /** `Participants` only: give a `P-AAAA-NNNN` ID to every data row whose ID cell is empty. */
  createIds?: boolean;
}

/**
 * Writes an ID in every empty ID cell of the adopted `Participants` sheet: one read of its rows,
 * one of the ID column's formulas, and (when some are missing) one write of that column, from the
 * first to the last row receiving an ID. Every other cell of the column is written back
 * as it was (a formula as its formula), so no existing ID changes. Inside the document lock.
 */
function fillMissingIds(sheet: Sheet, spec: SheetSpec, plan: AdoptionPlan, width: number, calendar: SheetCalendar): CreatedId[] {
  const lastRow = sheet.getLastRow();
  if (lastRow < 2 || width === 0) return [];
  const columns = mapHeaders(spec, plan.headerRow).columns;
  const id = columns['id'];
  if (id === undefined) return [];
  const rows = sheet.getRange(2, 1, lastRow - 1, width).getValues();
  // A column appended by the adoption holds nothing yet; a team's column may hold formulas, which
  // show '' when they compute nothing and are never replaced.
  const formulas = id < width ? sheet.getRange(2, id + 1, lastRow - 1, 1).getFormulas().map((r) => r[0] ?? '') : [];
  const columnsUsed = { id, entryDate: columns['entryDate'], commissionDate: columns['commissionDate'] };
  const created = planIdFill(rows, formulas, columnsUsed, Number(calendar.today.slice(0, 4)), calendar.timeZone);
  if (created.length === 0) return [];
  const first = created[0]!.index;
  const last = created[created.length - 1]!.index;
  const newIds = new Map(created.map((c) => [c.index, c.id] as const));
  const values = Array.from({ length: last - first + 1 }, (_, i) => {
    const formula = formulas[first + i] ?? '';
    if (formula !== '') return [formula];
    const given = newIds.get(first + i);
    return [given !== undefined ? textCell(given) : keptCell(rows[first + i]?.[id])];
  });
  writeBlock(sheet, first + 2, id + 1, values);
  return created;
}

/**
 * Renames the sheet and its mapped headers, appends the missing columns, then lets « Configurer le
 * classeur » add validation and the other sheets. Only row 1 (and the sheet's name) changes, and,
 * when asked for `Participants`, the empty ID cells: no value below the header moves. Returns the
 * French account of what was done.
 */
export function adoptSheet(ss: Spreadsheet, request: AdoptionRequest, calendar: SheetCalendar): string {
  const target = targetOf(request.target);
  const spec = sheetSpec(target);
  const plan = withDocumentLock(() => {
    const sheet = sheetNamed(ss, request.sheetName);
    const headerRow = readHeaderRow(sheet);
    const current = headerRow.map((cell) => readLabel(cell) ?? '');
    if (current.length !== request.headers.length || current.some((h, i) => h !== (request.headers[i] ?? ''))) {
      throw new UserError('Les en-têtes de la feuille ont changé depuis la proposition : rien n’a été modifié, rouvrez la fenêtre.');
    }
    const planned = planAdoption(spec, headerRow, request.choice);
    let replaced: string | null = null;
    if (sheet.getName() !== target) {
      const other = ss.getSheets().find((s) => s.getSheetId() !== sheet.getSheetId() && findSheetName([s.getName()], target) !== null);
      if (other) {
        if (other.getLastRow() > 1) {
          throw new UserError(
            `Une feuille « ${other.getName()} » contient déjà des données : renommez-la ou fusionnez les deux feuilles avant l’adoption.`,
          );
        }
        replaced = other.getName();
        ss.deleteSheet(other); // only a header row, as « Configurer le classeur » creates it
      }
      sheet.setName(target);
    }
    const row = planned.headerRow.map((header, i) =>
      i < headerRow.length && header === current[i] ? headerRow[i] : textCell(header),
    );
    writeBlock(sheet, 1, 1, [row]);
    const created =
      request.createIds === true && target === SHEET.participants
        ? fillMissingIds(sheet, spec, planned, headerRow.length, calendar)
        : [];
    const detail = `« ${request.sheetName} » adoptée comme « ${target} ». ${adoptionSummary(planned)}${
      replaced ? ` La feuille vide « ${replaced} » a été remplacée.` : ''
    }`;
    return { planned, detail, ids: created.length > 0 ? describeCreatedIds(created) : null };
  });
  // Setup adds validation, formats and the other sheets (the Journal too, on a team's first adoption);
  // the headers are written by then, so the Journal records them even if setup stops half-way.
  let changes: string[] = [];
  try {
    changes = configureWorkbook(ss).changes;
  } finally {
    const entries: JournalEntry[] = [{ action: 'Adoption d’une feuille existante', sheet: target, detail: plan.detail }];
    if (plan.ids !== null) entries.push({ action: 'Création des ID manquants', sheet: target, detail: plan.ids });
    appendJournal(ss, entries);
  }
  const rest = changes.length > 0 ? `\n\nConfiguration : ${changes.join(' ; ')}.` : '';
  return `${plan.detail} Aucune valeur n’a été déplacée.${plan.ids !== null ? ` ${plan.ids}` : ''}${rest}`;
}
