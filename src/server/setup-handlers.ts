import { configureWorkbook } from '../sheets/setup-workbook';
import { runFromMenu } from './user-messages';

/** Menu « Configurer le classeur ». */
export function menuConfigureWorkbook(): void {
  runFromMenu('Configurer le classeur', () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    ss.toast('Configuration du classeur en cours…', 'Parcours');
    const { changes } = configureWorkbook(ss);
    const ui = SpreadsheetApp.getUi();
    const text =
      changes.length === 0
        ? 'Le classeur était déjà configuré : rien n’a été modifié.'
        : `Le classeur est prêt. Modifications :\n• ${changes.join('\n• ')}`;
    ui.alert('Configurer le classeur', text, ui.ButtonSet.OK);
  });
}
