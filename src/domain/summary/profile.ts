import { ageOn } from '../calendar-day';
import { EDUCATION_LEVELS, MINIMUM_SOCIAL, type Parcours, RSA_ORIENTATIONS } from '../records';
import { DEFAULT_PRESCRIBERS, LISTS_COLUMNS } from '../workbook-schema';
import { labelKey } from './label-key';
import type { ProfileSummary } from './summary-schema';

export const NOT_FILLED = 'Non renseigné';
/** The RSA orientation left empty (the word agrees with « orientation »). */
export const ORIENTATION_NOT_FILLED = 'Non renseignée';
/** A prescripteur typed that is not in the list: one line, never the text typed. */
export const UNLISTED_PRESCRIBER = 'Non répertorié';

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
  const rsaOrientation = {
    ...(Object.fromEntries(RSA_ORIENTATIONS.map((o) => [o, 0])) as Record<(typeof RSA_ORIENTATIONS)[number], number>),
    [ORIENTATION_NOT_FILLED]: 0,
  } as ProfileSummary['rsaOrientation'];
  let qpv = 0;
  let rqth = 0;
  let deld = 0;
  for (const p of active) {
    sex[p.sex] += 1;
    if (p.entryDate !== null) age[ageBandOf(ageOn(p.birthDate, p.entryDate))] += 1;
    minimumSocial[p.minimumSocial] += 1;
    if (p.minimumSocial === 'RSA') rsaOrientation[p.rsaOrientation ?? ORIENTATION_NOT_FILLED] += 1;
    education[p.education ?? NOT_FILLED] += 1;
    if (p.qpv) qpv += 1;
    if (p.rqth === true) rqth += 1;
    if (p.deld === true) deld += 1;
  }
  const prescriber = countPrescribers(active, prescriberList(lists));
  return { sex, age, minimumSocial, rsaOrientation, qpv, rqth, deld, education, prescriber };
}

/**
 * The `Listes` Prescripteur column, found like a header (the team may have retyped it); the default
 * list when it is empty or absent, so that a prescripteur typed by hand never reaches the summary.
 */
function prescriberList(lists: Readonly<Record<string, string[]>>): readonly string[] {
  const wanted = labelKey(LISTS_COLUMNS.prescriber);
  for (const [header, values] of Object.entries(lists)) {
    if (labelKey(header) === wanted && values.length > 0) return values;
  }
  return DEFAULT_PRESCRIBERS;
}

/**
 * Every listed prescriber (0 included), then `Non répertorié` for all the others (the text typed may
 * name a person: it never reaches the summary), then `Non renseigné`.
 */
function countPrescribers(active: readonly Parcours[], listed: readonly string[]): Record<string, number> {
  const listedByKey = new Map<string, string>();
  for (const value of listed) {
    const key = labelKey(value);
    if (!listedByKey.has(key)) listedByKey.set(key, value);
  }
  const listedCounts = new Map<string, number>([...listedByKey.values()].map((v) => [v, 0]));
  let unlisted = 0;
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
    else unlisted += 1;
  }
  const result: Record<string, number> = {};
  for (const [label, n] of listedCounts) result[label] = n;
  result[UNLISTED_PRESCRIBER] = unlisted;
  result[NOT_FILLED] = notFilled;
  return result;
}
