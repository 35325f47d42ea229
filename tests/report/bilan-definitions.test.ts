/**
 * Issue 8 on the built bundle: a workbook configured with the first exit labels, a motif and a
 * prescripteur typed by hand that name a person, and the same period a year earlier, each worked
 * out by hand below.
 */
import type { Summary } from '../../src/domain/summary/summary-schema';
import { summarySchema } from '../../src/domain/summary/summary-schema';
import { loadDist } from '../support/built-bundle';
import { appendByHeader, NOW, sheetTexts, spreadsheetOf } from './report-fixture';

/** `Motifs de sortie` as « Configurer le classeur » wrote it before SPEC v2 (first labels). */
const FIRST_LABELS: [string, string][] = [
  ['CDI', 'Emploi durable'],
  ['CDI aidé', 'Emploi durable'],
  ['CDD ou intérim de 6 mois et plus', 'Emploi durable'],
  ['Intégration dans la fonction publique', 'Emploi durable'],
  ["Création ou reprise d'entreprise", 'Emploi durable'],
  ['CDD ou intérim de moins de 6 mois', 'Emploi de transition'],
  ['Contrat aidé chez un autre employeur', 'Emploi de transition'],
  ['Entrée en formation qualifiante', 'Sortie positive'],
  ['Embauche dans une autre structure IAE', 'Sortie positive'],
  ['Orientation vers un ESAT ou une entreprise adaptée', 'Sortie positive'],
  ['Autre sortie positive', 'Sortie positive'],
  ['Au chômage', 'Autre sortie'],
  ['Inactivité', 'Autre sortie'],
  ['Sans nouvelles', 'Autre sortie'],
  ['Abandon', 'Autre sortie'],
  ['Décès', 'Retrait'],
  ['Déménagement', 'Retrait'],
  ['Raisons de santé', 'Retrait'],
  ['Congé maternité ou parental', 'Retrait'],
  ['Incarcération', 'Retrait'],
  ["Rupture pendant la période d'essai", 'Retrait'],
  // A motif of the team's own, under a first category label.
  ['Retour au pays', 'Autre sortie'],
];

const NAME_IN_MOTIF = 'Hospitalisée en psychiatrie (Mme Fictive-Exemple)';
const NAME_IN_PRESCRIBER = 'Dr Imaginaire-Exemple';

function oldLabelsBundle() {
  const bundle = loadDist({ now: NOW });
  bundle.call('cliInit_');
  const ss = spreadsheetOf(bundle);
  const motifs = ss.getSheetByName('Motifs de sortie')!;
  motifs.getRange(2, 1, motifs.getMaxRows() - 1, 2).clearContent();
  motifs.getRange(2, 1, FIRST_LABELS.length, 2).setValues(FIRST_LABELS);
  return { bundle, ss, motifs };
}

describe('a workbook configured with the first labels (built bundle)', () => {
  it('« Configurer le classeur » adds only the missing default motifs, duplicates none, rewrites nothing', () => {
    const { bundle, motifs } = oldLabelsBundle();
    const result = bundle.call<{ changes: string[] }>('cliInit_');
    const table = motifs.getDataRange().getValues().slice(1);
    // The team's 22 rows exactly as typed, then the two defaults no first label stood for.
    expect(table.slice(0, FIRST_LABELS.length)).toEqual(FIRST_LABELS);
    expect(table.slice(FIRST_LABELS.length)).toEqual([
      ['Prise des droits à la retraite', 'Sorties positives'],
      ['Rupture pour faute grave', 'Retrait des sorties constatées'],
    ]);
    expect(result.changes).toContain(
      '« Motifs de sortie » : Prise des droits à la retraite, Rupture pour faute grave ajouté(s) avec leur catégorie',
    );
    // A second run finds nothing to add.
    expect(bundle.call<{ changes: string[] }>('cliInit_').changes).toEqual([]);
  });

  it('reads first labels as the new ones, and no text typed in a row reaches the sheet, the JSON or a data issue', () => {
    const { bundle, ss } = oldLabelsBundle();
    appendByHeader(ss, 'Financeurs', [{ Code: 'CD', 'ETP conventionnés': 1 }]);
    const person = (id: string, exit: string, motif: string) => ({
      ID: id,
      Nom: 'Exemple',
      Prénom: 'Personne',
      'Date de naissance': '01/01/1980',
      Sexe: 'F',
      Financeurs: 'CD',
      "Date d'entrée": '05/01/2026',
      'Date de sortie': exit,
      'Motif de sortie': motif,
    });
    appendByHeader(ss, 'Participants', [
      person('P-2026-0001', '10/07/2026', 'Entrée en formation qualifiante'), // → Sorties positives
      person('P-2026-0002', '11/07/2026', 'autre sortie positive'), // → Autre sortie reconnue comme positive
      person('P-2026-0003', '12/07/2026', 'Incarcération'), // → Décision administrative ou de justice (Retrait)
      person('P-2026-0004', '13/07/2026', 'Contrat aidé chez un autre employeur'), // → (PEC, CUI), transition
      person('P-2026-0005', '14/07/2026', 'Retour au pays'), // the team's own, Autres sorties
      person('P-2026-0006', '15/07/2026', NAME_IN_MOTIF), // unlisted
      { ...person('P-2026-0007', '', ''), Prescripteur: NAME_IN_PRESCRIBER },
    ]);
    const result = bundle.call<{ ok: true; summary: Summary; sheetName: string }>('cliReport_', '2026-T3', 'CD');
    expect(result.ok).toBe(true);
    const summary = summarySchema.parse(JSON.parse(JSON.stringify(result.summary)));
    // 6 exits, all of parcours of 6 months or more (CD has no minimum): examined unless Retrait.
    expect(summary.exits.byCategory).toEqual({
      'Emploi durable': 0,
      'Emploi de transition': 1,
      'Sorties positives': 2,
      'Autres sorties': 2,
      'Retrait des sorties constatées': 1,
    });
    expect(summary.exits.byReason).toEqual({
      'Contrat aidé chez un autre employeur (PEC, CUI)': 1,
      'Entrée en formation qualifiante ou pré-qualifiante': 1,
      'Autre sortie reconnue comme positive': 1,
      'Retour au pays': 1,
      'Décision administrative ou de justice': 1,
      'Motif non répertorié': 1,
    });
    // Examined: 5 (all but the Retrait). Dynamic: transition 1 + positives 2 = 3. Durable 0, emploi 1.
    expect(summary.exits).toMatchObject({ examined: 5, notExamined: 0, dynamic: 3, dynamicRate: 3 / 5, durableRate: 0, employmentRate: 1 / 5 });
    // The unlisted prescripteur is one « Non répertorié » line.
    expect(summary.profile.prescriber['Non répertorié']).toBe(1);
    // No typed text anywhere a funder reads, nor in the data issues the JSON lists.
    const json = JSON.stringify(summary);
    const sheet = sheetTexts(bundle, result.sheetName).join('\n');
    for (const secret of ['Fictive', 'psychiatrie', 'Imaginaire']) {
      expect(json).not.toContain(secret);
      expect(sheet).not.toContain(secret);
    }
    expect(summary.dataIssues.map((i) => [i.row, i.column])).toEqual([
      [7, 'Motif de sortie'],
      [8, 'Prescripteur'],
    ]);
  });
});

