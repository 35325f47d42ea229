import type { CalendarDay } from '../domain/calendar-day';
import type { Domain, ExitCategory, ParcoursStatus } from '../domain/records';

/**
 * What the sidebars need from the workbook, sent once when a sidebar opens and used again by
 * the server to check a payload: the same context feeds the same schema on both sides.
 * JSON-safe: days are ISO strings.
 */
export interface FormContext {
  today: CalendarDay;
  minimumWeeklyHours: number;
  trialMonths: number;
  contractMonths: number;
  prescribers: string[];
  workshops: WorkshopOption[];
  funders: { code: string; name: string | null }[];
  /** Current labels (SPEC §1.6); `sheetLabel` is the former label the workbook's sheet still holds. */
  exitReasons: { motif: string; category: ExitCategory; sheetLabel?: string }[];
  objectives: { objective: string; domain: Domain | null }[];
  /** `Listes` Frein (the defaults when the team has none) and Partenaire (suggestions only). */
  barriers: string[];
  partners: string[];
  parcours: ParcoursSummary[];
}

export interface WorkshopOption {
  name: string;
  sessionHours: number | null;
  active: boolean;
}

/** One readable parcours as the forms show and check it. */
export interface ParcoursSummary {
  id: string;
  lastName: string;
  firstName: string;
  birthDate: CalendarDay;
  workshop: string | null;
  commissionDate: CalendarDay | null;
  entryDate: CalendarDay | null;
  trialEnd: CalendarDay | null;
  contractEnd: CalendarDay | null;
  exitDate: CalendarDay | null;
  exitReason: string | null;
  status: ParcoursStatus;
}

/** `MARTIN Camille (P-2026-0004)`, as lists of participants show a parcours. */
export function parcoursLabel(p: Pick<ParcoursSummary, 'id' | 'lastName' | 'firstName'>): string {
  return `${p.lastName.toUpperCase()} ${p.firstName} (${p.id})`;
}

export function findParcours(context: Pick<FormContext, 'parcours'>, id: string): ParcoursSummary | undefined {
  return context.parcours.find((p) => p.id === id);
}
