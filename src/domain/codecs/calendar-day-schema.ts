import * as z from 'zod';
import { isCalendarDay } from '../calendar-day';

/** A `YYYY-MM-DD` day that exists. */
export const calendarDaySchema = z.string().refine(isCalendarDay, { message: 'Date invalide (AAAA-MM-JJ attendu).' });
