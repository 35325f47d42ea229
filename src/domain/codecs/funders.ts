import type { TimeZone } from '../calendar-day';
import * as z from 'zod';
import type { DataIssue } from '../data-issue';
import { requireHeaders } from '../header-map';
import type { Funder } from '../records';
import { formatNumberFr, normalizeKey } from '../text';
import { FUNDER_DEFAULTS, sheetSpec } from '../workbook-schema';
import { RowReader } from './row-reader';
import { type Decoded, dataRows } from './sheet-rows';

export const funderSchema: z.ZodType<Funder> = z.object({
  row: z.number().int(),
  code: z.string().min(1),
  name: z.string().nullable(),
  etpContracted: z.number().min(0).nullable(),
  hoursPerEtp: z.number().gt(0),
  minimumMonths: z.number().min(0),
});

export function decodeFunders(table: readonly (readonly unknown[])[], timeZone: TimeZone): Decoded<Funder[]> {
  const spec = sheetSpec('Financeurs');
  const map = requireHeaders(spec, table[0] ?? []);
  const records: Funder[] = [];
  const issues: DataIssue[] = [];
  const firstRowOf = new Map<string, number>();

  const reader = new RowReader(spec, map, issues, timeZone);
  for (const { row, cells } of dataRows(table)) {
    const r = reader.at(row, cells);
    const code = r.requiredText('code', 'Code manquant : écrivez un code court pour ce financeur, par exemple CD.');
    if (code !== null) {
      const first = firstRowOf.get(normalizeKey(code));
      if (first !== undefined) {
        r.issue('code', `Code déjà utilisé ligne ${first} : chaque financeur doit avoir un code unique.`, true);
      } else {
        firstRowOf.set(normalizeKey(code), r.row);
      }
    }
    let etpContracted = r.number('etpContracted');
    if (etpContracted !== null && etpContracted < 0) {
      r.issue('etpContracted', `ETP conventionnés de ${formatNumberFr(etpContracted)} : écrivez un nombre positif.`, false);
      etpContracted = null;
    }
    const hoursPerEtp = r.number('hoursPerEtp');
    const minimumMonths = r.number('minimumMonths');
    const record: Funder = {
      row: r.row,
      code: code ?? '',
      name: r.text('name'),
      etpContracted,
      hoursPerEtp: FUNDER_DEFAULTS.hoursPerEtp,
      minimumMonths: FUNDER_DEFAULTS.minimumMonths,
    };
    if (hoursPerEtp !== null) {
      if (hoursPerEtp > 0) record.hoursPerEtp = hoursPerEtp;
      else r.issue('hoursPerEtp', `Heures annuelles par ETP de ${formatNumberFr(hoursPerEtp)} : écrivez un nombre positif (${FUNDER_DEFAULTS.hoursPerEtp} est utilisé).`, false);
    }
    if (minimumMonths !== null) {
      if (minimumMonths >= 0) record.minimumMonths = minimumMonths;
      else r.issue('minimumMonths', `Durée minimale de ${formatNumberFr(minimumMonths)} mois : écrivez un nombre positif ou 0 (0 est utilisé).`, false);
    }
    if (!r.rejected) records.push(record);
  }
  return { records, issues };
}
