import type { DataIssue } from './data-issue';

/** Issues of one sheet that follow from one unreadable row: « 270 lignes de Présences ignorées car… ». */
export interface FollowOnGroup {
  sheet: string;
  cause: { sheet: string; row: number };
  issues: DataIssue[];
  /** French summary of the group, naming only sheets and row numbers. */
  message: string;
}

export type IssueLine = { kind: 'issue'; issue: DataIssue } | { kind: 'group'; group: FollowOnGroup };

const causeKey = (sheet: string, row: number): string => `${sheet}\u0000${row}`;

/** « de Présences », « d’Évaluations », « d’Accompagnement »: French elides « de » before a vowel. */
const ofSheet = (sheet: string): string => (/^[aeiouyàâéèêëîïôû]/i.test(sheet) ? `d’${sheet}` : `de ${sheet}`);

export function followOnMessage(count: number, sheet: string, cause: { sheet: string; row: number }): string {
  const lines = count < 2 ? `${count} ligne ${ofSheet(sheet)} ignorée` : `${count} lignes ${ofSheet(sheet)} ignorées`;
  return `${lines} car la ligne ${cause.row} de ${cause.sheet} est illisible`;
}

/**
 * The issues in reading order, each follow-on issue moved under the row it follows from: after
 * the last issue of that row come one group per sheet (its summary, then its issues). A group
 * whose row has no issue of its own stays where its first issue was.
 */
export function groupFollowOnIssues(issues: readonly DataIssue[]): IssueLine[] {
  const groups = new Map<string, FollowOnGroup[]>();
  for (const issue of issues) {
    if (!issue.cause) continue;
    const key = causeKey(issue.cause.sheet, issue.cause.row);
    const list = groups.get(key) ?? [];
    let group = list.find((g) => g.sheet === issue.sheet);
    if (!group) {
      group = { sheet: issue.sheet, cause: issue.cause, issues: [], message: '' };
      list.push(group);
    }
    group.issues.push(issue);
    groups.set(key, list);
  }
  for (const list of groups.values()) for (const g of list) g.message = followOnMessage(g.issues.length, g.sheet, g.cause);

  const roots = new Set(issues.filter((i) => !i.cause).map((i) => causeKey(i.sheet, i.row)));
  const lastOfRoot = new Map<string, number>();
  issues.forEach((issue, index) => {
    if (!issue.cause) lastOfRoot.set(causeKey(issue.sheet, issue.row), index);
  });
  const lines: IssueLine[] = [];
  const placed = new Set<string>();
  const placeGroups = (key: string) => {
    if (placed.has(key)) return;
    placed.add(key);
    for (const group of groups.get(key) ?? []) lines.push({ kind: 'group', group });
  };
  issues.forEach((issue, index) => {
    if (issue.cause) {
      const key = causeKey(issue.cause.sheet, issue.cause.row);
      if (!roots.has(key)) placeGroups(key);
      return;
    }
    lines.push({ kind: 'issue', issue });
    const key = causeKey(issue.sheet, issue.row);
    if (lastOfRoot.get(key) === index) placeGroups(key);
  });
  return lines;
}

/** `15, 16, 17, 20, 21` → `15 à 17, 20, 21`: many rows in a few words. */
export function compactRows(rows: readonly number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) {
      parts.push(`${sorted[i]} à ${sorted[j]}`);
      i = j;
    } else parts.push(String(sorted[i]));
  }
  return parts.join(', ');
}
