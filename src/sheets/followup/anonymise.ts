import { dateCell, textCell } from '../../domain/cell-output';
import { UserError } from '../../domain/user-error';
import { SHEET } from '../../domain/workbook-schema';
import { type AnonymisedIdentity, IDENTITY_TEXT_FIELDS, planAnonymisation } from '../../followup/anonymisation';
import { withDocumentLock } from '../document-lock';
import { deleteFichesOf } from '../fiche/write-fiche';
import { appendJournal } from '../journal';
import { keptCell } from './kept-cell';
import { readSnapshot } from './workbook-snapshot';
import type { SheetCalendar } from '../spreadsheet-calendar';
import { setValuesAsTyped } from '../table-io';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface AnonymisationPreview {
  ids: string[];
  retentionMonths: number;
}

/** Which parcours would lose their identity today (read only, for the confirmation dialog). */
export function previewAnonymisation(ss: Spreadsheet, calendar: SheetCalendar): AnonymisationPreview {
  const { data } = readSnapshot(ss, calendar);
  const plan = planAnonymisation(data.parcours, calendar.today, data.parameters.retentionMonths);
  return { ids: plan.map((p) => p.id), retentionMonths: data.parameters.retentionMonths };
}

const JOURNAL_IDS_SHOWN = 50;

/**
 * Rewrites the identity columns of the parcours confirmed, and only those cells' values: each
 * identity column is written once over the span of concerned rows, every other row of that span
 * written back as it was (formulas included). Refuses when the list changed since the confirmation.
 */
export function anonymise(ss: Spreadsheet, calendar: SheetCalendar, confirmedIds: readonly string[]): number {
  return withDocumentLock(() => {
    const snapshot = readSnapshot(ss, calendar);
    const plan = planAnonymisation(snapshot.data.parcours, calendar.today, snapshot.data.parameters.retentionMonths);
    const ids = plan.map((p) => p.id);
    if (ids.length !== confirmedIds.length || ids.some((id, i) => id !== confirmedIds[i])) {
      throw new UserError('Les parcours ont changé depuis la confirmation : rien n’a été modifié, relancez l’anonymisation.');
    }
    if (plan.length === 0) return 0;
    const sheet = snapshot.sheetOf(SHEET.participants)!;
    const map = snapshot.mapOf(SHEET.participants)!;
    const table = snapshot.tables[SHEET.participants]!;
    const first = plan[0]!.row;
    const last = plan[plan.length - 1]!.row;
    const span = last - first + 1;
    const width = table[0]?.length ?? 0;
    const formulas = sheet.getRange(first, 1, span, width).getFormulas();
    const byRow = new Map<number, AnonymisedIdentity>(plan.map((p) => [p.row, p]));

    const columns: { key: string; value: (identity: AnonymisedIdentity) => unknown }[] = [
      ...IDENTITY_TEXT_FIELDS.map((key) => ({ key, value: (identity: AnonymisedIdentity) => textCell(identity.text[key]) })),
      { key: 'birthDate', value: (identity: AnonymisedIdentity) => dateCell(identity.birthDate, calendar.timeZone) },
    ];
    for (const { key, value } of columns) {
      const index = map.columns[key];
      if (index === undefined) continue;
      const values = Array.from({ length: span }, (_, i) => {
        const row = first + i;
        const identity = byRow.get(row);
        if (identity) return [value(identity)];
        const formula = formulas[i]?.[index] ?? '';
        return [formula !== '' ? formula : keptCell(table[row - 1]?.[index])];
      });
      setValuesAsTyped(sheet.getRange(first, index + 1, span, 1), values);
    }
    // Their fiches de parcours hold the identity too: they go with it.
    const fiches = deleteFichesOf(ss, ids);
    const shown = ids.slice(0, JOURNAL_IDS_SHOWN).join(', ') + (ids.length > JOURNAL_IDS_SHOWN ? ', …' : '');
    appendJournal(ss, [
      {
        action: 'Anonymisation des parcours anciens',
        sheet: SHEET.participants,
        detail:
          `${ids.length} parcours sortis depuis au moins ${snapshot.data.parameters.retentionMonths} mois : nom, prénom, commune, ` +
          `référent, observations et date de naissance exacte retirés (âge à l’entrée conservé)` +
          `${fiches > 0 ? ` ; ${fiches} fiche(s) de parcours supprimée(s)` : ''}. ${shown}`,
      },
    ]);
    return ids.length;
  });
}
