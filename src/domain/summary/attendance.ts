import type { Period } from '../period';
import { periodDays } from '../period';
import type { Attendance, Funder, Parcours, Workshop } from '../records';
import { FUNDER_DEFAULTS } from '../workbook-schema';
import { compareFr, labelKey } from './label-key';
import { isInPeriod } from './population';
import type { AttendanceSummary, WorkshopAttendance } from './summary-schema';

const DAYS_PER_YEAR = 365;

function isPresent(row: Attendance): boolean {
  return row.status === 'Présent' || row.status === 'Retard';
}

interface Tally {
  hours: number;
  sessions: number;
  present: number;
}

function tally(rows: readonly Attendance[]): Tally {
  let hours = 0;
  let present = 0;
  for (const row of rows) {
    if (!isPresent(row)) continue;
    present += 1;
    hours += row.hours;
  }
  return { hours, sessions: rows.length, present };
}

function presenceRate(t: Tally): number | null {
  return t.sessions === 0 ? null : t.present / t.sessions;
}

/**
 * SPEC §3.3, over the `Présences` rows dated in the period of the active parcours given.
 * ETP réalisés = hours ÷ (hours per ETP × days ÷ 365): the average number of full-time posts over
 * the period. ETP conventionnés = the funder's figure as written, a yearly average of posts, never
 * pro-rated: both are numbers of posts, so a period worked exactly at the funded level gives 100 %.
 */
export function computeAttendance(
  attendance: readonly Attendance[],
  active: readonly Parcours[],
  workshops: readonly Workshop[],
  funder: Funder | null,
  period: Period,
): AttendanceSummary {
  const activeIds = new Set(active.map((p) => p.id));
  const counted = attendance.filter((row) => activeIds.has(row.id) && isInPeriod(row.date, period));
  const total = tally(counted);
  const yearShare = periodDays(period) / DAYS_PER_YEAR;
  const hoursPerEtp =
    funder !== null && Number.isFinite(funder.hoursPerEtp) && funder.hoursPerEtp > 0
      ? funder.hoursPerEtp
      : FUNDER_DEFAULTS.hoursPerEtp;
  const etp = total.hours / (hoursPerEtp * yearShare);
  const etpContracted = funder?.etpContracted ?? null;
  const etpConsumption = etpContracted !== null && etpContracted > 0 ? etp / etpContracted : null;
  return {
    hours: total.hours,
    sessions: total.sessions,
    present: total.present,
    presenceRate: presenceRate(total),
    etp,
    etpContracted,
    etpConsumption,
    byWorkshop: byWorkshop(counted, workshops),
  };
}

/** Ateliers with at least one counted row: in `Ateliers` order, then others by name. */
function byWorkshop(counted: readonly Attendance[], workshops: readonly Workshop[]): WorkshopAttendance[] {
  const declared = new Map<string, { name: string; order: number }>();
  workshops.forEach((w, order) => {
    const key = labelKey(w.name);
    if (!declared.has(key)) declared.set(key, { name: w.name, order });
  });
  const groups = new Map<string, { name: string; order: number; rows: Attendance[] }>();
  for (const row of counted) {
    const key = labelKey(row.workshop);
    let group = groups.get(key);
    if (group === undefined) {
      const known = declared.get(key);
      group = { name: known?.name ?? row.workshop.trim(), order: known?.order ?? Number.POSITIVE_INFINITY, rows: [] };
      groups.set(key, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()]
    .sort((a, b) => (a.order === b.order ? compareFr(a.name, b.name) : a.order - b.order))
    .map((g) => {
      const t = tally(g.rows);
      return {
        workshop: g.name,
        active: new Set(g.rows.map((r) => r.id)).size,
        hours: t.hours,
        sessions: t.sessions,
        presenceRate: presenceRate(t),
      };
    });
}
