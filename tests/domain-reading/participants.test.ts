import { midnightInZone } from '../../src/domain/calendar-day';
import { readWorkbook } from '../../src/domain/read-workbook';
import type { DataIssue } from '../../src/domain/data-issue';
import { PARTICIPANT_HEADERS, TODAY, baseTables, participant, sheetTable } from './fixtures';

function read(rows: Record<string, unknown>[]) {
  return readWorkbook(baseTables({ participants: rows }), { timeZone: 'Europe/Paris', today: TODAY });
}

const issuesOf = (issues: DataIssue[], sheet = 'Participants') => issues.filter((i) => i.sheet === sheet);

describe('Participants: a readable row', () => {
  it('reads every field, with defaults for QPV, minimum social and the trial and contract ends', () => {
    const data = read([participant({ Commune: ' Lyon ', Financeurs: 'cd', Atelier: 'maraichage', Prescripteur: 'france travail' })]);
    expect(data.issues).toEqual([]);
    expect(data.parcours).toEqual([
      {
        row: 2,
        id: 'P-2026-0001',
        lastName: 'Martin',
        firstName: 'Camille',
        birthDate: '1990-05-12',
        sex: 'F',
        commune: 'Lyon',
        qpv: false,
        minimumSocial: 'Aucun',
        rsaOrientation: null,
        franceTravail: null,
        deld: null,
        rqth: null,
        education: null,
        prescriber: 'France Travail',
        referent: null,
        workshop: 'Maraîchage',
        funders: ['CD'],
        commissionDate: null,
        entryDate: '2026-02-02',
        trialEnd: '2026-03-02',
        contractEnd: '2026-08-02',
        weeklyHours: null,
        exitDate: null,
        exitReason: null,
        status: null,
        observations: null,
      },
    ]);
  });

  it('reads values as people type them', () => {
    const [p] = read([
      participant({
        QPV: 'oui',
        RQTH: 'NON',
        DELD: true,
        'Minimum social': 'rsa',
        'Niveau de formation': '3 (cap, bep)',
        'Heures hebdo prévues': '20,5',
        'Date de naissance': midnightInZone('1975-03-08', 'Europe/Paris'),
        "Date d'entrée": midnightInZone('2026-07-06', 'Europe/Paris'),
      }),
    ]).parcours;
    expect(p).toMatchObject({
      qpv: true,
      rqth: false,
      deld: true,
      minimumSocial: 'RSA',
      education: '3 (CAP, BEP)',
      weeklyHours: 20.5,
      birthDate: '1975-03-08',
      entryDate: '2026-07-06',
    });
  });

  it('reads shuffled columns, synonyms and extra columns, skipping blank rows with the right row numbers', () => {
    const headers = ['Genre', 'Notes internes', 'N°', 'Né(e) le', 'prénom', 'Nom de famille', 'Entrée', 'Ville', 'Motif', 'Sortie'];
    const table = sheetTable(
      headers.concat(PARTICIPANT_HEADERS.filter((h) => !['Sexe', 'ID', 'Date de naissance', 'Prénom', 'Nom', "Date d'entrée", 'Commune', 'Motif de sortie', 'Date de sortie'].includes(h))),
      [
        { Genre: 'h', 'Notes internes': 'x', 'N°': 'P-2026-0002', 'Né(e) le': '1/9/1980', prénom: 'Hugo', 'Nom de famille': 'Petit', Entrée: '2026-01-05', Ville: 'Nantes' },
        { 'Notes internes': '   ' },
        {},
        { Genre: 'F', 'N°': 'P-2026-0003', 'Né(e) le': '02/03/1985', prénom: 'Inès', 'Nom de famille': 'Roux', Motif: 'cdi', Sortie: '30/04/2026', Entrée: '05/01/2026' },
      ],
    );
    const tables = baseTables();
    tables.Participants = table;
    const data = readWorkbook(tables, { timeZone: 'Europe/Paris', today: TODAY });
    expect(data.issues).toEqual([]);
    expect(data.parcours.map((p) => [p.row, p.id, p.sex, p.birthDate, p.lastName, p.commune, p.exitReason, p.exitDate])).toEqual([
      [2, 'P-2026-0002', 'H', '1980-09-01', 'Petit', 'Nantes', null, null],
      [5, 'P-2026-0003', 'F', '1985-03-02', 'Roux', null, 'CDI', '2026-04-30'],
    ]);
  });
});

