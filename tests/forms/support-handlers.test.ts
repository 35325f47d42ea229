/** « Accompagnement… » through the built bundle on the demo workbook: the save, its refusals, what the page reads. */
import { demoModel } from '../../cli/preview';
import type { FormContext } from '../../src/forms/form-context';
import { sheetRecords } from '../browser/browser-support';
import { DIST_DIR, loadDist } from '../support/built-bundle';

const NOW = new Date('2026-11-20T12:00:00Z');
type Answer = { ok: boolean; errors?: Record<string, string>; [key: string]: unknown };

function setup() {
  const model = demoModel(DIST_DIR);
  const bundle = loadDist({ model, now: NOW });
  const context = (bundle.call('getFormContext') as { context: FormContext }).context;
  bundle.runtime.calls.reset();
  const running = context.parcours.find((p) => p.entryDate !== null && p.exitDate === null && p.entryDate < '2026-09-01')!;
  const exited = context.parcours.find((p) => p.exitDate !== null)!;
  return { model, bundle, context, running, exited };
}

test('the context offers the Frein and Partenaire lists', () => {
  const { context } = setup();
  expect(context.barriers).toContain('Mobilité');
  expect(context.barriers).toContain('Santé');
  expect(context.partners).toContain('France Travail');
});

test('saveSupport appends one row with one setValues and one Journal line, inside the lock; text stays text', () => {
  const { model, bundle, running } = setup();
  const before = sheetRecords(model, 'Accompagnement').length;
  const journal = sheetRecords(model, 'Journal').length;
  const answer = bundle.call<Answer>('saveSupport', {
    id: running.id,
    date: '2026-11-18',
    action: 'formation',
    hours: '3,5',
    partner: '=Organisme',
    comment: '12:30 puis 1/2 journée',
    barrier: 'mobilite',
    barrierState: 'En cours',
  });
  expect(answer).toMatchObject({ ok: true, id: running.id });
  const rows = sheetRecords(model, 'Accompagnement');
  expect(rows).toHaveLength(before + 1);
  expect(rows[before]).toMatchObject({
    Date: '2026-11-18',
    ID: running.id,
    Action: 'Formation',
    Frein: 'Mobilité',
    'État du frein': 'En cours',
    Heures: 3.5,
    Partenaire: '=Organisme',
    Commentaire: '12:30 puis 1/2 journée',
  });
  // One setValues for the row, one for the Journal line (the grid may grow first).
  const { 'Sheet.insertRowsAfter': _grown, ...writes } = bundle.runtime.calls.writes();
  expect(writes).toEqual({ 'Range.setValues': 2 });
  expect(bundle.runtime.calls.count('Lock.waitLock')).toBe(1);
  expect(bundle.runtime.locks.holdsDocumentLock()).toBe(false);
  const lines = sheetRecords(model, 'Journal');
  expect(lines).toHaveLength(journal + 1);
  expect(lines[journal]).toMatchObject({ Action: 'Accompagnement', Feuille: 'Accompagnement', ID: running.id });
  expect(String(lines[journal]!['Détail'])).toBe('Formation du 18/11/2026 ; 3,5 h ; frein Mobilité : En cours');
  // The overview shows it at once: the barrier's latest state, the action first.
  const overview = bundle.call<Answer>('getSupportOverview', running.id);
  expect((overview['barriers'] as { barrier: string; state: string }[]).find((b) => b.barrier === 'Mobilité')?.state).toBe('En cours');
  expect((overview['actions'] as { date: string; action: string }[])[0]).toMatchObject({ date: '2026-11-18', action: 'Formation' });
});

test.each([
  ['an unknown ID', { id: 'P-1999-0001' }, 'id', 'Parcours introuvable : rechargez la liste.'],
  ['a date after the exit', { exitedDate: 1 }, 'date', null],
  ['a date in the future', { date: '2026-11-21' }, 'date', 'Date du 21/11/2026 dans le futur : une action s’enregistre une fois faite.'],
  ['a state without a barrier', { barrierState: 'Levé' }, 'barrierState', 'Un état sans frein : choisissez le frein concerné, ou videz l’état.'],
  ['a barrier without a state', { barrier: 'Logement' }, 'barrierState', 'Choisissez l’état du frein (Identifié, En cours ou Levé).'],
  ['hours at 0', { hours: '0' }, 'hours', 'Heures hors limites : plus de 0 et au plus 400, ou laissez vide.'],
  ['hours above 400', { hours: '400,5' }, 'hours', 'Heures hors limites : plus de 0 et au plus 400, ou laissez vide.'],
  ['unreadable hours', { hours: 'trois' }, 'hours', 'Nombre illisible : écrivez par exemple 3,5.'],
  ['an unknown barrier', { barrier: 'Voiture', barrierState: 'Levé' }, 'barrier', 'Frein inconnu : choisissez-le dans la liste (colonne Frein de la feuille « Listes »).'],
  ['no action type', { action: '' }, 'action', 'Choisissez le type d’action.'],
])('saveSupport refuses %s and writes nothing', (_what, change, field, message) => {
  const { bundle, running, exited } = setup();
  const base = { id: running.id, date: '2026-11-18', action: 'Entretien individuel' };
  const payload = 'exitedDate' in change ? { ...base, id: exited.id, date: '2026-11-19' } : { ...base, ...change };
  const answer = bundle.call<Answer>('saveSupport', payload);
  expect(answer.ok).toBe(false);
  if (message === null) expect(answer.errors?.[field]).toMatch(/^Date du 19\/11\/2026 après la sortie de P-\d{4}-\d{4} \(\d\d\/\d\d\/\d{4}\)/);
  else expect(answer.errors?.[field]).toBe(message);
  expect(bundle.runtime.calls.writes()).toEqual({});
});

test('the page reads Accompagnement only when it shows it; the other sidebars never do', () => {
  const { bundle, running } = setup();
  const cellsReadBy = (fn: string, ...args: unknown[]) => {
    bundle.runtime.calls.reset();
    bundle.call(fn, ...args);
    return { cells: bundle.runtime.calls.cellsRead, reads: bundle.runtime.calls.count('Range.getValues') };
  };
  const context = cellsReadBy('getFormContext');
  const overview = cellsReadBy('getSupportOverview', running.id);
  expect(overview.reads).toBeGreaterThan(context.reads);
  expect(overview.reads).toBeLessThanOrEqual(context.reads + 2);
  expect(overview.cells).toBeGreaterThan(context.cells);
});
