import { textCell } from '../../domain/cell-output';
import { readText } from '../../domain/cell-values';
import { findSheetName } from '../../domain/read-workbook';
import { UserError } from '../../domain/user-error';
import { type SheetName, sheetSpec } from '../../domain/workbook-schema';
import { ADOPTABLE_SHEETS, adoptionSummary, type MappingProposal, planAdoption, proposeMapping } from '../../followup/header-mapping';
import { withDocumentLock } from '../document-lock';
import { appendJournal } from '../journal';
import { configureWorkbook } from '../setup-workbook';
import { readHeaderRow, writeBlock } from '../table-io';

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
    const suggested = ADOPTABLE_SHEETS.find((target) => findSheetName([name], target) !== null) ?? null;
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
}

export function proposeAdoption(ss: Spreadsheet, sheetName: string, target: string): AdoptionProposal {
  const sheet = sheetNamed(ss, sheetName);
  const headerRow = readHeaderRow(sheet);
  if (headerRow.every((cell) => readText(cell) === null)) {
    throw new UserError(`La feuille « ${sheetName} » n’a pas d’en-têtes en ligne 1 : écrivez-les avant de l’adopter.`);
  }
  const proposal = proposeMapping(sheetSpec(targetOf(target)), headerRow);
  return { ...proposal, sheetName, rows: Math.max(0, sheet.getLastRow() - 1) };
}

export interface AdoptionRequest {
  sheetName: string;
  target: string;
  /** The headers the proposal was made on, to refuse if the sheet changed since. */
  headers: string[];
  /** Field key per column, or null to keep it as an extra column. */
  choice: (string | null)[];
}

/**
 * Renames the sheet and its mapped headers, appends the missing columns, then lets « Configurer le
 * classeur » add validation and the other sheets. Only row 1 (and the sheet's name) changes: no
 * value below the header moves. Returns the French account of what was done.
 */
export function adoptSheet(ss: Spreadsheet, request: AdoptionRequest): string {
  const target = targetOf(request.target);
  const spec = sheetSpec(target);
  const plan = withDocumentLock(() => {
    const sheet = sheetNamed(ss, request.sheetName);
    const headerRow = readHeaderRow(sheet);
    const current = headerRow.map((cell) => readText(cell) ?? '');
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
    const detail = `« ${request.sheetName} » adoptée comme « ${target} ». ${adoptionSummary(planned)}${
      replaced ? ` La feuille vide « ${replaced} » a été remplacée.` : ''
    }`;
    return { planned, detail };
  });
  // Setup adds validation, formats and the other sheets (the Journal too, on a team's first adoption);
  // the headers are written by then, so the Journal records them even if setup stops half-way.
  let changes: string[] = [];
  try {
    changes = configureWorkbook(ss).changes;
  } finally {
    appendJournal(ss, [{ action: 'Adoption d’une feuille existante', sheet: target, detail: plan.detail }]);
  }
  const rest = changes.length > 0 ? `\n\nConfiguration : ${changes.join(' ; ')}.` : '';
  return `${plan.detail} Aucune valeur n’a été déplacée.${rest}`;
}
