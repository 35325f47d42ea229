import type { TimeZone } from '../calendar-day';
import * as z from 'zod';
import type { DataIssue } from '../data-issue';
import { requireHeaders } from '../header-map';
import {
  DOMAINS,
  type Domain,
  EVALUATION_TYPES,
  type Evaluation,
  type EvaluationType,
  LEVELS,
  type Level,
  type Parcours,
} from '../records';
import { findLabel, joinOr, normalizeId } from '../text';
import { sheetSpec } from '../workbook-schema';
import { calendarDaySchema } from './calendar-day-schema';
import { outsideParcoursMessage } from './parcours-range';
import { parcoursOfRow, type UnreadableParcours } from './parcours-reference';
import { RowReader } from './row-reader';
import { type Decoded, forEachDataRow } from './sheet-rows';

export const evaluationSchema: z.ZodType<Evaluation> = z.object({
  row: z.number().int(),
  date: calendarDaySchema,
  id: z.string().min(1),
  type: z.enum(EVALUATION_TYPES).nullable(),
  domain: z.enum(DOMAINS),
  objective: z.string().min(1),
  level: z.enum(LEVELS),
  evaluator: z.string().nullable(),
  comment: z.string().nullable(),
});

export interface EvaluationsContext {
  /** The spreadsheet's zone: a date cell is read as its day there. */
  timeZone: TimeZone;
  /** IDs whose Participants row is unreadable: their rows point to it (see parcours-reference.ts). */
  unreadableParcours?: UnreadableParcours;
  /** Readable parcours only. */
  parcours: readonly Parcours[];
  /** `Listes` Objectif: a matching objective takes the catalogue's spelling; free text is kept. */
  objectives: readonly string[];
}

// Built once, not once per row.
const MISSING_DOMAIN = { missing: `Domaine manquant : choisissez ${joinOr(DOMAINS)}.` };
const MISSING_LEVEL = { missing: `Niveau manquant : choisissez ${joinOr(LEVELS)}.` };

export function decodeEvaluations(
  table: readonly (readonly unknown[])[],
  context: EvaluationsContext,
): Decoded<Evaluation[]> {
  const spec = sheetSpec('Évaluations');
  const map = requireHeaders(spec, table[0] ?? []);
  const records: Evaluation[] = [];
  const issues: DataIssue[] = [];
  const parcoursById = new Map(context.parcours.map((p) => [normalizeId(p.id), p]));

  const reader = new RowReader(spec, map, issues, context.timeZone);
  forEachDataRow(table, (row, cells) => {
    const r = reader.at(row, cells);
    const date = r.date('date', "Date manquante : écrivez la date de l'évaluation jj/mm/aaaa.");
    const typedId = r.requiredText('id', 'ID manquant : écrivez l’ID du parcours (colonne ID de la feuille « Participants »).');
    const parcours = parcoursOfRow(r, typedId, parcoursById, context.unreadableParcours);
    const type = r.list('type', EVALUATION_TYPES) as EvaluationType | null;
    const domain = r.list('domain', DOMAINS, MISSING_DOMAIN) as Domain | null;
    const typedObjective = r.requiredText('objective', "Objectif manquant : écrivez l'objectif évalué.");
    const objective = typedObjective === null ? null : (findLabel(typedObjective, context.objectives) ?? typedObjective);
    const level = r.list('level', LEVELS, MISSING_LEVEL) as Level | null;

    if (date !== null && parcours !== undefined) {
      const outside = outsideParcoursMessage('Cette évaluation', date, parcours);
      if (outside !== null) r.issue('date', outside, true);
    }
    const evaluator = r.text('evaluator');
    const comment = r.text('comment');
    if (r.rejected || date === null || parcours === undefined || domain === null || objective === null || level === null) {
      return;
    }
    records.push({ row: r.row, date, id: parcours.id, type, domain, objective, level, evaluator, comment });
  });
  return { records, issues };
}
