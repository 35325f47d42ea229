/**
 * The « Parcours » menu. Built in `onOpen`, which may run in AuthMode.NONE: it only adds items,
 * it reads nothing. Each item names a top-level function of dist/Code.js (see main.ts).
 */
export interface MenuItem {
  caption: string;
  functionName: string;
}

export type MenuEntry = MenuItem | 'separator';

export const MENU_ENTRIES: readonly MenuEntry[] = [
  { caption: 'Nouvelle admission…', functionName: 'menuNewAdmission' },
  { caption: 'Admettre un candidat…', functionName: 'menuAdmitCandidate' },
  { caption: 'Saisir les présences…', functionName: 'menuAttendance' },
  { caption: 'Nouvelle évaluation…', functionName: 'menuNewEvaluation' },
  { caption: 'Enregistrer une sortie…', functionName: 'menuRecordExit' },
  { caption: 'Renouveler le contrat…', functionName: 'menuRenewContract' },
  { caption: 'Accompagnement…', functionName: 'menuSupport' },
  { caption: 'Fiche de parcours…', functionName: 'menuParcoursSheet' },
  'separator',
  { caption: 'Générer le bilan…', functionName: 'menuGenerateSummary' },
  'separator',
  { caption: 'Configurer le classeur', functionName: 'menuConfigureWorkbook' },
  { caption: 'Adopter un classeur existant…', functionName: 'menuAdoptWorkbook' },
  { caption: 'Vérifier les données', functionName: 'menuCheckData' },
  { caption: 'Échéances', functionName: 'menuShowDeadlines' },
  { caption: 'Écrire la feuille Échéances', functionName: 'menuWriteDeadlinesSheet' },
  { caption: 'Activer le courriel quotidien des échéances', functionName: 'menuEnableDigest' },
  { caption: 'Désactiver le courriel quotidien des échéances', functionName: 'menuDisableDigest' },
  { caption: 'Anonymiser les parcours anciens…', functionName: 'menuAnonymise' },
  'separator',
  { caption: 'Diagnostic', functionName: 'menuDiagnostic' },
];

export function buildMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const entry of MENU_ENTRIES) {
    if (entry === 'separator') menu.addSeparator();
    else menu.addItem(entry.caption, entry.functionName);
  }
  menu.addToUi();
}
