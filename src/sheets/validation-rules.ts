import { isTextField } from '../domain/cell-output';
import type { FieldSpec, SheetName } from '../domain/workbook-schema';

type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

/**
 * Where a dropdown reads its values: a column of another sheet, as `'Sheet'!C2:C`.
 * The caller resolves the column letter from that sheet's header map.
 */
export type RangeResolver = (sheet: SheetName | 'Listes', header: string) => GoogleAppsScript.Spreadsheet.Range | null;

/**
 * The validation a column should carry. Every rule only warns (allowInvalid): teams keep the
 * values they already typed, Parcours reports them as data issues instead of hiding them.
 */
export function validationFor(field: FieldSpec, resolve: RangeResolver): DataValidation | null {
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(true);
  switch (field.kind) {
    case 'date':
      return builder.requireDate().setHelpText('Une date au format jj/mm/aaaa.').build();
    case 'yesno':
      return builder.requireValueInList(['Oui', 'Non'], true).setHelpText('Oui ou Non.').build();
    case 'number':
      return builder.requireNumberGreaterThanOrEqualTo(0).setHelpText('Un nombre (virgule décimale acceptée).').build();
    case 'list':
    case 'status': {
      const list = field.list;
      if (!list) return null;
      if (list.kind === 'fixed') {
        return builder
          .requireValueInList([...list.values], true)
          .setHelpText(`Choisissez : ${list.values.join(', ')}.`)
          .build();
      }
      const range = list.kind === 'lists' ? resolve('Listes', list.column) : resolve(list.sheet, '');
      if (!range) return null;
      const where = list.kind === 'lists' ? `la colonne « ${list.column} » de la feuille Listes` : `la feuille ${list.sheet}`;
      return builder
        .requireValueInRange(range, true)
        .setHelpText(`Choisissez une valeur de ${where}${field.allowOther ? ' (ou écrivez la vôtre)' : ''}.`)
        .build();
    }
    default:
      return null;
  }
}

/** Two rules are the same when their criteria and values are the same (ranges by their address). */
export function sameValidation(a: DataValidation | null, b: DataValidation | null): boolean {
  if (a === null || b === null) return a === b;
  if (String(a.getCriteriaType()) !== String(b.getCriteriaType())) return false;
  if (a.getAllowInvalid() !== b.getAllowInvalid()) return false;
  return criteriaKey(a.getCriteriaValues()) === criteriaKey(b.getCriteriaValues());
}

function criteriaKey(values: unknown[]): string {
  return JSON.stringify(values, (_key, value: unknown) => {
    if (value && typeof value === 'object' && typeof (value as { getA1Notation?: unknown }).getA1Notation === 'function') {
      const range = value as GoogleAppsScript.Spreadsheet.Range;
      return `${range.getSheet().getName()}!${range.getA1Notation()}`;
    }
    return value;
  });
}

/** The number format a column should have, or null to leave the team's format alone. */
/** Sheets' plain-text format: what is typed in such a cell stays the text typed (`007`, `1/2`, `12:30`). */
export const PLAIN_TEXT_FORMAT = '@';

export function numberFormatFor(field: FieldSpec): string | null {
  if (field.numberFormat) return field.numberFormat;
  if (field.kind === 'date') return 'dd/mm/yyyy';
  return isTextField(field) ? PLAIN_TEXT_FORMAT : null;
}

/** A date column already formatted as any date is left as the team set it. */
export function formatSatisfies(existing: string, wanted: string): boolean {
  if (existing === wanted) return true;
  const lower = existing.toLowerCase();
  return wanted.startsWith('dd/mm/yyyy') && !wanted.includes('hh') && lower.includes('d') && lower.includes('y');
}
