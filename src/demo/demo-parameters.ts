import type { Parameters } from '../domain/records';
import { DEFAULT_PARAMETERS, PARAMETER } from '../domain/workbook-schema';

type NumericParameter = { [K in keyof Parameters]: Parameters[K] extends number ? K : never }[keyof Parameters];

/** The default value of a numeric `Paramètres` row: the demo follows the defaults a new workbook gets. */
export function demoParameterNumber(key: NumericParameter): number {
  const row = DEFAULT_PARAMETERS.find(([name]) => name === PARAMETER[key]);
  if (!row || typeof row[1] !== 'number') throw new Error(`Paramètre sans valeur par défaut : ${PARAMETER[key]}`);
  return row[1];
}
