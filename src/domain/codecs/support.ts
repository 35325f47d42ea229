import * as z from 'zod';
import { type CalendarDay, formatDayFr, minDay, type TimeZone } from '../calendar-day';
import { readDate, readListValue, readNumber } from '../cell-values';
import type { DataIssue } from '../data-issue';
import { mapHeaders } from '../header-map';
import {
  BARRIER_STATES,
  type BarrierState,
  type Parcours,
  SUPPORT_ACTIONS,
  type SupportAction,
  type SupportActionType,
} from '../records';
import { findLabel, joinOr, normalizeId } from '../text';
import { WorkbookFormatError } from '../workbook-format-error';
import { SHEET, sheetSpec } from '../workbook-schema';
import { calendarDaySchema } from './calendar-day-schema';
import { parcoursOfRow, type UnreadableParcours } from './parcours-reference';
import { RowReader } from './row-reader';
import { type Decoded, forEachDataRow } from './sheet-rows';

/** SPEC §1.7: hours of one action (a training, an immersion) are above 0 and at most 400. */
export const MAX_SUPPORT_HOURS = 400;

export const supportActionSchema: z.ZodType<SupportAction> = z.object({
  row: z.number().int(),
  date: calendarDaySchema,
  id: z.string().min(1),
  action: z.enum(SUPPORT_ACTIONS),
  barrier: z.string().min(1).nullable(),
  barrierState: z.enum(BARRIER_STATES).nullable(),
  hours: z.number().gt(0).max(MAX_SUPPORT_HOURS).nullable(),
  partner: z.string().nullable(),
  comment: z.string().nullable(),
});

export interface SupportContext {
  /** The spreadsheet's zone: a date cell is read as its day there. */
  timeZone: TimeZone;
  /** Readable parcours only. */
  parcours: readonly Parcours[];
  /** IDs on unreadable `Participants` rows: their support rows point to that row (grouped under it). */
  unreadableParcours?: UnreadableParcours;
  /** The `Listes` Frein column (the defaults when the team has none). */
  barriers: readonly string[];
  /** Today in the spreadsheet's zone: the end of a parcours still running. */
  today: CalendarDay;
}

/**
 * The days a support row may fall on (SPEC §1.7): from the commission (or the entry, whichever
 * comes first: support often starts before the contract) to the exit, or today while it runs.
 * Null for a candidate without a commission date: nothing can be recorded yet.
 */
type Dated = Pick<Parcours, 'id' | 'commissionDate' | 'entryDate' | 'exitDate'>;

export function supportWindow(p: Dated, today: CalendarDay): { start: CalendarDay; end: CalendarDay } | null {
  const starts = [p.commissionDate, p.entryDate].filter((d): d is CalendarDay => d !== null);
  if (starts.length === 0) return null;
  const start = starts.reduce(minDay);
  return { start, end: p.exitDate ?? today };
}

/** Null when the day lies in the window; else what to correct, naming only dates and the ID. */
export function outsideSupportWindowMessage(day: CalendarDay, p: Dated, today: CalendarDay): string | null {
  const window = supportWindow(p, today);
  if (window === null) return `${p.id} n’a ni date de commission ni date d’entrée : rien ne peut encore être daté dans son parcours.`;
  if (day < window.start) {
    return `Date du ${formatDayFr(day)} avant le début du parcours de ${p.id} (${formatDayFr(window.start)}) : vérifiez la date ou l’ID.`;
  }
  if (day > window.end) {
    return p.exitDate !== null
      ? `Date du ${formatDayFr(day)} après la sortie de ${p.id} (${formatDayFr(p.exitDate)}) : vérifiez la date ou l’ID.`
      : `Date du ${formatDayFr(day)} dans le futur : une action s’enregistre une fois faite.`;
  }
  return null;
}

