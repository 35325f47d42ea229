import { textCell } from '../domain/cell-output';
import type { DataIssue } from '../domain/data-issue';
import type { HeaderMap } from '../domain/header-map';
import { compactRows, groupFollowOnIssues } from '../domain/issue-groups';
import { sameSheetName } from '../domain/text';
import type { SheetName } from '../domain/workbook-schema';
import { sheetSpec } from '../domain/workbook-schema';

/** Name of the sheet « Vérifier les données » writes (another name when a person's sheet has it). */
export const DATA_CHECK_SHEET = 'Contrôle des données';
export const DATA_CHECK_HEADERS = ['Feuille', 'Ligne', 'Colonne', 'Problème', 'Lien'] as const;

/** `A`, `Z`, `AA`… for a 1-based column. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Where each sheet lives, to build links: its id and its header map (null when unreadable). */
export interface SheetLocation {
  sheetId: number;
  map: HeaderMap | null;
}

/**
 * A link that opens the cell in this spreadsheet. Written as a formula on purpose (never from
 * typed text). English function name and `;` between arguments: the one spelling every Sheet
 * reads, whatever its locale (a fr_FR Sheet refuses `,`, which is its decimal mark; sources in
 * runtime/spreadsheet/formula-syntax.ts). The Diagnostic checks it in the real Sheet.
 */
export function cellLink(sheetId: number, a1: string): string {
  return `=HYPERLINK("#gid=${sheetId}&range=${a1}";"Ouvrir")`;
}

/**
 * The rows of `Contrôle des données`: the issue's sheet, row, column and message (as text, so a
 * message is never read as a formula) and the link to the cell, or to the row for a whole-row issue.
 * Rows left out because of another row come under it: first a line « 270 lignes de Présences
 * ignorées car la ligne 14 de Participants est illisible » linking to that row, then each of them.
 */
export function dataCheckRows(issues: readonly DataIssue[], locate: (sheet: string) => SheetLocation | null): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const line of groupFollowOnIssues(issues)) {
    if (line.kind === 'issue') {
      rows.push(issueRow(line.issue, locate));
      continue;
    }
    const { group } = line;
    const root = locate(group.cause.sheet);
    rows.push([
      textCell(group.sheet),
      '',
      '',
      textCell(`${group.message} : lignes ${compactRows(group.issues.map((i) => i.row))}.`),
      root ? cellLink(root.sheetId, `A${group.cause.row}`) : '',
    ]);
    for (const issue of group.issues) rows.push(issueRow(issue, locate));
  }
  return rows;
}

function issueRow(issue: DataIssue, locate: (sheet: string) => SheetLocation | null): (string | number)[] {
  const where = locate(issue.sheet);
  let link = '';
  if (where) {
    const spec = safeSpec(issue.sheet);
    const field = spec?.fields.find((f) => f.header === issue.column);
    const index = field && where.map ? where.map.columns[field.key] : undefined;
    const a1 = index === undefined ? `A${issue.row}` : `${columnLetter(index + 1)}${issue.row}`;
    link = cellLink(where.sheetId, a1);
  }
  return [textCell(issue.sheet), issue.row, textCell(issue.column), textCell(issue.message), link];
}

function safeSpec(sheet: string): ReturnType<typeof sheetSpec> | null {
  try {
    return sheetSpec(sheet as SheetName);
  } catch {
    return null;
  }
}

/** A free name for a generated sheet: `name`, else `name (Parcours)`, `name (Parcours 2)`… */
export function freeSheetName(name: string, existing: readonly string[]): string {
  const taken = (candidate: string): boolean => existing.some((e) => sameSheetName(e, candidate));
  if (!taken(name)) return name;
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? `${name} (Parcours)` : `${name} (Parcours ${i})`;
    if (!taken(candidate)) return candidate;
  }
}

