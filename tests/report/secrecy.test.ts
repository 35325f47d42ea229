/**
 * Secret statistique that holds (SPEC §3, issue 8): no count the sheet masks can be worked back
 * from what it shows. The check below is written apart from the code it checks: it reads the laid
 * out sheet as a funder would, writes every relation a reader can see (each table's lines add up
 * to the total shown elsewhere, a category's motifs add up to it, examined + not examined + Retrait
 * = exits, a rate or a share shown beside its denominator gives its numerator), and solves that
 * linear system for the masked cells.
 */
import fc from 'fast-check';
import type { Parcours, Attendance, ExitCategory } from '../../src/domain/records';
import { computeSummary } from '../../src/domain/summary/compute-summary';
import { motifCategories } from '../../src/domain/summary/exits';
import { determinedCells, planSuppression } from '../../src/sheets/summary/secrecy';
import { layoutSummary, type SummaryLayout } from '../../src/sheets/summary/summary-layout';
import { DEFAULT_EXIT_REASONS } from '../../src/domain/workbook-schema';
import { DEFAULT_REASONS, T3_2026, funder, parcours, presence, workbook, workshop } from '../domain-summary/fixtures';

type Cell = number | string;

const context = (threshold: number, minimumMonths: number) => ({
  funderLabel: 'CD',
  periodLabel: '3e trimestre 2026',
  generatedLine: 'Généré le 20/11/2026',
  secrecyThreshold: threshold,
  minimumMonths,
  hoursPerEtp: 1607,
  motifCategory: motifCategories(DEFAULT_REASONS),
});

const CATEGORY_OF = new Map<string, ExitCategory>(DEFAULT_EXIT_REASONS.map(([m, c]) => [m, c]));
CATEGORY_OF.set('Motif non répertorié', 'Autres sorties');
CATEGORY_OF.set('Non renseigné', 'Autres sorties');

/** A linear equation Σ coefficient × variable = constant over the sheet's cells. */
interface Equation {
  terms: [string, number][];
  constant: number;
}

/** The sheet as a funder reads it: each cell either a number shown or masked. */
class SheetReading {
  readonly equations: Equation[] = [];
  /** Variable → true value, for the masked cells and the counts shown only through a rate. */
  readonly unknown = new Map<string, number>();
  /** Variables that must stay unknown: masked cells, and hidden counts from 1 to N−1. */
  readonly secret = new Set<string>();

  constructor(
    private readonly layout: SummaryLayout,
    private readonly threshold: number,
  ) {}

