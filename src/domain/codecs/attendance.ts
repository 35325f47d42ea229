import * as z from 'zod';
import { type CalendarDay, formatDayFr, type TimeZone } from '../calendar-day';
import type { DataIssue } from '../data-issue';
import { requireHeaders } from '../header-map';
import { type Attendance, type Parcours, PRESENCE_STATUSES, type PresenceStatus, type Workshop } from '../records';
import { findLabel, formatNumberFr, joinOr, normalizeId } from '../text';
import { sheetSpec } from '../workbook-schema';
import { calendarDaySchema } from './calendar-day-schema';
import { outsideParcoursMessage } from './parcours-range';
import { parcoursOfRow, type UnreadableParcours } from './parcours-reference';
import { RowReader } from './row-reader';
import { type Decoded, forEachDataRow } from './sheet-rows';

export const MAX_ATTENDANCE_HOURS = 12;

export const attendanceSchema: z.ZodType<Attendance> = z.object({
  row: z.number().int(),
  date: calendarDaySchema,
  workshop: z.string().min(1),
  id: z.string().min(1),
  status: z.enum(PRESENCE_STATUSES),
  hours: z.number().min(0).max(MAX_ATTENDANCE_HOURS),
  comment: z.string().nullable(),
});

export interface AttendanceContext {
  /** The spreadsheet's zone: a date cell is read as its day there. */
  timeZone: TimeZone;
  /** IDs whose Participants row is unreadable: their rows point to it (see parcours-reference.ts). */
  unreadableParcours?: UnreadableParcours;
  /** Readable parcours only: a row of an unreadable one is left out. */
  parcours: readonly Parcours[];
  workshops: readonly Workshop[];
}

const MISSING_STATUS = { missing: `Présence manquante : choisissez ${joinOr(PRESENCE_STATUSES)}.` };
const isPresent = (status: PresenceStatus): boolean => status === 'Présent' || status === 'Retard';

export function decodeAttendance(table: readonly (readonly unknown[])[], context: AttendanceContext): Decoded<Attendance[]> {
  const spec = sheetSpec('Présences');
  const map = requireHeaders(spec, table[0] ?? []);
  const records: Attendance[] = [];
  const issues: DataIssue[] = [];
  const parcoursById = new Map(context.parcours.map((p) => [normalizeId(p.id), p]));
  const workshopNames = context.workshops.map((w) => w.name);
  // The first workshop of each name, and each name's first index (part of a session's key).
  const workshopByName = new Map<string, Workshop>();
  const workshopIndex = new Map<string, number>();
  context.workshops.forEach((w, i) => {
    if (!workshopByName.has(w.name)) workshopByName.set(w.name, w);
    if (!workshopIndex.has(w.name)) workshopIndex.set(w.name, i);
  });
  // First row of each (day, workshop, parcours), by session (a number per day and workshop, no
  // key string per row) then parcours: rows typed session by session stay within a small map.
  const firstRowsOfSession = new Map<number, Map<Parcours, number>>();
  const reader = new RowReader(spec, map, issues, context.timeZone);

  forEachDataRow(table, (row, cells) => {
    const r = reader.at(row, cells);
    const date = r.date('date', 'Date manquante : écrivez la date de la séance jj/mm/aaaa.');

    const typedWorkshop = r.requiredText('workshop', 'Atelier manquant : choisissez l’atelier de la séance.');
    const workshopName = typedWorkshop === null ? null : findLabel(typedWorkshop, workshopNames);
    if (typedWorkshop !== null && workshopName === null) {
      r.issue('workshop', 'Atelier absent de la feuille « Ateliers » : choisissez un atelier de la liste.', true);
    }
    const workshop = (workshopName === null ? undefined : workshopByName.get(workshopName)) ?? null;

    const typedId = r.requiredText('id', 'ID manquant : écrivez l’ID du parcours (colonne ID de la feuille « Participants »).');
    const parcours = parcoursOfRow(r, typedId, parcoursById, context.unreadableParcours);

    const status = r.list('status', PRESENCE_STATUSES, MISSING_STATUS) as PresenceStatus | null;

    let hours = r.number('hours', true);
    if (status !== null && !r.rejected) {
      if (isPresent(status)) {
        if (hours === null) {
          hours = workshop?.sessionHours ?? null;
          if (hours === null) {
            r.issue('hours', `Heures manquantes : écrivez la durée de la séance (l’atelier « ${workshop?.name ?? ''} » n’a pas de durée de séance dans la feuille « Ateliers »).`, true);
          }
        } else if (!(hours > 0 && hours <= MAX_ATTENDANCE_HOURS)) {
          r.issue('hours', `${formatNumberFr(hours)} h pour une présence : écrivez un nombre d’heures supérieur à 0 et au plus ${MAX_ATTENDANCE_HOURS}.`, true);
        }
      } else if (hours !== null && hours !== 0) {
        r.issue('hours', `${formatNumberFr(hours)} h pour une absence : laissez Heures vide ou écrivez 0.`, true);
      } else {
        hours = 0;
      }
    }

    if (date !== null && parcours !== undefined) {
      const outside = outsideParcoursMessage('Cette présence', date, parcours);
      if (outside !== null) r.issue('date', outside, true);
    }

    if (r.rejected || date === null || workshopName === null || parcours === undefined || status === null || hours === null) {
      return;
    }
    const session = dayNumber(date) * workshopNames.length + workshopIndex.get(workshopName)!;
    let firstRows = firstRowsOfSession.get(session);
    if (firstRows === undefined) {
      firstRows = new Map<Parcours, number>();
      firstRowsOfSession.set(session, firstRows);
    }
    const first = firstRows.get(parcours);
    if (first !== undefined) {
      r.issue('', `Présence du ${formatDayFr(date)} à l’atelier « ${workshopName} » déjà saisie ligne ${first} pour ${parcours.id} : seule la première ligne compte, supprimez le doublon.`, true);
      return;
    }
    firstRows.set(parcours, r.row);
    records.push({ row: r.row, date, workshop: workshopName, id: parcours.id, status, hours, comment: r.text('comment') });
  });
  return { records, issues };
}

/** `2026-03-05` → 20260305: distinct days give distinct numbers. */
function dayNumber(day: CalendarDay): number {
  return (
    ((day.charCodeAt(0) - 48) * 1000 + (day.charCodeAt(1) - 48) * 100 + (day.charCodeAt(2) - 48) * 10 + (day.charCodeAt(3) - 48)) * 10_000 +
    ((day.charCodeAt(5) - 48) * 10 + (day.charCodeAt(6) - 48)) * 100 +
    (day.charCodeAt(8) - 48) * 10 +
    (day.charCodeAt(9) - 48)
  );
}
