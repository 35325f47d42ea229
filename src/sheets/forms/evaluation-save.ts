import { formatDayFr } from '../../domain/calendar-day';
import { requireHeaders } from '../../domain/header-map';
import { DOMAINS } from '../../domain/records';
import { normalizeId, normalizeKey } from '../../domain/text';
import { SHEET, sheetSpec } from '../../domain/workbook-schema';
import { evaluationSchema, type ObjectiveProgress } from '../../forms/evaluation-schema';
import { type FormAnswer, refusal } from '../../forms/form-answer';
import { validateForm } from '../../forms/form-validation';
import { appendJournal } from '../journal';
import { type FormWorkbook, sheetToWrite } from './form-workbook';
import { appendRecords } from './row-writes';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The catalogue's objectives (Listes) by domain, then any other objective already assessed for
 * this parcours, each with its last level (by date, then sheet row); last, the catalogue's
 * objectives without a domain that were never assessed (domain null: chosen in the sidebar).
 */
export function objectiveProgressIn(wb: FormWorkbook, id: string): ObjectiveProgress[] {
  const key = (domain: string, objective: string) => `${domain}\u0000${normalizeKey(objective)}`;
  const progress = new Map<string, ObjectiveProgress>();
  for (const o of wb.context.objectives) {
    if (o.domain === null) continue;
    progress.set(key(o.domain, o.objective), { domain: o.domain, objective: o.objective, lastLevel: null, lastDate: null });
  }
  const wanted = normalizeId(id);
  const assessed = wb.data.evaluations
    .filter((e) => normalizeId(e.id) === wanted)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row));
  for (const e of assessed) {
    const k = key(e.domain, e.objective);
    const entry = progress.get(k) ?? { domain: e.domain, objective: e.objective, lastLevel: null, lastDate: null };
    progress.set(k, { ...entry, lastLevel: e.level, lastDate: e.date });
  }
  // An objective without a domain that was assessed already shows under that domain, with its level.
  const shown = new Set([...progress.values()].map((o) => normalizeKey(o.objective)));
  const undomained: ObjectiveProgress[] = [];
  for (const o of wb.context.objectives) {
    if (o.domain !== null || shown.has(normalizeKey(o.objective))) continue;
    shown.add(normalizeKey(o.objective));
    undomained.push({ domain: null, objective: o.objective, lastLevel: null, lastDate: null });
  }
  const rank = (d: string | null) => DOMAINS.indexOf(d as (typeof DOMAINS)[number]);
  return [...[...progress.values()].sort((a, b) => rank(a.domain) - rank(b.domain)), ...undomained];
}

export function saveEvaluationIn(ss: Spreadsheet, wb: FormWorkbook, payload: unknown): FormAnswer<{ added: number }> {
  const checked = validateForm(evaluationSchema(wb.context), payload);
  if (!checked.ok) return refusal(checked.errors);
  const v = checked.value;
  const spec = sheetSpec(SHEET.evaluations);
  const sheet = sheetToWrite(wb, SHEET.evaluations);
  const table = wb.raw[SHEET.evaluations] ?? [];
  const map = requireHeaders(spec, table[0] ?? []);
  const records = v.items.map((it) => ({
    date: v.date,
    id: v.id,
    type: v.type,
    domain: it.domain,
    objective: it.objective,
    level: it.level,
    evaluator: v.evaluator,
    comment: it.comment,
  }));
  appendRecords(sheet, spec.fields, map, records, wb.calendar.timeZone);
  appendJournal(ss, [
    {
      action: 'Nouvelle évaluation',
      sheet: SHEET.evaluations,
      id: v.id,
      detail: `${records.length} objectif(s) évalué(s) le ${formatDayFr(v.date)}`,
    },
  ]);
  return { ok: true, added: records.length };
}
