import { demoModel } from '../../cli/preview';
import { cellAt, cellRow, putCell, usedRowCount } from '../../runtime/spreadsheet/sheet-grid';
import type { FormContext } from '../../src/forms/form-context';
import { formulaCells, sheetRecords } from '../browser/browser-support';
import { DIST_DIR, loadDist } from '../support/built-bundle';

/** The google.script.run targets in the local runtime, on the demo workbook, without a browser. */
const NOW = new Date('2026-11-20T12:00:00Z');
type Answer = { ok: boolean; errors?: Record<string, string>; [key: string]: unknown };

function setup() {
  const model = demoModel(DIST_DIR);
  const bundle = loadDist({ model, now: NOW });
  const context = (bundle.call('getFormContext') as { context: FormContext }).context;
  bundle.runtime.calls.reset();
  return { model, bundle, context };
}

const admission = { lastName: 'Lambert', firstName: 'Chloé', birthDate: '1988-02-29', sex: 'F', entryDate: '2026-11-02' };

test('saveAdmission writes one row with one setValues and one Journal line, inside the lock', () => {
  const { model, bundle } = setup();
  const before = sheetRecords(model, 'Participants').length;
  const answer = bundle.call<Answer>('saveAdmission', admission);
  expect(answer).toMatchObject({ ok: true, status: "Période d'essai" });
  const rows = sheetRecords(model, 'Participants');
  expect(rows).toHaveLength(before + 1);
  expect(rows[before]).toMatchObject({ ID: answer.id, Nom: 'Lambert', "Fin de période d'essai": '2026-12-02', 'Fin de contrat': '2027-05-02' });
  // One setValues for the row, one for the Journal line.
  expect(bundle.runtime.calls.writes()).toEqual({ 'Range.setValues': 2 });
  expect(bundle.runtime.calls.count('Lock.waitLock')).toBe(1);
  expect(bundle.runtime.calls.count('Lock.releaseLock')).toBe(1);
  expect(bundle.runtime.locks.holdsDocumentLock()).toBe(false);
});

