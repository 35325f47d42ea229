/**
 * What a spreadsheet in the fr_FR locale stores for a string a script hands to `setValues` (or
 * `setValue`, `appendRow`) in a cell with the automatic number format: Sheets parses it « as if the
 * user typed it into the UI » (Sheets API, ValueInputOption USER_ENTERED,
 * https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption — Apps Script's
 * SpreadsheetApp writes the same way). A string starting with an apostrophe is stored as the text
 * after it; a cell formatted as plain text (`@`) stores the string as it is
 * (https://support.google.com/docs/answer/56470, « Format numbers in a spreadsheet »: plain text),
 * a leading apostrophe kept in our understanding (no page says; the Diagnostic asks).
 *
 * Pure data, shared by the local runtime's own test (tests/runtime-spreadsheet) and by the
 * « Diagnostic » that checks the same strings in a real Sheet. `source` says whether a Google page
 * states the behaviour (`reference`) or whether it is our best understanding of Sheets in fr_FR
 * (`understanding`): the Diagnostic exists to confirm or refute the latter.
 */

export type TypedValue =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  /** A calendar day; `year: 'current'` when the input has no year (Sheets takes this year). */
  | { kind: 'date'; year: number | 'current'; month: number; day: number }
  /** A time of day (Sheets stores it on day 0, 1899-12-30, in the spreadsheet's zone). */
  | { kind: 'time'; hour: number; minute: number; second: number }
  | { kind: 'datetime'; year: number; month: number; day: number; hour: number; minute: number }
  /** The string becomes a formula (its computed value is not part of the expectation). */
  | { kind: 'formula'; formula: string }
  /** Sheets tries a formula it cannot parse: the cell shows #ERROR!. */
  | { kind: 'error'; formula: string };

export interface TypedTextCase {
  /** The string given to setValues. */
  input: string;
  /** What a fr_FR cell with the automatic format holds afterwards. */
  expected: TypedValue;
  source: 'reference' | 'understanding';
  note: string;
}

const USER_ENTERED = 'ValueInputOption USER_ENTERED: parsed as if typed in the UI';
const LOCALE = 'fr_FR: day before month, decimal comma (support.google.com/docs/answer/58515, locale settings)';

