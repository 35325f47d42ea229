import type { SheetCalendar } from '../spreadsheet-calendar';
import { buildParcoursFiche } from '../../domain/fiche/parcours-fiche';
import { normalizeId } from '../../domain/text';
import { UserError } from '../../domain/user-error';
import { freeSheetName } from '../../followup/data-check-rows';
import { withDocumentLock } from '../document-lock';
import { GENERATED_SHEET_KEY, markGenerated } from '../generated-sheet-marker';
import { appendJournal, currentUserEmail } from '../journal';
import { writeFormattedBlock } from '../formatted-block';
import { loadWorkbookData } from '../workbook-tables';
import { FICHE_COLUMN_WIDTHS, FICHE_WIDTH, layoutFiche } from './fiche-layout';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The developer metadata value of the fiche of one parcours: `fiche P-2026-0012`. */
export function ficheMarker(id: string): string {
  return `fiche ${normalizeId(id)}`;
}

/** Every sheet marked as the fiche of `id` (one, unless a person copied it with its metadata). */
export function ficheSheetsOf(ss: Spreadsheet, id: string): Sheet[] {
  const marked = ss.createDeveloperMetadataFinder().withKey(GENERATED_SHEET_KEY).withValue(ficheMarker(id)).find();
  const sheets = marked.map((m) => m.getLocation().getSheet()).filter((s): s is Sheet => s !== null);
  return sheets.filter((s, i) => sheets.findIndex((o) => o.getSheetId() === s.getSheetId()) === i);
}

/**
 * Deletes the fiches of the parcours `ids` (the anonymisation of those parcours): found with one
 * developer-metadata search, whatever their number. Returns how many sheets were deleted.
 */
export function deleteFichesOf(ss: Spreadsheet, ids: readonly string[]): number {
  if (ids.length === 0) return 0;
  const wanted = new Set(ids.map(ficheMarker));
  const marked = ss.createDeveloperMetadataFinder().withKey(GENERATED_SHEET_KEY).find();
  const doomed = new Map<number, Sheet>();
  for (const m of marked) {
    const sheet = m.getLocation().getSheet();
    if (sheet !== null && wanted.has(m.getValue() ?? '')) doomed.set(sheet.getSheetId(), sheet);
  }
  for (const sheet of doomed.values()) ss.deleteSheet(sheet);
  return doomed.size;
}

export interface WrittenFiche {
  id: string;
  sheetName: string;
  replaced: boolean;
}

/**
 * « Fiche de parcours… » and `parcours fiche`: reads the workbook once (one getValues per source
 * sheet), then, under the document lock, deletes the fiche Parcours generated before for this
 * parcours (found by its developer metadata, never by name) and writes the new one with one
 * setValues and a fixed set of formatting calls, whatever the parcours' length. A sheet a person
 * named `Fiche P-…` is left alone: the fiche takes another name.
 */
export function writeParcoursFiche(ss: Spreadsheet, id: string, calendar: SheetCalendar, generatedAt: string): WrittenFiche {
  const { today } = calendar;
  const wanted = typeof id === 'string' ? id.trim() : '';
  if (wanted === '') throw new UserError('Choisissez un participant.');
  const data = loadWorkbookData(ss, calendar);
  const fiche = buildParcoursFiche(data, wanted, today);
  if (fiche === null) {
    throw new UserError('Parcours introuvable : aucun parcours lisible de la feuille « Participants » n’a cet ID.');
  }
  const layout = layoutFiche(fiche, {
    structure: data.parameters.structureName,
    generatedLine: `établie le ${generatedAt} par ${currentUserEmail()}`,
    timeZone: calendar.timeZone,
  });
  const parcoursId = fiche.parcours.id;
  return withDocumentLock(() => {
    const previous = ficheSheetsOf(ss, parcoursId);
    for (const sheet of previous) ss.deleteSheet(sheet);
    const name = freeSheetName(`Fiche ${parcoursId}`, ss.getSheets().map((s) => s.getName()));
    const sheet = ss.insertSheet(name, ss.getNumSheets());
    markGenerated(sheet, ficheMarker(parcoursId));
    writeFormattedBlock(sheet, layout, FICHE_WIDTH).setWrap(true);
    // One merge per title, notice and section row: their number does not grow with the parcours.
    for (const row of layout.fullWidthRows) sheet.getRange(row, 1, 1, FICHE_WIDTH).merge();
    sheet.getRange(1, 1).setFontSize(14);
    for (const [i, width] of FICHE_COLUMN_WIDTHS.entries()) sheet.setColumnWidth(i + 1, width);
    appendJournal(ss, [{ action: 'Fiche de parcours', sheet: name, id: parcoursId, detail: 'Fiche nominative générée' }]);
    sheet.activate();
    return { id: parcoursId, sheetName: name, replaced: previous.length > 0 };
  });
}