  rowIndex(label: string, after = 0): number {
    const i = this.layout.values.findIndex((r, k) => k >= after && String(r[0]).replace(/^'/, '') === label);
    if (i < 0) throw new Error(`no row ${label}`);
    return i;
  }

  /** The rows of the table whose header row starts with `header` (until a blank row or a note). */
  table(header: string, after = 0): number[] {
    const start = this.rowIndex(header, after);
    const rows: number[] = [];
    for (let i = start + 1; i < this.layout.values.length; i += 1) {
      const first = this.layout.values[i]![0];
      const second = this.layout.values[i]![1];
      if (first === '' || second === '' || second === undefined) break;
      rows.push(i);
    }
    return rows;
  }

  value(row: number, column: number): Cell {
    return this.layout.values[row]![column] as Cell;
  }

  /** A cell as a term: a known number (folded into the constant) or a masked variable. */
  cell(row: number, column: number, truth: number): { id: string; known: number | null } {
    const v = this.value(row, column);
    const id = `${row}:${column}`;
    if (typeof v === 'number') return { id, known: v };
    expect(v === `< ${this.threshold}` || v === 'masqué').toBe(true);
    this.unknown.set(id, truth);
    this.secret.add(id);
    return { id, known: null };
  }

  hidden(id: string, truth: number): { id: string; known: null } {
    this.unknown.set(id, truth);
    if (truth >= 1 && truth < this.threshold) this.secret.add(id);
    return { id, known: null };
  }

  /** Σ parts − total = 0. */
  sum(total: { id: string; known: number | null }, parts: { id: string; known: number | null }[]): void {
    this.linear([[total, -1], ...parts.map((p) => [p, 1] as [typeof p, number])]);
  }

  linear(terms: [{ id: string; known: number | null }, number][]): void {
    const equation: Equation = { terms: [], constant: 0 };
    for (const [term, coefficient] of terms) {
      if (term.known === null) equation.terms.push([term.id, coefficient]);
      else equation.constant -= coefficient * term.known;
    }
    if (equation.terms.length > 0) this.equations.push(equation);
  }

  /** numerator = rate × denominator, when the rate is shown. */
  ratio(rate: Cell, numerator: { id: string; known: number | null }, denominator: { id: string; known: number | null }): void {
    if (typeof rate !== 'number') return;
    this.linear([
      [numerator, 1],
      [denominator, -rate],
    ]);
  }

  /** The variables the equations determine (Gauss–Jordan, written apart from src/). */
  solvable(): string[] {
    const ids = [...this.unknown.keys()];
    const col = new Map(ids.map((id, i) => [id, i]));
    const m = this.equations.map((e) => {
      const row = new Array(ids.length).fill(0) as number[];
      for (const [id, c] of e.terms) row[col.get(id)!]! += c;
      return row;
    });
    const pivots: number[] = [];
    let r = 0;
    for (let c = 0; c < ids.length && r < m.length; c += 1) {
      const p = m.findIndex((row, k) => k >= r && Math.abs(row[c]!) > 1e-9);
      if (p < 0) continue;
      [m[r], m[p]] = [m[p]!, m[r]!];
      const pivot = m[r]!;
      const s = pivot[c]!;
      for (let k = 0; k < pivot.length; k += 1) pivot[k]! /= s;
      for (let k = 0; k < m.length; k += 1) {
        if (k === r) continue;
        const f = m[k]![c]!;
        if (Math.abs(f) > 1e-9) for (let j = 0; j < pivot.length; j += 1) m[k]![j]! -= f * pivot[j]!;
      }
      pivots.push(c);
      r += 1;
    }
    return pivots.flatMap((c, k) => (m[k]!.filter((x) => Math.abs(x) > 1e-9).length === 1 ? [ids[c]!] : []));
  }
}

/** Every relation the summary sheet shows, read off the laid out sheet. */
function readSheet(layout: SummaryLayout, summary: ReturnType<typeof computeSummary>, threshold: number): SheetReading {
  const s = new SheetReading(layout, threshold);
  const active = s.cell(s.rowIndex('Parcours actifs sur la période'), 1, summary.fileActive.active);
  const exitsTop = s.cell(s.rowIndex('Sorties sur la période'), 1, summary.fileActive.exits);

  // A table of counts with its Part column: lines add up to the total, each share gives its line.
  const countTable = (header: string, truths: Record<string, number>, total: { id: string; known: number | null }) => {
    const rows = s.table(header);
    const parts = rows.map((row) => s.cell(row, 1, truths[s.value(row, 0) as string]!));
    s.sum(total, parts);
    rows.forEach((row, k) => {
      s.ratio(s.value(row, 2), parts[k]!, total);
    });
    return new Map(rows.map((row, k) => [s.value(row, 0) as string, parts[k]!]));
  };
  const p = summary.profile;
  countTable('Sexe', { Femmes: p.sex.F, Hommes: p.sex.H }, active);
  countTable('Âge à l’entrée', p.age, active);
  const minima = countTable('Minimum social', p.minimumSocial, active);
  countTable('Orientation des bénéficiaires du RSA', p.rsaOrientation, minima.get('RSA')!);
  countTable('Niveau de formation', p.education, active);
  countTable('Prescripteur', p.prescriber, active);
  for (const row of s.table('Situation')) {
    const truth = { 'Résidents d’un quartier prioritaire (QPV)': p.qpv, 'Reconnaissance travailleur handicapé (RQTH)': p.rqth, 'Demandeurs d’emploi de longue durée (DELD)': p.deld }[s.value(row, 0) as string]!;
    s.ratio(s.value(row, 2), s.cell(row, 1, truth), active);
  }

  const a = summary.attendance;
  const sessions = s.cell(s.rowIndex('Séances enregistrées'), 1, a.sessions);
  const present = s.cell(s.rowIndex('Présences (présent ou en retard)'), 1, a.present);
  s.ratio(s.value(s.rowIndex('Taux de présence'), 1), present, sessions);
  const workshopRows = a.byWorkshop.length === 0 ? [] : s.table('Atelier');
  const workshopSessions = workshopRows.map((row, k) => s.cell(row, 3, a.byWorkshop[k]!.sessions));
  const workshopPresent = workshopRows.map((row, k) => {
    const w = a.byWorkshop[k]!;
    s.cell(row, 1, w.active);
    const present = s.hidden(`present:${k}`, Math.round((w.presenceRate ?? 0) * w.sessions));
    s.ratio(s.value(row, 4), present, workshopSessions[k]!);
    return present;
  });
  if (workshopRows.length > 0) {
    s.sum(sessions, workshopSessions);
    s.sum(present, workshopPresent);
  }

  const e = summary.exits;
  const exitsRow = s.rowIndex('Sorties sur la période', s.rowIndex('4. Sorties'));
  const exits = s.cell(exitsRow, 1, e.total);
  s.sum(exits, [exitsTop]);
  const categories = countTable('Catégorie de sortie (ASP)', e.byCategory, exits);
  const motifs = e.total === 0 ? new Map() : countTable('Motif de sortie', e.byReason, exits);
  for (const [category, cell] of categories) {
    const inCategory = [...motifs].filter(([motif]) => CATEGORY_OF.get(motif) === category).map(([, c]) => c);
    if (inCategory.length > 0) s.sum(cell, inCategory);
  }
  const examined = s.cell(s.rowIndex('Sorties examinées'), 1, e.examined);
  const notExamined = s.cell(s.rowIndex('Sorties non examinées (parcours trop courts)'), 1, e.notExamined);
  s.sum(exits, [examined, notExamined, categories.get('Retrait des sorties constatées')!]);
  const dynamic = s.cell(s.rowIndex('Sorties dynamiques'), 1, e.dynamic);
  const durable = s.hidden('durableExamined', Math.round((e.durableRate ?? 0) * e.examined));
  const employment = s.hidden('employmentExamined', Math.round((e.employmentRate ?? 0) * e.examined));
  s.ratio(s.value(s.rowIndex('Taux de sortie dynamique'), 1), dynamic, examined);
  s.ratio(s.value(s.rowIndex('Taux d’emploi durable'), 1), durable, examined);
  s.ratio(s.value(s.rowIndex('Taux d’emploi'), 1), employment, examined);
  if (s.value(s.rowIndex('Sorties non examinées (parcours trop courts)'), 1) === 0) {
    const cat = (c: ExitCategory) => categories.get(c)!;
    s.sum(dynamic, [cat('Emploi durable'), cat('Emploi de transition'), cat('Sorties positives')]);
    s.sum(durable, [cat('Emploi durable')]);
    s.sum(employment, [cat('Emploi durable'), cat('Emploi de transition')]);
  }

  const v = summary.evaluations;
  const assessed = s.cell(s.rowIndex('Objectifs évalués'), 1, v.objectivesAssessed);
  const acquired = s.cell(s.rowIndex('Objectifs acquis'), 1, v.objectivesAcquired);
  s.ratio(s.value(s.rowIndex('Part des objectifs acquis'), 1), acquired, assessed);
  return s;
}

describe('secondary suppression on a small structure (worked by hand)', () => {
  test('threshold 5: the next smallest age band and its partners are masked, nothing can be recomputed', () => {
    // 12 active parcours: 3 under 26, 4 aged 26–49, 5 aged 50 or more; entry 2026-01-05.
    const born = (year: number) => `${year}-03-01`;
    const people: Parcours[] = [
      ...Array.from({ length: 3 }, (_, i) => parcours(`J${i}`, { birthDate: born(2004), sex: 'F' })),
      ...Array.from({ length: 4 }, (_, i) => parcours(`M${i}`, { birthDate: born(1990), sex: 'H' })),
      ...Array.from({ length: 5 }, (_, i) => parcours(`S${i}`, { birthDate: born(1960), sex: i < 2 ? 'F' : 'H' })),
    ];
    const summary = computeSummary(workbook({ parcours: people }), T3_2026, null, { today: '2026-10-05' });
    expect(summary.profile.age).toEqual({ 'moins de 26 ans': 3, '26 à 49 ans': 4, '50 ans et plus': 5 });
    const layout = layoutSummary(summary, context(5, 0));
    const row = (label: string) => layout.values.find((r) => String(r[0]).replace(/^'/, '') === label)!.slice(1, 3);
    // Without secondary suppression « 50 ans et plus » = 5 would give 12 − 5 = 7 = 3 + 4 back — but
    // both small bands are masked already (two unknowns, one equation): nothing more to hide.
    expect(row('moins de 26 ans')).toEqual(['< 5', 'masqué']);
    expect(row('26 à 49 ans')).toEqual(['< 5', 'masqué']);
    expect(row('50 ans et plus')).toEqual([5, 5 / 12]);
    // Sex: F = 3 + 2 = 5, H = 4 + 3 = 7: shown. 12 parcours: shown.
    expect(row('Femmes')).toEqual([5, 5 / 12]);
    // RSA: none (0 shown); Aucun = 12.
    expect(row('Aucun')).toEqual([12, 1]);
  });

  test('one small line alone in its table: the smallest other line is masked too (secondary)', () => {
    // Ages 3 | 9 | 10 (22 active): « moins de 26 ans » < 5, so 22 − 9 − 10 = 3 would give it back;
    // the next smallest, « 26 à 49 ans » (9), is masked as well: 3 + 9 = 12 is all one can tell.
    const people: Parcours[] = [
      ...Array.from({ length: 3 }, (_, i) => parcours(`J${i}`, { birthDate: '2004-03-01' })),
      ...Array.from({ length: 9 }, (_, i) => parcours(`M${i}`, { birthDate: '1990-03-01' })),
      ...Array.from({ length: 10 }, (_, i) => parcours(`S${i}`, { birthDate: '1960-03-01' })),
    ];
    const summary = computeSummary(workbook({ parcours: people }), T3_2026, null, { today: '2026-10-05' });
    const layout = layoutSummary(summary, context(5, 0));
    const row = (label: string) => layout.values.find((r) => String(r[0]).replace(/^'/, '') === label)!.slice(1, 3);
    expect(row('moins de 26 ans')).toEqual(['< 5', 'masqué']);
    expect(row('26 à 49 ans')).toEqual(['masqué', 'masqué']);
    expect(row('50 ans et plus')).toEqual([10, 10 / 22]);
    expect(readSheet(layout, summary, 5).solvable().filter((id) => readSheet(layout, summary, 5).secret.has(id))).toEqual([]);
  });

  test('the planner on a bare relation: 3 + 9 + 10 = 22, the total kept', () => {
    const values = new Map([
      ['a', 3],
      ['b', 9],
      ['c', 10],
      ['t', 22],
    ]);
    const plan = planSuppression(values, [{ total: 't', parts: ['a', 'b', 'c'] }], 5);
    expect([...plan.primary]).toEqual(['a']);
    expect([...plan.secondary]).toEqual(['b']);
    expect(determinedCells([{ total: 't', parts: ['a', 'b', 'c'] }], new Set(['a']))).toEqual(['a']);
    expect(determinedCells([{ total: 't', parts: ['a', 'b', 'c'] }], new Set(['a', 'b']))).toEqual([]);
  });
});

const MOTIFS = [...DEFAULT_EXIT_REASONS.map(([m]) => m), 'Parti sans laisser d’adresse', null];
const PRESCRIBERS = ['France Travail', 'Mission locale', 'Cap emploi', 'Voisin', null];

const personArb = fc.record({
  sex: fc.constantFrom<'F' | 'H'>('F', 'H'),
  birthYear: fc.integer({ min: 1962, max: 2008 }),
  minimumSocial: fc.constantFrom<Parcours['minimumSocial']>('RSA', 'AAH', 'ASS', 'Aucun'),
  rsaOrientation: fc.constantFrom<Parcours['rsaOrientation']>('Sociale', 'Socio-professionnelle', 'Professionnelle', null),
  education: fc.constantFrom<Parcours['education']>('Infra 3', '3 (CAP, BEP)', '4 (Bac)', '5 et plus', null),
  prescriber: fc.constantFrom(...PRESCRIBERS),
  qpv: fc.boolean(),
  rqth: fc.boolean(),
  entryMonth: fc.integer({ min: 1, max: 9 }),
  exit: fc.option(fc.record({ month: fc.integer({ min: 7, max: 9 }), motif: fc.constantFrom(...MOTIFS) }), { nil: null }),
  sessions: fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), workshop: fc.constantFrom('Maraîchage', 'Cuisine', 'Bâtiment'), status: fc.constantFrom<Attendance['status']>('Présent', 'Retard', 'Absent justifié', 'Absent non justifié') }), { maxLength: 4 }),
});

describe('property: no masked cell can be solved from the sums the sheet displays', () => {
  test('random small structures, thresholds 2 to 11, funder minimum 0 or 3 months', () => {
    fc.assert(
      fc.property(
        fc.array(personArb, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 2, max: 11 }),
        fc.constantFrom(0, 3),
        (people, threshold, minimumMonths) => {
          const pad = (n: number) => String(n).padStart(2, '0');
          const records = people.map((x, i) =>
            parcours(`P${i}`, {
              sex: x.sex,
              birthDate: `${x.birthYear}-06-15`,
              minimumSocial: x.minimumSocial,
              rsaOrientation: x.minimumSocial === 'RSA' ? x.rsaOrientation : null,
              education: x.education,
              prescriber: x.prescriber,
              qpv: x.qpv,
              rqth: x.rqth,
              funders: ['CD'],
              entryDate: `2026-${pad(x.entryMonth)}-01`,
              exitDate: x.exit && x.exit.month >= x.entryMonth ? `2026-${pad(x.exit.month)}-20` : null,
              exitReason: x.exit && x.exit.month >= x.entryMonth ? x.exit.motif : null,
            }),
          );
          const attendance = people.flatMap((x, i) =>
            x.sessions.map((s) => presence(`P${i}`, `2026-08-${pad(s.day)}`, s.workshop, s.status, s.status.startsWith('Absent') ? 0 : 3)),
          );
          const data = workbook({
            parcours: records,
            attendance,
            funders: [funder('CD', { minimumMonths })],
            workshops: [workshop('Maraîchage'), workshop('Cuisine')],
          });
          const summary = computeSummary(data, T3_2026, 'CD', { today: '2026-10-05' });
          const layout = layoutSummary(summary, context(threshold, minimumMonths));
          const sheet = readSheet(layout, summary, threshold);
          const exposed = sheet.solvable().filter((id) => sheet.secret.has(id));
          expect(exposed).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