test('a sidebar reads Présences and Évaluations only when it uses them', () => {
  const { bundle } = setup();
  const ss = (bundle.runtime.globals['SpreadsheetApp'] as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
  // A table is read as its top rows (where its headers are), then whole when it is longer.
  const cells = (name: string) => {
    const range = ss.getSheetByName(name)!.getDataRange();
    const rows = range.getNumRows();
    return (rows + (rows > 10 ? 10 : 0)) * range.getNumColumns();
  };
  const attendanceCells = cells('Présences');
  const evaluationCells = cells('Évaluations');
  const cellsReadBy = (fn: string, ...args: unknown[]) => {
    bundle.runtime.calls.reset();
    bundle.call(fn, ...args);
    return bundle.runtime.calls.cellsRead;
  };
  const context = cellsReadBy('getFormContext');
  expect(context).toBeLessThan(attendanceCells);
  expect(cellsReadBy('getAttendanceSession', 'Maraîchage', '2026-11-16')).toBe(context + attendanceCells);
  expect(cellsReadBy('getObjectiveProgress', 'P-2026-0001')).toBe(context + evaluationCells);
  expect(cellsReadBy('saveAdmission', admission)).toBe(context);
});

test('IDs follow the highest counter of the year', () => {
  const { bundle, context } = setup();
  const counters = context.parcours.filter((p) => p.id.startsWith('P-2026-')).map((p) => Number(p.id.slice(7)));
  const first = bundle.call<Answer>('saveAdmission', admission);
  const second = bundle.call<Answer>('saveAdmission', { ...admission, firstName: 'Léa' });
  expect(first.id).toBe(`P-2026-${String(Math.max(...counters) + 1).padStart(4, '0')}`);
  expect(second.id).toBe(`P-2026-${String(Math.max(...counters) + 2).padStart(4, '0')}`);
});

test.each([
  ['saveAdmission', { ...admission, sex: 'X' }, 'sex', 'Sexe manquant : choisissez F ou H.'],
  ['saveAdmission', { ...admission, weeklyHours: '3' }, 'weeklyHours', 'Heures hebdo : écrivez un nombre entre 9 et 35.'],
  ['admitCandidate', { id: 'P-1999-0001', entryDate: '2026-11-02' }, 'id', 'Parcours introuvable : rechargez la liste.'],
  ['saveAttendance', { workshop: 'Inconnu', date: '2026-11-16', rows: [] }, 'workshop', 'Atelier inconnu : choisissez-le dans la liste.'],
  ['saveEvaluation', { id: '', date: '2026-11-16', items: [] }, 'id', 'Choisissez un participant.'],
  ['recordExit', { id: '', exitDate: '', exitReason: '' }, 'exitDate', 'Date de sortie manquante.'],
  ['renewContract', { id: '', months: 'six' }, 'months', 'Durée : un nombre entier de mois, de 1 à 24.'],
])('%s refuses invalid input and writes nothing (%s)', (fn, payload, field, message) => {
  const { bundle } = setup();
  const answer = bundle.call<Answer>(fn, payload);
  expect(answer.ok).toBe(false);
  expect(answer.errors?.[field]).toBe(message);
  expect(bundle.runtime.calls.writes()).toEqual({});
});

test('recordExit closes a candidature that did not go ahead: exit and motif, Statut « Sorti »', () => {
  const { model, bundle, context } = setup();
  const candidate = context.parcours.find((p) => p.entryDate === null && p.exitDate === null)!;
  const answer = bundle.call<Answer>('recordExit', { id: candidate.id, exitDate: '2026-11-18', exitReason: 'Abandon' });
  expect(answer).toMatchObject({ ok: true, id: candidate.id, category: 'Autres sorties' });
  const row = sheetRecords(model, 'Participants').find((r) => r['ID'] === candidate.id)!;
  expect(row).toMatchObject({ "Date d'entrée": '', 'Date de sortie': '2026-11-18', 'Motif de sortie': 'Abandon', Statut: 'Sorti' });
  const again = bundle.call<Answer>('getFormContext') as unknown as { context: FormContext };
  expect(again.context.parcours.find((p) => p.id === candidate.id)).toMatchObject({ exitDate: '2026-11-18' });
});

test('a save while another execution holds the document lock is refused without writing', () => {
  const { model, bundle } = setup();
  const other = loadDist({ model, now: NOW });
  const lock = (other.runtime.globals['LockService'] as { getDocumentLock(): { waitLock(ms: number): void } }).getDocumentLock();
  lock.waitLock(1000);
  const answer = bundle.call<Answer>('saveAdmission', admission);
  expect(answer).toEqual({ ok: false, errors: { _form: 'Un autre enregistrement est en cours : réessayez dans quelques secondes.' } });
  expect(bundle.runtime.calls.writes()).toEqual({});
  other.runtime.endExecution();
  expect(bundle.call<Answer>('saveAdmission', admission).ok).toBe(true);
});

test('saveAttendance rewrites a saved session in place with one setValues', () => {
  const { model, bundle, context } = setup();
  const p = context.parcours.filter((x) => x.entryDate !== null && x.entryDate <= '2026-11-01' && x.exitDate === null).slice(0, 2);
  const workshop = context.workshops[0]!.name;
  const payload = { workshop, date: '2026-11-15', rows: p.map((x) => ({ id: x.id, status: 'Présent', hours: '3' })) };
  expect(bundle.call<Answer>('saveAttendance', payload)).toEqual({ ok: true, added: 2, updated: 0 });
  const count = sheetRecords(model, 'Présences').length;
  bundle.runtime.calls.reset();
  const again = { ...payload, rows: payload.rows.map((r) => ({ ...r, status: 'Absent non justifié', hours: '' })) };
  expect(bundle.call<Answer>('saveAttendance', again)).toEqual({ ok: true, added: 0, updated: 2 });
  expect(bundle.runtime.calls.writes()).toEqual({ 'Range.setValues': 2 });
  const rows = sheetRecords(model, 'Présences');
  expect(rows).toHaveLength(count);
  expect(rows.slice(-2).map((r) => [r.ID, r.Présence, r.Heures])).toEqual(p.map((x) => [x.id, 'Absent non justifié', '']));
});

test('menu handlers open their sidebar', () => {
  const { bundle } = setup();
  bundle.call('menuAttendance');
  expect(bundle.runtime.ui.lastDisplay()).toMatchObject({ kind: 'sidebar', title: 'Saisir les présences' });
  expect(bundle.runtime.ui.lastDisplay()?.content).toContain('Date de la séance');
});

/** Writes one cell of the model as a person would have left it (a value, or a formula). */
function setCell(model: ReturnType<typeof demoModel>, sheetName: string, row: number, header: string, cell: { value: string | number; formula?: string }) {
  const sheet = model.sheets.find((s) => s.name === sheetName)!;
  const column = cellRow(sheet, 1).findIndex((c) => c?.value === header);
  expect(column).toBeGreaterThanOrEqual(0);
  sheet.maxRows = Math.max(sheet.maxRows, row);
  putCell(sheet, row, column + 1, { ...cell });
}

function cellOf(model: ReturnType<typeof demoModel>, sheetName: string, row: number, header: string) {
  const sheet = model.sheets.find((s) => s.name === sheetName)!;
  const column = cellRow(sheet, 1).findIndex((c) => c?.value === header);
  return cellAt(sheet, row, column + 1);
}

test('an update leaves the other cells of its block exactly as they were: formulas, text that looks like a date', () => {
  const { model, bundle, context } = setup();
  const candidate = context.parcours.find((p) => p.entryDate === null && p.exitDate === null)!;
  const row = sheetRecords(model, 'Participants').findIndex((r) => r.ID === candidate.id) + 2;
  // Heures hebdo and Motif de sortie sit between Date de commission and Statut, both written by the admission.
  setCell(model, 'Participants', row, 'Heures hebdo prévues', { value: '', formula: '=4*6' });
  setCell(model, 'Participants', row, 'Motif de sortie', { value: '12/03/2026' });
  bundle.runtime.calls.reset();
  expect(bundle.call<Answer>('admitCandidate', { id: candidate.id, entryDate: '2026-11-16' })).toMatchObject({ ok: true, row });
  expect(bundle.runtime.calls.writes()).toEqual({ 'Range.setValues': 2 });
  expect(cellOf(model, 'Participants', row, 'Heures hebdo prévues')).toMatchObject({ formula: '=4*6' });
  expect(cellOf(model, 'Participants', row, 'Motif de sortie')).toMatchObject({ value: '12/03/2026' });
  expect(sheetRecords(model, 'Participants')[row - 2]).toMatchObject({ "Date d'entrée": '2026-11-16', Statut: "Période d'essai" });
});

test('saveAttendance stores each comment as text and keeps it when the session is edited', () => {
  const { model, bundle, context } = setup();
  const p = context.parcours.filter((x) => x.entryDate !== null && x.entryDate <= '2026-11-01' && x.exitDate === null).slice(0, 2);
  const workshop = context.workshops[0]!.name;
  const rows = [
    { id: p[0]!.id, status: 'Retard', hours: '2', comment: '=HYPERLINK("http://exemple.invalid")' },
    { id: p[1]!.id, status: 'Présent', hours: '', comment: '  ' },
  ];
  expect(bundle.call<Answer>('saveAttendance', { workshop, date: '2026-11-15', rows })).toEqual({ ok: true, added: 2, updated: 0 });
  const saved = sheetRecords(model, 'Présences').slice(-2);
  expect(saved.map((r) => r.Commentaire)).toEqual(['=HYPERLINK("http://exemple.invalid")', '']);
  expect(formulaCells(model, 'Présences')).toEqual([]);
  const session = bundle.call<{ ok: true; rows: { id: string; comment: string | null }[] }>('getAttendanceSession', workshop, '2026-11-15');
  expect(session.rows.slice(0, 2).map((r) => r.comment)).toEqual(['=HYPERLINK("http://exemple.invalid")', null]);
  const long = { workshop, date: '2026-11-15', rows: [{ ...rows[0]!, comment: 'x'.repeat(2001) }] };
  expect(bundle.call<Answer>('saveAttendance', long).errors).toEqual({ 'rows.0.comment': 'Texte trop long : 2000 caractères au plus.' });
});

test('the evaluation offers the catalogue objectives without a domain and accepts a free-text objective with a comment', () => {
  const { model, bundle, context } = setup();
  const listes = model.sheets.find((s) => s.name === 'Listes')!;
  const free = usedRowCount(listes) + 1;
  setCell(model, 'Listes', free, 'Objectif', { value: 'Utiliser les transports en commun' });
  const p = context.parcours.find((x) => x.entryDate !== null && x.entryDate <= '2026-11-01' && x.exitDate === null)!;
  type Progress = { ok: true; objectives: { domain: string | null; objective: string; lastLevel: string | null }[] };
  const before = bundle.call<Progress>('getObjectiveProgress', p.id).objectives;
  expect(before.at(-1)).toEqual({ domain: null, objective: 'Utiliser les transports en commun', lastLevel: null, lastDate: null });
  expect(before.filter((o) => o.domain === null)).toHaveLength(1);

  bundle.runtime.calls.reset();
  const items = [
    { domain: 'Savoir-être', objective: 'Utiliser les transports en commun', level: 'En cours', comment: '' },
    { domain: 'Savoir-faire', objective: '+ Tenir une caisse', level: 'Acquis', comment: '@bilan : très à l’aise' },
  ];
  expect(bundle.call<Answer>('saveEvaluation', { id: p.id, date: '2026-11-18', items })).toEqual({ ok: true, added: 2 });
  // The rows in one setValues, the Journal line in one more (the grid may grow first).
  expect(bundle.runtime.calls.count('Range.setValues')).toBe(2);
  const rows = sheetRecords(model, 'Évaluations').slice(-2);
  expect(rows.map((r) => [r.Domaine, r.Objectif, r.Niveau, r.Commentaire])).toEqual([
    ['Savoir-être', 'Utiliser les transports en commun', 'En cours', ''],
    ['Savoir-faire', '+ Tenir une caisse', 'Acquis', '@bilan : très à l’aise'],
  ]);
  expect(formulaCells(model, 'Évaluations')).toEqual([]);
  // Assessed once, the objective shows under its domain with its level, no longer under « Autres ».
  const after = bundle.call<Progress>('getObjectiveProgress', p.id).objectives;
  expect(after.filter((o) => o.domain === null)).toEqual([]);
  expect(after.find((o) => o.objective === 'Utiliser les transports en commun')).toMatchObject({ domain: 'Savoir-être', lastLevel: 'En cours' });
  expect(after.find((o) => o.objective === '+ Tenir une caisse')).toMatchObject({ domain: 'Savoir-faire', lastLevel: 'Acquis' });

  const missing = [{ domain: '', objective: 'Utiliser les transports en commun', level: 'Acquis' }, { domain: 'Savoir', objective: ' ', level: '' }];
  expect(bundle.call<Answer>('saveEvaluation', { id: p.id, date: '2026-11-18', items: missing }).errors).toEqual({
    'items.0.domain': 'Domaine manquant.',
    'items.1.objective': 'Objectif manquant.',
    'items.1.level': 'Choisissez un niveau.',
  });
});
