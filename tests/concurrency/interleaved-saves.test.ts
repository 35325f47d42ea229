import {
  type ExecutionOutcome,
  ExecutionPool,
  type ExecutionSpec,
  preemptAfter,
  runInterleaved,
  randomChooser,
} from '../../runtime/concurrency/interleaving-scheduler';
import { createSeededRandom } from '../../src/demo/seeded-random';
import type { SpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import type { FormContext } from '../../src/forms/form-context';
import { sheetRecords } from '../browser/browser-support';
import { buildWorkbook, NOW, openWorkbook } from '../followup/workbook-fixture';
import { DIST_DIR } from '../support/built-bundle';

/**
 * Saves of several coordinators at once, on the built bundle, interleaved at every service call
 * by the runtime's scheduler (each execution really suspended at each call, waitLock waiting for
 * the holder as on Google). Whatever the order: no row lost, no duplicate ID, and each save
 * either written whole or refused with a French message, writing nothing.
 */
const BUSY = 'Un autre enregistrement est en cours : réessayez dans quelques secondes.';
type Answer = { ok: boolean; id?: string; added?: number; errors?: Record<string, string> };
type Row = Record<string, string | number | boolean>;

// Several hundred executions of the bundle: minutes on a machine busy with other work.
jest.setTimeout(300_000);

const seededChooser = (seed: number) => randomChooser(createSeededRandom(seed).next);

let pool: ExecutionPool;
let base: SpreadsheetModel;
let context: FormContext;

beforeAll(() => {
  pool = new ExecutionPool(DIST_DIR, 20);
  base = buildWorkbook(40, 300);
  context = openWorkbook(base).call<{ context: FormContext }>('getFormContext').context;
});
afterAll(() => pool.close());

/** A fresh copy of the workbook for each schedule (cell attributes copied one level deep: saves replace them). */
function workbook(): SpreadsheetModel {
  return {
    ...base,
    sheets: base.sheets.map((s) => ({
      ...s,
      values: s.values.map((row) => row?.slice()),
      attributes: s.attributes.map((row) => row?.map((a) => a && { ...a })),
      protections: structuredClone(s.protections),
    })),
    developerMetadata: structuredClone(base.developerMetadata),
  };
}

function admissions(count: number): ExecutionSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    functionName: 'saveAdmission',
    label: `admission ${i}`,
    args: [{ lastName: 'Essai-Concurrent', firstName: `Prénom ${i}`, birthDate: '1990-01-01', sex: i % 2 ? 'F' : 'H', entryDate: '2026-11-02' }],
  }));
}

function attendanceSaves(count: number): ExecutionSpec[] {
  const active = context.parcours.filter((p) => p.entryDate !== null && p.entryDate <= '2026-10-01' && p.exitDate === null);
  const workshops = context.workshops.map((w) => w.name);
  return Array.from({ length: count }, (_, i) => {
    // Distinct sessions: an atelier and a day of October no demo row uses.
    const date = `2026-10-${String(1 + (i % 20)).padStart(2, '0')}`;
    const workshop = workshops[i % workshops.length]!;
    const rows = [0, 1, 2].map((k) => ({ id: active[(i * 3 + k) % active.length]!.id, status: 'Présent', hours: '3' }));
    return { functionName: 'saveAttendance', label: `présences ${i}`, args: [{ workshop, date: `${date}`, rows }] };
  });
}

function evaluations(count: number): ExecutionSpec[] {
  const active = context.parcours.filter((p) => p.entryDate !== null && p.entryDate <= '2026-10-01' && p.exitDate === null);
  return Array.from({ length: count }, (_, i) => ({
    functionName: 'saveEvaluation',
    label: `évaluation ${i}`,
    args: [
      {
        id: active[i % active.length]!.id,
        date: `2026-11-${String(1 + i).padStart(2, '0')}`,
        items: [
          { domain: 'Savoir-être', objective: `Ponctualité ${i}`, level: 'En cours' },
          { domain: 'Savoir-faire', objective: `Outils ${i}`, level: 'Acquis' },
        ],
      },
    ],
  }));
}

function answerOf(outcome: ExecutionOutcome): Answer {
  if (outcome.error) throw new Error(`${outcome.label} threw ${outcome.error.name}: ${outcome.error.message}`);
  return outcome.result as Answer;
}

