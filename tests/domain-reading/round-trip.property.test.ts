import fc from 'fast-check';
import { addDays, type CalendarDay, makeDay } from '../../src/domain/calendar-day';
import { type CellOut, encodeRow } from '../../src/domain/cell-output';
import { decodeParticipants, parcoursSchema } from '../../src/domain/codecs/participants';
import { defaultParameters } from '../../src/domain/codecs/parameters';
import { mapHeaders } from '../../src/domain/header-map';
import {
  EDUCATION_LEVELS,
  MINIMUM_SOCIAL,
  PARCOURS_STATUSES,
  type Parcours,
  RSA_ORIENTATIONS,
  SEXES,
} from '../../src/domain/records';
import { DEFAULT_EXIT_REASONS, PARTICIPANTS_FIELDS, sheetSpec } from '../../src/domain/workbook-schema';

/** What `getValues()` gives back for what `setValues()` was handed: the text prefix apostrophe is not part of the value. */
function asSheetsStores(cell: CellOut): unknown {
  return typeof cell === 'string' && cell.startsWith("'") ? cell.slice(1) : cell;
}

const day = (from: number, to: number): fc.Arbitrary<CalendarDay> =>
  fc.record({ y: fc.integer({ min: from, max: to }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
    .map(({ y, m, d }) => makeDay(y, m, d))
    .filter((d): d is CalendarDay => d !== null);

// Any text a person may type, trimmed and non-empty (formulas, apostrophes, accents included).
const text = fc
  .string({ minLength: 1, maxLength: 16, unit: fc.constantFrom('a', 'é', ' ', '=', '+', '-', '@', "'", '’', 'Z', '1', ',') })
  .filter((s) => s.trim() === s && s !== '');
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const MOTIFS = DEFAULT_EXIT_REASONS.map(([motif]) => motif);

const parcoursArb: fc.Arbitrary<Parcours> = fc
  .record({
    id: fc.integer({ min: 1, max: 9999 }).map((n) => `P-2026-${String(n).padStart(4, '0')}`),
    lastName: text,
    firstName: text,
    birthDate: day(1930, 2005),
    sex: fc.constantFrom(...SEXES),
    commune: optional(text),
    qpv: fc.boolean(),
    minimumSocial: fc.constantFrom(...MINIMUM_SOCIAL),
    rsaOrientation: optional(fc.constantFrom(...RSA_ORIENTATIONS)),
    franceTravail: optional(fc.boolean()),
    deld: optional(fc.boolean()),
    rqth: optional(fc.boolean()),
    education: optional(fc.constantFrom(...EDUCATION_LEVELS)),
    prescriber: optional(text),
    referent: optional(text),
    workshop: optional(fc.constantFrom('Maraîchage', 'Menuiserie')),
    funders: fc.subarray(['CD', 'PV']),
    commissionDate: optional(day(2023, 2027)),
    entryDate: day(2024, 2027),
    trialEnd: day(2024, 2028),
    contractEnd: day(2024, 2028),
    weeklyHours: optional(fc.integer({ min: 18, max: 70 }).map((h) => h / 2)),
    exit: optional(fc.record({ days: fc.integer({ min: 0, max: 900 }), motif: fc.constantFrom(...MOTIFS) })),
    status: optional(fc.constantFrom(...PARCOURS_STATUSES)),
    observations: optional(text),
  })
  .map(({ exit, ...p }) => ({
    row: 2,
    ...p,
    exitDate: exit ? addDays(p.entryDate, exit.days) : null,
    exitReason: exit ? exit.motif : null,
  }));

describe('Participants: encode then decode', () => {
  const spec = sheetSpec('Participants');
  // Shuffled columns with an extra one, as a team's sheet may be.
  const headers = ['Notes', ...PARTICIPANTS_FIELDS.map((f) => f.header).reverse()];
  const map = mapHeaders(spec, headers);
  const context = {
    parameters: defaultParameters(),
    prescribers: [],
    workshops: ['Maraîchage', 'Menuiserie'].map((name, i) => ({
      row: i + 2, name, supervisor: null, capacity: null, sessionHours: 3, days: null, active: true,
    })),
    funders: ['CD', 'PV'].map((code, i) => ({ row: i + 2, code, name: null, etpContracted: null, hoursPerEtp: 1607, minimumMonths: 0 })),
    exitReasons: DEFAULT_EXIT_REASONS.map(([motif, category], i) => ({ row: i + 2, motif, category })),
    today: '2026-06-15',
    timeZone: 'Europe/Paris',
  };

  it('gives back every record, its dates, numbers and text', () => {
    fc.assert(
      fc.property(parcoursArb, (record) => {
        const row = encodeRow(PARTICIPANTS_FIELDS, map, { ...record }, 'Europe/Paris', ['note libre']);
        expect(row[0]).toBe('note libre');
        const decoded = decodeParticipants([headers, row.map(asSheetsStores)], context);
        expect(decoded.issues).toEqual([]);
        expect(decoded.records).toEqual([record]);
        expect(parcoursSchema.safeParse(decoded.records[0]).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
