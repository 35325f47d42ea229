import type { CalendarDay } from '../calendar-day';
import { barrierLabels } from '../codecs/lists';
import type { Period } from '../period';
import type { Funder, WorkbookData } from '../records';
import { computeAttendance } from './attendance';
import { computeEvaluations } from './evaluations';
import { computeExits } from './exits';
import { computeFileActive } from './file-active';
import { isActive, populationOf } from './population';
import { computePreviousYear } from './previous-year';
import { computeProfile } from './profile';
import { computeSupport } from './support';
import type { Summary } from './summary-schema';

/** The funder named by `code` (case and surrounding spaces ignored); a French error when there is none. */
export function findFunder(funders: readonly Funder[], code: string): Funder {
  const wanted = code.trim().toUpperCase();
  const funder = funders.find((f) => f.code.trim().toUpperCase() === wanted);
  if (funder !== undefined) return funder;
  const known = funders.map((f) => f.code).join(', ');
  throw new Error(
    `Financeur inconnu : « ${code.trim()} ». ` +
      (known === ''
        ? 'Aucun financeur n’est déclaré dans la feuille Financeurs.'
        : `Financeurs déclarés dans la feuille Financeurs : ${known}.`),
  );
}

/**
 * The funder summary of SPEC §3 for a period and a funder code (null = all parcours).
 * `options.today` is the generation day; the figures themselves depend only on the data and
 * the period (candidates are the waiting list as recorded).
 */
export function computeSummary(
  data: WorkbookData,
  period: Period,
  funderCode: string | null,
  _options: { today: CalendarDay },
): Summary {
  const funder = funderCode === null ? null : findFunder(data.funders, funderCode);
  const population = populationOf(data.parcours, funder?.code.trim() ?? null);
  const active = population.filter((p) => isActive(p, period));
  return {
    structure: data.parameters.structureName,
    funder: funder?.code.trim() ?? null,
    period: { start: period.start, end: period.end },
    fileActive: computeFileActive(population, period),
    profile: computeProfile(active, data.lists),
    attendance: computeAttendance(data.attendance, active, data.workshops, funder, period),
    exits: computeExits(population, data.exitReasons, funder?.minimumMonths ?? 0, period),
    evaluations: computeEvaluations(data.evaluations, active, period),
    support: computeSupport(data.support, active, barrierLabels(data.lists), period),
    previousYear: computePreviousYear(data, population, funder, period),
    dataIssues: data.issues.map(({ sheet, row, column, message, cause }) =>
      cause ? { sheet, row, column, message, cause: { sheet: cause.sheet, row: cause.row } } : { sheet, row, column, message },
    ),
  };
}
