import { addDays, type CalendarDay, daysBetween, minDay } from '../domain/calendar-day';
import type { Attendance, PresenceStatus } from '../domain/records';
import { type DemoParcoursPlan, lastDayOf } from './demo-parcours';
import { type DemoWorkshop, workshopWeekdays } from './demo-workshops';
import type { SeededRandom } from './seeded-random';
import { isWorkingDay, weekdayIndex } from './work-calendar';

export type DemoAttendance = Omit<Attendance, 'row'>;

const LATE_COMMENTS = ['Retard de bus', 'Retard signalé par téléphone', 'Panne de réveil'] as const;
const EXCUSED_COMMENTS = [
  'Rendez-vous France Travail',
  'Démarche administrative',
  'Rendez-vous avec le référent',
  'Garde d’enfant',
  'Convocation en préfecture',
] as const;

/**
 * One row per participant per session of their atelier, from entry to the exit (or asOf),
 * sorted by date, then atelier name, then ID.
 */
export function buildDemoAttendance(
  rng: SeededRandom,
  asOf: CalendarDay,
  plans: readonly DemoParcoursPlan[],
  workshops: readonly DemoWorkshop[],
): DemoAttendance[] {
  const entries = plans.map((p) => p.parcours.entryDate).filter((d): d is CalendarDay => d !== null && d <= asOf);
  if (entries.length === 0 || workshops.length === 0) return [];
  const start = entries.reduce(minDay);
  const dayCount = daysBetween(start, asOf) + 1;
  const days: CalendarDay[] = [];
  for (let i = 0; i < dayCount; i++) days.push(addDays(start, i));

  // Session day indexes of each atelier, ascending.
  const sessions = workshops.map((w) => {
    const weekdays = new Set(workshopWeekdays(w.days));
    const out: number[] = [];
    days.forEach((d, i) => {
      if (isWorkingDay(d) && weekdays.has(weekdayIndex(d))) out.push(i);
    });
    return out;
  });
  const workshopIndex = new Map(workshops.map((w, i) => [w.name, i]));
  // Buckets per (day, atelier) avoid sorting hundreds of thousands of rows: plans come in ID order.
  const buckets: DemoAttendance[][] = new Array(dayCount * workshops.length);

  for (const plan of plans) {
    const p = plan.parcours;
    const w = p.workshop === null ? undefined : workshopIndex.get(p.workshop);
    const workshop = w === undefined ? undefined : workshops[w];
    if (p.entryDate === null || p.entryDate > asOf || w === undefined || !workshop) continue;
    const own = sessions[w]!;
    const first = lowerBound(own, daysBetween(start, p.entryDate));
    const last = lowerBound(own, daysBetween(start, lastDayOf(p, asOf)) + 1) - 1;
    // Each person has their own assiduity.
    const absenceFactor = 0.4 + rng.next() * 1.6;
    for (let k = first; k <= last; k++) {
      const dayIndex = own[k]!;
      const forcedAbsence = k > last - plan.trailingUnjustifiedAbsences;
      const status = forcedAbsence ? 'Absent non justifié' : drawStatus(rng, absenceFactor);
      const row = attendanceRow(rng, days[dayIndex]!, workshop, p.id, status);
      const key = dayIndex * workshops.length + w;
      const bucket = buckets[key];
      if (bucket) bucket.push(row);
      else buckets[key] = [row];
    }
  }

  const byName = workshops.map((w, i) => ({ name: w.name, i })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rows: DemoAttendance[] = [];
  for (let d = 0; d < dayCount; d++) {
    for (const { i } of byName) {
      const bucket = buckets[d * workshops.length + i];
      if (bucket) for (const row of bucket) rows.push(row);
    }
  }
  return rows;
}

function drawStatus(rng: SeededRandom, absenceFactor: number): PresenceStatus {
  const r = rng.next();
  if (r < 0.035 * absenceFactor) return 'Absent non justifié';
  if (r < 0.09 * absenceFactor) return 'Absent justifié';
  if (r < 0.14 * absenceFactor) return 'Retard';
  return 'Présent';
}

function attendanceRow(
  rng: SeededRandom,
  date: CalendarDay,
  workshop: DemoWorkshop,
  id: string,
  status: PresenceStatus,
): DemoAttendance {
  const session = workshop.sessionHours ?? 7;
  switch (status) {
    case 'Présent':
      return { date, workshop: workshop.name, id, status, hours: session, comment: null };
    case 'Retard':
      return {
        date,
        workshop: workshop.name,
        id,
        status,
        hours: session - rng.pick([0.5, 1]),
        comment: rng.chance(0.4) ? rng.pick(LATE_COMMENTS) : null,
      };
    case 'Absent justifié':
      return { date, workshop: workshop.name, id, status, hours: 0, comment: rng.chance(0.6) ? rng.pick(EXCUSED_COMMENTS) : null };
    case 'Absent non justifié':
      return { date, workshop: workshop.name, id, status, hours: 0, comment: null };
  }
}

/** First index whose value is ≥ target. */
function lowerBound(sorted: readonly number[], target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
