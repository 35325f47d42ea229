import fc from 'fast-check';
import { addDays, ageOn, makeDay } from '../../src/domain/calendar-day';
import { mapHeaders } from '../../src/domain/header-map';
import { defaultParameters } from '../../src/domain/codecs/parameters';
import type { Parcours, WorkbookData } from '../../src/domain/records';
import { sheetSpec } from '../../src/domain/workbook-schema';
import { anonymisedBirthDate, planAnonymisation } from '../../src/followup/anonymisation';
import { cellLink, columnLetter, dataCheckRows, freeSheetName } from '../../src/followup/data-check-rows';
import { computeDeadlines } from '../../src/followup/deadlines';
import { describeEdit, planEdit } from '../../src/followup/edit-rules';
import { planAdoption, proposeMapping } from '../../src/followup/header-mapping';
import { countEmptyCells, describeCreatedIds, planIdFill } from '../../src/followup/id-fill';
import { parcoursStatus } from '../../src/domain/parcours-status';

const TODAY = '2026-11-20';

function parcours(over: Partial<Parcours>): Parcours {
  return {
    row: 2, id: 'P-2026-0001', lastName: 'Martin', firstName: 'Camille', birthDate: '1990-03-12', sex: 'F',
    commune: 'Lyon', qpv: false, minimumSocial: 'RSA', rsaOrientation: null, franceTravail: null, deld: null, rqth: null, education: null,
    prescriber: null, referent: 'Mme Durand', workshop: null, funders: [], commissionDate: null, entryDate: null,
    trialEnd: null, contractEnd: null, weeklyHours: null, exitDate: null, exitReason: null, status: null,
    observations: 'Vient à vélo', ...over,
  };
}

function workbook(over: Partial<WorkbookData>): WorkbookData {
  return { parcours: [], workshops: [], attendance: [], evaluations: [], support: [], funders: [], exitReasons: [], parameters: defaultParameters(), lists: {}, issues: [], ...over };
}

describe('parcoursStatus', () => {
  test.each([
    [{ entryDate: null, trialEnd: null, exitDate: null }, 'Candidat'],
    [{ entryDate: '2026-12-01', trialEnd: '2027-01-01', exitDate: null }, 'Candidat'],
    [{ entryDate: '2026-10-20', trialEnd: TODAY, exitDate: null }, "Période d'essai"],
    [{ entryDate: '2026-10-19', trialEnd: '2026-11-19', exitDate: null }, 'En parcours'],
    [{ entryDate: '2026-01-05', trialEnd: '2026-02-05', exitDate: TODAY }, 'Sorti'],
    [{ entryDate: '2026-01-05', trialEnd: '2026-02-05', exitDate: '2026-11-21' }, 'En parcours'],
    // A candidature that did not go ahead has left, it is no longer waiting.
    [{ entryDate: null, trialEnd: null, exitDate: '2026-10-01' }, 'Sorti'],
  ] as const)('%o → %s', (dates, expected) => {
    expect(parcoursStatus(dates, TODAY)).toBe(expected);
  });
});

describe('computeDeadlines', () => {
  test('each kind, with what to do and by when, late first', () => {
    const data = workbook({
      parcours: [
        parcours({ row: 2, id: 'P-1', entryDate: '2026-10-25', trialEnd: '2026-11-25', contractEnd: '2027-04-25' }),
        parcours({ row: 3, id: 'P-2', entryDate: '2026-05-10', trialEnd: '2026-06-10', contractEnd: '2026-11-10' }),
        parcours({ row: 4, id: 'P-3', commissionDate: '2026-11-12' }),
        parcours({ row: 5, id: 'P-4' }),
        parcours({ row: 6, id: 'P-5', entryDate: '2025-01-06', exitDate: '2025-06-30', exitReason: 'CDI' }),
      ],
      evaluations: [{ row: 2, date: '2026-10-01', id: 'P-2', type: null, domain: 'Savoir', objective: 'X', level: 'Acquis', evaluator: null, comment: null }],
      attendance: ['2026-11-16', '2026-11-17', '2026-11-18'].map((date, i) => ({
        row: i + 2, date, workshop: 'Maraîchage', id: 'P-1', status: i === 0 ? 'Absent justifié' : 'Absent non justifié', hours: 0, comment: null,
      })) as WorkbookData['attendance'],
    });
    const lines = computeDeadlines(data, TODAY).map((d) => [d.kind, d.id, d.due, d.overdue, d.action]);
    expect(lines).toEqual([
      ['Fin de contrat', 'P-2', '2026-11-10', true, 'Contrat terminé le 10/11/2026 : enregistrez le renouvellement (nouvelle fin de contrat) ou la sortie.'],
      ['Candidature en attente', 'P-3', '2026-11-12', true, "Commission passée le 12/11/2026 : enregistrez la décision (date d'entrée, ou sortie)."],
      ['Absences consécutives', 'P-1', TODAY, false, '3 absences consécutives (la dernière le 18/11/2026) : contacter la personne et son référent.'],
      ["Fin de période d'essai", 'P-1', '2026-11-25', false, "Faire le bilan de période d'essai avant le 25/11/2026."],
      // P-1's first interview (2026-12-25) is more than 14 days away: not listed yet.
      ['Entretien de suivi', 'P-2', '2026-12-01', false, 'Entretien de suivi à faire avant le 01/12/2026 (dernière évaluation le 01/10/2026).'],
      ['Candidature en attente', 'P-4', null, false, 'Candidature sans date de commission : inscrivez-la à la prochaine commission.'],
    ]);
  });
});

