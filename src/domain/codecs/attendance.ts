import * as z from 'zod';
import { formatDayFr } from '../calendar-day';
import type { DataIssue } from '../data-issue';
import { requireHeaders } from '../header-map';
import { type Attendance, type Parcours, PRESENCE_STATUSES, type PresenceStatus, type Workshop } from '../records';
import { findLabel, formatNumberFr, joinOr, normalizeId } from '../text';
import { sheetSpec } from '../workbook-schema';
import { calendarDaySchema } from './calendar-day-schema';
import { outsideParcoursMessage } from './parcours-range';
import { RowReader } from './row-reader';
import { type Decoded, dataRows } from './sheet-rows';

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
  /** Readable parcours only: a row of an unreadable one is left out. */
  parcours: readonly Parcours[];
  workshops: readonly Workshop[];
}

const MISSING_STATUS = `Présence manquante : choisissez ${joinOr(PRESENCE_STATUSES)}.`;
const isPresent = (status: PresenceStatus): boolean => status === 'Présent' || status === 'Retard';

export function decodeAttendance(table: readonly (readonly unknown[])[], context: AttendanceContext): Decoded<Attendance[]> {
  const spec = sheetSpec('Présences');
  const map = requireHeaders(spec, table[0] ?? []);
  const records: Attendance[] = [];
  const issues: DataIssue[] = [];
  const parcoursById = new Map(context.parcours.map((p) => [normalizeId(p.id), p]));
  const workshopNames = context.workshops.map((w) => w.name);
  const firstRowOfKey = new Map<string, number>();

  for (const sheetRow of dataRows(table)) {
    const r = new RowReader(spec, map, sheetRow, issues);
    const date = r.date('date', 'Date manquante : écrivez la date de la séance jj/mm/aaaa.');

    const typedWorkshop = r.requiredText('workshop', 'Atelier manquant : choisissez l’atelier de la séance.');
    const workshopName = typedWorkshop === null ? null : findLabel(typedWorkshop, workshopNames);
    if (typedWorkshop !== null && workshopName === null) {
      r.issue('workshop', `Atelier inconnu « ${typedWorkshop} » : choisissez un atelier de la feuille « Ateliers ».`, true);
    }
    const workshop = context.workshops.find((w) => w.name === workshopName) ?? null;

    const typedId = r.requiredText('id', 'ID manquant : écrivez l’ID du parcours (colonne ID de la feuille « Participants »).');
    const parcours = typedId === null ? undefined : parcoursById.get(normalizeId(typedId));
    if (typedId !== null && parcours === undefined) {
      r.issue('id', `ID « ${typedId} » introuvable parmi les parcours lisibles de la feuille « Participants » : vérifiez l’ID, ou corrigez la ligne du participant.`, true);
    }

    const status = r.list('status', PRESENCE_STATUSES, {
      missing: MISSING_STATUS,
    }) as PresenceStatus | null;

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
      continue;
    }
    const key = `${date}|${workshopName}|${normalizeId(parcours.id)}`;
    const first = firstRowOfKey.get(key);
    if (first !== undefined) {
      r.issue('', `Présence du ${formatDayFr(date)} à l’atelier « ${workshopName} » déjà saisie ligne ${first} pour ${parcours.id} : seule la première ligne compte, supprimez le doublon.`, true);
      continue;
    }
    firstRowOfKey.set(key, r.row);
    records.push({ row: r.row, date, workshop: workshopName, id: parcours.id, status, hours, comment: r.text('comment') });
  }
  return { records, issues };
}
