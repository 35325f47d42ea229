import * as z from 'zod';
import { formatDayFr, isCalendarDay } from '../domain/calendar-day';
import { PRESENCE_STATUSES } from '../domain/records';
import { formatNumberFr } from '../domain/text';
import { type FormContext, findParcours } from './form-context';
import { optionalComment, optionalNumber, requiredChoice, requiredDay, requiredText } from './form-fields';

export const MAX_SESSION_HOURS = 12;

/** Présent and Retard count hours; the absences count none. */
export function countsHours(status: string): boolean {
  return status === 'Présent' || status === 'Retard';
}

/** `Saisir les présences…`: every participant of one session of one atelier, saved together. */
export function attendanceSchema(context: FormContext) {
  const workshopNames = context.workshops.map((w) => w.name);
  const row = z.object({
    id: requiredText('Participant manquant.'),
    status: requiredChoice(PRESENCE_STATUSES, 'Choisissez la présence.'),
    hours: optionalNumber,
    comment: optionalComment,
  });
  return z
    .object({
      workshop: requiredChoice(workshopNames, 'Choisissez un atelier.', 'Atelier inconnu : choisissez-le dans la liste.'),
      date: requiredDay('Date de la séance manquante.'),
      rows: z.array(row, { error: 'Liste des présences illisible.' }).min(1, { error: 'Ajoutez au moins un participant.' }),
    })
    .superRefine((v, ctx) => {
      if (!isCalendarDay(v.date) || !Array.isArray(v.rows)) return;
      const sessionHours = context.workshops.find((w) => w.name === v.workshop)?.sessionHours ?? null;
      const seen = new Set<string>();
      v.rows.forEach((r, i) => {
        if (typeof r?.id !== 'string') return;
        const issue = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: ['rows', i, field], message });
        const p = findParcours(context, r.id);
        if (!p) issue('id', `Parcours ${r.id} introuvable.`);
        else if (seen.has(r.id)) issue('id', `${r.id} figure deux fois dans la séance.`);
        else if (p.entryDate === null || v.date < p.entryDate) {
          issue('id', p.entryDate ? `Entré(e) le ${formatDayFr(p.entryDate)}, après cette séance.` : "Candidat : pas encore entré(e).");
        } else if (p.exitDate !== null && v.date > p.exitDate) {
          issue('id', `Sorti(e) le ${formatDayFr(p.exitDate)}, avant cette séance.`);
        }
        seen.add(r.id);
        if (typeof r.hours !== 'number' && r.hours !== null) return;
        if (countsHours(r.status)) {
          if (r.hours === null && sessionHours === null) {
            issue('hours', "Heures manquantes : l'atelier n'a pas de durée de séance.");
          } else if (r.hours !== null && !(r.hours > 0 && r.hours <= MAX_SESSION_HOURS)) {
            issue('hours', `Heures : un nombre plus grand que 0 et au plus ${MAX_SESSION_HOURS}.`);
          }
        } else if (r.hours !== null && r.hours !== 0) {
          issue('hours', `Absence : 0 heure, pas ${formatNumberFr(r.hours)}.`);
        }
      });
    })
    .transform((v) => {
      const sessionHours = context.workshops.find((w) => w.name === v.workshop)?.sessionHours ?? null;
      return {
        ...v,
        rows: v.rows.map((r) => ({ ...r, hours: countsHours(r.status) ? (r.hours ?? sessionHours) : r.hours })),
      };
    });
}

export type AttendanceInput = z.input<ReturnType<typeof attendanceSchema>>;
export type AttendanceSession = z.output<ReturnType<typeof attendanceSchema>>;

/** What the sidebar lists for one atelier and date: saved rows first, then suggested participants. */
export interface AttendanceSheetRow {
  id: string;
  label: string;
  status: string;
  hours: number | null;
  comment: string | null;
  /** Sheet row already holding this (date, atelier, ID), or null for a new row. */
  savedRow: number | null;
}
