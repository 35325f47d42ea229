/** Section 6 of the summary sheet (SPEC §3.6): its tables, and the secrecy rules on them. */
import { computeSummary } from '../../src/domain/summary/compute-summary';
import type { Summary } from '../../src/domain/summary/summary-schema';
import { layoutSummary } from '../../src/sheets/summary/summary-layout';
import { T3_2026, workbook } from '../domain-summary/fixtures';

function summary(): Summary {
  const base = computeSummary(workbook(), T3_2026, null, { today: '2026-11-20' });
  return {
    ...base,
    support: {
      actions: {
        'Entretien individuel': { count: 40, participants: 12, hours: 0 },
        Formation: { count: 2, participants: 2, hours: 70.5 },
        'Immersion en entreprise (PMSMP)': { count: 6, participants: 6, hours: 210 },
        'Atelier collectif': { count: 0, participants: 0, hours: 0 },
      },
      barriers: {
        Mobilité: { concerned: 7, workedOn: 6, lifted: 3 },
        Santé: { concerned: 1, workedOn: 1, lifted: 0 },
      },
    },
  };
}

const context = (threshold: number) => ({
  funderLabel: 'Tous',
  periodLabel: '3e trimestre 2026',
  generatedLine: 'Généré le 20/11/2026',
  secrecyThreshold: threshold,
  minimumMonths: 0,
  hoursPerEtp: 1607,
});

function rowOf(values: unknown[][], label: string): unknown[] {
  const row = values.find((r) => r[0] === label);
  if (!row) throw new Error(`No row ${label}`);
  return row;
}

describe('summary section 6, Accompagnement', () => {
  it('comes after the evaluations, actions then barriers, with their figures', () => {
    const { values, numberFormats } = layoutSummary(summary(), context(0));
    // A title starting with a digit carries Sheets' text apostrophe, which is not part of the value.
    const firstColumn = values.map((r) => String(r[0]).replace(/^'/, ''));
    const section = firstColumn.indexOf('6. Accompagnement');
    expect(section).toBeGreaterThan(firstColumn.indexOf('5. Évaluations'));
    expect(values[section + 1]!.slice(0, 4)).toEqual(['Action', 'Actions', 'Participants', 'Heures']);
    expect(rowOf(values, 'Formation').slice(0, 4)).toEqual(['Formation', 2, 2, 70.5]);
    expect(rowOf(values, 'Atelier collectif').slice(0, 4)).toEqual(['Atelier collectif', 0, 0, 0]);
    expect(rowOf(values, 'Mobilité').slice(0, 4)).toEqual(['Mobilité', 7, 6, 3]);
    const formation = firstColumn.indexOf('Formation');
    expect(numberFormats[formation]!.slice(1, 4)).toEqual(['0', '0', '#,##0.0']);
  });

  it('with threshold 5 masks small counts, and the hours of an action type whose participants are masked', () => {
    const { values } = layoutSummary(summary(), context(5));
    expect(rowOf(values, 'Formation').slice(0, 4)).toEqual(['Formation', '< 5', '< 5', 'masqué']);
    expect(rowOf(values, 'Entretien individuel').slice(0, 4)).toEqual(['Entretien individuel', 40, 12, 0]);
    expect(rowOf(values, 'Immersion en entreprise (PMSMP)').slice(0, 4)).toEqual(['Immersion en entreprise (PMSMP)', 6, 6, 210]);
    expect(rowOf(values, 'Mobilité').slice(0, 4)).toEqual(['Mobilité', 7, 6, '< 5']);
    expect(rowOf(values, 'Santé').slice(0, 4)).toEqual(['Santé', '< 5', '< 5', 0]);
  });
});
