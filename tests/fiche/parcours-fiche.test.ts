/** The fiche de parcours as data (SPEC §4), worked out by hand. */
import { buildParcoursFiche } from '../../src/domain/fiche/parcours-fiche';
import type { SupportAction } from '../../src/domain/records';
import { evaluation, parcours, presence, workbook } from '../domain-summary/fixtures';

const step = (row: number, date: string, barrier: string | null, state: SupportAction['barrierState']): SupportAction => ({
  row, date, id: 'A', action: 'Point sur un frein', barrier, barrierState: state, hours: null, partner: null, comment: null,
});

// Entry Wednesday 15/04/2026, 21 h a week, exit 10/06/2026.
const data = workbook({
  parcours: [parcours('A', { entryDate: '2026-04-15', exitDate: '2026-06-10', weeklyHours: 21, exitReason: 'CDI' }), parcours('B')],
  attendance: [
    presence('A', '2026-04-16', 'Maraîchage', 'Présent', 3.5),
    presence('A', '2026-04-20', 'Maraîchage', 'Absent justifié', 0),
    presence('A', '2026-05-04', 'Maraîchage', 'Retard', 2),
    presence('B', '2026-05-04', 'Maraîchage', 'Présent', 3),
  ],
  evaluations: [
    evaluation('A', '2026-05-15', 'Travailler en équipe', 'En cours', 31),
    evaluation('A', '2026-04-30', 'Travailler en équipe', 'Non acquis', 30),
    evaluation('A', '2026-04-30', 'Respecter les consignes', 'Acquis', 32, 'Savoir'),
    // Two rows on one date: the later row wins.
    evaluation('A', '2026-06-05', 'Respecter les consignes', 'Acquis', 40, 'Savoir'),
    evaluation('A', '2026-06-05', 'Respecter les consignes', 'En cours', 41, 'Savoir'),
  ],
  support: [step(52, '2026-05-02', 'Mobilité', 'Levé'), step(50, '2026-04-20', 'Mobilité', 'Identifié'), step(51, '2026-05-02', 'Logement', 'Identifié')],
});

describe('buildParcoursFiche', () => {
  const fiche = buildParcoursFiche(data, ' a ', '2026-11-20')!;

  it('counts each month of the parcours, hours planned = weekly hours × weeks inside the month', () => {
    expect(fiche.months.map((m) => m.month)).toEqual(['2026-04', '2026-05', '2026-06']);
    // April: 15..30 = 16 days → 21 × 16 / 7 = 48 h planned; 3.5 h done (the absence is a session, 0 h).
    expect(fiche.months[0]).toEqual({ month: '2026-04', sessions: 2, present: 1, hours: 3.5, plannedHours: 48, realisationRate: 3.5 / 48 });
    // May: 31 days → 93 h planned; June: 1..10 = 10 days → 30 h.
    expect(fiche.months[1]).toMatchObject({ sessions: 1, present: 1, hours: 2, plannedHours: 93 });
    expect(fiche.months[2]).toMatchObject({ sessions: 0, hours: 0, plannedHours: 30, realisationRate: 0 });
  });

  it('gives each objective its level at each date, first and last, progressing or not', () => {
    expect(fiche.assessmentDates).toEqual(['2026-04-30', '2026-05-15', '2026-06-05']);
    expect(fiche.grid).toEqual([
      { domain: 'Savoir-être', objective: 'Travailler en équipe', levels: ['Non acquis', 'En cours', null], first: 'Non acquis', last: 'En cours', progressing: true },
      { domain: 'Savoir', objective: 'Respecter les consignes', levels: ['Acquis', null, 'En cours'], first: 'Acquis', last: 'En cours', progressing: false },
    ]);
  });

  it('lists barriers and actions in date order, then sheet order; says the exit and its category', () => {
    expect(fiche.support.map((s) => s.row)).toEqual([50, 51, 52]);
    expect(fiche.exitCategory).toBe('Emploi durable');
    expect(fiche.status).toBe('Sorti');
  });

  it('is null for an unknown ID', () => {
    expect(buildParcoursFiche(data, 'P-1999-0001', '2026-11-20')).toBeNull();
  });
});
