import { textCell } from '../../domain/cell-output';
import { isDateValue } from '../../domain/cell-values';

/**
 * A value read with getValues, to write back unchanged within a column block: text keeps being
 * text (a leading apostrophe stops Sheets from reading `12/03/1990` as a date or `=…` as a
 * formula; the apostrophe is not part of the value), numbers, booleans and dates stay as they are.
 */
export function keptCell(value: unknown): unknown {
  if (typeof value === 'string') return value === '' ? '' : `'${value}`;
  if (typeof value === 'number' || typeof value === 'boolean' || isDateValue(value)) return value;
  return value === null || value === undefined ? '' : textCell(String(value));
}
