import { countFr, summaryLines } from '../../cli/report';
import { computeSummary } from '../../src/domain/summary/compute-summary';
import type { Summary } from '../../src/domain/summary/summary-schema';
import { T3_2026, workbook } from '../domain-summary/fixtures';

/** The summary of an empty workbook, with the figures given. */
function summaryWith(figures: Partial<Pick<Summary, 'fileActive' | 'attendance' | 'evaluations'>>): Summary {
  const empty = computeSummary(workbook(), T3_2026, null, { today: '2026-10-05' });
  return {
    ...empty,
    ...figures,
    attendance: { ...empty.attendance, ...figures.attendance },
  };
}

describe('the summary in the terminal, in French', () => {
  it('puts nouns in the singular below 2 and in the plural from 2', () => {
    expect(countFr(0, 'entrée', 'entrées')).toBe('0 entrée');
    expect(countFr(1, 'entrée', 'entrées')).toBe('1 entrée');
    expect(countFr(2, 'entrée', 'entrées')).toBe('2 entrées');
    expect(countFr(1.9, 'réalisé', 'réalisés', '1,9')).toBe('1,9 réalisé');
  });

  it('writes « 1 entrée », « 1 séance », « 1 participant évalué »…', () => {
    const one = summaryWith({
      fileActive: { active: 1, entries: 1, exits: 1, candidates: 1 },
      attendance: { ...summaryWith({}).attendance, hours: 3, sessions: 1, present: 1, presenceRate: 1, etp: 1.04, etpContracted: 0.5 },
      evaluations: { participantsEvaluated: 1, objectivesAssessed: 1, objectivesAcquired: 1, acquiredRate: 1, participantsProgressing: 1 },
    });
    const lines = summaryLines({ summary: one, sheetName: 'Bilan 2026-T3', notice: '' });
    expect(lines[1]).toBe('  File active : 1 parcours actif, 1 entrée, 1 sortie, 1 candidat en attente');
    expect(lines[2]).toBe('  Présences : 3 h sur 1 séance, taux de présence 100,0 %');
    expect(lines[3]).toBe('  ETP : 1,0 réalisé, 0,5 conventionné (consommation sans objet)');
    expect(lines[5]).toBe('  Évaluations : 1 participant évalué, 1 objectif acquis sur 1, 1 en progression');
    // An empty workbook: no parcours a year earlier, so no figure rather than zeros.
    expect(lines[7]).toBe('  Un an plus tôt (du 01/07/2025 au 30/09/2025) : pas de données (aucun parcours actif)');
  });

  it('shows the sorties dynamiques, the three exit rates and the same period a year earlier', () => {
    const base = summaryWith({});
    const lines = summaryLines({
      summary: {
        ...base,
        exits: { ...base.exits, total: 7, examined: 6, notExamined: 1, dynamic: 3, dynamicRate: 0.5, durableRate: 0.25, employmentRate: 1 / 3 },
        previousYear: {
          ...base.previousYear,
          active: 30,
          entries: 8,
          exits: 1,
          hours: 6500.4,
          etp: 16.09,
          dynamic: 1,
          dynamicRate: 1,
          durableRate: 0,
          employmentRate: 1,
        },
      },
      sheetName: 'Bilan 2026-T3',
      notice: '',
    });
    expect(lines[4]).toBe(
      '  Sorties : 7 (examinées : 6, non examinées : 1, retraits : 0), 3 sorties dynamiques ; taux de sortie dynamique 50,0 %, d’emploi durable 25,0 %, d’emploi 33,3 %',
    );
    expect(lines[7]).toBe(
      '  Un an plus tôt (du 01/07/2025 au 30/09/2025) : 30 parcours actifs, 8 entrées, 1 sortie, 6\u202f500 h, 16,1 ETP réalisés, 1 sortie dynamique (taux 100,0 %)',
    );
  });

  it('and « 2 entrées », « 0 entrée », « 2,0 réalisés »', () => {
    const two = summaryWith({
      fileActive: { active: 2, entries: 0, exits: 2, candidates: 0 },
      attendance: { ...summaryWith({}).attendance, hours: 6, sessions: 2, present: 2, presenceRate: 1, etp: 1.96 },
      evaluations: { participantsEvaluated: 2, objectivesAssessed: 3, objectivesAcquired: 2, acquiredRate: 2 / 3, participantsProgressing: 0 },
    });
    const lines = summaryLines({ summary: two, sheetName: 'Bilan 2026-T3', notice: '' });
    expect(lines[1]).toBe('  File active : 2 parcours actifs, 0 entrée, 2 sorties, 0 candidat en attente');
    expect(lines[2]).toBe('  Présences : 6 h sur 2 séances, taux de présence 100,0 %');
    expect(lines[3]).toBe('  ETP : 2,0 réalisés, pas d’ETP conventionnés');
    expect(lines[5]).toBe('  Évaluations : 2 participants évalués, 2 objectifs acquis sur 3, 0 en progression');
  });
});
