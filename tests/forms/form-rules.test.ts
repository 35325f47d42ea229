import { admissionSchema } from '../../src/forms/admission-schema';
import { admitSchema } from '../../src/forms/admit-schema';
import { evaluationSchema } from '../../src/forms/evaluation-schema';
import { exitSchema } from '../../src/forms/exit-schema';
import { attendanceSchema } from '../../src/forms/attendance-schema';
import type { FormContext, ParcoursSummary } from '../../src/forms/form-context';
import { validateForm } from '../../src/forms/form-validation';
import { nextParcoursId } from '../../src/forms/parcours-id';
import { renewalSchema } from '../../src/forms/renewal-schema';
import { findSamePerson } from '../../src/forms/same-person';

const person = (over: Partial<ParcoursSummary>): ParcoursSummary => ({
  id: 'P-2026-0001',
  lastName: 'Lefèvre',
  firstName: 'Marie-Anne',
  birthDate: '1980-01-31',
  workshop: 'Maraîchage',
  commissionDate: null,
  entryDate: '2026-01-31',
  trialEnd: '2026-02-28',
  contractEnd: null,
  exitDate: null,
  exitReason: null,
  status: 'En parcours',
  ...over,
});

const context: FormContext = {
  today: '2026-11-20',
  minimumWeeklyHours: 20,
  trialMonths: 1,
  contractMonths: 6,
  prescribers: ['France Travail', 'Mission locale'],
  workshops: [
    { name: 'Maraîchage', sessionHours: 3.5, active: true },
    { name: 'Menuiserie', sessionHours: null, active: true },
  ],
  funders: [{ code: 'CD', name: 'Conseil départemental' }],
  exitReasons: [{ motif: 'CDI', category: 'Emploi durable' }],
  objectives: [],
  barriers: ['Mobilité', 'Logement', 'Santé'],
  partners: [],
  parcours: [person({}), person({ id: 'P-2026-0002', lastName: 'Roux', firstName: 'Paul', entryDate: '2026-12-01' })],
};

describe('nextParcoursId', () => {
  test('one more than the highest counter of the year, other years and foreign IDs ignored', () => {
    expect(nextParcoursId(['P-2026-0007', 'p-2026-0012 ', 'P-2025-0099', 'X-2026-5000', 'P-2026-12'], 2026)).toBe('P-2026-0013');
    expect(nextParcoursId(['P-2025-0099'], 2026)).toBe('P-2026-0001');
    expect(nextParcoursId(['P-2026-9999'], 2026)).toBe('P-2026-10000');
  });
});

test('findSamePerson ignores case, accents, spaces and hyphens, but not the birth date', () => {
  const existing = [person({}), person({ id: 'P-2026-0009', birthDate: '1980-01-30' })];
  expect(findSamePerson(existing, { lastName: ' LEFEVRE', firstName: 'marie anne', birthDate: '1980-01-31' }).map((p) => p.id)).toEqual([
    'P-2026-0001',
  ]);
  expect(findSamePerson(existing, { lastName: 'Lefèvre', firstName: 'Marie', birthDate: '1980-01-31' })).toEqual([]);
});

describe('admissionSchema', () => {
  const base = { lastName: ' Martin ', firstName: 'Camille', birthDate: '2000-05-31', sex: 'f' };

  test('computes the end dates from Paramètres and fills the empty defaults', () => {
    const r = validateForm(admissionSchema(context), { ...base, entryDate: '2026-08-31', qpv: '', prescriber: 'mission LOCALE' });
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({
        lastName: 'Martin',
        sex: 'F',
        qpv: false,
        minimumSocial: 'Aucun',
        prescriber: 'Mission locale',
        trialEnd: '2026-09-30',
        contractEnd: '2027-02-28',
        funders: [],
        confirmDuplicate: false,
      }),
    });
  });

  test('a candidate has no end dates; the hours follow the minimum of Paramètres', () => {
    const r = validateForm(admissionSchema(context), { ...base, trialEnd: '2026-12-01', weeklyHours: '19,5', funders: ['CD', 'PV'] });
    expect(r).toEqual({
      ok: false,
      errors: {
        funders: 'Financeur inconnu : PV.',
        weeklyHours: 'Heures hebdo : écrivez un nombre entre 20 et 35.',
        trialEnd: "Sans date d'entrée (candidature), laissez ce champ vide.",
      },
    });
  });

  test('age is 16 to 99 on the entry date', () => {
    const young = validateForm(admissionSchema(context), { ...base, birthDate: '2010-06-01', entryDate: '2026-05-31' });
    expect(young.ok ? '' : young.errors['birthDate']).toBe(
      "Âge de 15 ans à la date d'entrée : l'âge doit être de 16 à 99 ans. Vérifiez la date de naissance.",
    );
    expect(validateForm(admissionSchema(context), { ...base, birthDate: '2010-06-01', entryDate: '2026-06-01' }).ok).toBe(true);
  });
});

