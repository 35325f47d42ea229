/**
 * « Diagnostic »: what a real Google Sheet says about each rule the local runtime (and so every
 * test) takes for granted. Pure: the Apps Script side (src/sheets/diagnostic) gathers the
 * observations, this module says which rules they contradict, in French.
 */
import { isTimeZone, midnightInZone, wallClockInZone } from '../domain/calendar-day';
import { FORMULA_CASES, type FormulaCase, type FormulaExpectation, formulaFor, PARCOURS_LINK_CASE, PARCOURS_LINK_FORMULA } from './formula-cases';
import { TYPED_TEXT_CASES, type TypedTextCase, type TypedValue } from './typed-text-cases';

/** Zones where ACI work (metropolitan France and overseas) and the two extremes, UTC−10 and UTC+14. */
export const DIAGNOSTIC_ZONES = [
  'Europe/Paris',
  'America/Martinique',
  'America/Guadeloupe',
  'America/Cayenne',
  'Indian/Reunion',
  'Indian/Mayotte',
  'Pacific/Honolulu',
  'Pacific/Kiritimati',
  'America/New_York',
] as const;

/** Instants on both sides of summer-time changes (Europe: last Sundays of March and October; USA: March 8 and November 1, 2026) and of midnights. */
export const DIAGNOSTIC_INSTANTS: readonly string[] = [
  '2026-03-29T00:59:00Z',
  '2026-03-29T01:00:00Z',
  '2026-03-29T01:01:00Z',
  '2026-10-25T00:59:00Z',
  '2026-10-25T01:00:00Z',
  '2026-10-25T01:01:00Z',
  '2026-03-08T06:59:00Z',
  '2026-03-08T07:00:00Z',
  '2026-11-01T05:59:00Z',
  '2026-11-01T06:00:00Z',
  '1988-02-28T23:30:00Z',
  '2026-12-31T23:30:00Z',
  '2026-01-01T10:30:00Z',
];

export const DIAGNOSTIC_FORMAT = 'yyyy-MM-dd HH:mm';

/**
 * `yyyy-MM-dd HH:mm` of an instant in a zone, as this JavaScript engine's Intl computes it: through
 * the very conversion Parcours reads and writes dates with (src/domain/calendar-day.ts), so the
 * Diagnostic checks that code, not a copy of it.
 */
