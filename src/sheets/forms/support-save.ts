import { formatDayFr } from '../../domain/calendar-day';
import { mapHeaders } from '../../domain/header-map';
import { byDateThenRow } from '../../domain/chronological';
import { formatNumberFr, normalizeId } from '../../domain/text';
import { SHEET, sheetSpec } from '../../domain/workbook-schema';
import { type FormAnswer, formRefusal, refusal } from '../../forms/form-answer';
import { validateForm } from '../../forms/form-validation';
import { type BarrierStatus, type RecentAction, supportSchema } from '../../forms/support-schema';
import { appendJournal } from '../journal';
import type { FormWorkbook } from './form-workbook';
import { appendRecords } from './row-writes';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How many of the latest actions the sidebar lists. */
export const RECENT_ACTIONS = 8;

const NO_SHEET = 'Feuille « Accompagnement » introuvable : lancez Parcours › Configurer le classeur, puis recommencez.';

/** The participant's barriers with their latest state, and the latest actions, newest first. */
export function supportOverviewIn(wb: FormWorkbook, id: string): { barriers: BarrierStatus[]; actions: RecentAction[] } {
  const wanted = normalizeId(id);
  const rows = wb.data.support.filter((s) => normalizeId(s.id) === wanted).sort(byDateThenRow);
  const latest = new Map<string, BarrierStatus>();
  for (const s of rows) {
    if (s.barrier !== null && s.barrierState !== null) latest.set(s.barrier, { barrier: s.barrier, state: s.barrierState, date: s.date });
  }
  const order = wb.context.barriers;
  const barriers = [...latest.values()].sort((a, b) => order.indexOf(a.barrier) - order.indexOf(b.barrier));
  const actions = rows
    .slice(-RECENT_ACTIONS)
    .reverse()
    .map(({ date, action, hours, partner, barrier, barrierState }) => ({ date, action, hours, partner, barrier, barrierState }));
  return { barriers, actions };
}

/**
 * Appends one `Accompagnement` row and one Journal line, after the whole payload is valid. The
 * Journal says what was done (action, date, hours, barrier and state), never the comment.
 */
export function saveSupportIn(ss: Spreadsheet, wb: FormWorkbook, payload: unknown): FormAnswer<{ id: string; row: number }> {
  const checked = validateForm(supportSchema(wb.context), payload);
  if (!checked.ok) return refusal(checked.errors);
  const sheet = wb.find(SHEET.support);
  const table = wb.raw[SHEET.support];
  if (!sheet || !table) return formRefusal(NO_SHEET);
  const v = checked.value;
  const spec = sheetSpec(SHEET.support);
  const map = mapHeaders(spec, table[0] ?? []);
  const row = appendRecords(sheet, spec.fields, map, [v], wb.calendar.timeZone);
  const details = [`${v.action} du ${formatDayFr(v.date)}`];
  if (v.hours !== null) details.push(`${formatNumberFr(v.hours)} h`);
  if (v.barrier !== null) details.push(`frein ${v.barrier} : ${v.barrierState}`);
  appendJournal(ss, [{ action: 'Accompagnement', sheet: SHEET.support, id: v.id, detail: details.join(' ; ') }]);
  return { ok: true, id: v.id, row };
}
