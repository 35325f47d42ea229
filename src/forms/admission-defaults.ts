import { addMonths, type CalendarDay } from '../domain/calendar-day';

/** Dates a coordinator would otherwise compute by hand, from the entry date and `Paramètres`. */
export function defaultTrialEnd(entry: CalendarDay, trialMonths: number): CalendarDay {
  return addMonths(entry, trialMonths);
}

export function defaultContractEnd(entry: CalendarDay, contractMonths: number): CalendarDay {
  return addMonths(entry, contractMonths);
}

/** A renewal moves the end of contract by one contract length, from the current end. */
export function renewedContractEnd(currentEnd: CalendarDay, months: number): CalendarDay {
  return addMonths(currentEnd, months);
}