describe('the same period a year earlier (built bundle)', () => {
  it('beside this period, by the same rules, from the rows already read; dashes for a year without data', () => {
    const bundle = loadDist({ now: NOW });
    bundle.call('cliInit_');
    const ss = spreadsheetOf(bundle);
    appendByHeader(ss, 'Ateliers', [{ Atelier: 'Maraîchage', 'Durée de séance (h)': 3 }]);
    const person = (id: string, entry: string, exit = '', motif = '') => ({
      ID: id,
      Nom: 'Exemple',
      Prénom: 'Personne',
      'Date de naissance': '01/01/1980',
      Sexe: 'H',
      "Date d'entrée": entry,
      'Date de sortie': exit,
      'Motif de sortie': motif,
    });
    // 2025-T3: A (entered 2025-03-01, CDI on 2025-08-29: 181 days), B (entered 2025-07-15, still there) → 2 active,
    // 1 entry, 1 exit, 1 dynamic of 1 examined; 6 h of attendance. C enters in 2026 only.
    appendByHeader(ss, 'Participants', [
      person('P-2025-0001', '01/03/2025', '29/08/2025', 'CDI'),
      person('P-2025-0002', '15/07/2025'),
      person('P-2026-0001', '02/03/2026'),
    ]);
    appendByHeader(ss, 'Présences', [
      { Date: '16/07/2025', Atelier: 'Maraîchage', ID: 'P-2025-0002', Présence: 'Présent', Heures: 3 },
      { Date: '17/07/2025', Atelier: 'Maraîchage', ID: 'P-2025-0002', Présence: 'Retard', Heures: 3 },
    ]);
    const t3 = bundle.call<{ ok: true; summary: Summary }>('cliReport_', '2026-T3', null).summary;
    expect(t3.previousYear.etp).toBeCloseTo(6 / ((1607 * 92) / 365), 12);
    expect(t3.previousYear).toEqual({
      period: { start: '2025-07-01', end: '2025-09-30' },
      active: 2,
      entries: 1,
      exits: 1,
      hours: 6,
      etp: t3.previousYear.etp,
      dynamic: 1,
      dynamicRate: 1,
      durableRate: 1,
      employmentRate: 1,
    });
    expect(sheetTexts(bundle, 'Bilan 2026-T3')).toContain('Un an plus tôt');
    // 2025-T1 a year earlier is 2024-T1: nobody was there. Null in the JSON, dashes in the sheet.
    const earlier = bundle.call<{ ok: true; summary: Summary }>('cliReport_', '2025-T1', null).summary.previousYear;
    expect(earlier).toEqual({
      period: { start: '2024-01-01', end: '2024-03-31' },
      active: null,
      entries: null,
      exits: null,
      hours: null,
      etp: null,
      dynamic: null,
      dynamicRate: null,
      durableRate: null,
      employmentRate: null,
    });
    const texts = sheetTexts(bundle, 'Bilan 2025-T1');
    const at = texts.indexOf('Parcours actifs sur la période');
    // Label, this period's count, then the year earlier: a dash, never 0.
    expect(texts.slice(at, at + 3)).toEqual(['Parcours actifs sur la période', '1', '—']);
  });
});