describe('Participants: rows left out', () => {
  it.each([
    [{ ID: '' }, 'ID', 'ID manquant : chaque parcours doit avoir un ID (par exemple P-2026-0001).'],
    [{ Nom: ' ' }, 'Nom', 'Nom manquant : écrivez le nom de famille de la personne.'],
    [{ Prénom: '' }, 'Prénom', 'Prénom manquant : écrivez le prénom de la personne.'],
    [{ 'Date de naissance': '' }, 'Date de naissance', 'Date de naissance manquante : écrivez-la jj/mm/aaaa.'],
    [{ 'Date de naissance': '31/02/1990' }, 'Date de naissance', "Cette date n'existe pas (jour ou mois hors du calendrier) : écrivez-la jj/mm/aaaa."],
    [{ Sexe: 'X' }, 'Sexe', 'Sexe illisible : choisissez F ou H.'],
    [{ Sexe: '' }, 'Sexe', 'Sexe manquant : choisissez F ou H.'],
    [{ 'Date de commission': 'demain' }, 'Date de commission', 'Date illisible : écrivez-la jj/mm/aaaa.'],
    [{ 'Date de sortie': '31/02/2026' }, 'Date de sortie', "Cette date n'existe pas (jour ou mois hors du calendrier) : écrivez-la jj/mm/aaaa."],
    [{ 'Fin de contrat': 'bientôt' }, 'Fin de contrat', 'Date illisible : écrivez-la jj/mm/aaaa.'],
  ])('%p → issue on %s and the row is left out', (overrides, column, message) => {
    const data = read([participant(overrides)]);
    expect(data.parcours).toEqual([]);
    expect(data.issues).toEqual([{ sheet: 'Participants', row: 2, column, message }]);
  });

  it('leaves out a later row reusing an ID, keeping the first', () => {
    const data = read([
      participant({ ID: 'P-2026-0007' }),
      participant({ ID: 'P-2026-0001' }),
      participant({ ID: ' p-2026-0007', Nom: 'Durand' }),
    ]);
    expect(data.parcours.map((p) => [p.row, p.id, p.lastName])).toEqual([
      [2, 'P-2026-0007', 'Martin'],
      [3, 'P-2026-0001', 'Martin'],
    ]);
    expect(data.issues).toEqual([
      {
        sheet: 'Participants',
        row: 4,
        column: 'ID',
        message: 'ID « p-2026-0007 » déjà utilisé ligne 2 : chaque parcours doit avoir un ID unique.',
      },
    ]);
  });
});

