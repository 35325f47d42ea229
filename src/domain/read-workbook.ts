import { type CalendarDay, parisDayOf } from './calendar-day';
import { decodeAttendance } from './codecs/attendance';
import { decodeEvaluations } from './codecs/evaluations';
import { decodeExitReasons } from './codecs/exit-reasons';
import { decodeFunders } from './codecs/funders';
import { decodeLists, listValues } from './codecs/lists';
import { decodeParameters } from './codecs/parameters';
import { decodeParticipants } from './codecs/participants';
import { decodeWorkshops } from './codecs/workshops';
import type { DataIssue } from './data-issue';
import type { WorkbookData } from './records';
import { sameKey } from './text';
import { WorkbookFormatError } from './workbook-format-error';
import { LISTS_COLUMNS, SHEET, type SheetName, WORKBOOK_SCHEMA } from './workbook-schema';

/** Each sheet's `getValues()` of its whole data range, header row first. */
export type RawTables = Partial<Record<SheetName, unknown[][]>>;

/** Sheets Parcours cannot work without (`Listes` is optional, `Journal` is never read). */
export const REQUIRED_SHEETS: readonly SheetName[] = WORKBOOK_SCHEMA.map((s) => s.name).filter(
  (name) => name !== SHEET.journal && name !== SHEET.lists,
);

/** The name of the existing sheet that matches `wanted` (case, accents, spaces, punctuation ignored). */
export function findSheetName(existing: readonly string[], wanted: SheetName): string | null {
  return existing.find((name) => name === wanted) ?? existing.find((name) => sameKey(name, wanted)) ?? null;
}

/**
 * Reads every sheet in dependency order (Paramètres, Listes, Ateliers, Financeurs, Motifs →
 * Participants → Présences, Évaluations). Throws WorkbookFormatError for a missing sheet or
 * column; every other problem is a data issue, sorted by sheet (tab order) then row.
 */
/** The two large sheets, which a caller that does not need them may leave unread. */
export type SkippableSheet = typeof SHEET.attendance | typeof SHEET.evaluations;

export interface ReadOptions {
  today?: CalendarDay;
  /** Sheets not read at all: their records are empty and their issues not reported. */
  skip?: readonly SkippableSheet[];
}

export function readWorkbook(tables: RawTables, options: ReadOptions = {}): WorkbookData {
  const skipped = new Set<SheetName>(options.skip ?? []);
  const keys = Object.keys(tables);
  const tableOf = (name: SheetName): unknown[][] | undefined => {
    const key = findSheetName(keys, name);
    return key === null ? undefined : (tables as Record<string, unknown[][] | undefined>)[key];
  };
  for (const name of REQUIRED_SHEETS) {
    if (!skipped.has(name) && tableOf(name) === undefined) throw WorkbookFormatError.missingSheet(name);
  }
  const required = (name: SheetName): unknown[][] => tableOf(name)!;

  const parameters = decodeParameters(required(SHEET.parameters));
  const lists = decodeLists(tableOf(SHEET.lists));
  const workshops = decodeWorkshops(required(SHEET.workshops));
  const funders = decodeFunders(required(SHEET.funders));
  const exitReasons = decodeExitReasons(required(SHEET.exitReasons));
  const participants = decodeParticipants(required(SHEET.participants), {
    parameters: parameters.records,
    prescribers: listValues(lists.records, LISTS_COLUMNS.prescriber),
    workshops: workshops.records,
    funders: funders.records,
    exitReasons: exitReasons.records,
    today: options.today ?? parisDayOf(new Date()),
  });
  const attendance = skipped.has(SHEET.attendance)
    ? { records: [], issues: [] }
    : decodeAttendance(required(SHEET.attendance), { parcours: participants.records, workshops: workshops.records });
  const evaluations = skipped.has(SHEET.evaluations)
    ? { records: [], issues: [] }
    : decodeEvaluations(required(SHEET.evaluations), {
        parcours: participants.records,
        objectives: listValues(lists.records, LISTS_COLUMNS.objective),
      });

  return {
    parcours: participants.records,
    workshops: workshops.records,
    attendance: attendance.records,
    evaluations: evaluations.records,
    funders: funders.records,
    exitReasons: exitReasons.records,
    parameters: parameters.records,
    lists: lists.records,
    issues: sortIssues([
      ...parameters.issues,
      ...lists.issues,
      ...workshops.issues,
      ...funders.issues,
      ...exitReasons.issues,
      ...participants.issues,
      ...attendance.issues,
      ...evaluations.issues,
    ]),
  };
}

const SHEET_ORDER = new Map<string, number>(WORKBOOK_SCHEMA.map((s, i) => [s.name, i]));

function sortIssues(issues: DataIssue[]): DataIssue[] {
  // Array.prototype.sort is stable: issues of one row keep their column order.
  return issues.sort((a, b) => (SHEET_ORDER.get(a.sheet) ?? 99) - (SHEET_ORDER.get(b.sheet) ?? 99) || a.row - b.row);
}
