import type { TimeZone } from '../calendar-day';
import * as z from 'zod';
import type { DataIssue } from '../data-issue';
import { requireHeaders } from '../header-map';
import { currentMotifLabel, exitCategoryOf } from '../exit-labels';
import { EXIT_CATEGORIES, type ExitReason } from '../records';
import { joinOr, normalizeKey } from '../text';
import { sheetSpec } from '../workbook-schema';
import { RowReader } from './row-reader';
import { type Decoded, dataRows } from './sheet-rows';

export const exitReasonSchema: z.ZodType<ExitReason> = z.object({
  row: z.number().int(),
  motif: z.string().min(1),
  category: z.enum(EXIT_CATEGORIES),
  sheetLabel: z.string().optional(),
});

const CHOOSE_CATEGORY = `choisissez ${joinOr(EXIT_CATEGORIES)}`;

/**
 * `Motifs de sortie` (SPEC §1.6). A row written with a former label (`Autre sortie positive`,
 * category `Sortie positive`) is read under the label that replaced it; the sheet is left as typed.
 */

export function decodeExitReasons(table: readonly (readonly unknown[])[], timeZone: TimeZone): Decoded<ExitReason[]> {
  const spec = sheetSpec('Motifs de sortie');
  const map = requireHeaders(spec, table[0] ?? []);
  const records: ExitReason[] = [];
  const issues: DataIssue[] = [];
  const firstRowOf = new Map<string, number>();

  const reader = new RowReader(spec, map, issues, timeZone);
  for (const { row, cells } of dataRows(table)) {
    const r = reader.at(row, cells);
    const typed = r.requiredText('motif', 'Motif manquant : écrivez le libellé du motif de sortie.');
    const typedCategory = r.text('category');
    const category = typedCategory === null ? null : exitCategoryOf(typedCategory);
    if (typedCategory === null) r.issue('category', `Catégorie manquante : ${CHOOSE_CATEGORY}.`, true);
    else if (category === null) r.issue('category', `Catégorie inconnue : ${CHOOSE_CATEGORY}.`, true);
    const motif = typed === null ? null : currentMotifLabel(typed);
    if (motif !== null) {
      const first = firstRowOf.get(normalizeKey(motif));
      if (first !== undefined) {
        r.issue('motif', `Motif déjà présent ligne ${first} (sous ce libellé ou un ancien libellé) : seule la première ligne compte, supprimez celle-ci.`, true);
      } else if (!r.rejected) {
        firstRowOf.set(normalizeKey(motif), r.row);
      }
    }
    if (!r.rejected && typed !== null && motif !== null && category !== null) {
      records.push(typed === motif ? { row: r.row, motif, category } : { row: r.row, motif, category, sheetLabel: typed });
    }
  }
  return { records, issues };
}
