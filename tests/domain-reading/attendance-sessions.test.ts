import { readWorkbook } from '../../src/domain/read-workbook';
import { normalizeId } from '../../src/domain/text';
import { TODAY, baseTables, participant } from './fixtures';

/**
 * A repeated attendance is the same day, the same atelier and the same parcours: rows differing
 * in any one of the three are all counted. (The reader keys sessions by number, not by text.)
 */
function read(attendance: Record<string, unknown>[]) {
  const participants = [participant(), participant({ ID: 'P-2026-0002' })];
  const data = readWorkbook(baseTables({ participants, attendance }), { timeZone: 'Europe/Paris', today: TODAY });
  return { ...data, issues: data.issues.filter((i) => i.sheet === 'Présences') };
}

const row = (overrides: Record<string, unknown> = {}) => ({
  Date: '03/03/2026',
  Atelier: 'Maraîchage',
  ID: 'P-2026-0001',
  Présence: 'Présent',
  Heures: 2,
  ...overrides,
});

describe('Présences: one row per day, atelier and parcours', () => {
  it('counts rows that differ by the day only, the month only, the atelier only or the parcours only', () => {
    const data = read([
      row(),
      row({ Date: '04/03/2026' }),
      row({ Date: '03/04/2026' }),
      row({ Date: '13/03/2026' }),
      row({ Atelier: 'Menuiserie' }),
      row({ ID: 'P-2026-0002' }),
      row({ ID: 'P-2026-0002', Atelier: 'Menuiserie', Date: '04/03/2026' }),
    ]);
    expect(data.issues).toEqual([]);
    expect(data.attendance.map((a) => [a.row, a.date, a.workshop, a.id])).toEqual([
      [2, '2026-03-03', 'Maraîchage', 'P-2026-0001'],
      [3, '2026-03-04', 'Maraîchage', 'P-2026-0001'],
      [4, '2026-04-03', 'Maraîchage', 'P-2026-0001'],
      [5, '2026-03-13', 'Maraîchage', 'P-2026-0001'],
      [6, '2026-03-03', 'Menuiserie', 'P-2026-0001'],
      [7, '2026-03-03', 'Maraîchage', 'P-2026-0002'],
      [8, '2026-03-04', 'Menuiserie', 'P-2026-0002'],
    ]);
  });

  it('reports each repeat against the first row of its own session, rows apart and IDs typed differently', () => {
    const data = read([
      row(),
      row({ ID: 'P-2026-0002' }),
      row({ Date: '04/03/2026' }),
      row({ ID: ' p‑2026‑0002 ', Heures: 1 }),
      row({ Date: '04/03/2026', ID: 'p-2026-0001' }),
    ]);
    expect(data.attendance.map((a) => a.row)).toEqual([2, 3, 4]);
    expect(data.issues.map((i) => [i.row, i.message])).toEqual([
      [5, 'Présence du 03/03/2026 à l’atelier « Maraîchage » déjà saisie ligne 3 pour P-2026-0002 : seule la première ligne compte, supprimez le doublon.'],
      [6, 'Présence du 04/03/2026 à l’atelier « Maraîchage » déjà saisie ligne 4 pour P-2026-0001 : seule la première ligne compte, supprimez le doublon.'],
    ]);
  });
});

describe('normalizeId on plain and typographic input', () => {
  it('gives the same ID for ASCII typed in lower case and for typographic dashes and spaces', () => {
    expect(normalizeId('p-2026-0001')).toBe('P-2026-0001');
    expect(normalizeId('P-2026-0001')).toBe('P-2026-0001');
    expect(normalizeId('p‐2026 ‒0001')).toBe('P-2026-0001');
    expect(normalizeId('Ｐ-2026-0001')).toBe('P-2026-0001');
    expect(normalizeId('P-2026-0001é')).toBe('P-2026-0001É');
  });
});
