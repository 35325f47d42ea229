import { decodeLists } from '../../src/domain/codecs/lists';
import { readWorkbook } from '../../src/domain/read-workbook';
import { TODAY, baseTables, participant } from './fixtures';

describe('Évaluations', () => {
  const participants = [participant({ "Date d'entrée": '10/02/2026', 'Date de sortie': '30/06/2026', 'Motif de sortie': 'CDI' })];
  const row = (overrides: Record<string, unknown> = {}) => ({
    Date: '15/03/2026',
    ID: 'P-2026-0001',
    Domaine: 'savoir etre',
    Objectif: 'travailler en equipe',
    Niveau: 'en cours',
    ...overrides,
  });
  const read = (evaluations: Record<string, unknown>[]) => {
    const data = readWorkbook(baseTables({ participants, evaluations }), { timeZone: 'Europe/Paris', today: TODAY });
    return { ...data, issues: data.issues.filter((i) => i.sheet === 'Évaluations') };
  };

  it('reads a row with canonical labels and the catalogue spelling of the objective', () => {
    const data = read([row({ Type: 'bilan trimestriel', Évaluateur: 'Luc Bernard' }), row({ Objectif: ' Tenir son poste ' })]);
    expect(data.issues).toEqual([]);
    expect(data.evaluations).toEqual([
      {
        row: 2,
        date: '2026-03-15',
        id: 'P-2026-0001',
        type: 'Bilan trimestriel',
        domain: 'Savoir-être',
        objective: 'Travailler en équipe',
        level: 'En cours',
        evaluator: 'Luc Bernard',
        comment: null,
      },
      {
        row: 3,
        date: '2026-03-15',
        id: 'P-2026-0001',
        type: null,
        domain: 'Savoir-être',
        objective: 'Tenir son poste',
        level: 'En cours',
        evaluator: null,
        comment: null,
      },
    ]);
  });

  it('reads a wrong Type as empty, with an issue', () => {
    const data = read([row({ Type: 'Visite' })]);
    expect(data.evaluations[0]?.type).toBeNull();
    expect(data.issues.map((i) => [i.column, i.message])).toEqual([
      ['Type', "Type illisible : choisissez Bilan de période d'essai, Entretien de suivi, Bilan trimestriel ou Bilan de sortie."],
    ]);
  });

  it.each([
    [{ Niveau: '' }, 'Niveau', 'Niveau manquant : choisissez Non acquis, En cours ou Acquis.'],
    [{ Domaine: 'Savoir-vivre' }, 'Domaine', 'Domaine illisible : choisissez Savoir, Savoir-faire ou Savoir-être.'],
    [{ Objectif: '' }, 'Objectif', "Objectif manquant : écrivez l'objectif évalué."],
    [{ Date: '01/07/2026' }, 'Date', 'Cette évaluation du 01/07/2026 est en dehors du parcours (sortie le 30/06/2026).'],
    [{ Date: '09/02/2026' }, 'Date', 'Cette évaluation du 09/02/2026 est en dehors du parcours (entrée le 10/02/2026).'],
  ])('%p → issue, left out', (overrides, column, message) => {
    const data = read([row(overrides)]);
    expect(data.evaluations).toEqual([]);
    expect(data.issues).toEqual([{ sheet: 'Évaluations', row: 2, column, message }]);
  });
});

describe('Financeurs', () => {
  it('applies the defaults 1607 h and 0 month, and leaves out a repeated or missing code', () => {
    const tables = baseTables();
    tables.Financeurs!.push(['cd', 'Doublon', '', '', ''], ['', 'Sans code', '', '', ''], ['DDETS', 'État', '2,5', 'x', -1]);
    const data = readWorkbook(tables, { timeZone: 'Europe/Paris', today: TODAY });
    expect(data.funders).toEqual([
      { row: 2, code: 'CD', name: 'Conseil départemental', etpContracted: 4, hoursPerEtp: 1607, minimumMonths: 0 },
      { row: 3, code: 'PV', name: 'Politique de la ville', etpContracted: null, hoursPerEtp: 1600, minimumMonths: 3 },
      { row: 6, code: 'DDETS', name: 'État', etpContracted: 2.5, hoursPerEtp: 1607, minimumMonths: 0 },
    ]);
    expect(data.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [4, 'Code', 'Code déjà utilisé ligne 2 : chaque financeur doit avoir un code unique.'],
      [5, 'Code', 'Code manquant : écrivez un code court pour ce financeur, par exemple CD.'],
      [6, 'Heures annuelles par ETP', 'Nombre illisible : écrivez un nombre, par exemple 3,5.'],
      [6, 'Durée minimale de parcours (mois)', 'Durée minimale de -1 mois : écrivez un nombre positif ou 0 (0 est utilisé).'],
    ]);
  });
});

