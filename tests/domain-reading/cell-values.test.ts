import { runInNewContext } from 'node:vm';
const PARIS = 'Europe/Paris';
import { midnightInZone } from '../../src/domain/calendar-day';
import {
  readCodes,
  readDate,
  readListValue,
  readNumber,
  readText,
  readYesNo,
} from '../../src/domain/cell-values';
import { EVALUATION_TYPES, PRESENCE_STATUSES } from '../../src/domain/records';

describe('readText', () => {
  it('trims, turns numbers to text and empty to null', () => {
    expect(readText('  Lyon ', PARIS)).toBe('Lyon');
    expect(readText(42, PARIS)).toBe('42');
    expect(readText('   ', PARIS)).toBeNull();
    expect(readText('', PARIS)).toBeNull();
    expect(readText(undefined, PARIS)).toBeNull();
  });
  it('writes a date cell the French way', () => {
    expect(readText(midnightInZone('2026-03-04', 'Europe/Paris'), PARIS)).toBe('04/03/2026');
  });
});

describe('readDate', () => {
  it('reads a Date at Paris midnight in winter, in summer and in 1975', () => {
    expect(readDate(midnightInZone('2026-01-15', 'Europe/Paris'), PARIS)).toEqual({ ok: true, value: '2026-01-15' });
    expect(readDate(midnightInZone('2026-07-14', 'Europe/Paris'), PARIS)).toEqual({ ok: true, value: '2026-07-14' });
    expect(readDate(midnightInZone('1975-03-08', 'Europe/Paris'), PARIS)).toEqual({ ok: true, value: '1975-03-08' });
  });
  it('reads a Date made in another JS realm', () => {
    const foreign: unknown = runInNewContext('new Date(Date.UTC(2026, 6, 13, 22, 0, 0))');
    expect(foreign instanceof Date).toBe(false);
    expect(readDate(foreign, PARIS)).toEqual({ ok: true, value: '2026-07-14' });
  });
  it('reads jj/mm/aaaa, j/m/aaaa and aaaa-mm-jj', () => {
    expect(readDate('03/02/2026', PARIS)).toEqual({ ok: true, value: '2026-02-03' });
    expect(readDate(' 3/2/2026 ', PARIS)).toEqual({ ok: true, value: '2026-02-03' });
    expect(readDate('2026-02-03', PARIS)).toEqual({ ok: true, value: '2026-02-03' });
  });
  it('reads Sheets serial numbers (days since 30/12/1899), ignoring the time part', () => {
    expect(readDate(46056, PARIS)).toEqual({ ok: true, value: '2026-02-03' });
    expect(readDate(46056.75, PARIS)).toEqual({ ok: true, value: '2026-02-03' });
    expect(readDate(27461, PARIS)).toEqual({ ok: true, value: '1975-03-08' });
  });
  it('reads an empty cell as null', () => {
    expect(readDate('', PARIS)).toEqual({ ok: true, value: null });
    expect(readDate('  ', PARIS)).toEqual({ ok: true, value: null });
  });
  it('refuses a day that does not exist', () => {
    expect(readDate('31/02/2026', PARIS)).toEqual({ ok: false, message: "Cette date n'existe pas (jour ou mois hors du calendrier) : écrivez-la jj/mm/aaaa." });
  });
  it('refuses words, two-digit years and booleans', () => {
    expect(readDate('demain', PARIS)).toEqual({ ok: false, message: 'Date illisible : écrivez-la jj/mm/aaaa.' });
    expect(readDate('03/02/26', PARIS).ok).toBe(false);
    expect(readDate(true, PARIS).ok).toBe(false);
  });
});

describe('readYesNo', () => {
  it.each([
    ['oui', true],
    [' NON ', false],
    ['O', true],
    ['n', false],
    ['Vrai', true],
    ['FAUX', false],
    ['TRUE', true],
    ['false', false],
    [true, true],
    [false, false],
  ])('reads %p as %p', (cell, expected) => {
    expect(readYesNo(cell, PARIS)).toEqual({ ok: true, value: expected });
  });
  it('reads empty as null and refuses anything else', () => {
    expect(readYesNo('', PARIS)).toEqual({ ok: true, value: null });
    expect(readYesNo('peut-être', PARIS)).toEqual({
      ok: false,
      message: 'Valeur illisible : écrivez Oui ou Non.',
    });
  });
});

describe('readNumber', () => {
  it('reads number cells and typed decimals', () => {
    expect(readNumber(7, PARIS)).toEqual({ ok: true, value: 7 });
    expect(readNumber('3,5', PARIS)).toEqual({ ok: true, value: 3.5 });
    expect(readNumber('3.5', PARIS)).toEqual({ ok: true, value: 3.5 });
    expect(readNumber(' 7 ', PARIS)).toEqual({ ok: true, value: 7 });
    expect(readNumber('1 607', PARIS)).toEqual({ ok: true, value: 1607 });
    expect(readNumber('', PARIS)).toEqual({ ok: true, value: null });
  });
  it('refuses text', () => {
    expect(readNumber('trois', PARIS)).toEqual({
      ok: false,
      message: 'Nombre illisible : écrivez un nombre, par exemple 3,5.',
    });
    expect(readNumber('3,5,1', PARIS).ok).toBe(false);
  });
});

describe('readListValue', () => {
  it('returns the canonical label whatever the case, accents and apostrophes', () => {
    expect(readListValue('absent justifie', PRESENCE_STATUSES, PARIS)).toEqual({ ok: true, value: 'Absent justifié' });
    expect(readListValue(' bilan de periode d’essai ', EVALUATION_TYPES, PARIS)).toEqual({
      ok: true,
      value: "Bilan de période d'essai",
    });
    expect(readListValue('', PRESENCE_STATUSES, PARIS)).toEqual({ ok: true, value: null });
  });
  it('refuses an unknown label, listing the choices', () => {
    expect(readListValue('X', ['F', 'H'], PARIS)).toEqual({ ok: false, message: 'Valeur inconnue : choisissez F ou H.' });
  });
});

describe('readCodes', () => {
  it('splits on commas and semicolons, canonical, without repeats', () => {
    expect(readCodes('CD, PV', ['CD', 'PV', 'DDETS'], PARIS)).toEqual({ ok: true, value: ['CD', 'PV'] });
    expect(readCodes('pv;cd; PV', ['CD', 'PV'], PARIS)).toEqual({ ok: true, value: ['PV', 'CD'] });
    expect(readCodes('', ['CD'], PARIS)).toEqual({ ok: true, value: [] });
  });
  it('refuses unknown codes', () => {
    expect(readCodes('CD, XX', ['CD', 'PV'], PARIS)).toEqual({
      ok: false,
      message: 'Un code inconnu (codes possibles : CD, PV).',
    });
  });
});