/** Each save is written whole or refused in French with nothing written; nothing else changes. */
function expectConsistent(before: SpreadsheetModel, after: SpreadsheetModel, outcomes: ExecutionOutcome[]): { saved: number; refused: number } {
  let saved = 0;
  let refused = 0;
  const participants = sheetRecords(after, 'Participants');
  const attendance = sheetRecords(after, 'Présences');
  const evaluationRows = sheetRecords(after, 'Évaluations');
  // Rows that were there before are unchanged and in place (no overwrite).
  for (const name of ['Participants', 'Présences', 'Évaluations']) {
    const old = sheetRecords(before, name);
    expect(sheetRecords(after, name).slice(0, old.length)).toEqual(old);
  }
  const ids = participants.map((r) => r['ID']);
  expect(new Set(ids).size).toBe(ids.length);
  let added = { Participants: 0, Présences: 0, Évaluations: 0 };
  for (const outcome of outcomes) {
    const answer = answerOf(outcome);
    const payload = outcome.spec.args![0] as Record<string, unknown>;
    if (!answer.ok) {
      expect({ label: outcome.label, errors: answer.errors }).toEqual({ label: outcome.label, errors: { _form: BUSY } });
      refused += 1;
    } else saved += 1;
    if (outcome.spec.functionName === 'saveAdmission') {
      const mine = participants.filter((r) => r['Prénom'] === payload['firstName'] && r['Nom'] === payload['lastName']);
      expect({ label: outcome.label, rows: mine.length }).toEqual({ label: outcome.label, rows: answer.ok ? 1 : 0 });
      if (answer.ok) {
        expect(mine[0]!['ID']).toBe(answer.id);
        added = { ...added, Participants: added.Participants + 1 };
      }
    } else if (outcome.spec.functionName === 'saveAttendance') {
      const rows = payload['rows'] as { id: string }[];
      const mine = attendance.filter((r) => r['Atelier'] === payload['workshop'] && r['Date'] === payload['date']);
      expect({ label: outcome.label, ids: mine.map((r) => r['ID']) }).toEqual({ label: outcome.label, ids: answer.ok ? rows.map((r) => r.id) : [] });
      if (answer.ok) added = { ...added, Présences: added.Présences + rows.length };
    } else {
      const items = payload['items'] as { objective: string }[];
      const mine = evaluationRows.filter((r: Row) => r['ID'] === payload['id'] && items.some((it) => it.objective === r['Objectif']));
      expect({ label: outcome.label, rows: mine.length }).toEqual({ label: outcome.label, rows: answer.ok ? items.length : 0 });
      if (answer.ok) added = { ...added, Évaluations: added.Évaluations + items.length };
    }
  }
  // No row lost: every sheet grew by exactly what the saves that succeeded added.
  for (const [name, count] of Object.entries(added)) {
    expect({ name, rows: sheetRecords(after, name).length }).toEqual({ name, rows: sheetRecords(before, name).length + count });
  }
  expect(sheetRecords(after, 'Journal').length).toBe(sheetRecords(before, 'Journal').length + saved);
  return { saved, refused };
}

function mixed(): ExecutionSpec[] {
  const a = admissions(20);
  const p = attendanceSaves(20);
  const e = evaluations(20);
  return a.flatMap((spec, i) => [spec, p[i]!, e[i]!]);
}

test('two admissions, the second coming in after each call of the first: distinct IDs, both rows kept', async () => {
  // How many calls one admission makes alone.
  const solo = workbook();
  const [alone] = await runInterleaved(pool, admissions(1), { model: solo, distDir: DIST_DIR, start: NOW, chooser: seededChooser(0) });
  expect(answerOf(alone!).ok).toBe(true);
  for (let k = 0; k <= alone!.calls; k += 1) {
    const model = workbook();
    const outcomes = await runInterleaved(pool, admissions(2), { model, distDir: DIST_DIR, start: NOW, chooser: preemptAfter(k) });
    const { saved } = expectConsistent(base, model, outcomes);
    expect(saved).toBe(2);
  }
});

test('20 admissions, 20 attendance saves and 20 evaluations at once, switched at every call: all written', async () => {
  for (const seed of [2, 3]) {
    const model = workbook();
    const trace: string[] = [];
    const outcomes = await runInterleaved(pool, mixed(), { model, distDir: DIST_DIR, start: NOW, chooser: seededChooser(seed), callMillis: 5 }, trace);
    // The schedule really interleaves: every execution was suspended at least once between two
    // of its calls while another one made a call.
    const executionOf = (line: string) => line.slice(0, line.lastIndexOf(' '));
    const runs = new Map<string, number>();
    trace.forEach((line, i) => {
      if (i === 0 || executionOf(trace[i - 1]!) !== executionOf(line)) runs.set(executionOf(line), (runs.get(executionOf(line)) ?? 0) + 1);
    });
    expect(runs.size).toBe(60);
    expect(Math.min(...runs.values())).toBeGreaterThanOrEqual(2);
    expect(expectConsistent(base, model, outcomes)).toEqual({ saved: 60, refused: 0 });
  }
});

test('when the lock is held past waitLock’s 30 s, saves are refused in French and write nothing', async () => {
  const model = workbook();
  // Slow service calls (a few hundred ms each, as on a busy Google server): 60 saves in a row take
  // longer than the 30 s a waiting save gives the others.
  const outcomes = await runInterleaved(pool, mixed(), { model, distDir: DIST_DIR, start: NOW, chooser: seededChooser(3), callMillis: 400 });
  const { saved, refused } = expectConsistent(base, model, outcomes);
  expect(saved).toBeGreaterThan(0);
  expect(refused).toBeGreaterThan(0);
});
