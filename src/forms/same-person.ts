import type { CalendarDay } from '../domain/calendar-day';
import { normalizeKey } from '../domain/text';

interface Person {
  lastName: string;
  firstName: string;
  birthDate: CalendarDay;
}

/**
 * The parcours of the same person: same Nom, Prénom and Date de naissance, case, accents,
 * spaces and hyphens ignored (`Lefèvre Marie-Anne` = `LEFEVRE marie anne`).
 */
export function findSamePerson<P extends Person>(existing: readonly P[], person: Person): P[] {
  const last = normalizeKey(person.lastName);
  const first = normalizeKey(person.firstName);
  if (last === '' || first === '') return [];
  return existing.filter(
    (p) =>
      p.birthDate === person.birthDate && normalizeKey(p.lastName) === last && normalizeKey(p.firstName) === first,
  );
}
