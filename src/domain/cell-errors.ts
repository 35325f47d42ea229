/**
 * Error values a spreadsheet hands over instead of a value: Sheets' getValues gives a formula's
 * error as its text (`#DIV/0!`, `#N/A`…). A cell holding one is a data issue for that cell, never
 * a value.
 */

/** What the local runtime hands over for a formula an .xlsx holds without its computed value. */
export const UNCOMPUTED_FORMULA = '#NON_CALCULÉ!';

const ERROR_VALUES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#ERROR!',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
]);

const HASH = 35;

/** The French message for a cell holding an error value; null for any other value. */
export function cellErrorMessage(v: unknown): string | null {
  // Most cells are not strings starting with « # »: test the first character before the set.
  if (typeof v !== 'string' || v.charCodeAt(0) !== HASH) return null;
  const code = v.trim().toUpperCase();
  if (code === UNCOMPUTED_FORMULA) {
    return (
      'Formule sans valeur calculée (le fichier vient d’un programme qui ne calcule pas) : ouvrez-le dans ' +
      'Google Sheets, Excel ou LibreOffice et enregistrez-le, ou remplacez la formule par sa valeur.'
    );
  }
  if (!ERROR_VALUES.has(code)) return null;
  return `Erreur de formule « ${code} » : corrigez la formule ou remplacez-la par une valeur.`;
}
