/**
 * A data issue names the row and at most the parcours' ID, never the text typed in a cell
 * (SPEC §3.8, §6): a cell may hold a name or a diagnosis. Every column of every sheet filled with
 * text that is wrong for it, and a marker in that text: no message may carry the marker.
 */
import { readWorkbook } from '../../src/domain/read-workbook';
import { ATTENDANCE_HEADERS, EVALUATION_HEADERS, PARTICIPANT_HEADERS, TODAY, baseTables, participant } from './fixtures';

const MARK = 'Mme Secrète';
const typed = (header: string) => `${header} de ${MARK}`;

describe('data-issue messages never quote a typed cell', () => {
  it('Participants, Présences, Évaluations, Listes, Paramètres, Ateliers, Financeurs: every message without the text typed', () => {
    const everything = (headers: readonly string[], keep: Record<string, unknown>) =>
      Object.fromEntries(headers.map((h) => [h, h in keep ? keep[h] : typed(h)]));
    const tables = baseTables({
      participants: [
        // Required fields readable, every other one wrong (dates, lists, yes/no, numbers, codes).
        everything(PARTICIPANT_HEADERS, { ID: 'P-2026-0001', Nom: 'Martin', Prénom: 'Camille', 'Date de naissance': '12/05/1990', Sexe: 'F', Commune: 'Montval', Référent: 'X', Observations: 'Y', Statut: '' }),
        // The other way: an unreadable birth date and sex, an exit without date.
        participant({ ID: 'P-2026-0002', 'Date de naissance': typed('naissance'), Sexe: typed('sexe'), 'Motif de sortie': typed('motif') }),
        participant({ ID: 'P-2026-0003', "Date d'entrée": '01/01/2026', 'Date de sortie': '31/02/2026' }),
      ],
      attendance: [everything(ATTENDANCE_HEADERS, {}), { Date: '02/02/2026', Atelier: 'Maraîchage', ID: 'P-2026-0001', Présence: typed('statut'), Heures: typed('heures') }],
      evaluations: [everything(EVALUATION_HEADERS, {}), { Date: '02/02/2026', ID: 'P-2026-0001', Domaine: typed('domaine'), Objectif: 'Travailler en équipe', Niveau: typed('niveau') }],
    });
    tables.Listes!.push(['', 'Un objectif', typed('domaine')]);
    tables.Paramètres!.push(['Courriels des coordinateurs', `coordination@exemple.fr, ${MARK}`], ['Heures hebdomadaires minimum', typed('heures')]);
    tables.Ateliers!.push(['Maraîchage', '', typed('capacité'), '', '', typed('actif')]);
    tables.Financeurs!.push(['CD', '', typed('etp'), '', '']);
    const { issues } = readWorkbook(tables, { timeZone: 'Europe/Paris', today: TODAY });
    expect(issues.length).toBeGreaterThan(20);
    expect(issues.filter((i) => i.message.includes('Secrète'))).toEqual([]);
  });
});
