import type { TimeZone } from '../calendar-day';
import * as z from 'zod';
import { readLabel, readListValue, readText } from '../cell-values';
import type { DataIssue } from '../data-issue';
import { type Domain, DOMAINS } from '../records';
import { joinOr, sameKey } from '../text';
import { DEFAULT_BARRIERS, LISTS_COLUMNS, LISTS_FIELDS } from '../workbook-schema';
import { type Decoded, dataRows } from './sheet-rows';

/** `Listes`: list name (header as typed) → its non-empty values, trimmed, in sheet order. */
export const listsSchema = z.record(z.string(), z.array(z.string()));

export interface ObjectiveEntry {
  row: number;
  objective: string;
  domain: Domain | null;
}

export interface DecodedLists extends Decoded<Record<string, string[]>> {
  /** The objectives catalogue, each objective with the domain of its row (`Domaine de l'objectif`). */
  objectives: ObjectiveEntry[];
}

/** The values of the list whose header matches `name` (headers compared like all headers). */
export function listValues(lists: Record<string, string[]>, name: string): string[] {
  const key = Object.keys(lists).find((k) => sameKey(k, name));
  return key === undefined ? [] : (lists[key] ?? []);
}

/** The values of a `Listes` column found by its header or a synonym (`Freins`, `Partenaires`). */
export function listValuesOf(lists: Record<string, string[]>, key: 'barrier' | 'partner'): string[] {
  const field = LISTS_FIELDS.find((f) => f.key === key)!;
  for (const name of [field.header, ...field.synonyms]) {
    const values = listValues(lists, name);
    if (values.length > 0) return values;
  }
  return [];
}

/** The `Listes` Frein column, or the default barriers when the team has none (an older workbook). */
export function barrierLabels(lists: Record<string, string[]>): string[] {
  const listed = listValuesOf(lists, 'barrier');
  return listed.length > 0 ? listed : [...DEFAULT_BARRIERS];
}

/** Every column is optional; an absent `Listes` sheet gives no lists. */
export function decodeLists(table: readonly (readonly unknown[])[] | undefined, timeZone: TimeZone): DecodedLists {
  const lists: Record<string, string[]> = {};
  const objectives: ObjectiveEntry[] = [];
  const issues: DataIssue[] = [];
  if (!table || table.length === 0) return { records: lists, objectives, issues };

  const headers = Array.from(table[0] ?? [], (cell) => readLabel(cell));
  const columnOf = (name: string): number => headers.findIndex((h) => h !== null && sameKey(h, name));
  const rows = dataRows(table);

  // A header repeated in another column: the first column is the list.
  const seen = new Set<string>();
  headers.forEach((header, index) => {
    if (header === null || seen.has(header)) return;
    seen.add(header);
    lists[header] = rows.flatMap(({ cells }) => {
      const value = readText(cells[index], timeZone);
      return value === null ? [] : [value];
    });
  });

  const objectiveColumn = columnOf(LISTS_COLUMNS.objective);
  const domainColumn = columnOf(LISTS_COLUMNS.objectiveDomain);
  if (objectiveColumn >= 0) {
    for (const { row, cells } of rows) {
      const objective = readText(cells[objectiveColumn], timeZone);
      if (objective === null) continue;
      let domain: Domain | null = null;
      if (domainColumn >= 0) {
        const result = readListValue(cells[domainColumn], DOMAINS, timeZone);
        if (result.ok) domain = result.value as Domain | null;
        else {
          issues.push({
            sheet: 'Listes',
            row,
            column: LISTS_COLUMNS.objectiveDomain,
            message: `Domaine illisible : choisissez ${joinOr(DOMAINS)}.`,
          });
        }
      }
      objectives.push({ row, objective, domain });
    }
  }
  return { records: lists, objectives, issues };
}
