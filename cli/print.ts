/** Terminal output of the command line, in French. */
interface PrintableIssue {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

export function printIssues(path: string, parcours: number, issues: readonly unknown[]): void {
  const list = issues as readonly PrintableIssue[];
  if (list.length === 0) {
    console.log(`${path} : ${parcours} parcours lus, aucun problème de données.`);
    return;
  }
  console.log(`${path} : ${parcours} parcours lus, ${list.length} problème(s) de données :`);
  for (const issue of list) {
    const where = `${issue.sheet}, ligne ${issue.row}${issue.column ? `, colonne « ${issue.column} »` : ''}`;
    console.log(`  - ${where} : ${issue.message}`);
  }
}
