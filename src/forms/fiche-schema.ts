import * as z from 'zod';
import type { FormContext } from './form-context';
import { chosenParcours } from './form-fields';

/** « Fiche de parcours… »: any readable parcours, a candidate's included (identity and support). */
export function ficheSchema(context: FormContext) {
  return z.object({ id: chosenParcours(context, 'Choisissez un participant.', () => null) });
}

export type FicheInput = z.input<ReturnType<typeof ficheSchema>>;
