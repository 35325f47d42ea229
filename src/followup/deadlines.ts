import { addDays, addMonths, type CalendarDay, formatDayFr } from '../domain/calendar-day';
import type { Attendance, Evaluation, WorkbookData } from '../domain/records';
import { normalizeId } from '../domain/text';
import { parcoursStatus } from '../domain/parcours-status';
import { contractHoursAction, contractHoursGap } from './contract-hours';

/** How far ahead each kind of deadline is announced (days). */
export const TRIAL_NOTICE_DAYS = 14;
export const CONTRACT_NOTICE_DAYS = 30;
export const FOLLOW_UP_NOTICE_DAYS = 14;

export const DEADLINE_KINDS = [
  "Fin de période d'essai",
  'Fin de contrat',
  'Entretien de suivi',
  'Absences consécutives',
  'Heures sous le contrat',
  'Candidature en attente',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** One line of « Échéances »: plain JSON (it crosses google.script.run and goes into the e-mail). */
export interface Deadline {
  kind: DeadlineKind;
  id: string;
  /** `Prénom Nom`, for the coordinator (the sheet and sidebar are internal, never sent to a funder). */
  person: string;
  /** Row in `Participants`, to open it. */
  row: number;
  /** By when it must be done; null when there is no date (a candidate without commission). */
  due: CalendarDay | null;
  overdue: boolean;
  /** What to do, in French. */
  action: string;
}

/**
 * What the team must do soon, per parcours, as of `today` (issue 5, « Échéances »):
 * - trial periods ending within 14 days;
 * - contracts ending within 30 days, or already ended without an exit recorded;
 * - follow-up interviews due within 14 days or late: last evaluation (or the entry) older than
 *   `Périodicité des entretiens`;
 * - the last `Alerte après absences consécutives` sessions all absences;
 * - hours over the last four complete weeks below 75 % of those planned (contract-hours.ts);
 * - candidates waiting for a commission (or for its decision).
 * Sorted by due day (late first, undated last), then kind, then ID.
 */
export function computeDeadlines(data: WorkbookData, today: CalendarDay): Deadline[] {
  const { parameters } = data;
  const lastEvaluation = lastEvaluationDays(data.evaluations);
  const absences = trailingAbsences(data.attendance);
  const attendanceById = groupById(data.attendance);
  const lines: Deadline[] = [];

  for (const p of data.parcours) {
    const status = parcoursStatus(p, today);
    const line = (kind: DeadlineKind, due: CalendarDay | null, action: string): void => {
      lines.push({ kind, id: p.id, person: `${p.firstName} ${p.lastName}`, row: p.row, due, overdue: due !== null && due < today, action });
    };

    if (status === 'Candidat') {
      if (p.entryDate !== null) continue; // admitted, starts later: nothing to decide
      if (p.exitDate !== null) continue;
      if (p.commissionDate === null) {
        line('Candidature en attente', null, 'Candidature sans date de commission : inscrivez-la à la prochaine commission.');
      } else if (p.commissionDate >= today) {
        line('Candidature en attente', p.commissionDate, `Présenter la candidature à la commission du ${formatDayFr(p.commissionDate)}.`);
      } else {
        line('Candidature en attente', p.commissionDate, `Commission passée le ${formatDayFr(p.commissionDate)} : enregistrez la décision (date d'entrée, ou sortie).`);
      }
      continue;
    }
    if (status === 'Sorti' || p.entryDate === null) continue;

    if (p.trialEnd !== null && p.trialEnd >= today && p.trialEnd <= addDays(today, TRIAL_NOTICE_DAYS)) {
      line("Fin de période d'essai", p.trialEnd, `Faire le bilan de période d'essai avant le ${formatDayFr(p.trialEnd)}.`);
    }
    if (p.contractEnd !== null && p.contractEnd <= addDays(today, CONTRACT_NOTICE_DAYS)) {
      line(
        'Fin de contrat',
        p.contractEnd,
        p.contractEnd < today
          ? `Contrat terminé le ${formatDayFr(p.contractEnd)} : enregistrez le renouvellement (nouvelle fin de contrat) ou la sortie.`
          : `Préparer le renouvellement ou la sortie avant le ${formatDayFr(p.contractEnd)}.`,
      );
    }
    if (parameters.followUpMonths > 0) {
      const last = lastEvaluation.get(normalizeId(p.id)) ?? null;
      const due = addMonths(last ?? p.entryDate, parameters.followUpMonths);
      if (due <= addDays(today, FOLLOW_UP_NOTICE_DAYS)) {
        const since = last === null ? `aucune évaluation depuis l'entrée le ${formatDayFr(p.entryDate)}` : `dernière évaluation le ${formatDayFr(last)}`;
        line('Entretien de suivi', due, `Entretien de suivi à faire avant le ${formatDayFr(due)} (${since}).`);
      }
    }
    const run = absences.get(normalizeId(p.id));
    if (parameters.absenceAlert > 0 && run !== undefined && run.count >= parameters.absenceAlert) {
      line(
        'Absences consécutives',
        today,
        `${run.count} absences consécutives (la dernière le ${formatDayFr(run.last)}) : contacter la personne et son référent.`,
      );
    }
    const gap = contractHoursGap(p, attendanceById.get(normalizeId(p.id)) ?? [], today);
    if (gap !== null) line('Heures sous le contrat', today, contractHoursAction(gap));
  }
  return lines.sort(compareDeadlines);
}

function compareDeadlines(a: Deadline, b: Deadline): number {
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  }
  const kind = DEADLINE_KINDS.indexOf(a.kind) - DEADLINE_KINDS.indexOf(b.kind);
  return kind !== 0 ? kind : a.id.localeCompare(b.id);
}

