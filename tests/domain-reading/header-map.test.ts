import { mapHeaders, requireHeaders } from '../../src/domain/header-map';
import { WorkbookFormatError } from '../../src/domain/workbook-format-error';
import { sheetSpec } from '../../src/domain/workbook-schema';

describe('mapHeaders', () => {
  const attendance = sheetSpec('Présences');

  it('maps shuffled columns, synonyms and headers typed loosely, and lists extras', () => {
    const map = mapHeaders(attendance, ['Remarque', ' statut ', 'Participant', 'DATE DE SÉANCE', 'atelier', 'durée', 'commentaire']);
    expect(map.columns).toEqual({ status: 1, id: 2, date: 3, workshop: 4, hours: 5, comment: 6 });
    expect(map.missing).toEqual([]);
    expect(map.extras).toEqual([{ index: 0, header: 'Remarque' }]);
    expect(map.sheet).toBe('Présences');
    expect(map.headerRow[3]).toBe('DATE DE SÉANCE');
  });

  it('lets a canonical header win over another column holding a synonym', () => {
    const participants = sheetSpec('Participants');
    const both = mapHeaders(participants, ['Commentaire', 'Observations']);
    expect(both.columns['observations']).toBe(1);
    expect(both.extras).toEqual([{ index: 0, header: 'Commentaire' }]);
    const synonymOnly = mapHeaders(participants, ['Commentaire']);
    expect(synonymOnly.columns['observations']).toBe(0);
  });

  it('reports missing fields and keeps blank headers as extras', () => {
    const map = mapHeaders(attendance, ['Date', '', 'ID']);
    expect(map.missing.map((f) => f.header)).toEqual(['Atelier', 'Présence', 'Heures', 'Commentaire']);
    expect(map.extras).toEqual([{ index: 1, header: '' }]);
  });
});

describe('requireHeaders', () => {
  it('throws a WorkbookFormatError naming the first missing column and the sheet', () => {
    const headers = sheetSpec('Présences').fields.map((f) => f.header).filter((h) => h !== 'Heures');
    let error: unknown;
    try {
      requireHeaders(sheetSpec('Présences'), headers);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkbookFormatError);
    expect((error as WorkbookFormatError).sheet).toBe('Présences');
    expect((error as WorkbookFormatError).column).toBe('Heures');
    expect((error as WorkbookFormatError).message).toMatch(/^Colonne « Heures » introuvable dans la feuille « Présences » : /);
  });
});
