import { type CalendarDay, dayInZone, type TimeZone } from './calendar-day';
import { decodeAttendance } from './codecs/attendance';
import { decodeEvaluations } from './codecs/evaluations';
import { decodeExitReasons } from './codecs/exit-reasons';
import { decodeFunders } from './codecs/funders';
import { barrierLabels, decodeLists, listValues } from './codecs/lists';
import { decodeParameters } from './codecs/parameters';
import { decodeParticipants } from './codecs/participants';
import { decodeSupport } from './codecs/support';
import { decodeWorkshops } from './codecs/workshops';
import { overlongTextIssues } from './cell-limits';
import type { DataIssue } from './data-issue';
import { headerRowNumber } from './header-map';
import type { WorkbookData } from './records';
import { sameKey } from './text';
import { titleRows, WorkbookFormatError } from './workbook-format-error';
import { LISTS_COLUMNS, SHEET, type SheetName, sheetSpec, WORKBOOK_SCHEMA } from './workbook-schema';

/** Each sheet's `getValues()` of its whole data range, header row first. */
export type RawTables = Partial<Record<SheetName, unknown[][]>>;

/**
 * The one sheet Parcours cannot work without (SPEC §1). Every other sheet may be absent (a workbook
 * made before it existed, or a team that does not keep it): it is read as if it were empty, with
 * the default motifs and parameters, and one data issue names it. `Journal` is never read.
 */
export const REQUIRED_SHEETS: readonly SheetName[] = [SHEET.participants];

/** What an absent sheet is read as: its header row, and the default rows of `Motifs de sortie`. */
function standInTable(name: SheetName): unknown[][] {
  const spec = WORKBOOK_SCHEMA.find((s) => s.name === name)!;
  const rows = name === SHEET.exitReasons ? (spec.defaultRows ?? []).map((row) => [...row]) : [];
  return [spec.fields.map((field) => field.header), ...rows];
}

function missingSheetIssue(name: SheetName): DataIssue {
  const defaults =
    name === SHEET.exitReasons
      ? ' ; les motifs par défaut sont utilisés'
      : name === SHEET.parameters
        ? ' ; les paramètres par défaut sont utilisés'
        : '';
  return {
    sheet: name,
    row: 1,
    column: '',
    message: `Feuille « ${name} » absente : elle est lue comme vide${defaults}. Parcours › Configurer le classeur l’ajoute.`,
  };
}


/** The name of the existing sheet that matches `wanted` (case, accents, spaces, punctuation ignored). */
export function findSheetName(existing: readonly string[], wanted: SheetName): string | null {
  return existing.find((name) => name === wanted) ?? existing.find((name) => sameKey(name, wanted)) ?? null;
}

/**
 * Reads every sheet in dependency order (Paramètres, Listes, Ateliers, Financeurs, Motifs →
 * Participants → Présences, Évaluations). Throws WorkbookFormatError when `Participants` or a
 * required column of a sheet that is there is missing; every other problem (an absent optional
 * sheet included) is a data issue, sorted by sheet (tab order) then row.
 */
/** The large sheets (and `Accompagnement`), which a caller that does not need them may leave unread. */
export type SkippableSheet = typeof SHEET.attendance | typeof SHEET.evaluations | typeof SHEET.support;

export interface ReadOptions {
  /** The spreadsheet's zone (Spreadsheet.getSpreadsheetTimeZone, or `--timezone` for an .xlsx). */
  timeZone: TimeZone;
  /** Today in that zone; now by default. */
  today?: CalendarDay;
  /** Sheets not read at all: their records are empty and their issues not reported. */
  skip?: readonly SkippableSheet[];
  /**
   * Headers found below a title (SPEC §1): `read` (reports and checks, which write nothing into
   * the sheet) reads the rows under them and reports the row as a data issue; `refuse` (the
   * default: whoever may write into the sheet) throws a WorkbookFormatError naming the row.
   */
  headersBelowTitle?: 'read' | 'refuse';
}

/**
 * The table with its headers moved to the top when they sit below a title: the title rows become
 * blank (skipped) rows, so every data row keeps its sheet row number.
 */
function withHeadersOnTop(name: SheetName, table: unknown[][], options: ReadOptions, issues: DataIssue[]): unknown[][] {
  const spec = sheetSpec(name);
  const headerRow = headerRowNumber(spec, table);
  if (headerRow === 1) return table;
  if (options.headersBelowTitle !== 'read') throw WorkbookFormatError.headersBelowTitle(name, headerRow);
  issues.push({
    sheet: name,
    row: headerRow,
    column: '',
    message:
      `En-têtes trouvés en ligne ${headerRow}, sous un titre : les données sont lues à partir de la ligne ${headerRow + 1}. ` +
      `Parcours les attend en ligne 1 : supprimez ${titleRows(headerRow)} avant de configurer le classeur ou de saisir par un formulaire.`,
  });
  const moved = table.slice();
  moved[0] = table[headerRow - 1]!;
  for (let i = 1; i < headerRow; i += 1) moved[i] = [];
  return moved;
}