describe('anonymisedBirthDate', () => {
  test('the latest day with the same age at entry', () => {
    // 35 full years on 2026-01-05: the latest such birth day is 1991-01-05.
    expect(anonymisedBirthDate('1990-03-12', '2026-01-05')).toBe('1991-01-05');
    // Entry on Feb 28: someone born on Feb 29 is already a year older that day.
    expect(anonymisedBirthDate('2004-01-10', '2025-02-28')).toBe('2004-02-29');
  });

  test('keeps the age at entry, and one day later would not', () => {
    const day = fc.record({ y: fc.integer({ min: 1930, max: 2010 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
      .map(({ y, m, d }) => makeDay(y, m, d))
      .filter((d): d is string => d !== null);
    fc.assert(
      fc.property(day, fc.integer({ min: 16 * 365, max: 70 * 365 }), (birth, days) => {
        const entry = addDays(birth, days);
        const replaced = anonymisedBirthDate(birth, entry);
        expect(ageOn(replaced, entry)).toBe(ageOn(birth, entry));
        expect(replaced >= birth).toBe(true);
        expect(ageOn(addDays(replaced, 1), entry)).toBe(ageOn(birth, entry) - 1);
      }),
    );
  });

  test('plans only parcours exited at least the retention ago, not yet anonymised', () => {
    const old = parcours({ row: 3, id: 'P-OLD', entryDate: '2024-01-08', exitDate: '2024-11-20' });
    const recent = parcours({ row: 4, id: 'P-NEW', entryDate: '2024-01-08', exitDate: '2024-11-21' });
    const plan = planAnonymisation([old, recent], TODAY, 24);
    expect(plan.map((p) => [p.id, p.birthDate, p.text])).toEqual([
      ['P-OLD', '1991-01-08', { lastName: 'Anonymisé', firstName: 'Anonymisé', commune: 'Anonymisé', referent: 'Anonymisé', observations: 'Anonymisé' }],
    ]);
    const done = parcours({ ...old, lastName: 'Anonymisé', firstName: 'Anonymisé', commune: 'Anonymisé', referent: 'Anonymisé', observations: 'Anonymisé', birthDate: '1991-01-08' });
    expect(planAnonymisation([done], TODAY, 24)).toEqual([]);
  });
});

describe('header mapping', () => {
  const spec = sheetSpec('Présences');
  test('close spellings only for long enough names', () => {
    const proposal = proposeMapping(spec, ['Dat', 'Atelier', 'Id', 'Presense', 'Heure', 'Remarque']);
    expect(proposal.columns.map((c) => [c.header, c.field, c.match])).toEqual([
      ['Dat', null, 'none'],
      ['Atelier', 'workshop', 'exact'],
      ['Id', 'id', 'exact'],
      ['Presense', 'status', 'close'],
      ['Heure', 'hours', 'close'],
      ['Remarque', null, 'none'],
    ]);
    expect(proposal.missing).toEqual(['Date', 'Commentaire']);
  });

  test('an extra column named like a Parcours field is refused; a plan adds the missing columns', () => {
    expect(() => planAdoption(spec, ['Date', 'Commentaire'], ['date', null])).toThrow(
      'La colonne « Commentaire » serait lue comme « Commentaire » : associez-la à ce champ, ou renommez-la avant l’adoption.',
    );
    const plan = planAdoption(spec, ['Jour', 'Notes'], ['date', null]);
    expect(plan).toEqual({
      headerRow: ['Date', 'Notes', 'Atelier', 'ID', 'Présence', 'Heures', 'Commentaire'],
      renamed: [{ from: 'Jour', to: 'Date' }],
      added: ['Atelier', 'ID', 'Présence', 'Heures', 'Commentaire'],
      extras: ['Notes'],
    });
  });
});

describe('header mapping: the headers coordinators use (adoption only)', () => {
  const participants = sheetSpec('Participants');
  const proposed = (header: string) => {
    const column = proposeMapping(participants, ['Nom', header]).columns[1]!;
    return [column.field, column.match];
  };
  test.each([
    ['Matricule', 'id'],
    ['N° dossier', 'id'],
    ['n° de dossier', 'id'],
    ['Numéro de dossier', 'id'],
    ['H/F', 'sex'],
    ['F/H', 'sex'],
    ['h / f', 'sex'],
    ['Quartier prio', 'qpv'],
    ['Quartier prioritaire', 'qpv'], // SPEC §1's own synonym
    ['Quartier politique de la ville', 'qpv'],
  ])('« %s » is proposed as %s', (header, field) => {
    expect(proposed(header)).toEqual([field, 'synonym']);
  });

  test.each(['RSA ?', 'Bénéficiaire RSA', 'RSA'])('« %s » (a yes/no) stays an extra column, not Minimum social', (header) => {
    expect(proposed(header)).toEqual([null, 'none']);
    expect(planAdoption(participants, ['Nom', header], ['lastName', null]).extras).toEqual([header]);
  });

  test('SPEC §1 headers and synonyms come first; close spellings of the new ones are offered', () => {
    const proposal = proposeMapping(participants, ['Matricule', 'N°', 'F/H', 'Genre', 'Matricul']);
    expect(proposal.columns.map((c) => [c.header, c.field, c.match])).toEqual([
      ['Matricule', null, 'none'],
      ['N°', 'id', 'synonym'],
      ['F/H', null, 'none'],
      ['Genre', 'sex', 'synonym'],
      ['Matricul', null, 'none'],
    ]);
    expect(proposeMapping(participants, ['Matricul', 'Nom']).columns[0]).toMatchObject({ field: 'id', match: 'close' });
    // Reading keeps SPEC §1's list: after the adoption the column is named « ID ».
    expect(mapHeaders(participants, ['Matricule']).columns['id']).toBeUndefined();
  });
});

describe('IDs for the rows of an adopted sheet', () => {
  const ID = 0;
  const ENTRY = 1;
  const COMMISSION = 2;
  test('only empty ID cells, top to bottom, each year continuing; formula cells and blank rows left alone', () => {
    const rows = [
      ['P-2026-9999', '', '', 'Martin'],
      ['', '01/02/2026', '15/12/2025', 'Bernard'], // entry 2026 wins over commission 2025 → after 9999
      ['', '', '', ''], // blank row
      ['', '', '', false], // an unchecked checkbox only: blank too
      ['', '', '03/04/2025', 'Petit'], // commission 2025
      ['', 'pas de date', '', 'Durand'], // unreadable entry, no commission: the current year
      ['', '', '', 'Lambert'], // a formula shows nothing here
      ['  ', '', '', 'Roux'], // only spaces: empty
      ['A-3', '05/05/2024', '', 'Moreau'],
    ];
    const formulas = ['', '', '', '', '', '', '=B8', '', ''];
    const created = planIdFill(rows, formulas, { id: ID, entryDate: ENTRY, commissionDate: COMMISSION }, 2027, 'Europe/Paris');
    expect(created).toEqual([
      { index: 1, id: 'P-2026-10000' },
      { index: 4, id: 'P-2025-0001' },
      { index: 5, id: 'P-2027-0001' },
      { index: 7, id: 'P-2027-0002' },
    ]);
    expect(describeCreatedIds(created)).toBe(
      '4 ID Parcours créés pour les lignes qui n’en avaient pas (2025 : P-2025-0001 ; 2026 : P-2026-10000 ; 2027 : P-2027-0001 à P-2027-0002) ; les ID déjà saisis n’ont pas changé.',
    );
    expect(describeCreatedIds(created.slice(0, 1))).toMatch(/^1 ID Parcours créé pour/);
    // Per column, for the dialog; a formula showing nothing (Martin's entry) is not an empty cell.
    const cellFormulas = [['', '=C2', '', ''], ['', '', '', ''], ['', '', '', ''], ['', '', '', '']];
    expect(countEmptyCells(rows.slice(0, 4), cellFormulas, 4)).toEqual({ dataRows: 2, emptyByColumn: [1, 0, 1, 0] });
    expect(countEmptyCells(rows.slice(0, 4), [], 4)).toEqual({ dataRows: 2, emptyByColumn: [1, 1, 1, 0] });
  });
});

describe('planEdit', () => {
  const spec = sheetSpec('Présences');
  const header = ['Date', 'Atelier', 'ID', 'Présence', 'Heures', 'Commentaire'];
  const map = mapHeaders(spec, header);
  const base = { spec, map, firstRow: 5, today: TODAY, timeZone: 'Europe/Paris', lookups: { workshops: [{ name: 'Maraîchage', sessionHours: 3.5 }], participantIds: new Set(['P-2026-0001']) } };

  test('notes unreadable cells of the edited range only, and fills an empty Heures', () => {
    const plan = planEdit({ ...base, firstColumn: 1, numColumns: 3, rows: [['31/02/2026', 'Maraichage', 'p-2026-0001', 'Présent', '', '']], notes: [['', '', '']] });
    expect(plan.notes).toEqual([["Parcours : Cette date n'existe pas (jour ou mois hors du calendrier) : écrivez-la jj/mm/aaaa.", '', '']]);
    expect(plan.fills).toEqual([{ row: 5, column: 5, value: 3.5 }]);
  });

  test('the Journal line says what was filled and noted, per row for a paste', () => {
    const rows = [
      ['16/11/2026', 'Maraîchage', 'P-2026-0001', 'Présent', '', ''],
      ['16/11/2026', 'Maraîchage', 'P-1999-0404', 'Présent', '', ''],
    ];
    const input = { ...base, firstRow: 8, firstColumn: 3, numColumns: 2, rows, notes: [['', ''], ['', '']] };
    const plan = planEdit(input);
    expect(plan.fills).toEqual([{ row: 8, column: 5, value: 3.5 }, { row: 9, column: 5, value: 3.5 }]);
    expect(describeEdit(input, plan)).toEqual({ id: '', detail: 'Lignes 8 à 9 ; rempli : Heures ; note sur : ID (ligne 9).' });
    const one = { ...base, firstColumn: 3, numColumns: 1, rows: [rows[0]!], notes: [['Parcours : ancienne note']] };
    expect(describeEdit(one, planEdit(one))).toEqual({ id: 'P-2026-0001', detail: 'Ligne 5 ; rempli : Heures ; note retirée : ID.' });
    const nothing = { ...base, firstColumn: 6, numColumns: 1, rows: [['16/11/2026', 'Maraîchage', 'P-2026-0001', 'Absent justifié', '', 'ok']], notes: [['']] };
    expect(describeEdit(nothing, planEdit(nothing))).toBeNull();
  });

  test('an absence or typed hours get no fill; an unchanged note is not rewritten', () => {
    const plan = planEdit({ ...base, firstColumn: 4, numColumns: 1, rows: [['', 'Maraîchage', 'P-2026-0001', 'Absent justifié', '', '']], notes: [['']] });
    expect(plan).toEqual({ notes: null, fills: [] });
    const typed = planEdit({ ...base, firstColumn: 4, numColumns: 1, rows: [['', 'Maraîchage', 'P-2026-0001', 'Retard', 2, '']], notes: [['']] });
    expect(typed.fills).toEqual([]);
  });
});

describe('Contrôle des données rows', () => {
  test('columns, links and free names', () => {
    expect([columnLetter(1), columnLetter(26), columnLetter(27), columnLetter(52)]).toEqual(['A', 'Z', 'AA', 'AZ']);
    expect(cellLink(42, 'D5')).toBe('=HYPERLINK("#gid=42&range=D5";"Ouvrir")');
    expect(freeSheetName('Contrôle des données', ['contrôle des données', 'Contrôle des données (Parcours)'])).toBe('Contrôle des données (Parcours 2)');
    const map = mapHeaders(sheetSpec('Participants'), ['ID', 'Nom', 'Prénom', 'Date de naissance']);
    const rows = dataCheckRows(
      [
        { sheet: 'Participants', row: 7, column: 'Date de naissance', message: '=danger' },
        { sheet: 'Présences', row: 3, column: '', message: 'Doublon' },
      ],
      (sheet) => (sheet === 'Participants' ? { sheetId: 9, map } : { sheetId: 11, map: null }),
    );
    expect(rows).toEqual([
      ['Participants', 7, 'Date de naissance', "'=danger", '=HYPERLINK("#gid=9&range=D7";"Ouvrir")'],
      ['Présences', 3, '', 'Doublon', '=HYPERLINK("#gid=11&range=A3";"Ouvrir")'],
    ]);
  });
});
