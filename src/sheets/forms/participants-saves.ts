import { formatDayFr } from '../../domain/calendar-day';
import { requireHeaders } from '../../domain/header-map';
import { normalizeId } from '../../domain/text';
import { SHEET, sheetSpec } from '../../domain/workbook-schema';
import { admissionSchema } from '../../forms/admission-schema';
import { admitSchema } from '../../forms/admit-schema';
import { exitCategoryOf, exitSchema } from '../../forms/exit-schema';
import { type FormAnswer, formRefusal, refusal } from '../../forms/form-answer';
import { validateForm } from '../../forms/form-validation';
import { nextParcoursId } from '../../forms/parcours-id';
import { parcoursStatus } from '../../domain/parcours-status';
import { renewalSchema } from '../../forms/renewal-schema';
import { findSamePerson } from '../../forms/same-person';
import { appendJournal } from '../journal';
import type { FormWorkbook } from './form-workbook';
import { appendRecords, updateRecords } from './row-writes';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The Participants writes of the forms. Each runs inside the document lock (the caller takes it)
 * on a workbook read inside it, validates the whole payload before writing anything, writes the
 * row with one setValues and adds one Journal line.
 */

function participantsTable(wb: FormWorkbook) {
  const sheet = wb.find(SHEET.participants)!;
  const spec = sheetSpec(SHEET.participants);
  const table = wb.raw[SHEET.participants] ?? [];
  return { sheet, spec, table, map: requireHeaders(spec, table[0] ?? []) };
}

export function saveAdmissionIn(
  ss: Spreadsheet,
  wb: FormWorkbook,
  payload: unknown,
): FormAnswer<{ id: string; row: number; status: string }> {
  const checked = validateForm(admissionSchema(wb.context), payload);
  if (!checked.ok) return refusal(checked.errors);
  const a = checked.value;
  const same = findSamePerson(wb.context.parcours, a);
  if (same.length > 0 && !a.confirmDuplicate) {
    const list = same.map((p) => `${p.id} (${p.status})`).join(', ');
    return refusal({
      confirmDuplicate: `Cette personne a déjà un parcours : ${list}. Cochez la case pour confirmer une nouvelle admission.`,
    });
  }
  const { sheet, spec, table, map } = participantsTable(wb);
  if (a.rsaOrientation !== null && map.columns['rsaOrientation'] === undefined) {
    return refusal({
      rsaOrientation:
        'La feuille Participants n’a pas encore de colonne « Orientation RSA » : lancez Parcours › Configurer le classeur, ou laissez ce champ vide.',
    });
  }
  const idColumn = map.columns['id']!;
  const existingIds = table.slice(1).map((row) => String(row[idColumn] ?? ''));
  const id = nextParcoursId(existingIds, Number(wb.context.today.slice(0, 4)));
  const status = parcoursStatus({ ...a, exitDate: null }, wb.context.today);
  const { confirmDuplicate: _confirmation, ...fields } = a;
  const row = appendRecords(sheet, spec.fields, map, [{ ...fields, id, status, exitDate: null, exitReason: null }], wb.calendar.timeZone);
  appendJournal(ss, [
    {
      action: 'Nouvelle admission',
      sheet: SHEET.participants,
      id,
      detail: a.entryDate ? `Entrée le ${formatDayFr(a.entryDate)}` : 'Candidature',
    },
  ]);
  return { ok: true, id, row, status };
}

/** The table index (0 = header) of the parcours `id`, or -1. */
function indexOfId(table: readonly (readonly unknown[])[], idColumn: number, id: string): number {
  const wanted = normalizeId(id);
  return table.findIndex((row, i) => i > 0 && normalizeId(String(row[idColumn] ?? '')) === wanted);
}

function updateParcours(
  ss: Spreadsheet,
  wb: FormWorkbook,
  id: string,
  patch: Record<string, unknown>,
  journal: { action: string; detail: string },
): FormAnswer<{ id: string; row: number }> {
  const { sheet, spec, table, map } = participantsTable(wb);
  const index = indexOfId(table, map.columns['id']!, id);
  if (index < 1) return formRefusal(`Parcours ${id} introuvable : rechargez le formulaire.`);
  updateRecords(sheet, spec.fields, map, table, new Map([[index, patch]]), wb.calendar.timeZone);
  appendJournal(ss, [{ action: journal.action, sheet: SHEET.participants, id, detail: journal.detail }]);
  return { ok: true, id, row: index + 1 };
}

export function saveAdmitIn(ss: Spreadsheet, wb: FormWorkbook, payload: unknown): FormAnswer<{ id: string; row: number }> {
  const checked = validateForm(admitSchema(wb.context), payload);
  if (!checked.ok) return refusal(checked.errors);
  const v = checked.value;
  const status = parcoursStatus({ ...v, exitDate: null }, wb.context.today);
  return updateParcours(ss, wb, v.id, { ...v, status }, {
    action: 'Admission d’un candidat',
    detail: `Entrée le ${formatDayFr(v.entryDate)}`,
  });
}

export function saveExitIn(
  ss: Spreadsheet,
  wb: FormWorkbook,
  payload: unknown,
): FormAnswer<{ id: string; row: number; category: string | null }> {
  const checked = validateForm(exitSchema(wb.context), payload);
  if (!checked.ok) return refusal(checked.errors);
  const v = checked.value;
  const p = wb.context.parcours.find((x) => x.id === v.id)!;
  const status = parcoursStatus({ ...p, exitDate: v.exitDate }, wb.context.today);
  // The form shows the current label; the cell gets the label the team's `Motifs de sortie` holds,
  // so the grid's dropdown (a range of that sheet) accepts it.
  const sheetLabel = wb.context.exitReasons.find((r) => r.motif === v.exitReason)?.sheetLabel ?? v.exitReason;
  const answer = updateParcours(ss, wb, v.id, { exitDate: v.exitDate, exitReason: sheetLabel, status }, {
    action: 'Sortie',
    detail: `Sortie le ${formatDayFr(v.exitDate)} : ${v.exitReason}`,
  });
  return answer.ok ? { ...answer, category: exitCategoryOf(wb.context, v.exitReason) } : answer;
}

export function saveRenewalIn(
  ss: Spreadsheet,
  wb: FormWorkbook,
  payload: unknown,
): FormAnswer<{ id: string; row: number; contractEnd: string }> {
  const checked = validateForm(renewalSchema(wb.context), payload);
  if (!checked.ok) return refusal(checked.errors);
  const v = checked.value;
  const answer = updateParcours(ss, wb, v.id, { contractEnd: v.contractEnd }, {
    action: 'Renouvellement du contrat',
    detail: `Fin de contrat : ${formatDayFr(v.previousContractEnd)} → ${formatDayFr(v.contractEnd)}`,
  });
  return answer.ok ? { ...answer, contractEnd: v.contractEnd } : answer;
}
