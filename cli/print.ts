/** Terminal output of the command line, in French. */
import type { DataIssue } from '../src/domain/data-issue';
import { compactRows, groupFollowOnIssues } from '../src/domain/issue-groups';

function where(issue: DataIssue): string {
  return `${issue.sheet}, ligne ${issue.row}${issue.column ? `, colonne « ${issue.column} »` : ''}`;
}

/**
 * The data issues, each row's own first; the rows left out because of another row are grouped
 * under it (« 270 lignes de Présences ignorées car la ligne 14 de Participants est illisible »),
 * every one of them still listed by its row number.
 */
export function printIssues(path: string, parcours: number, issues: readonly unknown[]): void {
  const list = issues as readonly DataIssue[];
  if (list.length === 0) {
    console.log(`${path} : ${parcours} parcours lus, aucun problème de données.`);
    return;
  }
  console.log(`${path} : ${parcours} parcours lus, ${list.length} problème(s) de données :`);
  for (const line of groupFollowOnIssues(list)) {
    if (line.kind === 'issue') console.log(`  - ${where(line.issue)} : ${line.issue.message}`);
    else {
      const { group } = line;
      const column = group.issues[0]?.column ? ` (colonne « ${group.issues[0].column} »)` : '';
      console.log(`      → ${group.message}${column} : lignes ${compactRows(group.issues.map((i) => i.row))}.`);
    }
  }
}
