import { midnightInZone } from '../../src/domain/calendar-day';
import { dateCell, encodeRow, numberCell, textCell, yesNoCell } from '../../src/domain/cell-output';
import { mapHeaders } from '../../src/domain/header-map';
import { WORKSHOPS_FIELDS, sheetSpec } from '../../src/domain/workbook-schema';

describe('textCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+33 6 12 34 56 78', "'+33 6 12 34 56 78"],
    ['-x', "'-x"],
    ['@a', "'@a"],
    ["'déjà cité", "''déjà cité"],
    ['Lyon', 'Lyon'],
    ['a=b', 'a=b'],
  ])('writes %p as %p', (input, expected) => {
    expect(textCell(input)).toBe(expected);
  });
  it('writes null as an empty cell', () => {
    expect(textCell(null)).toBe('');
  });
});

describe('scalar cells', () => {
  it('writes dates at Paris midnight, yes/no in French, numbers as numbers', () => {
    expect(dateCell('2026-07-14', 'Europe/Paris')).toEqual(midnightInZone('2026-07-14', 'Europe/Paris'));
    expect((dateCell('2026-07-14', 'Europe/Paris') as Date).toISOString()).toBe('2026-07-13T22:00:00.000Z');
    expect((dateCell('2026-01-15', 'Europe/Paris') as Date).toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(dateCell(null, 'Europe/Paris')).toBe('');
    expect(yesNoCell(true)).toBe('Oui');
    expect(yesNoCell(false)).toBe('Non');
    expect(yesNoCell(null)).toBe('');
    expect(numberCell(3.5)).toBe(3.5);
    expect(numberCell(null)).toBe('');
  });
});

describe('encodeRow', () => {
  const map = mapHeaders(sheetSpec('Ateliers'), ['Notes', 'Jours', 'Atelier', 'Actif', 'Capacité', 'Encadrant', 'Durée de séance (h)']);

  it('writes fields at their columns and keeps extra columns from the base row', () => {
    const base = ['garder ceci', 'lundi', 'Ancien nom', 'Non', 4, 'X', 2, 'colonne hors en-tête'];
    const row = encodeRow(WORKSHOPS_FIELDS, map, {
      name: '=Maraîchage',
      supervisor: null,
      capacity: 8,
      sessionHours: 3.5,
      days: 'lundi, jeudi',
      active: true,
    }, 'Europe/Paris', base);
    expect(row).toEqual(["garder ceci", 'lundi, jeudi', "'=Maraîchage", 'Oui', 8, '', 3.5, 'colonne hors en-tête']);
  });

  it('keeps the base value of a field absent from the record, and escapes base text', () => {
    const row = encodeRow(WORKSHOPS_FIELDS, map, { name: 'Menuiserie' }, 'Europe/Paris', ['=SUM(A1)', 'mardi', 'x', true, '', '', '']);
    expect(row).toEqual(["'=SUM(A1)", 'mardi', 'Menuiserie', true, '', '', '']);
  });

  it('fills a new row with empty cells to the header width', () => {
    expect(encodeRow(WORKSHOPS_FIELDS, map, { name: 'Cuisine', capacity: null }, 'Europe/Paris')).toEqual(['', '', 'Cuisine', '', '', '', '']);
  });
});
