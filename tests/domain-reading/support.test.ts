/**
 * `Accompagnement` read from raw cells (SPEC §1.7): synonyms, text dates, decimal commas, every
 * unreadable row one data issue whose message names no text typed in the row.
 */
import { midnightInZone } from '../../src/domain/calendar-day';
import { type RawTables, readWorkbook } from '../../src/domain/read-workbook';
import { WorkbookFormatError } from '../../src/domain/workbook-format-error';
import { baseTables, participant, sheetTable } from './fixtures';

const TODAY = '2026-11-20';
// A team's own headers: synonyms, another order, an extra column.
const HEADERS = ['Participant', 'Date', "Type d'action", 'Thème', 'État du frein', 'Durée', 'Organisme', 'Commentaire', 'Suivi par'];

function tablesWith(rows: Record<string, unknown>[], lists?: unknown[][]): RawTables {
  const tables = baseTables({
    participants: [
      participant({ ID: 'P-2026-0001', 'Date de commission': '15/01/2026', "Date d'entrée": '02/02/2026' }),
      participant({ ID: 'P-2026-0002', Nom: 'Lefort', "Date d'entrée": '02/02/2026', 'Date de sortie': '30/06/2026', 'Motif de sortie': 'CDI' }),
      participant({ ID: 'P-2026-0003', Nom: 'Candidat', "Date d'entrée": '' }),
    ],
  });
  return { ...tables, ...(lists ? { Listes: lists } : {}), Accompagnement: sheetTable(HEADERS, rows) };
}

const row = (fields: Record<string, unknown>) => ({ Participant: 'P-2026-0001', Date: '10/03/2026', "Type d'action": 'Entretien individuel', ...fields });

describe('reading Accompagnement', () => {
  it('reads synonyms, date cells and text dates, decimal commas, list labels typed loosely', () => {
    const data = readWorkbook(
      tablesWith([
        row({ Date: midnightInZone('2026-01-20', 'Europe/Paris'), Thème: 'mobilite', 'État du frein': 'identifie', 'Suivi par': 'x' }),
        row({ "Type d'action": 'formation', Durée: '3,5', Organisme: 'Organisme de formation', Commentaire: '=1+1' }),
        row({ Participant: ' p-2026-0001 ', Date: '2026-11-20', Thème: "GARDE D'ENFANTS", 'État du frein': 'LEVÉ', Durée: 12 }),
      ]),
      { timeZone: 'Europe/Paris', today: TODAY },
    );
    expect(data.issues).toEqual([]);
    expect(data.support).toEqual([
      { row: 2, date: '2026-01-20', id: 'P-2026-0001', action: 'Entretien individuel', barrier: 'Mobilité', barrierState: 'Identifié', hours: null, partner: null, comment: null },
      { row: 3, date: '2026-03-10', id: 'P-2026-0001', action: 'Formation', barrier: null, barrierState: null, hours: 3.5, partner: 'Organisme de formation', comment: '=1+1' },
      { row: 4, date: '2026-11-20', id: 'P-2026-0001', action: 'Entretien individuel', barrier: "Garde d'enfants", barrierState: 'Levé', hours: 12, partner: null, comment: null },
    ]);
  });

  it('makes each unreadable row one data issue, left out, naming no typed text', () => {
    const secret = 'Dupont dépression';
    const data = readWorkbook(
      tablesWith([
        row({ Participant: 'P-2099-0001' }), // 2 unknown ID
        row({ Date: '10/01/2026' }), // 3 before the commission (15/01)
        row({ Participant: 'P-2026-0002', Date: '01/07/2026' }), // 4 after the exit (30/06)
        row({ Date: '21/11/2026' }), // 5 in the future
        row({ Participant: 'P-2026-0003' }), // 6 a candidate without commission date
        row({ 'État du frein': 'Levé' }), // 7 a state without a barrier
        row({ Thème: 'Mobilité' }), // 8 a barrier without a state
        row({ Durée: 0 }), // 9 hours out of range
        row({ Durée: '400,5' }), // 10 hours out of range
        row({ Thème: secret, 'État du frein': 'Identifié' }), // 11 barrier not in the list
        row({ "Type d'action": secret }), // 12 unknown action
        row({ Date: secret }), // 13 unreadable date
        row({ Durée: secret }), // 14 unreadable hours
        row({ 'État du frein': secret, Thème: 'Logement' }), // 15 unreadable state
        row({ Date: '' }), // 16 no date
        row({ "Type d'action": '' }), // 17 no action
        row({ Participant: '' }), // 18 no ID
        row({ Durée: 400 }), // 19 fine: the upper bound
      ]),
      { timeZone: 'Europe/Paris', today: TODAY },
    );
    expect(data.support.map((s) => s.row)).toEqual([19]);
    expect(data.issues.map((i) => [i.row, i.column])).toEqual([
      [2, 'ID'],
      [3, 'Date'],
      [4, 'Date'],
      [5, 'Date'],
      [6, 'Date'],
      [7, 'État du frein'],
      [8, 'État du frein'],
      [9, 'Heures'],
      [10, 'Heures'],
      [11, 'Frein'],
      [12, 'Action'],
      [13, 'Date'],
      [14, 'Heures'],
      [15, 'État du frein'],
      [16, 'Date'],
      [17, 'Action'],
      [18, 'ID'],
    ]);
    for (const issue of data.issues) {
      expect(issue.sheet).toBe('Accompagnement');
      expect(issue.message).not.toMatch(/Dupont|dépression|P-2099|400,5/);
    }
    expect(data.issues[2]!.message).toBe('Date du 01/07/2026 après la sortie de P-2026-0002 (30/06/2026) : vérifiez la date ou l’ID.');
  });

  it('checks the barrier against the team’s Frein list when it has one', () => {
    const lists = [['Prescripteur', 'Frein'], ['France Travail', 'Transport']];
    const data = readWorkbook(
      tablesWith([row({ Thème: 'transport', 'État du frein': 'En cours' }), row({ Thème: 'Mobilité', 'État du frein': 'En cours' })], lists),
      { timeZone: 'Europe/Paris', today: TODAY },
    );
    expect(data.support.map((s) => s.barrier)).toEqual(['Transport']);
    expect(data.issues.map((i) => [i.row, i.column])).toEqual([[3, 'Frein']]);
  });

  it('reads a workbook without the sheet as empty; a sheet without Date, ID or Action is unreadable', () => {
    const { Accompagnement: _, ...without } = tablesWith([]);
    expect(readWorkbook(without, { timeZone: 'Europe/Paris', today: TODAY }).support).toEqual([]);
    const noAction = { ...without, Accompagnement: [['Date', 'ID', 'Frein']] };
    expect(() => readWorkbook(noAction, { timeZone: 'Europe/Paris', today: TODAY })).toThrow(WorkbookFormatError);
    expect(() => readWorkbook(noAction, { timeZone: 'Europe/Paris', today: TODAY })).toThrow(/« Action ».*« Accompagnement »/);
    // Only the optional columns missing: read, those cells empty.
    const minimal = { ...without, Accompagnement: [['Date', 'ID', 'Action'], ['10/03/2026', 'P-2026-0001', 'Formation']] };
    expect(readWorkbook(minimal, { timeZone: 'Europe/Paris', today: TODAY }).support).toHaveLength(1);
  });
});
