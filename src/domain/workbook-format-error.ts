/**
 * The workbook cannot be read at all (a sheet or a column is missing): unlike a data issue,
 * nothing can be computed. The message names the sheet and column and says how to repair.
 */
export class WorkbookFormatError extends Error {
  readonly sheet: string;
  readonly column: string | null;

  constructor(message: string, sheet: string, column: string | null = null) {
    super(message);
    this.name = 'WorkbookFormatError';
    this.sheet = sheet;
    this.column = column;
  }

  static missingSheet(sheet: string): WorkbookFormatError {
    return new WorkbookFormatError(
      `Feuille « ${sheet} » introuvable : lancez Parcours › Configurer le classeur.`,
      sheet,
    );
  }

  static missingColumn(sheet: string, column: string): WorkbookFormatError {
    return new WorkbookFormatError(
      `Colonne « ${column} » introuvable dans la feuille « ${sheet} » : ajoutez-la en ligne 1 ` +
        '(ou renommez la colonne qui la contient), ou lancez Parcours › Configurer le classeur.',
      sheet,
      column,
    );
  }

  /** Headers found on `row` under a title: Parcours changes nothing in such a sheet. */
  static headersBelowTitle(sheet: string, row: number): WorkbookFormatError {
    return new WorkbookFormatError(
      `Feuille « ${sheet} » : les en-têtes sont en ligne ${row}, sous un titre. Parcours les attend en ligne 1 ` +
        `et ne modifie pas cette feuille : supprimez ${titleRows(row)}, puis relancez.`,
      sheet,
    );
  }
}

/** « la ligne 1 » or « les lignes 1 à 2 »: the rows above headers found on `headerRow`. */
export function titleRows(headerRow: number): string {
  return headerRow === 2 ? 'la ligne 1 au-dessus des en-têtes' : `les lignes 1 à ${headerRow - 1} au-dessus des en-têtes`;
}
