/**
 * One unreadable Participants row makes its attendance, evaluations and support rows unreadable too: each of
 * those rows is still an issue, pointing to the row to correct (`cause`), and they are shown
 * grouped under it; no message repeats what a person typed beyond the row and the ID.
 */
import { compactRows, groupFollowOnIssues } from '../../src/domain/issue-groups';
import { readWorkbook } from '../../src/domain/read-workbook';
import { dataCheckRows } from '../../src/followup/data-check-rows';
import { baseTables, participant, TODAY } from './fixtures';

const presence = (day: number, id = 'P-2026-0002') => ({ Date: `${String(day).padStart(2, '0')}/03/2026`, Atelier: 'Maraîchage', ID: id, Présence: 'Présent', Heures: 3.5 });

function workbookWithOneUnreadableParticipant() {
  return readWorkbook(
    {
      ...baseTables({
      participants: [
        participant(),
        // Row 3: Nom missing and a birth date nobody can read: unreadable, so is everything of P-2026-0002.
        participant({ ID: 'P-2026-0002', Nom: '', Prénom: 'Dominique', 'Date de naissance': 'Dominique le 3 mai' }),
      ],
      attendance: [presence(2), presence(3), presence(5, 'P-2026-0001'), presence(9), presence(10), presence(12, 'P-2026-0999')],
      evaluations: [{ Date: '10/03/2026', ID: 'P-2026-0002', Domaine: 'Savoir-être', Objectif: 'Travailler en équipe', Niveau: 'En cours' }],
      }),
      Accompagnement: [
        ['Date', 'ID', 'Action'],
        ['11/03/2026', 'P-2026-0002', 'Entretien individuel'],
        ['12/03/2026', 'P-2026-0001', 'Formation'],
        ['13/03/2026', 'P-2026-0002', 'Atelier collectif'],
      ],
    },
    { timeZone: 'Europe/Paris', today: TODAY },
  );
}

describe('issues that follow from an unreadable participant row', () => {
  it('points every attendance and evaluation row of that parcours to the Participants row, and only those', () => {
    const data = workbookWithOneUnreadableParticipant();
    const followOn = data.issues.filter((i) => i.cause);
    expect(followOn.map((i) => [i.sheet, i.row, i.cause])).toEqual([
      ['Présences', 2, { sheet: 'Participants', row: 3 }],
      ['Présences', 3, { sheet: 'Participants', row: 3 }],
      ['Présences', 5, { sheet: 'Participants', row: 3 }],
      ['Présences', 6, { sheet: 'Participants', row: 3 }],
      ['Évaluations', 2, { sheet: 'Participants', row: 3 }],
      ['Accompagnement', 2, { sheet: 'Participants', row: 3 }],
      ['Accompagnement', 4, { sheet: 'Participants', row: 3 }],
    ]);
    expect(data.support.map((s) => s.row)).toEqual([3]);
    // An ID found nowhere is its own row's fault: no cause.
    expect(data.issues.find((i) => i.sheet === 'Présences' && i.row === 7)).toMatchObject({ column: 'ID' });
    expect(data.issues.find((i) => i.sheet === 'Présences' && i.row === 7)!.cause).toBeUndefined();
    expect(data.attendance.map((a) => a.row)).toEqual([4]);
  });

  it('groups them under that row: « 4 lignes de Présences ignorées car la ligne 3 de Participants est illisible »', () => {
    const lines = groupFollowOnIssues(workbookWithOneUnreadableParticipant().issues);
    const kinds = lines.map((l) => (l.kind === 'issue' ? `${l.issue.sheet} ${l.issue.row}` : l.group.message));
    const root = kinds.lastIndexOf('Participants 3');
    expect(kinds.slice(root + 1, root + 4)).toEqual([
      '4 lignes de Présences ignorées car la ligne 3 de Participants est illisible',
      '1 ligne d’Évaluations ignorée car la ligne 3 de Participants est illisible',
      '2 lignes d’Accompagnement ignorées car la ligne 3 de Participants est illisible',
    ]);
    expect(kinds).toContain('Présences 7');
  });

  it('writes the group and each row in Contrôle des données, the group linking to the row to correct', () => {
    const rows = dataCheckRows(workbookWithOneUnreadableParticipant().issues, (sheet) => ({ sheetId: sheet === 'Participants' ? 11 : 22, map: null }));
    const group = rows.findIndex((r) => String(r[3]).includes('4 lignes de Présences ignorées'));
    // A text starting with a digit carries Sheets' text apostrophe (cell-output.ts).
    expect(rows[group]).toEqual(['Présences', '', '', "'4 lignes de Présences ignorées car la ligne 3 de Participants est illisible : lignes 2, 3, 5, 6.", '=HYPERLINK("#gid=11&range=A3";"Ouvrir")']);
    expect(rows.slice(group + 1, group + 5).map((r) => [r[0], r[1]])).toEqual([
      ['Présences', 2],
      ['Présences', 3],
      ['Présences', 5],
      ['Présences', 6],
    ]);
  });

  it('names in the rows that follow only the row and the ID, never what was typed in the unreadable row', () => {
    const messages = workbookWithOneUnreadableParticipant()
      .issues.filter((i) => i.cause)
      .map((i) => i.message);
    expect(new Set(messages)).toEqual(
      new Set(['Ligne ignorée : le parcours P-2026-0002 est sur la ligne 3 de « Participants », illisible ; corrigez d’abord cette ligne.']),
    );
  });

  it('writes many rows in a few words', () => {
    expect(compactRows([20, 15, 16, 17, 40, 41])).toBe('15 à 17, 20, 40, 41');
  });
});
