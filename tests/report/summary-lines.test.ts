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
