import { computeSummary } from '../../src/domain/summary/compute-summary';
import { parcours, T3_2026, workbook } from './fixtures';

const today = { timeZone: 'Europe/Paris', today: '2026-10-05' };

describe('file active (2026-T3 = 2026-07-01..2026-09-30)', () => {
  const data = workbook({
    parcours: [
      parcours('A', { entryDate: '2026-09-30' }), // entry on the last day: active + entry
      parcours('B', { entryDate: '2026-02-01', exitDate: '2026-07-01', exitReason: 'CDI' }), // exit on the first day: active + exit
      parcours('C', { entryDate: null }), // candidate: counted, never active
      parcours('D', { entryDate: '2026-01-05', exitDate: '2026-06-30', exitReason: 'CDI' }), // left the day before
      parcours('E', { entryDate: '2026-10-01' }), // enters the day after
      parcours('F', { entryDate: '2025-03-01' }), // still in parcours
      parcours('G', { entryDate: null, exitDate: '2026-08-01', exitReason: 'Abandon' }), // withdrawn candidate
    ],
  });

  test('active A, B, F; entry A; exit B; candidate C', () => {
    expect(computeSummary(data, T3_2026, null, today).fileActive).toEqual({
      active: 3,
      entries: 1,
      exits: 1,
      candidates: 1,
    });
  });
});

describe('profile of the active parcours', () => {
  // P1..P4 enter on 2026-07-01; ages on that day: 25 (birthday the next day), 26, 49, 50.
  const data = workbook({
    parcours: [
      parcours('P1', {
        entryDate: '2026-07-01',
        birthDate: '2000-07-02',
        sex: 'F',
        minimumSocial: 'RSA',
        rsaOrientation: 'Professionnelle',
        qpv: true,
        rqth: true,
        education: 'Infra 3',
        prescriber: 'Mission locale',
      }),
      parcours('P2', {
        entryDate: '2026-07-01',
        birthDate: '2000-07-01',
        sex: 'H',
        minimumSocial: 'AAH',
        rsaOrientation: 'Sociale', // not an RSA beneficiary: not counted in the orientation
        rqth: false,
        deld: true,
      }),
      parcours('P3', {
        entryDate: '2026-07-01',
        birthDate: '1976-07-02',
        sex: 'F',
        deld: true,
        education: '4 (Bac)',
        prescriber: 'Association des amis',
      }),
      parcours('P4', {
        entryDate: '2026-07-01',
        birthDate: '1976-07-01',
        sex: 'H',
        rqth: true,
        education: 'Infra 3',
        prescriber: 'france travail', // matched to the listed `France Travail`
      }),
      // 35 on 2026-01-10.
      parcours('P6', { entryDate: '2026-01-10', birthDate: '1990-05-10', sex: 'H', minimumSocial: 'ASS', prescriber: 'Agence intérim' }),
      // Not active (enters after the period): counts nowhere in the profile.
      parcours('P5', { entryDate: '2026-10-05', sex: 'F', minimumSocial: 'RSA', rsaOrientation: 'Sociale', qpv: true, prescriber: 'Zèbre' }),
      // RSA, orientation not filled: Non renseignée.
      parcours('P7', { entryDate: '2026-02-02', birthDate: '1980-01-01', sex: 'F', minimumSocial: 'RSA' }),
    ],
  });

  const profile = computeSummary(data, T3_2026, null, today).profile;

  test('sex, age bands at 25/26/49/50, minimum social, yes/no counts', () => {
    expect(profile.sex).toEqual({ F: 3, H: 3 });
    expect(profile.age).toEqual({ 'moins de 26 ans': 1, '26 à 49 ans': 4, '50 ans et plus': 1 });
    expect(profile.minimumSocial).toEqual({ RSA: 2, AAH: 1, ASS: 1, Aucun: 2 });
    expect(profile.qpv).toBe(1);
    expect(profile.rqth).toBe(2);
    expect(profile.deld).toBe(2);
  });

  test('orientation of the RSA beneficiaries only: P1 Professionnelle, P7 empty; P2 (AAH) and P5 (not active) left out', () => {
    expect(profile.rsaOrientation).toEqual({ Sociale: 0, 'Socio-professionnelle': 0, Professionnelle: 1, 'Non renseignée': 1 });
  });

  test('education: all levels present, empty = Non renseigné', () => {
    expect(profile.education).toEqual({
      'Infra 3': 2,
      '3 (CAP, BEP)': 0,
      '4 (Bac)': 1,
      '5 et plus': 0,
      'Non renseigné': 3,
    });
  });

  test('prescriber: list order with zeros, then every unlisted one as one Non répertorié line (never its text), then Non renseigné', () => {
    expect(Object.entries(profile.prescriber)).toEqual([
      ['France Travail', 1],
      ['Mission locale', 1],
      ['Cap emploi', 0],
      // P3 « Association des amis », P6 « Agence intérim ».
      ['Non répertorié', 2],
      // P2, P7.
      ['Non renseigné', 2],
    ]);
  });

  test('Non renseigné is present even at 0', () => {
    const none = workbook({ parcours: [parcours('X', { prescriber: 'Cap emploi' })] });
    expect(computeSummary(none, T3_2026, null, today).profile.prescriber).toEqual({
      'France Travail': 0,
      'Mission locale': 0,
      'Cap emploi': 1,
      'Non répertorié': 0,
      'Non renseigné': 0,
    });
  });
});