describe('Motifs de sortie', () => {
  it('leaves out a row without a valid category and keeps the first of a repeated motif', () => {
    const tables = baseTables();
    tables['Motifs de sortie'] = [
      ['Catégorie', 'Motif'],
      ['emploi durable', 'CDI'],
      ['Retrait', ' cdi '],
      ['Bonne sortie', 'Voyage'],
      ['', 'Autre'],
    ];
    const data = readWorkbook(tables, { timeZone: 'Europe/Paris', today: TODAY });
    expect(data.exitReasons).toEqual([{ row: 2, motif: 'CDI', category: 'Emploi durable' }]);
    expect(data.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [3, 'Motif', 'Motif déjà présent ligne 2 (sous ce libellé ou un ancien libellé) : seule la première ligne compte, supprimez celle-ci.'],
      [4, 'Catégorie', 'Catégorie inconnue : choisissez Emploi durable, Emploi de transition, Sorties positives, Autres sorties ou Retrait des sorties constatées.'],
      [5, 'Catégorie', 'Catégorie manquante : choisissez Emploi durable, Emploi de transition, Sorties positives, Autres sorties ou Retrait des sorties constatées.'],
    ]);
  });
});

describe('Paramètres', () => {
  it('uses the defaults for missing parameters and names matched loosely', () => {
    const tables = baseTables();
    tables.Paramètres = [
      ['Paramètre', 'Valeur'],
      ['heures hebdomadaires minimum ', '7,5'],
      ["DUREE DE LA PERIODE D’ESSAI (MOIS)", 2],
      ['Courriels des coordinateurs', 'ana@exemple.fr; leo@exemple.fr ,zoe@exemple.fr'],
    ];
    const data = readWorkbook(tables, { timeZone: 'Europe/Paris', today: TODAY });
    expect(data.issues).toEqual([]);
    expect(data.parameters).toEqual({
      structureName: '',
      minimumWeeklyHours: 7.5,
      trialMonths: 2,
      contractMonths: 6,
      followUpMonths: 2,
      absenceAlert: 3,
      retentionMonths: 24,
      secrecyThreshold: 0,
      coordinatorEmails: ['ana@exemple.fr', 'leo@exemple.fr', 'zoe@exemple.fr'],
    });
  });

  it('keeps the default of an unreadable number, with an issue', () => {
    const tables = baseTables();
    tables.Paramètres = [['Paramètre', 'Valeur'], ['Durée du contrat (mois)', 'six'], ['Seuil de secret statistique', 2.5]];
    const data = readWorkbook(tables, { timeZone: 'Europe/Paris', today: TODAY });
    expect(data.parameters.contractMonths).toBe(6);
    expect(data.parameters.secrecyThreshold).toBe(0);
    expect(data.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [2, 'Valeur', 'Nombre illisible : écrivez un nombre, par exemple 3,5. La valeur par défaut (6) est utilisée.'],
      [3, 'Valeur', '« Seuil de secret statistique » vaut 2,5 : écrivez un nombre entier positif ou nul. La valeur par défaut (0) est utilisée.'],
    ]);
  });
});

describe('Listes', () => {
  it('gives each column its non-empty values, trimmed, in order, and the objectives with their domain', () => {
    const decoded = decodeLists([
      ['Prescripteur', 'Objectif', "Domaine de l’objectif", ''],
      [' France Travail ', 'Lire un planning', 'savoir', 'orphelin'],
      ['', 'Travailler en équipe', 'Savoir-etre', ''],
      ['Mission locale', 'Ranger', 'Bricolage', ''],
    ], 'Europe/Paris');
    expect(decoded.records).toEqual({
      Prescripteur: ['France Travail', 'Mission locale'],
      Objectif: ['Lire un planning', 'Travailler en équipe', 'Ranger'],
      "Domaine de l’objectif": ['savoir', 'Savoir-etre', 'Bricolage'],
    });
    expect(decoded.objectives).toEqual([
      { row: 2, objective: 'Lire un planning', domain: 'Savoir' },
      { row: 3, objective: 'Travailler en équipe', domain: 'Savoir-être' },
      { row: 4, objective: 'Ranger', domain: null },
    ]);
    expect(decoded.issues).toEqual([
      {
        sheet: 'Listes',
        row: 4,
        column: "Domaine de l'objectif",
        message: 'Domaine illisible : choisissez Savoir, Savoir-faire ou Savoir-être.',
      },
    ]);
  });
});
