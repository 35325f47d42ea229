import { readWorkbook, findSheetName, type RawTables } from '../../src/domain/read-workbook';
import { WorkbookFormatError } from '../../src/domain/workbook-format-error';
import { DEFAULT_EXIT_REASONS } from '../../src/domain/workbook-schema';
import { TODAY, baseTables, participant } from './fixtures';

function formatError(tables: RawTables): WorkbookFormatError {
  try {
    readWorkbook(tables, { timeZone: 'Europe/Paris', today: TODAY });
  } catch (e) {
    if (e instanceof WorkbookFormatError) return e;
    throw e;
  }
  throw new Error('readWorkbook should have thrown');
}

describe('findSheetName', () => {
  it('finds a sheet by normalized name, preferring the exact one', () => {
    expect(findSheetName(['participants', 'presences '], 'Présences')).toBe('presences ');
    expect(findSheetName(['Presences', 'Présences'], 'Présences')).toBe('Présences');
    expect(findSheetName(['Participants'], 'Évaluations')).toBeNull();
  });
});

describe('readWorkbook', () => {
  it('reports a cell longer than Excel keeps (32,767 characters) as a data issue of that cell', () => {
    const long = 'x'.repeat(32_768);
    const data = readWorkbook(baseTables({ participants: [participant({ Observations: long }), participant({ ID: 'P-2026-0002', Observations: 'x'.repeat(32_767) })] }), {
      timeZone: 'Europe/Paris',
      today: TODAY,
    });
    const issues = data.issues.filter((i) => i.message.includes('32 767'));
    expect(issues).toEqual([
      { sheet: 'Participants', row: 2, column: 'Observations', message: expect.stringContaining('Texte de 32768 caractères') },
    ]);
    expect(JSON.stringify(issues)).not.toContain('xxx');
  });

  it('throws for a missing Participants sheet, naming it', () => {
    const tables = baseTables();
    delete tables.Participants;
    const error = formatError(tables);
    expect(error.message).toBe('Feuille « Participants » introuvable : lancez Parcours › Configurer le classeur.');
    expect(error.sheet).toBe('Participants');
    expect(error.column).toBeNull();
  });

  it('reads a workbook with only Participants: every other sheet as empty, the default motifs, one issue per absent sheet', () => {
    const tables = { Participants: baseTables({ participants: [participant({})] }).Participants };
    const data = readWorkbook(tables, { timeZone: 'Europe/Paris', today: TODAY });
    expect(data.parcours).toHaveLength(1);
    expect(data.exitReasons.map((r) => r.motif)).toEqual(DEFAULT_EXIT_REASONS.map(([motif]) => motif));
    expect(data.parameters.minimumWeeklyHours).toBe(9);
    expect(data.issues.map((i) => [i.sheet, i.row, i.column])).toEqual([
      ['Présences', 1, ''],
      ['Évaluations', 1, ''],
      ['Accompagnement', 1, ''],
      ['Ateliers', 1, ''],
      ['Financeurs', 1, ''],
      ['Motifs de sortie', 1, ''],
      ['Listes', 1, ''],
      ['Paramètres', 1, ''],
    ]);
    expect(data.issues[5]!.message).toBe(
      'Feuille « Motifs de sortie » absente : elle est lue comme vide ; les motifs par défaut sont utilisés. Parcours › Configurer le classeur l’ajoute.',
    );
  });

  it('still refuses a sheet that is there but lacks a required header', () => {
    const tables = baseTables();
    tables.Présences = [['Date', 'Atelier', 'ID', 'Heures']];
    expect(formatError(tables).message).toMatch(/^Colonne « Présence » introuvable dans la feuille « Présences »/);
  });

  it('reads a Participants sheet without the optional Orientation RSA column', () => {
    const tables = baseTables({ participants: [participant({ 'Minimum social': 'RSA' })] });
    const at = tables.Participants![0]!.indexOf('Orientation RSA');
    tables.Participants = tables.Participants!.map((row) => row.filter((_, i) => i !== at));
    const data = readWorkbook(tables, { timeZone: 'Europe/Paris', today: TODAY });
    expect(data.issues).toEqual([]);
    expect(data.parcours[0]).toMatchObject({ minimumSocial: 'RSA', rsaOrientation: null });
  });

  it('leaves the skipped large sheets unread: no table needed, no record, no issue', () => {
    const tables = baseTables({ participants: [participant({})] });
    delete tables.Présences;
    tables.Évaluations = [['pas un en-tête']];
    const data = readWorkbook(tables, { timeZone: 'Europe/Paris', today: TODAY, skip: ['Présences', 'Évaluations'] });
    expect(data.parcours).toHaveLength(1);
    expect(data.attendance).toEqual([]);
    expect(data.evaluations).toEqual([]);
    expect(data.issues).toEqual([]);
  });

  it('throws for a missing column, naming the column and the sheet', () => {
    const tables = baseTables();
    const at = tables.Participants![0]!.indexOf("Date d'entrée");
    tables.Participants = tables.Participants!.map((row) => row.filter((_, i) => i !== at));
    const error = formatError(tables);
    expect(error.message).toMatch(/^Colonne « Date d'entrée » introuvable dans la feuille « Participants » : /);
    expect(error.column).toBe("Date d'entrée");
  });

  it('throws for an empty sheet without header row', () => {
    const tables = baseTables();
    tables.Financeurs = [];
    expect(formatError(tables).message).toMatch(/^Colonne « Code » introuvable dans la feuille « Financeurs »/);
  });

  it('accepts table keys spelled like the sheet tabs', () => {
    const tables = baseTables();
    const loose = { ...tables, ' évaluations': tables.Évaluations } as Record<string, unknown[][] | undefined>;
    delete loose['Évaluations'];
    expect(readWorkbook(loose as RawTables, { timeZone: 'Europe/Paris', today: TODAY }).parcours).toHaveLength(1);
  });

  it('sorts issues by sheet tab order, then row', () => {
    const tables = baseTables({
      participants: [participant(), participant({ ID: 'P-2026-0002', Sexe: 'Z' })],
      attendance: [{ Date: 'hier', Atelier: 'Maraîchage', ID: 'P-2026-0001', Présence: 'Présent' }],
    });
    tables.Ateliers!.push(['', 'Sans nom', '', '', '', '']);
    const data = readWorkbook(tables, { timeZone: 'Europe/Paris', today: TODAY });
    expect(data.issues.map((i) => [i.sheet, i.row])).toEqual([
      ['Participants', 3],
      ['Présences', 2],
      ['Ateliers', 4],
    ]);
  });
});
