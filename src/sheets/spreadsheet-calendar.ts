import { type CalendarDay, dayInZone, type TimeZone } from '../domain/calendar-day';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The spreadsheet's time zone and today there: what every date of one execution is read and written in. */
export interface SheetCalendar {
  readonly timeZone: TimeZone;
  readonly today: CalendarDay;
}

/**
 * Reads the spreadsheet's zone once (Fichier › Paramètres; one call): Sheets gives a date cell as
 * midnight in that zone and stores a written Date as its wall clock there, whatever the script's zone.
 */
export function spreadsheetCalendar(ss: Spreadsheet, now: Date = new Date()): SheetCalendar {
  const timeZone = ss.getSpreadsheetTimeZone();
  return { timeZone, today: dayInZone(now, timeZone) };
}
