import { createSpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { openWorkbook, spreadsheetOf, tableOf } from './workbook-fixture';

const TEAM_HEADERS = ['N°', 'Nom de famille', 'Prenom', 'Date naissance', 'Genre', 'Ville', 'Remarques'];
const TEAM_ROWS = [
  ['A-01', 'Martin', 'Camille', '12/03/1990', 'F', 'Lyon', 'Vient à vélo'],
  ['A-02', 'Bernard', 'Lucas', '05/07/1985', 'H', 'Vénissieux', ''],
];

function teamWorkbook() {
  const model = createSpreadsheetModel('Suivi de l’équipe');
  const bundle = openWorkbook(model);
  const sheet = spreadsheetOf(bundle).getSheets()[0]!;
  sheet.setName('Suivi');
  sheet.getRange(1, 1, 3, TEAM_HEADERS.length).setValues([TEAM_HEADERS, ...TEAM_ROWS]);
  return { model, bundle };
}

describe('Adopter un classeur existant', () => {
  test('proposes synonyms and close spellings, then renames and adds columns without moving a value', () => {
    const { model, bundle } = teamWorkbook();
    const dataBefore = tableOf(bundle, 'Suivi').slice(1);
    const proposal = bundle.call('getAdoptionProposal', 'Suivi', 'Participants') as {
      columns: { header: string; field: string | null; match: string }[];
      rows: number;
    };
    expect(proposal.rows).toBe(2);
    expect(proposal.columns.map((c) => [c.header, c.field, c.match])).toEqual([
      ['N°', 'id', 'synonym'],
      ['Nom de famille', 'lastName', 'synonym'],
      ['Prenom', 'firstName', 'exact'],
      ['Date naissance', 'birthDate', 'close'],
      ['Genre', 'sex', 'synonym'],
      ['Ville', 'commune', 'synonym'],
      ['Remarques', null, 'none'],
    ]);

    const apply = openWorkbook(model);
    const { message } = apply.call('applyAdoption', {
      sheetName: 'Suivi',
      target: 'Participants',
      headers: TEAM_HEADERS,
      choice: proposal.columns.map((c) => c.field),
    }) as { message: string };
    expect(message).toContain('« Suivi » adoptée comme « Participants »');
    expect(message).toContain('gardées telles quelles (colonnes supplémentaires) : Remarques');

    const table = tableOf(apply, 'Participants');
    expect(table[0]!.slice(0, 7)).toEqual(['ID', 'Nom', 'Prénom', 'Date de naissance', 'Sexe', 'Commune', 'Remarques']);
    expect(table[0]).toContain('Statut');
    expect(table.slice(1).map((r) => r.slice(0, 7))).toEqual(dataBefore);
    const journal = tableOf(apply, 'Journal');
    expect(journal.some((r) => r[2] === 'Adoption d’une feuille existante')).toBe(true);
    // The workbook now reads: the same two people.
    const check = apply.call('cliCheck_') as { ok: boolean; parcours: number };
    expect(check).toMatchObject({ ok: true, parcours: 2 });
  });

  test('a field chosen twice is refused in French and nothing changes', () => {
    const { model, bundle } = teamWorkbook();
    const before = tableOf(bundle, 'Suivi');
    const apply = openWorkbook(model);
    expect(() =>
      apply.call('applyAdoption', {
        sheetName: 'Suivi',
        target: 'Participants',
        headers: TEAM_HEADERS,
        choice: ['id', 'lastName', 'firstName', 'birthDate', 'sex', 'commune', 'lastName'],
      }),
    ).toThrow('« Nom » est choisi pour deux colonnes (« Nom de famille » et « Remarques »)');
    expect(tableOf(apply, 'Suivi')).toEqual(before);
    expect(spreadsheetOf(apply).getSheets().map((s) => s.getName())).toEqual(['Suivi']);
  });
});

describe('Adopter un classeur existant : ID Parcours des lignes qui n’en ont pas', () => {
  // A team's participants sheet as coordinators keep it: their own headers, IDs on some rows only.
  const HEADERS = ['Matricule', 'Nom', 'Prénom', 'Date naissance', 'H/F', 'Quartier prio', 'RSA ?', 'Entrée', 'Commission', 'Remarques'];
  const ROWS: string[][] = [
    ['P-2025-0007', 'Martin', 'Camille', '12/03/1990', 'F', 'Oui', 'Oui', '03/02/2025', '', ''],
    ['', 'Bernard', 'Lucas', '05/07/1985', 'H', 'Non', 'Non', '10/03/2025', '20/12/2024', ''], // entry 2025, before its commission in 2024
    ['P-2026-0003', 'Petit', 'Inès', '20/01/1992', 'F', '', '', '05/01/2026', '', ''],
    ['', 'Durand', 'Léo', '14/09/1988', 'H', '', 'Oui', '', '', 'Candidat'], // no date: this year (2026)
    ['', '', '', '', '', '', '', '', '', ''], // a blank row between two blocks: no ID
    ['', 'Moreau', 'Jade', '02/02/1995', 'F', '', '', '', '12/11/2024', ''], // commission 2024
    ['A-17', 'Roux', 'Hugo', '30/06/1979', 'H', 'Oui', '', '02/06/2026', '', ''], // the team's own ID stays
    ['   ', 'Fournier', 'Emma', '11/11/1999', 'F', '', '', '31/02/2026', '15/12/2025', ''], // unreadable entry: commission 2025
    ['', 'Girard', 'Nina', '07/07/2001', 'F', '', '', '02/06/2026', '', ''], // entry 2026
  ];
  const FORMULA_ROW = 12; // row 12: an ID computed by a formula, showing nothing: never replaced
  // By hand: 2025 continues after P-2025-0007, 2026 after P-2026-0003, 2024 starts at 0001; top to bottom.
  const EXPECTED: Record<number, string> = { 3: 'P-2025-0008', 5: 'P-2026-0004', 7: 'P-2024-0001', 9: 'P-2025-0009', 10: 'P-2026-0005' };

  function teamSheet(rows: string[][] = ROWS) {
    const model = createSpreadsheetModel('Suivi de l’équipe');
    const sheet = spreadsheetOf(openWorkbook(model)).getSheets()[0]!;
    sheet.setName('Inscrits');
    if (sheet.getMaxRows() < rows.length + 10) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 10 - sheet.getMaxRows());
    sheet.getRange(1, 1, rows.length + 1, HEADERS.length).setValues([HEADERS, ...rows]);
    return model;
  }

  function withFormulaRow(model: ReturnType<typeof teamSheet>): void {
    const sheet = spreadsheetOf(openWorkbook(model)).getSheetByName('Inscrits')!;
    sheet.getRange(FORMULA_ROW, 1, 1, 3).setValues([['', 'Lambert', 'Zoé']]);
    sheet.getRange(FORMULA_ROW, 1).setFormula('=IF(B12="";"";"")');
  }

  function adopt(model: ReturnType<typeof teamSheet>, createIds: boolean) {
    const bundle = openWorkbook(model);
    const proposal = bundle.call('getAdoptionProposal', 'Inscrits', 'Participants') as {
      columns: { field: string | null }[];
      emptyCells: { dataRows: number; emptyByColumn: number[] } | null;
    };
    bundle.runtime.calls.reset();
    const { message } = bundle.call('applyAdoption', {
      sheetName: 'Inscrits',
      target: 'Participants',
      headers: HEADERS,
      choice: proposal.columns.map((c) => c.field),
      createIds,
    }) as { message: string };
    return { bundle, proposal, message, calls: bundle.runtime.calls.snapshot() };
  }

  test('the proposal maps the usual headers and counts the rows without ID, for any ID column', () => {
    const model = teamSheet();
    withFormulaRow(model);
    const { proposal } = adopt(model, false);
    expect(proposal.columns.map((c) => c.field)).toEqual([
      'id', 'lastName', 'firstName', 'birthDate', 'sex', 'qpv', null, 'entryDate', 'commissionDate', null,
    ]);
    // 9 rows that are not blank (8 typed + the formula row); ID empty on 5 of them (the formula does not count).
    expect(proposal.emptyCells).toEqual({ dataRows: 9, emptyByColumn: [5, 0, 0, 1, 1, 6, 6, 3, 6, 8] });
  });

  test('creates IDs only in the empty ID cells, continuing each year, and changes no other cell', () => {
    const model = teamSheet();
    withFormulaRow(model);
    const before = tableOf(openWorkbook(model), 'Inscrits');
    const { bundle, message } = adopt(model, true);
    const after = tableOf(bundle, 'Participants');
    for (let r = 1; r < before.length; r++) {
      const row = r + 1;
      before[r]!.forEach((value, c) => {
        const expected = c === 0 && EXPECTED[row] !== undefined ? EXPECTED[row] : value;
        expect([row, c, after[r]![c]]).toEqual([row, c, expected]);
      });
      // The columns the adoption appended (ID not among them) stay empty.
      expect(after[r]!.slice(HEADERS.length).every((v) => v === '')).toBe(true);
    }
    const sheet = spreadsheetOf(bundle).getSheetByName('Participants')!;
    expect(sheet.getRange(FORMULA_ROW, 1).getFormula()).toBe('=IF(B12="";"";"")');
    expect(sheet.getRange(2, 1, 11, 1).getFormulas().flat().filter((f) => f !== '')).toEqual(['=IF(B12="";"";"")']);
    expect(message).toContain(
      'Aucune valeur n’a été déplacée. 5 ID Parcours créés pour les lignes qui n’en avaient pas ' +
        '(2024 : P-2024-0001 ; 2025 : P-2025-0008 à P-2025-0009 ; 2026 : P-2026-0004 à P-2026-0005) ; les ID déjà saisis n’ont pas changé.',
    );
    // Setup's own line first (it creates the Journal), then the adoption's two lines.
    const journal = tableOf(bundle, 'Journal').slice(1);
    expect(journal.map((r) => r[2])).toEqual(['Configuration du classeur', 'Adoption d’une feuille existante', 'Création des ID manquants']);
    expect(journal[2]![5]).toMatch(/^5 ID Parcours créés pour les lignes qui n’en avaient pas/);
    // The workbook now reads without « ID manquant »: only the formula row, which shows no ID, is reported.
    const check = bundle.call('cliCheck_') as { ok: boolean; issues: { row: number; message: string }[]; parcours: number };
    expect(check.ok).toBe(true);
    expect(check.issues.filter((i) => i.message.startsWith('ID manquant')).map((i) => i.row)).toEqual([FORMULA_ROW]);
  });

  test('unchecked, no ID is created and the Journal has the adoption line only', () => {
    const model = teamSheet();
    const before = tableOf(openWorkbook(model), 'Inscrits');
    const { bundle, message } = adopt(model, false);
    const after = tableOf(bundle, 'Participants');
    expect(after.slice(1).map((r) => r.slice(0, HEADERS.length))).toEqual(before.slice(1));
    expect(message).not.toContain('ID Parcours créé');
    expect(tableOf(bundle, 'Journal').slice(1).map((r) => r[2])).toEqual(['Configuration du classeur', 'Adoption d’une feuille existante']);
  });

  test('no ID column at all: the ID column is added and every data row receives one', () => {
    const rows = ROWS.slice(0, 4).map((r) => r.slice(1));
    const model = createSpreadsheetModel('Suivi de l’équipe');
    const sheet = spreadsheetOf(openWorkbook(model)).getSheets()[0]!;
    sheet.setName('Inscrits');
    sheet.getRange(1, 1, rows.length + 1, HEADERS.length - 1).setValues([HEADERS.slice(1), ...rows]);
    const bundle = openWorkbook(model);
    const before = tableOf(bundle, 'Inscrits');
    const proposal = bundle.call('getAdoptionProposal', 'Inscrits', 'Participants') as { columns: { field: string | null }[] };
    const { message } = bundle.call('applyAdoption', {
      sheetName: 'Inscrits',
      target: 'Participants',
      headers: HEADERS.slice(1),
      choice: proposal.columns.map((c) => c.field),
      createIds: true,
    }) as { message: string };
    const table = tableOf(bundle, 'Participants');
    const idColumn = table[0]!.indexOf('ID');
    expect(idColumn).toBeGreaterThanOrEqual(HEADERS.length - 1); // appended after the team's columns
    expect(table.slice(1).map((r) => r[idColumn])).toEqual(['P-2025-0001', 'P-2025-0002', 'P-2026-0001', 'P-2026-0002']);
    expect(table.slice(1).map((r) => r.slice(0, HEADERS.length - 1))).toEqual(before.slice(1));
    expect(message).toContain('4 ID Parcours créés');
  });

  test('same service calls at 9 and 2,000 rows; creating the IDs costs eleven calls, one of them a write', () => {
    const many: string[][] = [];
    for (let i = 0; i < 2000; i++) many.push(ROWS[i % ROWS.length]!.map((v, c) => (c === 0 && v !== '' ? `${v}-${i}` : v)));
    const small = adopt(teamSheet(), true);
    const large = adopt(teamSheet(many), true);
    expect(small.message).toContain('5 ID Parcours créés');
    expect(large.message).toContain(`${many.filter((r) => r[0]!.trim() === '' && r[1] !== '').length} ID Parcours créés`);
    expect(large.calls).toEqual(small.calls);
    // Against the same adoption without IDs: the rows and the ID column's formulas read once, the
    // column written once (the grid checked before), inside the lock; the formats of the cells
    // where text marked with an apostrophe goes, read before the writes that carry some.
    const without = adopt(teamSheet(), false).calls;
    const extra = Object.fromEntries(
      Object.keys(small.calls)
        .map((name) => [name, small.calls[name]! - (without[name] ?? 0)] as const)
        .filter(([, n]) => n !== 0),
    );
    expect(extra).toEqual({
      'Sheet.getLastRow': 1,
      'Sheet.getRange': 3,
      'Range.getValues': 1,
      'Range.getFormulas': 1,
      'Range.getNumberFormats': 2,
      'Sheet.getMaxRows': 1,
      'Sheet.getMaxColumns': 1,
      'Range.setValues': 1,
    });
  });
});
