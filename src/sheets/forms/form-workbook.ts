import { decodeLists } from '../../domain/codecs/lists';
import { type RawTables, readWorkbook, type SkippableSheet } from '../../domain/read-workbook';
import type { WorkbookData } from '../../domain/records';
import { WorkbookFormatError } from '../../domain/workbook-format-error';
import { LISTS_COLUMNS, SHEET, type SheetName } from '../../domain/workbook-schema';
import { barrierLabels, listValues, listValuesOf } from '../../domain/codecs/lists';
import type { FormContext } from '../../forms/form-context';
import { parcoursStatus } from '../../domain/parcours-status';
import { type SheetFinder, sheetFinder } from '../sheet-lookup';
import type { SheetCalendar } from '../spreadsheet-calendar';
import { readRawTables } from '../workbook-tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The workbook as a form sees it: typed data, the raw tables it came from (to write rows back), the sheets. */
export interface FormWorkbook {
  /** The spreadsheet's zone and today there: every date read and written. */
  calendar: SheetCalendar;
  raw: RawTables;
  data: WorkbookData;
  context: FormContext;
  find: SheetFinder;
}

const LARGE_SHEETS: readonly SkippableSheet[] = [SHEET.attendance, SHEET.evaluations, SHEET.support];

/**
 * Reads the source sheets a form needs once (one getValues each): the small ones always, and of
 * the two large ones (Présences, Évaluations: most of a workbook's cells) only those in `needs`.
 * Throws WorkbookFormatError for a missing sheet or column.
 */
export function readFormWorkbook(ss: Spreadsheet, calendar: SheetCalendar, needs: readonly SkippableSheet[] = []): FormWorkbook {
  const skip = LARGE_SHEETS.filter((name) => !needs.includes(name));
  const raw = readRawTables(ss, skip);
  const data = readWorkbook(raw, { ...calendar, skip });
  return { calendar, raw, data, context: formContextOf(data, raw, calendar), find: sheetFinder(ss) };
}

export function formContextOf(data: WorkbookData, raw: RawTables, calendar: SheetCalendar): FormContext {
  const { today } = calendar;
  const catalogue = decodeLists(raw[SHEET.lists], calendar.timeZone).objectives;
  return {
    today,
    minimumWeeklyHours: data.parameters.minimumWeeklyHours,
    trialMonths: data.parameters.trialMonths,
    contractMonths: data.parameters.contractMonths,
    prescribers: listValues(data.lists, LISTS_COLUMNS.prescriber),
    workshops: data.workshops.map((w) => ({ name: w.name, sessionHours: w.sessionHours, active: w.active !== false })),
    funders: data.funders.map((f) => ({ code: f.code, name: f.name })),
    exitReasons: data.exitReasons.map((r) =>
      r.sheetLabel === undefined
        ? { motif: r.motif, category: r.category }
        : { motif: r.motif, category: r.category, sheetLabel: r.sheetLabel },
    ),
    objectives: catalogue.map((o) => ({ objective: o.objective, domain: o.domain })),
    barriers: barrierLabels(data.lists),
    partners: listValuesOf(data.lists, 'partner'),
    parcours: data.parcours.map((p) => ({
      id: p.id,
      lastName: p.lastName,
      firstName: p.firstName,
      birthDate: p.birthDate,
      workshop: p.workshop,
      commissionDate: p.commissionDate,
      entryDate: p.entryDate,
      trialEnd: p.trialEnd,
      contractEnd: p.contractEnd,
      exitDate: p.exitDate,
      exitReason: p.exitReason,
      status: parcoursStatus(p, today),
    })),
  };
}

/**
 * A sheet a form writes to. An absent optional sheet (SPEC §1) is read as empty, but a form cannot
 * write into it: the refusal says to run « Configurer le classeur », before any write.
 */
export function sheetToWrite(wb: FormWorkbook, name: SheetName): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = wb.find(name);
  if (!sheet) throw WorkbookFormatError.missingSheet(name);
  return sheet;
}
