import type { Parcours } from '../records';
import { normalizeId } from '../text';
import type { RowReader } from './row-reader';

/** Parcours IDs whose own `Participants` row is unreadable (normalised ID → that row). */
export type UnreadableParcours = ReadonlyMap<string, number>;

/**
 * The parcours a row of `Présences`, `Évaluations` or `Accompagnement` names by its ID. When it
 * names none, the row is a fatal issue: an ID found on an unreadable `Participants` row says so
 * and points to that row (`cause`), so the person corrects the one row and not the hundreds that
 * follow from it; an ID found nowhere asks to check the ID.
 */
export function parcoursOfRow(
  r: RowReader,
  typedId: string | null,
  parcoursById: ReadonlyMap<string, Parcours>,
  unreadable: UnreadableParcours | undefined,
): Parcours | undefined {
  if (typedId === null) return undefined;
  const key = normalizeId(typedId);
  const parcours = parcoursById.get(key);
  if (parcours !== undefined) return parcours;
  const root = unreadable?.get(key);
  if (root !== undefined) {
    r.issue('id', `Ligne ignorée : le parcours ${typedId} est sur la ligne ${root} de « Participants », illisible ; corrigez d’abord cette ligne.`, true, {
      sheet: 'Participants',
      row: root,
    });
  } else {
    r.issue('id', 'ID introuvable parmi les parcours lisibles de la feuille « Participants » : vérifiez l’ID, ou corrigez la ligne du participant.', true);
  }
  return undefined;
}