// Messages name the column and what to write, never the text typed (it may hold a name or a
// diagnosis): the row number and the ID say where to look.
const UNREADABLE_DATE = 'Date illisible : écrivez la date de l’action jj/mm/aaaa.';
const MISSING_DATE = 'Date manquante : écrivez la date de l’action jj/mm/aaaa.';
const MISSING_ID = 'ID manquant : écrivez l’ID du parcours (colonne ID de la feuille « Participants »).';
const MISSING_ACTION = `Action manquante : choisissez ${joinOr(SUPPORT_ACTIONS)}.`;
const UNKNOWN_ACTION = `Action non répertoriée : choisissez ${joinOr(SUPPORT_ACTIONS)}.`;
const UNKNOWN_BARRIER = 'Frein non répertorié : choisissez un frein de la colonne « Frein » de la feuille « Listes » (ou ajoutez-le à cette liste).';
const UNKNOWN_STATE = `État du frein illisible : choisissez ${joinOr(BARRIER_STATES)}.`;
const MISSING_STATE = `État du frein manquant : choisissez ${joinOr(BARRIER_STATES)} (obligatoire quand un frein est indiqué).`;
const STATE_WITHOUT_BARRIER = 'État du frein sans frein : choisissez le frein concerné, ou videz l’état.';
const UNREADABLE_HOURS = 'Heures illisibles : écrivez un nombre, par exemple 3,5.';
const HOURS_RANGE = `Heures hors limites : écrivez un nombre supérieur à 0 et au plus ${MAX_SUPPORT_HOURS}, ou laissez vide.`;

/**
 * `Accompagnement` (SPEC §1.7). A row is left out (one data issue each) when its date, ID or
 * action cannot be read, when its barrier or state cannot be read, when its hours are out of
 * range, or when it is dated outside its parcours. Only Date, ID and Action are indispensable
 * headers; a missing optional column reads as empty (« Configurer le classeur » adds it).
 */
export function decodeSupport(table: readonly (readonly unknown[])[] | undefined, context: SupportContext): Decoded<SupportAction[]> {
  const records: SupportAction[] = [];
  const issues: DataIssue[] = [];
  if (table === undefined || table.length === 0) return { records, issues };
  const spec = sheetSpec(SHEET.support);
  const map = mapHeaders(spec, table[0] ?? []);
  const missingRequired = map.missing.find((field) => field.required);
  if (missingRequired) throw WorkbookFormatError.missingColumn(spec.name, missingRequired.header);
  const parcoursById = new Map(context.parcours.map((p) => [normalizeId(p.id), p]));
  const reader = new RowReader(spec, map, issues, context.timeZone);

  forEachDataRow(table, (row, cells) => {
    const r = reader.at(row, cells);
    const dateRead = readDate(r.raw('date'), context.timeZone);
    const date = dateRead.ok ? dateRead.value : null;
    if (!dateRead.ok) r.issue('date', UNREADABLE_DATE, true);
    else if (date === null) r.issue('date', MISSING_DATE, true);

    const typedId = r.text('id');
    if (typedId === null) r.issue('id', MISSING_ID, true);
    const parcours = parcoursOfRow(r, typedId, parcoursById, context.unreadableParcours);

    const actionRead = readListValue(r.raw('action'), SUPPORT_ACTIONS, context.timeZone);
    const action = actionRead.ok ? (actionRead.value as SupportActionType | null) : null;
    if (!actionRead.ok) r.issue('action', UNKNOWN_ACTION, true);
    else if (action === null) r.issue('action', MISSING_ACTION, true);

    const typedBarrier = r.text('barrier');
    const barrier = typedBarrier === null ? null : findLabel(typedBarrier, context.barriers);
    if (typedBarrier !== null && barrier === null) r.issue('barrier', UNKNOWN_BARRIER, true);
    const stateRead = readListValue(r.raw('barrierState'), BARRIER_STATES, context.timeZone);
    const barrierState = stateRead.ok ? (stateRead.value as BarrierState | null) : null;
    if (!stateRead.ok) r.issue('barrierState', UNKNOWN_STATE, true);
    else if (typedBarrier !== null && barrierState === null) r.issue('barrierState', MISSING_STATE, true);
    else if (typedBarrier === null && barrierState !== null) r.issue('barrierState', STATE_WITHOUT_BARRIER, true);

    const hoursRead = readNumber(r.raw('hours'), context.timeZone);
    const hours = hoursRead.ok ? hoursRead.value : null;
    if (!hoursRead.ok) r.issue('hours', UNREADABLE_HOURS, true);
    else if (hours !== null && !(hours > 0 && hours <= MAX_SUPPORT_HOURS)) r.issue('hours', HOURS_RANGE, true);

    if (date !== null && parcours !== undefined) {
      const outside = outsideSupportWindowMessage(date, parcours, context.today);
      if (outside !== null) r.issue('date', outside, true);
    }
    if (r.rejected || date === null || parcours === undefined || action === null) return;
    records.push({
      row: r.row,
      date,
      id: parcours.id,
      action,
      barrier,
      barrierState,
      hours,
      partner: r.text('partner'),
      comment: r.text('comment'),
    });
  });
  return { records, issues };
}