describe('attendanceSchema', () => {
  test('hours default to the session length for Présent and Retard, absences count none', () => {
    const r = validateForm(attendanceSchema(context), {
      workshop: 'maraichage',
      date: '2026-11-16',
      rows: [
        { id: 'P-2026-0001', status: 'Retard', hours: '' },
        { id: 'P-2026-0001', status: 'Absent justifié', hours: '2' },
      ],
    });
    expect(r).toEqual({
      ok: false,
      errors: { 'rows.1.id': 'P-2026-0001 figure deux fois dans la séance.', 'rows.1.hours': 'Absence : 0 heure, pas 2.' },
    });
    const ok = validateForm(attendanceSchema(context), {
      workshop: 'Maraîchage',
      date: '2026-11-16',
      rows: [{ id: 'P-2026-0001', status: 'Retard', hours: '' }],
    });
    expect(ok.ok && ok.value.rows[0]).toEqual({ id: 'P-2026-0001', status: 'Retard', hours: 3.5, comment: null });
  });

  test('a participant not yet entered, and an atelier without session length, are refused', () => {
    const r = validateForm(attendanceSchema(context), {
      workshop: 'Menuiserie',
      date: '2026-11-16',
      rows: [{ id: 'P-2026-0002', status: 'Présent', hours: null }],
    });
    expect(r).toEqual({
      ok: false,
      errors: {
        'rows.0.id': 'Entré(e) le 01/12/2026, après cette séance.',
        'rows.0.hours': "Heures manquantes : l'atelier n'a pas de durée de séance.",
      },
    });
  });
});

test('renewalSchema moves the end of contract from the default one when none is written', () => {
  const r = validateForm(renewalSchema(context), { id: 'P-2026-0001' });
  // Entry 2026-01-31 + 6 months = 2026-07-31, + 6 months = 2027-01-31.
  expect(r).toEqual({ ok: true, value: { id: 'P-2026-0001', months: 6, previousContractEnd: '2026-07-31', contractEnd: '2027-01-31' } });
});

describe('the parcours a form may be used on', () => {
  const choose = { ...context, parcours: [
    person({}),
    person({ id: 'P-2026-0003', entryDate: null, trialEnd: null }),
    person({ id: 'P-2026-0004', exitDate: '2026-10-02', exitReason: 'CDI', status: 'Sorti' }),
  ] };
  const idError = (schema: Parameters<typeof validateForm>[0], id: string) => {
    const r = validateForm(schema, { id });
    return r.ok ? null : (r.errors['id'] ?? null);
  };

  test.each([
    ['admit', 'P-2026-0001', 'P-2026-0001 est déjà admis : choisissez un candidat.'],
    ['admit', 'P-2026-0003', null],
    ['exit', 'P-2026-0004', 'P-2026-0004 est déjà sorti le 02/10/2026.'],
    ['exit', 'P-2026-0003', null],
    ['renewal', 'P-2026-0003', "P-2026-0003 est un candidat : il n'a pas encore de contrat."],
    ['renewal', 'P-2026-0004', 'P-2026-0004 est sorti le 02/10/2026 : pas de renouvellement.'],
    ['evaluation', 'P-2026-0003', "P-2026-0003 est un candidat : pas encore d'évaluation."],
    ['evaluation', 'P-2026-9999', 'Parcours introuvable : rechargez la liste.'],
    ['exit', '', 'Choisissez un participant.'],
  ] as const)('%s on %s → %s', (form, id, expected) => {
    const schema = { admit: admitSchema, exit: exitSchema, renewal: renewalSchema, evaluation: evaluationSchema }[form](choose);
    expect(idError(schema, id)).toBe(expected);
  });
});
