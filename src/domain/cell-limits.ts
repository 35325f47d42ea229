import type { DataIssue } from './data-issue';

/** Excel's and LibreOffice's most characters in one cell: a longer text is cut when the file is opened there. */
export const MAX_CELL_TEXT_LENGTH = 32_767;

/**
 * A data issue for each cell of `table` (header row first) holding a text longer than Excel
 * keeps: Sheets accepts 50,000 characters, but the workbook's .xlsx would lose the end.
 */
export function overlongTextIssues(sheet: string, table: readonly (readonly unknown[])[]): DataIssue[] {
  const issues: DataIssue[] = [];
  const headers = table[0] ?? [];
  for (let i = 0; i < table.length; i++) {
    const cells = table[i]!;
    for (let c = 0; c < cells.length; c++) {
      const value = cells[c];
      if (typeof value === 'string' && value.length > MAX_CELL_TEXT_LENGTH) {
        issues.push({
          sheet,
          row: i + 1,
          column: typeof headers[c] === 'string' ? (headers[c] as string) : '',
          message: `Texte de ${value.length} caractères : Excel et LibreOffice n’en gardent que 32 767, raccourcissez cette cellule.`,
        });
      }
    }
  }
  return issues;
}