/** Every string below stays exactly itself in a plain-text cell, or after a leading apostrophe in any cell. */
export const TYPED_TEXT_CASES: readonly TypedTextCase[] = [
  { input: 'Bonjour', expected: { kind: 'text', value: 'Bonjour' }, source: 'reference', note: USER_ENTERED },
  { input: '12:30', expected: { kind: 'time', hour: 12, minute: 30, second: 0 }, source: 'reference', note: `${USER_ENTERED}; times are recognised` },
  { input: '12:30:15', expected: { kind: 'time', hour: 12, minute: 30, second: 15 }, source: 'reference', note: USER_ENTERED },
  { input: '8:05', expected: { kind: 'time', hour: 8, minute: 5, second: 0 }, source: 'understanding', note: 'one-digit hour' },
  { input: '12h30', expected: { kind: 'text', value: '12h30' }, source: 'understanding', note: 'the French « h » notation is not a time pattern of Sheets' },
  { input: '50 %', expected: { kind: 'number', value: 0.5 }, source: 'understanding', note: 'fr_FR writes a space before %; percent format inferred' },
  { input: '50%', expected: { kind: 'number', value: 0.5 }, source: 'reference', note: `${USER_ENTERED}; percent format inferred` },
  { input: '1/2', expected: { kind: 'date', year: 'current', month: 2, day: 1 }, source: 'understanding', note: `${LOCALE}; no year = this year` },
  { input: '01/02/2026', expected: { kind: 'date', year: 2026, month: 2, day: 1 }, source: 'reference', note: LOCALE },
  { input: '1/2/2026', expected: { kind: 'date', year: 2026, month: 2, day: 1 }, source: 'reference', note: LOCALE },
  { input: '1/2/26', expected: { kind: 'date', year: 2026, month: 2, day: 1 }, source: 'understanding', note: 'two-digit year read in this century' },
  { input: '31/12/2026', expected: { kind: 'date', year: 2026, month: 12, day: 31 }, source: 'reference', note: LOCALE },
  { input: '2026-02-01', expected: { kind: 'date', year: 2026, month: 2, day: 1 }, source: 'understanding', note: 'ISO order is read in every locale' },
  { input: '1-2-2026', expected: { kind: 'date', year: 2026, month: 2, day: 1 }, source: 'understanding', note: 'dashes as date separators, day first' },
  { input: '01/02/2026 12:30', expected: { kind: 'datetime', year: 2026, month: 2, day: 1, hour: 12, minute: 30 }, source: 'understanding', note: 'date then time' },
  { input: '13/13/2026', expected: { kind: 'text', value: '13/13/2026' }, source: 'understanding', note: 'no such month: stays text' },
  { input: '29/02/2026', expected: { kind: 'text', value: '29/02/2026' }, source: 'understanding', note: 'no such day: stays text' },
  { input: 'VRAI', expected: { kind: 'boolean', value: true }, source: 'understanding', note: 'the fr_FR name of TRUE' },
  { input: 'FAUX', expected: { kind: 'boolean', value: false }, source: 'understanding', note: 'the fr_FR name of FALSE' },
  { input: 'vrai', expected: { kind: 'boolean', value: true }, source: 'understanding', note: 'booleans ignore case' },
  { input: 'TRUE', expected: { kind: 'boolean', value: true }, source: 'understanding', note: 'English booleans are read in every locale' },
  { input: 'false', expected: { kind: 'boolean', value: false }, source: 'understanding', note: 'English booleans are read in every locale' },
  { input: '007', expected: { kind: 'number', value: 7 }, source: 'reference', note: `${USER_ENTERED}: a number, leading zeros lost` },
  { input: '3,5', expected: { kind: 'number', value: 3.5 }, source: 'reference', note: `${LOCALE}` },
  { input: '0,25', expected: { kind: 'number', value: 0.25 }, source: 'reference', note: LOCALE },
  { input: '3.5', expected: { kind: 'number', value: 3.5 }, source: 'understanding', note: 'a decimal point is also accepted' },
  { input: '1 234,5', expected: { kind: 'number', value: 1234.5 }, source: 'understanding', note: 'space as the fr_FR group separator' },
  { input: '1\u00a0234,5', expected: { kind: 'number', value: 1234.5 }, source: 'understanding', note: 'no-break space as group separator' },
  { input: '1\u202f234', expected: { kind: 'number', value: 1234 }, source: 'understanding', note: 'narrow no-break space, what Sheets itself displays' },
  { input: '12 €', expected: { kind: 'number', value: 12 }, source: 'understanding', note: 'currency sign after the number; currency format inferred' },
  { input: '12,50 €', expected: { kind: 'number', value: 12.5 }, source: 'understanding', note: 'currency with decimals' },
  { input: '12€', expected: { kind: 'number', value: 12 }, source: 'understanding', note: 'currency sign without a space' },
  { input: '-5', expected: { kind: 'number', value: -5 }, source: 'reference', note: USER_ENTERED },
  { input: '1e3', expected: { kind: 'number', value: 1000 }, source: 'understanding', note: 'scientific notation' },
  { input: ' 42 ', expected: { kind: 'number', value: 42 }, source: 'understanding', note: 'surrounding spaces ignored' },
  { input: '=1+1', expected: { kind: 'formula', formula: '=1+1' }, source: 'reference', note: `${USER_ENTERED}: "=1+2" becomes a formula` },
  { input: '+33 6 12 34 56 78', expected: { kind: 'error', formula: '=+33 6 12 34 56 78' }, source: 'understanding', note: 'a leading + starts a formula that does not parse' },
  { input: '+33', expected: { kind: 'number', value: 33 }, source: 'understanding', note: 'a signed number' },
  { input: '-', expected: { kind: 'text', value: '-' }, source: 'understanding', note: 'a lone sign is text' },
  { input: '@x', expected: { kind: 'text', value: '@x' }, source: 'understanding', note: 'no formula starts with @ in a written value' },
  { input: "'007", expected: { kind: 'text', value: '007' }, source: 'reference', note: 'a leading apostrophe forces text and is not part of the value' },
  { input: "'=1+1", expected: { kind: 'text', value: '=1+1' }, source: 'reference', note: 'a leading apostrophe forces text' },
  { input: 'Oui', expected: { kind: 'text', value: 'Oui' }, source: 'understanding', note: 'only VRAI/FAUX/TRUE/FALSE are booleans' },
  { input: 'P-2026-0001', expected: { kind: 'text', value: 'P-2026-0001' }, source: 'understanding', note: 'an ID stays text' },
];

/** The strings the forms are tested with: each must come back exactly as typed. */
export const FORM_TEXT_PROBES: readonly string[] = ['12:30', '1/2', '50 %', 'VRAI', '007', '=1+1', '+33 6 12 34 56 78', '-', '@x'];
