import type { TimeZone } from '../calendar-day';
import * as z from 'zod';
import type { DataIssue } from '../data-issue';
import { requireHeaders } from '../header-map';
import type { Workshop } from '../records';
import { formatNumberFr, normalizeKey } from '../text';
import { sheetSpec } from '../workbook-schema';
import { RowReader } from './row-reader';
import { type Decoded, dataRows } from './sheet-rows';

/** Longest session accepted, in hours (the same bound as one attendance row). */
export const MAX_SESSION_HOURS = 12;

export const workshopSchema: z.ZodType<Workshop> = z.object({
  row: z.number().int(),
  name: z.string().min(1),
  supervisor: z.string().nullable(),
  capacity: z.number().min(0).nullable(),
  sessionHours: z.number().gt(0).max(MAX_SESSION_HOURS).nullable(),
  days: z.string().nullable(),
  active: z.boolean().nullable(),
});

export function decodeWorkshops(table: readonly (readonly unknown[])[], timeZone: TimeZone): Decoded<Workshop[]> {
  const spec = sheetSpec('Ateliers');
  const map = requireHeaders(spec, table[0] ?? []);
  const records: Workshop[] = [];
  const issues: DataIssue[] = [];
  const firstRowOf = new Map<string, number>();

  const reader = new RowReader(spec, map, issues, timeZone);
  for (const { row, cells } of dataRows(table)) {
    const r = reader.at(row, cells);
    const name = r.requiredText('name', 'Nom d’atelier manquant : écrivez le nom de l’atelier.');
    if (name !== null) {
      const first = firstRowOf.get(normalizeKey(name));
      if (first !== undefined) {
        r.issue('name', `Atelier déjà présent ligne ${first} : chaque atelier doit avoir un nom unique.`, true);
      } else {
        firstRowOf.set(normalizeKey(name), r.row);
      }
    }
    let capacity = r.number('capacity');
    if (capacity !== null && capacity < 0) {
      r.issue('capacity', `Capacité de ${formatNumberFr(capacity)} : écrivez un nombre positif.`, false);
      capacity = null;
    }
    let sessionHours = r.number('sessionHours');
    if (sessionHours !== null && !(sessionHours > 0 && sessionHours <= MAX_SESSION_HOURS)) {
      r.issue('sessionHours', `Durée de séance de ${formatNumberFr(sessionHours)} h : écrivez un nombre d’heures entre 0 et ${MAX_SESSION_HOURS}.`, false);
      sessionHours = null;
    }
    const record: Workshop = {
      row: r.row,
      name: name ?? '',
      supervisor: r.text('supervisor'),
      capacity,
      sessionHours,
      days: r.text('days'),
      active: r.yesNo('active'),
    };
    if (!r.rejected) records.push(record);
  }
  return { records, issues };
}
