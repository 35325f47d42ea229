import { ageOn } from '../calendar-day';
import { EDUCATION_LEVELS, MINIMUM_SOCIAL, type Parcours } from '../records';
import { LISTS_COLUMNS } from '../workbook-schema';
import { compareFr, labelKey } from './label-key';
import type { ProfileSummary } from './summary-schema';

export const NOT_FILLED = 'Non renseigné';

export const AGE_BANDS = ['moins de 26 ans', '26 à 49 ans', '50 ans et plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Full years on the entry date (SPEC §2). */
export function ageBandOf(age: number): AgeBand {
  if (age < 26) return 'moins de 26 ans';
  if (age < 50) return '26 à 49 ans';
  return '50 ans et plus';
}

/** SPEC §3.2, over the active parcours (all of which have an entry date). */
export function computeProfile(
  active: readonly Parcours[],
  lists: Readonly<Record<string, string[]>>,
): ProfileSummary {
  const sex = { F: 0, H: 0 };
  const age: Record<AgeBand, number> = { 'moins de 26 ans': 0, '26 à 49 ans': 0, '50 ans et plus': 0 };
  const minimumSocial = Object.fromEntries(MINIMUM_SOCIAL.map((m) => [m, 0])) as ProfileSummary['minimumSocial'];
  const education = {
    ...(Object.fromEntries(EDUCATION_LEVELS.map((e) => [e, 0])) as Record<(typeof EDUCATION_LEVELS)[number], number>),
    [NOT_FILLED]: 0,
  } as ProfileSummary['education'];
  let qpv = 0;
  let rqth = 0;
  let deld = 0;
  for (const p of active) {
    sex[p.sex] += 1;
    if (p.entryDate !== null) age[ageBandOf(ageOn(p.birthDate, p.entryDate))] += 1;
    minimumSocial[p.minimumSocial] += 1;
    education[p.education ?? NOT_FILLED] += 1;
    if (p.qpv) qpv += 1;
    if (p.rqth === true) rqth += 1;
    if (p.deld === true) deld += 1;
  }
  const prescriber = countPrescribers(active, prescriberList(lists));
  return { sex, age, minimumSocial, qpv, rqth, deld, education, prescriber };
}

/** The `Listes` Prescripteur column, found like a header (the team may have retyped it). */
function prescriberList(lists: Readonly<Record<string, string[]>>): string[] {
  const wanted = labelKey(LISTS_COLUMNS.prescriber);
  for (const [header, values] of Object.entries(lists)) {
    if (labelKey(header) === wanted) return values;
  }
  return [];
}

/** Every listed prescriber (0 included), then others met alphabetically, then `Non renseigné`. */
function countPrescribers(active: readonly Parcours[], listed: readonly string[]): Record<string, number> {
  const listedByKey = new Map<string, string>();
  for (const value of listed) {
    const key = labelKey(value);
    if (!listedByKey.has(key)) listedByKey.set(key, value);
  }
  const listedCounts = new Map<string, number>([...listedByKey.values()].map((v) => [v, 0]));
  const otherCounts = new Map<string, number>();
  let notFilled = 0;
  for (const p of active) {
    const text = p.prescriber?.trim() ?? '';
    // A typed `Non renseigné` is the same as an empty cell, so the key is never overwritten.
    if (text === '' || labelKey(text) === labelKey(NOT_FILLED)) {
      notFilled += 1;
      continue;
    }
    const label = listedByKey.get(labelKey(text));
    if (label !== undefined) listedCounts.set(label, (listedCounts.get(label) ?? 0) + 1);
    else otherCounts.set(text, (otherCounts.get(text) ?? 0) + 1);
  }
  const result: Record<string, number> = {};
  for (const [label, n] of listedCounts) result[label] = n;
  for (const label of [...otherCounts.keys()].sort(compareFr)) result[label] = otherCounts.get(label)!;
  result[NOT_FILLED] = notFilled;
  return result;
}