export function intlFormat(instant: Date, zone: string): string {
  const w = wallClockInZone(instant, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** What the Apps Script side saw. Dates are sent as ISO strings (google.script.run refuses Dates). */
export interface DiagnosticObservations {
  spreadsheetZone: string;
  spreadsheetLocale: string;
  scriptZone: string;
  /** `zone|instant` → Utilities.formatDate(instant, zone, DIAGNOSTIC_FORMAT). */
  formatDate: Record<string, string>;
  /** The date cell written at midnight of DATE_CELL_DAY in the spreadsheet's zone, read back (ISO), or what came back. */
  dateCell: string;
  /** For each case of TYPED_TEXT_CASES, in order: the value read back from a cell with the automatic format, and from a plain-text cell. */
  typed: { automatic: ObservedCell; plainText: ObservedCell }[];
  /** For each case of FORMULA_CASES, in order: the cell written with setFormula, read back. */
  formulas: ObservedCell[];
  /** The link « Vérifier les données » writes, written as it does (setValues), read back. */
  linkWrittenAsValue: ObservedCell;
  /** Null when getDocumentLock() returned null; else whether tryLock succeeded. */
  documentLock: boolean | null;
  activeUserEmail: string;
  effectiveUserEmail: string;
  /** A failure before the end (the scratch sheet is removed all the same). */
  failure: string | null;
}

/** A cell read back: its value (Dates as ISO), and its formula ('' when none). */
export interface ObservedCell {
  type: 'string' | 'number' | 'boolean' | 'date';
  value: string | number | boolean;
  formula: string;
}

export const DATE_CELL_DAY = '2026-03-29';

export interface RuleFinding {
  /** What the runtime assumes, in French. */
  rule: string;
  ok: boolean;
  /** What the real Sheet showed when it contradicts the rule (a few examples). */
  details: string[];
}

export interface DiagnosticReport {
  findings: RuleFinding[];
  /** The rules contradicted, for the Journal line. */
  contradicted: string[];
  spreadsheetZone: string;
  spreadsheetLocale: string;
}

export function observedCell(value: unknown, formula: string): ObservedCell {
  if (Object.prototype.toString.call(value) === '[object Date]') return { type: 'date', value: (value as Date).toISOString(), formula };
  if (typeof value === 'number') return { type: 'number', value, formula };
  if (typeof value === 'boolean') return { type: 'boolean', value, formula };
  return { type: 'string', value: String(value ?? ''), formula };
}

const MAX_DETAILS = 6;

function finding(rule: string, problems: string[]): RuleFinding {
  return { rule, ok: problems.length === 0, details: problems.slice(0, MAX_DETAILS) };
}

function describe(cell: ObservedCell): string {
  if (cell.formula !== '') return `la formule ${cell.formula}`;
  if (cell.type === 'string') return `le texte « ${cell.value} »`;
  return `${cell.type === 'date' ? 'la date' : cell.type === 'number' ? 'le nombre' : 'le booléen'} ${String(cell.value)}`;
}

/** Whether a cell read back holds what the runtime's fr_FR rule expects. */
function matches(expected: TypedValue, cell: ObservedCell, zone: string, year: number): boolean {
  switch (expected.kind) {
    case 'text':
      return cell.type === 'string' && cell.formula === '' && cell.value === expected.value;
    case 'number':
      return cell.type === 'number' && Math.abs((cell.value as number) - expected.value) < 1e-9;
    case 'boolean':
      return cell.type === 'boolean' && cell.value === expected.value;
    case 'formula':
      return cell.formula === expected.formula;
    case 'error':
      return cell.type === 'string' && String(cell.value).startsWith('#');
    case 'date': {
      if (cell.type !== 'date') return false;
      const y = expected.year === 'current' ? year : expected.year;
      return intlFormat(new Date(String(cell.value)), zone) === `${y}-${pad(expected.month)}-${pad(expected.day)} 00:00`;
    }
    case 'time':
      return cell.type === 'date' && intlFormat(new Date(String(cell.value)), zone).endsWith(` ${pad(expected.hour)}:${pad(expected.minute)}`);
    case 'datetime':
      return (
        cell.type === 'date' &&
        intlFormat(new Date(String(cell.value)), zone) ===
          `${expected.year}-${pad(expected.month)}-${pad(expected.day)} ${pad(expected.hour)}:${pad(expected.minute)}`
      );
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Whether a formula cell read back holds what the runtime computes for it (`today`: yyyy-MM-dd in the zone). */
export function formulaHolds(expected: FormulaExpectation, cell: ObservedCell, zone: string, today: string): boolean {
  switch (expected.kind) {
    case 'text':
      return cell.type === 'string' && cell.value === expected.value;
    case 'number':
      return cell.type === 'number' && Math.abs((cell.value as number) - expected.value) < 1e-9;
    case 'error':
      return cell.type === 'string' && cell.value === expected.code;
    case 'today':
      return cell.type === 'date' && intlFormat(new Date(String(cell.value)), zone) === `${today} 00:00`;
  }
}

function describeValue(cell: ObservedCell): string {
  return describe({ ...cell, formula: '' });
}

/** The text a plain-text cell keeps, as the runtime models it: the string itself, a leading apostrophe included. */
function plainTextOf(input: string): string {
  return input;
}

/** Which runtime rules the observations contradict. `today` (yyyy-MM-dd) gives the current year. */
export function evaluateDiagnostic(
  o: DiagnosticObservations,
  today: string,
  cases: readonly TypedTextCase[] = TYPED_TEXT_CASES,
  formulaCases: readonly FormulaCase[] = FORMULA_CASES,
): DiagnosticReport {
  const zone = o.spreadsheetZone;
  const year = Number(today.slice(0, 4));
  const zoneProblems: string[] = [];
  for (const z of DIAGNOSTIC_ZONES) {
    for (const iso of DIAGNOSTIC_INSTANTS) {
      const google = o.formatDate[`${z}|${iso}`];
      const intl = intlFormat(new Date(iso), z);
      if (google !== intl) zoneProblems.push(`${z}, ${iso} : Google ${google ?? '—'}, Intl ${intl}`);
    }
  }
  const expectedMidnight = midnightInZone(DATE_CELL_DAY, zone).toISOString();
  const automaticProblems: string[] = [];
  const plainProblems: string[] = [];
  const apostropheProblems: string[] = [];
  cases.forEach((c, i) => {
    const seen = o.typed[i];
    if (!seen) return;
    if (!matches(c.expected, seen.automatic, zone, year)) automaticProblems.push(`« ${c.input} » a donné ${describe(seen.automatic)}`);
    const kept = plainTextOf(c.input);
    if (seen.plainText.type !== 'string' || seen.plainText.value !== kept || seen.plainText.formula !== '') {
      (c.input.startsWith("'") ? apostropheProblems : plainProblems).push(`« ${c.input} » a donné ${describe(seen.plainText)}`);
    }
  });
  const formulaProblems = (list: readonly FormulaCase[]): string[] =>
    list.flatMap((c) => {
      const seen = o.formulas[formulaCases.indexOf(c)];
      return !seen || formulaHolds(c.expected, seen, zone, today) ? [] : [`« ${formulaFor(c)} » a donné ${describeValue(seen)}`];
    });
  // Parcours writes back, with setValues, the formula getFormulas gave for a cell it leaves alone.
  const rewrittenFormulas = [
    ...formulaCases.flatMap((c, i) => {
      const seen = o.formulas[i];
      return !seen || seen.formula === formulaFor(c) ? [] : [`« ${formulaFor(c)} » relue « ${seen.formula} »`];
    }),
    ...(o.linkWrittenAsValue.formula === PARCOURS_LINK_FORMULA ? [] : [`« ${PARCOURS_LINK_FORMULA} » relue « ${o.linkWrittenAsValue.formula} »`]),
  ];
  const linkProblems = [
    ...formulaProblems([PARCOURS_LINK_CASE]).map((p) => `avec setFormula, ${p}`),
    ...(formulaHolds(PARCOURS_LINK_CASE.expected, o.linkWrittenAsValue, zone, today)
      ? []
      : [`avec setValues, « ${PARCOURS_LINK_FORMULA} » a donné ${describeValue(o.linkWrittenAsValue)}`]),
  ];
  const findings = [
    finding('Les conversions de fuseau horaire d’Intl (moteur V8) donnent les mêmes heures que Utilities.formatDate, changements d’heure compris', zoneProblems),
    finding(
      'Le classeur a un fuseau horaire reconnu et les paramètres régionaux français (fr_FR) que le modèle de saisie suppose',
      [
        ...(isTimeZone(zone) ? [] : [`fuseau « ${zone} » inconnu d’Intl`]),
        ...(/^fr(_|$)/.test(o.spreadsheetLocale) ? [] : [`paramètres régionaux « ${o.spreadsheetLocale} »`]),
      ],
    ),
    finding(
      'Une date écrite dans une cellule se relit à minuit dans le fuseau du classeur',
      o.dateCell === expectedMidnight ? [] : [`attendu ${expectedMidnight}, relu ${o.dateCell}`],
    ),
    finding('setValues lit une chaîne comme une saisie au clavier en français (heures, dates, pourcentages, VRAI/FAUX, zéros de tête…)', automaticProblems),
    finding('Une cellule au format « texte brut » garde la chaîne telle quelle', plainProblems),
    finding(
      'Dans une cellule au format « texte brut », l’apostrophe de tête d’une chaîne écrite est gardée comme un caractère (sans conséquence pour Parcours, qui n’en écrit pas dans ces cellules)',
      apostropheProblems,
    ),
    finding(
      'Le lien que Parcours écrit (=HYPERLINK(…;"Ouvrir") : nom de fonction anglais, « ; » entre les arguments) est accepté et se relit « Ouvrir »',
      linkProblems,
    ),
    finding(
      'getFormulas rend chaque formule telle qu’elle a été écrite (Parcours réécrit ainsi, avec setValues, la formule d’une équipe qu’il laisse en place)',
      rewrittenFormulas,
    ),
    finding(
      'Une formule se relit calculée, comme le runtime la calcule (« ; » entre les arguments, virgule décimale, noms de fonctions anglais et français, #DIV/0!, #NAME?, #ERROR!)',
      formulaProblems(formulaCases.filter((c) => c !== PARCOURS_LINK_CASE)),
    ),
    finding(
      'LockService.getDocumentLock() donne un verrou utilisable',
      o.documentLock === true ? [] : [o.documentLock === null ? 'getDocumentLock() a renvoyé null' : 'tryLock a échoué'],
    ),
    finding(
      'Depuis un menu, le script voit l’adresse de la personne qui l’utilise (Journal)',
      o.activeUserEmail !== '' ? [] : [`adresse vide (utilisateur effectif : ${o.effectiveUserEmail || 'vide aussi'})`],
    ),
  ];
  if (o.failure !== null) findings.push(finding('Le diagnostic va jusqu’au bout', [o.failure]));
  return {
    findings,
    contradicted: findings.filter((f) => !f.ok).map((f) => f.rule),
    spreadsheetZone: zone,
    spreadsheetLocale: o.spreadsheetLocale,
  };
}
