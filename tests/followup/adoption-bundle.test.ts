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
