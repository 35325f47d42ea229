import { EXIT_CATEGORIES, type ExitCategory } from './records';
import { findLabel, normalizeKey } from './text';

/**
 * The first labels of exit categories and motifs (before SPEC v2 §1.6 took the ASP's names).
 * Workbooks configured with them keep working: each is read as the label that replaced it, and
 * nothing a team typed is rewritten.
 */
export const FORMER_CATEGORY_LABELS: Readonly<Record<string, ExitCategory>> = {
  'Sortie positive': 'Sorties positives',
  'Autre sortie': 'Autres sorties',
  Retrait: 'Retrait des sorties constatées',
};

export const FORMER_MOTIF_LABELS: Readonly<Record<string, string>> = {
  'Entrée en formation qualifiante': 'Entrée en formation qualifiante ou pré-qualifiante',
  'Embauche dans une autre structure IAE': 'Embauche dans une structure IAE',
  'Contrat aidé chez un autre employeur': 'Contrat aidé chez un autre employeur (PEC, CUI)',
  'Autre sortie positive': 'Autre sortie reconnue comme positive',
  Incarcération: 'Décision administrative ou de justice',
};

const formerMotifByKey = new Map(Object.entries(FORMER_MOTIF_LABELS).map(([old, now]) => [normalizeKey(old), now]));

/** A category as typed (matched like a list value), current or former; null when it is neither. */
export function exitCategoryOf(typed: string): ExitCategory | null {
  const current = findLabel(typed, EXIT_CATEGORIES);
  if (current !== null) return current as ExitCategory;
  const former = findLabel(typed, Object.keys(FORMER_CATEGORY_LABELS));
  return former === null ? null : FORMER_CATEGORY_LABELS[former]!;
}

/** The current label of a motif: the one that replaced a former default label, or the text itself. */
export function currentMotifLabel(motif: string): string {
  return formerMotifByKey.get(normalizeKey(motif)) ?? motif;
}
