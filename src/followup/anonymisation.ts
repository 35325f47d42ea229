import { addDays, addMonths, ageOn, type CalendarDay } from '../domain/calendar-day';
import type { Parcours } from '../domain/records';

/** What replaces a name, a commune, a référent or an observation. */
export const ANONYMISED = 'Anonymisé';

/** The identity fields of `Participants` that anonymisation rewrites (text ones). */
export const IDENTITY_TEXT_FIELDS = ['lastName', 'firstName', 'commune', 'referent', 'observations'] as const;
export type IdentityTextField = (typeof IDENTITY_TEXT_FIELDS)[number];

/**
 * The birth date kept once a parcours is anonymised: the LATEST day that gives the same full
 * years on the entry date. Every figure of a summary depends on the birth date only through the
 * age at entry (SPEC §2), so they all stay the same; and the day is a function of the entry date
 * and that age alone, so it tells nothing more about the person than the age at entry does.
 * (The 1st of January of the birth year would make people older at entry, and change the bands.)
 */
export function anonymisedBirthDate(birth: CalendarDay, entry: CalendarDay): CalendarDay {
  const age = ageOn(birth, entry);
  // entry − age years is on the right side; a short month may leave a day or two more (Feb 29).
  let day = addMonths(entry, -12 * age);
  while (ageOn(addDays(day, 1), entry) === age) day = addDays(day, 1);
  return day;
}

/** Exited at least `retentionMonths` months before `today`. */
export function retentionOver(p: Pick<Parcours, 'exitDate' | 'entryDate'>, today: CalendarDay, retentionMonths: number): boolean {
  return p.exitDate !== null && p.entryDate !== null && addMonths(p.exitDate, retentionMonths) <= today;
}

/** The identity of a parcours once anonymised: only non-empty text fields are replaced. */
export interface AnonymisedIdentity {
  row: number;
  id: string;
  birthDate: CalendarDay;
  text: Record<IdentityTextField, string | null>;
}

export function anonymisedIdentity(p: Parcours): AnonymisedIdentity {
  const text = {} as Record<IdentityTextField, string | null>;
  for (const key of IDENTITY_TEXT_FIELDS) text[key] = p[key] === null ? null : ANONYMISED;
  return { row: p.row, id: p.id, birthDate: anonymisedBirthDate(p.birthDate, p.entryDate!), text };
}

function alreadyAnonymised(p: Parcours, identity: AnonymisedIdentity): boolean {
  return p.birthDate === identity.birthDate && IDENTITY_TEXT_FIELDS.every((key) => p[key] === identity.text[key]);
}

/** The parcours whose retention is over and that still hold an identity, in sheet order. */
export function planAnonymisation(parcours: readonly Parcours[], today: CalendarDay, retentionMonths: number): AnonymisedIdentity[] {
  return parcours
    .filter((p) => retentionOver(p, today, retentionMonths))
    .map((p) => ({ p, identity: anonymisedIdentity(p) }))
    .filter(({ p, identity }) => !alreadyAnonymised(p, identity))
    .map(({ identity }) => identity)
    .sort((a, b) => a.row - b.row);
}

/** The record as it reads after anonymisation (for checking that summaries do not move). */
export function applyAnonymisedIdentity(p: Parcours, identity: AnonymisedIdentity): Parcours {
  const { lastName, firstName, ...optional } = identity.text;
  return { ...p, ...optional, lastName: lastName ?? ANONYMISED, firstName: firstName ?? ANONYMISED, birthDate: identity.birthDate };
}