export function readWorkbook(tables: RawTables, options: ReadOptions): WorkbookData {
  const { timeZone } = options;
  const skipped = new Set<SheetName>(options.skip ?? []);
  const keys = Object.keys(tables);
  const layoutIssues: DataIssue[] = [];
  const placed = new Map<SheetName, unknown[][] | undefined>();
  const tableOf = (name: SheetName): unknown[][] | undefined => {
    if (placed.has(name)) return placed.get(name);
    const key = findSheetName(keys, name);
    const table = key === null ? undefined : (tables as Record<string, unknown[][] | undefined>)[key];
    const onTop = table === undefined ? undefined : withHeadersOnTop(name, table, options, layoutIssues);
    placed.set(name, onTop);
    return onTop;
  };
  for (const name of REQUIRED_SHEETS) {
    if (tableOf(name) === undefined) throw WorkbookFormatError.missingSheet(name);
  }
  const missing: DataIssue[] = [];
  const required = (name: SheetName): unknown[][] => {
    const table = tableOf(name);
    if (table !== undefined) return table;
    missing.push(missingSheetIssue(name));
    return standInTable(name);
  };

  const parameters = decodeParameters(required(SHEET.parameters), timeZone);
  if (tableOf(SHEET.lists) === undefined) missing.push(missingSheetIssue(SHEET.lists));
  const lists = decodeLists(tableOf(SHEET.lists), timeZone);
  const workshops = decodeWorkshops(required(SHEET.workshops), timeZone);
  const funders = decodeFunders(required(SHEET.funders), timeZone);
  const exitReasons = decodeExitReasons(required(SHEET.exitReasons), timeZone);
  const participants = decodeParticipants(required(SHEET.participants), {
    parameters: parameters.records,
    prescribers: listValues(lists.records, LISTS_COLUMNS.prescriber),
    workshops: workshops.records,
    funders: funders.records,
    exitReasons: exitReasons.records,
    today: options.today ?? dayInZone(new Date(), timeZone),
    timeZone,
  });
  const attendance = skipped.has(SHEET.attendance)
    ? { records: [], issues: [] }
    : decodeAttendance(required(SHEET.attendance), {
        parcours: participants.records,
        workshops: workshops.records,
        unreadableParcours: participants.unreadableRows,
        timeZone,
      });
  const evaluations = skipped.has(SHEET.evaluations)
    ? { records: [], issues: [] }
    : decodeEvaluations(required(SHEET.evaluations), {
        parcours: participants.records,
        objectives: listValues(lists.records, LISTS_COLUMNS.objective),
        timeZone,
        unreadableParcours: participants.unreadableRows,
      });
  const support = skipped.has(SHEET.support)
    ? { records: [], issues: [] }
    : decodeSupport(required(SHEET.support), {
        parcours: participants.records,
        unreadableParcours: participants.unreadableRows,
        barriers: barrierLabels(lists.records),
        today: options.today ?? dayInZone(new Date(), timeZone),
        timeZone,
      });

  return {
    parcours: participants.records,
    workshops: workshops.records,
    attendance: attendance.records,
    evaluations: evaluations.records,
    support: support.records,
    funders: funders.records,
    exitReasons: exitReasons.records,
    parameters: parameters.records,
    lists: lists.records,
    issues: sortIssues([
      ...layoutIssues,
      ...missing,
      ...parameters.issues,
      ...lists.issues,
      ...workshops.issues,
      ...funders.issues,
      ...exitReasons.issues,
      ...participants.issues,
      ...attendance.issues,
      ...evaluations.issues,
      ...support.issues,
      ...keys.flatMap((key) => overlongTextIssues(key, (tables as Record<string, unknown[][]>)[key] ?? [])),
    ]),
  };
}

const SHEET_ORDER = new Map<string, number>(WORKBOOK_SCHEMA.map((s, i) => [s.name, i]));

function sortIssues(issues: DataIssue[]): DataIssue[] {
  // Array.prototype.sort is stable: issues of one row keep their column order.
  return issues.sort((a, b) => (SHEET_ORDER.get(a.sheet) ?? 99) - (SHEET_ORDER.get(b.sheet) ?? 99) || a.row - b.row);
}
