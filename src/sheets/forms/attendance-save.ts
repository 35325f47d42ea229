import { type CalendarDay, formatDayFr } from '../../domain/calendar-day';
import { readDate, readLabel, readListValue, readNumber, readText } from '../../domain/cell-values';
import { dataRows } from '../../domain/codecs/sheet-rows';
import { requireHeaders } from '../../domain/header-map';
import { PRESENCE_STATUSES } from '../../domain/records';
import { normalizeId, sameKey } from '../../domain/text';
import { SHEET, sheetSpec } from '../../domain/workbook-schema';
import { type AttendanceSheetRow, attendanceSchema } from '../../forms/attendance-schema';
import { type FormAnswer, refusal } from '../../forms/form-answer';
import { parcoursLabel } from '../../forms/form-context';
import { validateForm } from '../../forms/form-validation';
import { appendJournal } from '../journal';
import { type FormWorkbook, sheetToWrite } from './form-workbook';
import { appendRecords, updateRecords } from './row-writes';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function attendanceTable(wb: FormWorkbook) {
  const spec = sheetSpec(SHEET.attendance);
  const table = wb.raw[SHEET.attendance] ?? [];
  return { sheet: sheetToWrite(wb, SHEET.attendance), spec, table, map: requireHeaders(spec, table[0] ?? []) };
}

interface SavedCell {
  /** Table index (0 = header). */
  index: number;
  id: string;
  status: string;
  hours: number | null;
  comment: string | null;
}

/** Rows already saved for this atelier and date, read as typed (the first row of an ID wins). */
function savedSessionRows(wb: FormWorkbook, workshop: string, date: CalendarDay): Map<string, SavedCell> {
  const { table, map } = attendanceTable(wb);
  const cell = (cells: readonly unknown[], key: string) => cells[map.columns[key]!];
  const saved = new Map<string, SavedCell>();
  for (const { row, cells } of dataRows(table)) {
    const { timeZone } = wb.calendar;
    const day = readDate(cell(cells, 'date'), timeZone);
    const atelier = readText(cell(cells, 'workshop'), timeZone);
    const id = readLabel(cell(cells, 'id'));
    if (!day.ok || day.value !== date || atelier === null || !sameKey(atelier, workshop) || id === null) continue;
    const key = normalizeId(id);
    if (saved.has(key)) continue;
    const status = readListValue(cell(cells, 'status'), PRESENCE_STATUSES, timeZone);
    const hours = readNumber(cell(cells, 'hours'), timeZone);
    saved.set(key, {
      index: row - 1,
      id,
      status: status.ok && status.value !== null ? status.value : '',
      hours: hours.ok ? hours.value : null,
      comment: readText(cell(cells, 'comment'), timeZone),
    });
  }
  return saved;
}

/**
 * What the attendance sidebar shows for one session: the rows already saved (edited in place),
 * then the parcours of that atelier active on that day that have no row yet, as Présent.
 */
export function attendanceSessionIn(wb: FormWorkbook, workshop: string, date: CalendarDay): AttendanceSheetRow[] {
  const saved = savedSessionRows(wb, workshop, date);
  const byId = new Map(wb.context.parcours.map((p) => [normalizeId(p.id), p]));
  const rows: AttendanceSheetRow[] = [...saved.entries()].map(([key, s]) => {
    const p = byId.get(key);
    return {
      id: p?.id ?? s.id,
      label: p ? parcoursLabel(p) : s.id,
      status: s.status,
      hours: s.hours,
      comment: s.comment,
      savedRow: s.index + 1,
    };
  });
  for (const p of wb.context.parcours) {
    if (saved.has(normalizeId(p.id)) || p.workshop === null || !sameKey(p.workshop, workshop)) continue;
    if (p.entryDate === null || p.entryDate > date || (p.exitDate !== null && p.exitDate < date)) continue;
    rows.push({ id: p.id, label: parcoursLabel(p), status: 'Présent', hours: null, comment: null, savedRow: null });
  }
  return rows;
}

/** Saves a whole session: saved rows rewritten in one setValues, new rows appended in one more. */
export function saveAttendanceIn(
  ss: Spreadsheet,
  wb: FormWorkbook,
  payload: unknown,
): FormAnswer<{ updated: number; added: number }> {
  const checked = validateForm(attendanceSchema(wb.context), payload);
  if (!checked.ok) return refusal(checked.errors);
  const session = checked.value;
  const { sheet, spec, table, map } = attendanceTable(wb);
  const saved = savedSessionRows(wb, session.workshop, session.date);
  const updates = new Map<number, Record<string, unknown>>();
  const additions: Record<string, unknown>[] = [];
  for (const r of session.rows) {
    const record = { date: session.date, workshop: session.workshop, id: r.id, status: r.status, hours: r.hours, comment: r.comment };
    const existing = saved.get(normalizeId(r.id));
    if (existing) updates.set(existing.index, record);
    else additions.push(record);
  }
  updateRecords(sheet, spec.fields, map, table, updates, wb.calendar.timeZone);
  if (additions.length > 0) appendRecords(sheet, spec.fields, map, additions, wb.calendar.timeZone);
  appendJournal(ss, [
    {
      action: 'Saisie des présences',
      sheet: SHEET.attendance,
      detail: `${session.workshop}, séance du ${formatDayFr(session.date)} : ${additions.length} ajoutée(s), ${updates.size} modifiée(s)`,
    },
  ]);
  return { ok: true, updated: updates.size, added: additions.length };
}
