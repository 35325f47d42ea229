import { midnightInZone } from '../../src/domain/calendar-day';
import { readWorkbook } from '../../src/domain/read-workbook';
import { TODAY, baseTables, participant } from './fixtures';

/** P-2026-0001 enters 10/02/2026 and leaves 30/06/2026; P-2026-0002 is a candidate; row 4 is unreadable. */
function read(attendance: Record<string, unknown>[]) {
  const participants = [
    participant({ "Date d'entrée": '10/02/2026', 'Date de sortie': '30/06/2026', 'Motif de sortie': 'CDI' }),
    participant({ ID: 'P-2026-0002', "Date d'entrée": '' }),
    participant({ ID: 'P-2026-0003', Sexe: '?' }),
  ];
  const data = readWorkbook(baseTables({ participants, attendance }), { timeZone: 'Europe/Paris', today: TODAY });
  return { ...data, issues: data.issues.filter((i) => i.sheet === 'Présences') };
}

const row = (overrides: Record<string, unknown> = {}) => ({
  Date: '03/03/2026',
  Atelier: 'Maraîchage',
  ID: 'P-2026-0001',
  Présence: 'Présent',
  ...overrides,
});

describe('Présences: hours', () => {
  it("counts the atelier's session length when Heures is empty", () => {
    const data = read([row()]);
    expect(data.issues).toEqual([]);
    expect(data.attendance).toEqual([
      { row: 2, date: '2026-03-03', workshop: 'Maraîchage', id: 'P-2026-0001', status: 'Présent', hours: 3.5, comment: null },
    ]);
  });

  it('reads typed hours, labels typed loosely and Date cells in winter and summer', () => {
    const data = read([
      row({ Heures: '2,5', Présence: 'retard', Atelier: 'menuiserie', Commentaire: ' bus en retard ' }),
      row({ Date: midnightInZone('2026-06-30', 'Europe/Paris'), Heures: 6 }),
      row({ Date: midnightInZone('2026-02-10', 'Europe/Paris'), Présence: 'absent justifie' }),
    ]);
    expect(data.issues).toEqual([]);
    expect(data.attendance.map((a) => [a.row, a.date, a.workshop, a.status, a.hours, a.comment])).toEqual([
      [2, '2026-03-03', 'Menuiserie', 'Retard', 2.5, 'bus en retard'],
      [3, '2026-06-30', 'Maraîchage', 'Présent', 6, null],
      [4, '2026-02-10', 'Maraîchage', 'Absent justifié', 0, null],
    ]);
  });

  it.each([
    [{ Heures: 0 }, 'Heures', '0 h pour une présence : écrivez un nombre d’heures supérieur à 0 et au plus 12.'],
    [{ Heures: '12,5' }, 'Heures', '12,5 h pour une présence : écrivez un nombre d’heures supérieur à 0 et au plus 12.'],
    [{ Heures: 'deux' }, 'Heures', 'Nombre illisible : écrivez un nombre, par exemple 3,5.'],
    [{ Présence: 'Absent non justifié', Heures: 2 }, 'Heures', '2 h pour une absence : laissez Heures vide ou écrivez 0.'],
    [
      { Atelier: 'Menuiserie' },
      'Heures',
      'Heures manquantes : écrivez la durée de la séance (l’atelier « Menuiserie » n’a pas de durée de séance dans la feuille « Ateliers »).',
    ],
  ])('%p → issue, left out', (overrides, column, message) => {
    const data = read([row(overrides)]);
    expect(data.attendance).toEqual([]);
    expect(data.issues).toEqual([{ sheet: 'Présences', row: 2, column, message }]);
  });

  it('accepts 12 hours and 0 for an absence', () => {
    const data = read([row({ Heures: 12 }), row({ Atelier: 'Menuiserie', Présence: 'Absent non justifié', Heures: 0 })]);
    expect(data.issues).toEqual([]);
    expect(data.attendance.map((a) => a.hours)).toEqual([12, 0]);
  });
});

describe('Présences: rows left out', () => {
  it.each([
    [{ Date: '' }, 'Date', 'Date manquante : écrivez la date de la séance jj/mm/aaaa.'],
    [{ Date: '30/02/2026' }, 'Date', "Cette date n'existe pas (jour ou mois hors du calendrier) : écrivez-la jj/mm/aaaa."],
    [{ Atelier: 'Cuisine' }, 'Atelier', 'Atelier absent de la feuille « Ateliers » : choisissez un atelier de la liste.'],
    [{ Présence: '' }, 'Présence', 'Présence manquante : choisissez Présent, Retard, Absent justifié ou Absent non justifié.'],
    [{ Présence: 'Malade' }, 'Présence', 'Présence illisible : choisissez Présent, Retard, Absent justifié ou Absent non justifié.'],
    [
      { ID: 'P-2026-0099' },
      'ID',
      'ID introuvable parmi les parcours lisibles de la feuille « Participants » : vérifiez l’ID, ou corrigez la ligne du participant.',
    ],
  ])('%p → issue, left out', (overrides, column, message) => {
    const data = read([row(overrides)]);
    expect(data.attendance).toEqual([]);
    expect(data.issues).toEqual([{ sheet: 'Présences', row: 2, column, message }]);
  });

  it('points a row of a parcours whose Participants row is unreadable to that row', () => {
    const data = read([row({ ID: 'P-2026-0003' })]);
    expect(data.attendance).toEqual([]);
    expect(data.issues).toEqual([
      {
        sheet: 'Présences',
        row: 2,
        column: 'ID',
        message: 'Ligne ignorée : le parcours P-2026-0003 est sur la ligne 4 de « Participants », illisible ; corrigez d’abord cette ligne.',
        cause: { sheet: 'Participants', row: 4 },
      },
    ]);
  });

  it('leaves out a date before the entry, after the exit, or of a candidate', () => {
    const data = read([
      row({ Date: '09/02/2026' }),
      row({ Date: '01/07/2026' }),
      row({ ID: 'P-2026-0002' }),
      row({ Date: '10/02/2026' }),
    ]);
    expect(data.attendance.map((a) => a.row)).toEqual([5]);
    expect(data.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [2, 'Date', 'Cette présence du 09/02/2026 est en dehors du parcours (entrée le 10/02/2026).'],
      [3, 'Date', 'Cette présence du 01/07/2026 est en dehors du parcours (sortie le 30/06/2026).'],
      [4, 'Date', "Cette présence du 03/03/2026 est en dehors du parcours (P-2026-0002 n'a pas de date d'entrée) : vérifiez la date ou l'ID."],
    ]);
  });

  it('counts the first of the same (Date, Atelier, ID) and leaves out the later ones', () => {
    const data = read([
      row({ Heures: 3 }),
      row({ Atelier: 'Menuiserie', Heures: 2 }),
      row({ Date: '2026-03-03', Atelier: 'MARAICHAGE', ID: 'p-2026-0001', Heures: 1 }),
    ]);
    expect(data.attendance.map((a) => [a.row, a.hours])).toEqual([
      [2, 3],
      [3, 2],
    ]);
    expect(data.issues).toEqual([
      {
        sheet: 'Présences',
        row: 4,
        column: '',
        message:
          'Présence du 03/03/2026 à l’atelier « Maraîchage » déjà saisie ligne 2 pour P-2026-0001 : seule la première ligne compte, supprimez le doublon.',
      },
    ]);
  });
});