describe('Participants: wrong fields read as empty', () => {
  it('keeps a row whose age at entry is out of 16–99, with an issue', () => {
    const data = read([participant({ 'Date de naissance': '03/02/2010', "Date d'entrée": '02/02/2026' })]);
    expect(data.parcours).toHaveLength(1);
    expect(issuesOf(data.issues)).toEqual([
      {
        sheet: 'Participants',
        row: 2,
        column: 'Date de naissance',
        message: "Âge de 15 ans à l'entrée (02/02/2026) : vérifiez la date de naissance (de 16 à 99 ans).",
      },
    ]);
  });

  it('checks the age of a candidate on the day of reading', () => {
    const data = read([participant({ 'Date de naissance': '01/01/2015', "Date d'entrée": '' })]);
    expect(data.parcours).toHaveLength(1);
    expect(data.issues[0]?.message).toBe("Âge de 11 ans aujourd'hui : vérifiez la date de naissance (de 16 à 99 ans).");
  });

  it.each([
    ['8', 'Heures hebdo prévues de 8 h : écrivez un nombre entre 9 et 35.'],
    ['36', 'Heures hebdo prévues de 36 h : écrivez un nombre entre 9 et 35.'],
    ['beaucoup', 'Nombre illisible : écrivez un nombre, par exemple 3,5.'],
  ])('reads weekly hours %p as empty', (typed, message) => {
    const data = read([participant({ 'Heures hebdo prévues': typed })]);
    expect(data.parcours[0]?.weeklyHours).toBeNull();
    expect(data.issues).toEqual([{ sheet: 'Participants', row: 2, column: 'Heures hebdo prévues', message }]);
  });

  it('accepts weekly hours at both bounds', () => {
    const data = read([participant({ 'Heures hebdo prévues': 9 }), participant({ ID: 'P-2026-0002', 'Heures hebdo prévues': '35' })]);
    expect(data.parcours.map((p) => p.weeklyHours)).toEqual([9, 35]);
  });

  it('reads QPV, minimum social and yes/no fields that cannot be read as their empty value', () => {
    const data = read([participant({ QPV: 'peut-être', 'Minimum social': 'RSO', RQTH: 'bof', 'Niveau de formation': 'Bac+8' })]);
    expect(data.parcours[0]).toMatchObject({ qpv: false, minimumSocial: 'Aucun', rqth: null, education: null });
    expect(data.issues.map((i) => [i.column, i.message])).toEqual([
      ['QPV', 'Valeur illisible : écrivez Oui ou Non.'],
      ['RQTH', 'Valeur illisible : écrivez Oui ou Non.'],
      ['Minimum social', 'Minimum social illisible : choisissez RSA, AAH, ASS ou Aucun.'],
      ['Niveau de formation', 'Niveau de formation illisible : choisissez Infra 3, 3 (CAP, BEP), 4 (Bac) ou 5 et plus.'],
    ]);
  });

  it('reads an exit before the entry as no exit', () => {
    const data = read([participant({ 'Date de sortie': '01/02/2026', 'Motif de sortie': 'CDI' })]);
    expect(data.parcours[0]).toMatchObject({ exitDate: null, exitReason: null });
    expect(data.issues).toEqual([
      {
        sheet: 'Participants',
        row: 2,
        column: 'Date de sortie',
        message: "Date de sortie (01/02/2026) avant la date d'entrée (02/02/2026) : corrigez l'une des deux.",
      },
    ]);
  });

  it('keeps a candidature that did not go ahead: an exit date and no entry date, with its motif', () => {
    const data = read([participant({ "Date d'entrée": '', 'Date de sortie': '15/03/2026', 'Motif de sortie': 'abandon' })]);
    expect(data.issues).toEqual([]);
    expect(data.parcours[0]).toMatchObject({ entryDate: null, exitDate: '2026-03-15', exitReason: 'Abandon' });
    const noMotif = read([participant({ "Date d'entrée": '', 'Date de sortie': '15/03/2026' })]);
    expect(noMotif.parcours[0]).toMatchObject({ entryDate: null, exitDate: '2026-03-15', exitReason: null });
    expect(noMotif.issues.map((i) => i.column)).toEqual(['Motif de sortie']);
  });

  it('accepts an exit on the entry day', () => {
    const data = read([participant({ 'Date de sortie': '02/02/2026', 'Motif de sortie': 'Abandon' })]);
    expect(data.issues).toEqual([]);
    expect(data.parcours[0]).toMatchObject({ exitDate: '2026-02-02', exitReason: 'Abandon' });
  });

  it('reports an exit without motif', () => {
    const data = read([participant({ 'Date de sortie': '30/04/2026' })]);
    expect(data.parcours[0]).toMatchObject({ exitDate: '2026-04-30', exitReason: null });
    expect(data.issues).toEqual([
      {
        sheet: 'Participants',
        row: 2,
        column: 'Motif de sortie',
        message: 'Motif de sortie manquant : choisissez le motif de la sortie du 30/04/2026 (feuille « Motifs de sortie »).',
      },
    ]);
  });

  it('keeps an unknown motif as typed and canonicalises a known one', () => {
    const data = read([
      participant({ 'Date de sortie': '30/04/2026', 'Motif de sortie': '  Parti en vacances ' }),
      participant({ ID: 'P-2026-0002', 'Date de sortie': '30/04/2026', 'Motif de sortie': 'cdd ou interim de moins de 6 mois' }),
    ]);
    expect(data.parcours.map((p) => p.exitReason)).toEqual(['Parti en vacances', 'CDD ou intérim de moins de 6 mois']);
    expect(data.issues).toEqual([
      {
        sheet: 'Participants',
        row: 2,
        column: 'Motif de sortie',
        message:
          'Motif de sortie absent de la feuille « Motifs de sortie » : choisissez un motif de la liste (ou ajoutez-le avec sa catégorie). Le bilan le compte en « Motif non répertorié ».',
      },
    ]);
  });

  it('keeps an unlisted prescripteur as typed (the summary counts it « Non répertorié »), reads an unknown atelier as empty and drops unknown funder codes', () => {
    const data = read([participant({ Prescripteur: 'Voisin', Atelier: 'Cuisine', Financeurs: 'CD, XX; pv' })]);
    expect(data.parcours[0]).toMatchObject({ prescriber: 'Voisin', workshop: null, funders: ['CD', 'PV'] });
    expect(data.issues.map((i) => [i.column, i.message])).toEqual([
      ['Prescripteur', 'Prescripteur absent de la liste : choisissez-le dans la colonne Prescripteur de la feuille « Listes » (ou ajoutez-le).'],
      ['Atelier', 'Atelier absent de la feuille « Ateliers » : choisissez-en un de la liste (ou ajoutez-le).'],
      ['Financeurs', 'Un code inconnu (codes possibles : CD, PV). Écrivez les codes de la feuille « Financeurs », séparés par des virgules.'],
    ]);
  });

  it('keeps any prescripteur when the Listes column is empty or the sheet is absent', () => {
    const tables = baseTables({ participants: [participant({ Prescripteur: ' Voisin ' })] });
    delete tables.Listes;
    const data = readWorkbook(tables, { timeZone: 'Europe/Paris', today: TODAY });
    // The absent sheet is named once (SPEC §1); the prescripteur itself is no issue.
    expect(data.issues.map((i) => i.sheet)).toEqual(['Listes']);
    expect(data.parcours[0]?.prescriber).toBe('Voisin');
  });

  it('reads the status as text without checking it', () => {
    const data = read([participant({ Statut: 'Inventé' })]);
    expect(data.issues).toEqual([]);
    expect(data.parcours[0]?.status).toBe('Inventé');
  });
});

describe('Participants: trial and contract ends', () => {
  it('defaults to entry + months of Paramètres, clamped to the month end', () => {
    const tables = baseTables({
      participants: [
        participant({ "Date d'entrée": '31/01/2026' }),
        participant({ ID: 'P-2028-0001', "Date d'entrée": '31/01/2028' }),
      ],
    });
    tables.Paramètres!.push(['Durée du contrat (mois)', '4']);
    const data = readWorkbook(tables, { timeZone: 'Europe/Paris', today: TODAY });
    expect(data.parcours.map((p) => [p.trialEnd, p.contractEnd])).toEqual([
      ['2026-02-28', '2026-05-31'],
      ['2028-02-29', '2028-05-31'],
    ]);
  });

  it('keeps typed ends and has none without entry', () => {
    const data = read([
      participant({ "Fin de période d'essai": '15/03/2026', 'Fin de contrat': '01/12/2026' }),
      participant({ ID: 'P-2026-0002', "Date d'entrée": '' }),
    ]);
    expect(data.parcours.map((p) => [p.trialEnd, p.contractEnd])).toEqual([
      ['2026-03-15', '2026-12-01'],
      [null, null],
    ]);
  });
});
