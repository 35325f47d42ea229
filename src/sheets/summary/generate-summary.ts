import { type Period, parsePeriod, periodLabelFr } from '../../domain/period';
import type { Funder } from '../../domain/records';
import { computeSummary, findFunder } from '../../domain/summary/compute-summary';
import { motifCategories } from '../../domain/summary/exits';
import type { Summary } from '../../domain/summary/summary-schema';
import { UserError } from '../../domain/user-error';
import { FUNDER_DEFAULTS } from '../../domain/workbook-schema';
import { withDocumentLock } from '../document-lock';
import { appendJournal, currentUserEmail } from '../journal';
import { spreadsheetCalendar } from '../spreadsheet-calendar';
import { loadWorkbookData } from '../workbook-tables';
import { layoutSummary } from './summary-layout';
import { summarySheetName } from './summary-sheet-name';
import { writeSummarySheet } from './write-summary-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SummaryRequest {
  /** `2026-T3`, `2026` or `2026-07-01..2026-09-30`. */
  period: string;
  /** A code of `Financeurs`; null or empty for all parcours. */
  funder: string | null;
}

export interface GeneratedSummary {
  summary: Summary;
  sheetName: string;
  /** What happened, in French, for the dialog, the toast and the terminal. */
  notice: string;
}

const TOAST_TITLE = 'Parcours — bilan';
export const ALL_FUNDERS_LABEL = 'Tous les financeurs (ensemble des parcours)';

export function parsePeriodOrRefuse(text: string): Period {
  const period = parsePeriod(text);
  if (period === null) {
    throw new UserError(
      `Période non reconnue : « ${text.trim()} ». Écrivez un trimestre (2026-T3), une année (2026) ` +
        'ou deux dates (2026-07-01..2026-09-30, la première avant la seconde).',
    );
  }
  return period;
}

function funderLabel(funder: Funder | null): string {
  if (funder === null) return ALL_FUNDERS_LABEL;
  const code = funder.code.trim();
  const name = funder.name?.trim() ?? '';
  return name === '' ? code : `${code} — ${name}`;
}

/**
 * « Générer le bilan… » and `parcours report`: reads every source sheet once, computes the
 * summary (pure domain code), then writes the summary sheet and one Journal line under the
 * document lock. Any refusal (period, funder, missing sheet or column) happens before the first write.
 */
export function generateSummaryReport(ss: Spreadsheet, request: SummaryRequest, now: Date): GeneratedSummary {
  const period = parsePeriodOrRefuse(request.period);
  const funderCode = request.funder?.trim() || null;
  const calendar = spreadsheetCalendar(ss, now);
  const { today } = calendar;
  ss.toast('Lecture du classeur…', TOAST_TITLE, 5);
  const data = loadWorkbookData(ss, calendar);
  let funder: Funder | null = null;
  if (funderCode !== null) {
    try {
      funder = findFunder(data.funders, funderCode);
    } catch (error) {
      throw new UserError((error as Error).message);
    }
  }
  ss.toast('Calcul des indicateurs…', TOAST_TITLE, 5);
  const summary = computeSummary(data, period, funder === null ? null : funder.code.trim(), { today });
  const generatedAt = Utilities.formatDate(now, calendar.timeZone, "dd/MM/yyyy 'à' HH:mm");
  const layout = layoutSummary(summary, {
    funderLabel: funderLabel(funder),
    periodLabel: periodLabelFr(period),
    generatedLine: `Généré le ${generatedAt} par ${currentUserEmail()}`,
    secrecyThreshold: data.parameters.secrecyThreshold,
    minimumMonths: funder?.minimumMonths ?? 0,
    hoursPerEtp: funder?.hoursPerEtp ?? FUNDER_DEFAULTS.hoursPerEtp,
    motifCategory: motifCategories(data.exitReasons),
  });
  const baseName = summarySheetName(period, summary.funder);
  const written = withDocumentLock(() => {
    const result = writeSummarySheet(ss, baseName, layout);
    appendJournal(ss, [
      {
        action: 'Génération du bilan',
        sheet: result.sheetName,
        detail: `Période ${period.label} ; financeur : ${summary.funder ?? 'tous'}`,
      },
    ]);
    return result;
  });
  let notice: string;
  if (written.personSheetName !== null) {
    notice =
      `Une feuille « ${written.personSheetName} » créée à la main existe déjà : elle n’a pas été modifiée. ` +
      `Le bilan est dans la feuille « ${written.sheetName} ».`;
  } else if (written.replaced) {
    notice = `Bilan mis à jour dans la feuille « ${written.sheetName} » (la version précédente a été remplacée).`;
  } else {
    notice = `Bilan écrit dans la feuille « ${written.sheetName} ».`;
  }
  ss.toast(notice, TOAST_TITLE, 8);
  return { summary, sheetName: written.sheetName, notice };
}
