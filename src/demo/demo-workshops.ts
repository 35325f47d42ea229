import type { Workshop } from '../domain/records';
import { FRENCH_WEEKDAYS } from './work-calendar';

export type DemoWorkshop = Omit<Workshop, 'row'>;

/** The ateliers of the demo, in the order they open; the first three are the default. */
const WORKSHOP_CATALOGUE: readonly Omit<DemoWorkshop, 'capacity'>[] = [
  { name: 'Maraîchage', supervisor: 'Bernard Lucas', sessionHours: 6, days: 'lundi, mardi, jeudi, vendredi', active: true },
  {
    name: 'Rénovation des locaux',
    supervisor: 'Hervé Colin',
    sessionHours: 7,
    days: 'mardi, mercredi, vendredi',
    active: true,
  },
  {
    name: 'Cuisine / restauration solidaire',
    supervisor: 'Martine Royer',
    sessionHours: 3.5,
    days: 'lundi, mardi, mercredi, jeudi, vendredi',
    active: true,
  },
  { name: 'Espaces verts', supervisor: 'Didier Marchand', sessionHours: 6, days: 'lundi, mardi, jeudi, vendredi', active: true },
  { name: 'Couture', supervisor: 'Josiane Perret', sessionHours: 3.5, days: 'mardi, mercredi, jeudi', active: true },
  { name: 'Faïencerie', supervisor: 'Odile Vasseur', sessionHours: 6, days: 'lundi, mardi, jeudi', active: true },
];

export const MAX_DEMO_WORKSHOPS = WORKSHOP_CATALOGUE.length;

export function buildDemoWorkshops(count: number, capacity: number | null): DemoWorkshop[] {
  return WORKSHOP_CATALOGUE.slice(0, count).map((w) => ({ ...w, capacity }));
}

/** Weekday indexes (0 = lundi) of a `Jours` text such as `lundi, jeudi`. */
export function workshopWeekdays(days: string | null): number[] {
  if (!days) return [];
  const names: readonly string[] = FRENCH_WEEKDAYS;
  return days
    .split(',')
    .map((d) => names.indexOf(d.trim().toLowerCase()))
    .filter((i) => i >= 0);
}
