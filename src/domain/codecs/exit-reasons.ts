import * as z from 'zod';
import type { DataIssue } from '../data-issue';
import { requireHeaders } from '../header-map';
import { EXIT_CATEGORIES, type ExitCategory, type ExitReason } from '../records';
import { joinOr, normalizeKey } from '../text';
import { sheetSpec } from '../workbook-schema';
import { RowReader } from './row-reader';
import { type Decoded, dataRows } from './sheet-rows';

export const exitReasonSchema: z.ZodType<ExitReason> = z.object({
  row: z.number().int(),
  motif: z.string().min(1),
  category: z.enum(EXIT_CATEGORIES),
});

export function decodeExitReasons(table: readonly (readonly unknown[])[]): Decoded<ExitReason[]> {
  const spec = sheetSpec('Motifs de sortie');
  const map = requireHeaders(spec, table[0] ?? []);
  const records: ExitReason[] = [];
  const issues: DataIssue[] = [];
  const firstRowOf = new Map<string, number>();

  const reader = new RowReader(spec, map, issues);
  for (const { row, cells } of dataRows(table)) {
    const r = reader.at(row, cells);
    const motif = r.requiredText('motif', 'Motif manquant : écrivez le libellé du motif de sortie.');
    const category = r.list('category', EXIT_CATEGORIES, {
      missing: `Catégorie manquante : choisissez ${joinOr(EXIT_CATEGORIES)}.`,
    }) as ExitCategory | null;
    if (motif !== null) {
      const first = firstRowOf.get(normalizeKey(motif));
      if (first !== undefined) {
        r.issue('motif', `Motif « ${motif} » déjà présent ligne ${first} : seule la première ligne compte, supprimez celle-ci.`, true);
      } else if (!r.rejected) {
        firstRowOf.set(normalizeKey(motif), r.row);
      }
    }
    if (!r.rejected && motif !== null && category !== null) records.push({ row: r.row, motif, category });
  }
  return { records, issues };
}