function lastEvaluationDays(evaluations: readonly Evaluation[]): Map<string, CalendarDay> {
  const last = new Map<string, CalendarDay>();
  for (const e of evaluations) {
    const key = normalizeId(e.id);
    const known = last.get(key);
    if (known === undefined || e.date > known) last.set(key, e.date);
  }
  return last;
}

/**
 * Per parcours, how many of its latest sessions in a row are absences (justified or not: both
 * call for a word with the person), with the last one's day. Sessions in date order, then row.
 */
/** Attendance rows per parcours (normalised ID), in sheet order. */
function groupById(attendance: readonly Attendance[]): Map<string, Attendance[]> {
  const byId = new Map<string, Attendance[]>();
  for (const a of attendance) {
    const key = normalizeId(a.id);
    const list = byId.get(key);
    if (list) list.push(a);
    else byId.set(key, [a]);
  }
  return byId;
}

function trailingAbsences(attendance: readonly Attendance[]): Map<string, { count: number; last: CalendarDay }> {
  const byId = groupById(attendance);
  const runs = new Map<string, { count: number; last: CalendarDay }>();
  for (const [key, sessions] of byId) {
    sessions.sort((x, y) => (x.date === y.date ? x.row - y.row : x.date < y.date ? -1 : 1));
    let count = 0;
    for (let i = sessions.length - 1; i >= 0 && sessions[i]!.status.startsWith('Absent'); i--) count++;
    if (count > 0) runs.set(key, { count, last: sessions[sessions.length - 1]!.date });
  }
  return runs;
}

/**
 * The digest e-mail's plain text, French. Only IDs, no names: an e-mail leaves the workbook
 * (data minimisation), the names are one click away in the sheet.
 */
export function deadlinesDigestText(lines: readonly Deadline[], structure: string, today: CalendarDay): string {
  const header = `Échéances${structure ? ` — ${structure}` : ''} au ${formatDayFr(today)}`;
  if (lines.length === 0) return `${header}\n\nAucune échéance dans les prochains jours.`;
  const body = lines.map((l) => {
    const when = l.due === null ? 'sans date' : `${l.overdue ? 'en retard, ' : ''}le ${formatDayFr(l.due)}`;
    return `• ${l.kind} — ${l.id} — ${when}\n  ${l.action}`;
  });
  return `${header}\n\n${lines.length} échéance(s) :\n\n${body.join('\n')}\n\nOuvrez le classeur, menu Parcours › Échéances, pour le détail.`;
}

/** Used by the sheet: the header and one row per line (the caller escapes text cells). */
export const DEADLINE_SHEET_HEADERS = ['Échéance', 'Type', 'ID', 'Personne', 'À faire', 'En retard'] as const;

