import { TYPED_TEXT_CASES, type TypedValue } from '../../src/diagnostic/typed-text-cases';
import { wallClockOf } from '../../runtime/spreadsheet/zoned-time';
import { fakeApp } from './fake-app';

/** What the cell holds, in the terms of the shared table (the fake's clock is 2026-07-01). */
function observed(value: unknown, formula: string, timeZone: string): TypedValue {
  if (formula !== '') return value === '#ERROR!' ? { kind: 'error', formula } : { kind: 'formula', formula };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (value instanceof Date) {
    const w = wallClockOf(value, timeZone);
    if (w.year === 1899 && w.month === 12 && w.day === 30) return { kind: 'time', hour: w.hour, minute: w.minute, second: w.second };
    if (w.hour !== 0 || w.minute !== 0) return { kind: 'datetime', year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute };
    return { kind: 'date', year: w.year, month: w.month, day: w.day };
  }
  return { kind: 'text', value: String(value) };
}

function expectedNow(expected: TypedValue): TypedValue {
  return expected.kind === 'date' && expected.year === 'current' ? { ...expected, year: 2026 } : expected;
}

describe.each(['Europe/Paris', 'Pacific/Honolulu', 'Pacific/Kiritimati'])('a string written to a fr_FR cell, spreadsheet in %s', (timeZone) => {
  test.each(TYPED_TEXT_CASES.map((c) => [c.input, c] as const))('%j', (_input, c) => {
    const { sheet, ss } = fakeApp();
    ss.setSpreadsheetTimeZone(timeZone);
    const cell = sheet.getRange('A1');
    cell.setValues([[c.input]]);
    expect(observed(cell.getValue(), cell.getFormula(), timeZone)).toEqual(expectedNow(c.expected));
  });
});

// A string that itself starts with an apostrophe is left out: the runtime drops a leading apostrophe
// whatever the format, which the Diagnostic checks in a real Sheet.
describe('plain text and the apostrophe keep every string as typed', () => {
  test.each(TYPED_TEXT_CASES.filter((c) => !c.input.startsWith("'")).map((c) => [c.input] as const))('%j', (input) => {
    const { sheet } = fakeApp();
    const plain = sheet.getRange('A1');
    plain.setNumberFormat('@');
    plain.setValue(input);
    expect(plain.getValue()).toBe(input);
    expect(plain.getFormula()).toBe('');
    const quoted = sheet.getRange('B1');
    quoted.setValue(`'${input}`);
    expect(quoted.getValue()).toBe(input);
  });
});
