import { findLabel, formatNumberFr, joinOr, normalizeId, normalizeKey, sameKey } from '../../src/domain/text';

describe('normalizeKey / sameKey', () => {
  it('ignores case, accents, typographic apostrophes and spacing', () => {
    expect(normalizeKey("date d'entree")).toBe('datedentree');
    expect(normalizeKey('Date d’entrée')).toBe('datedentree');
    expect(normalizeKey(' DATE D ENTREE ')).toBe('datedentree');
  });
  it('ignores parentheses', () => {
    expect(sameKey('Né(e) le', 'nee le')).toBe(true);
  });
  it('keeps N° equal to n° and distinct from Nom', () => {
    expect(sameKey('N°', 'n°')).toBe(true);
    expect(sameKey('N°', 'Nom')).toBe(false);
  });
  it('keeps different words different', () => {
    expect(sameKey('Savoir-faire', 'Savoir-être')).toBe(false);
    expect(sameKey('Savoir-faire', 'savoir faire')).toBe(true);
  });
});

describe('normalizeId', () => {
  it('forgives case, spaces and typographic dashes only', () => {
    expect(normalizeId(' p‑2026–0007 ')).toBe('P-2026-0007');
    expect(normalizeId('P-2026-0001')).not.toBe(normalizeId('P-20260-001'));
  });
});

describe('message helpers', () => {
  it('joins with « ou »', () => {
    expect(joinOr(['F', 'H'])).toBe('F ou H');
    expect(joinOr(['RSA', 'AAH', 'ASS', 'Aucun'])).toBe('RSA, AAH, ASS ou Aucun');
  });
  it('writes decimals with a comma', () => {
    expect(formatNumberFr(3.5)).toBe('3,5');
  });
});

describe('findLabel', () => {
  it('finds the first matching label and sees a list changed in place', () => {
    const labels = ['Maraîchage', 'maraichage', 'Menuiserie'];
    expect(findLabel(' MARAICHAGE ', labels)).toBe('Maraîchage');
    expect(findLabel('Cuisine', labels)).toBeNull();
    labels[2] = 'Cuisine';
    expect(findLabel('cuisine', labels)).toBe('Cuisine');
    expect(findLabel('   ', labels)).toBeNull();
  });
});
