import type { Period } from '../../domain/period';
import { sheetNameWithPart } from '../../domain/sheet-name';

/** The kind of generated sheet a summary is (see generated-sheet-marker.ts). */
export const GENERATED_SUMMARY_VALUE = 'bilan';

const WHOLE_MONTHS = /^(\d{4})-(\d{2})-01\.\.(\d{4})-(\d{2})-(\d{2})$/;

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The period as a sheet name shows it, short enough for Excel's 31 characters: `2026-T3`,
 * `2026`; a range of whole months `2025-07 à 2026-03` (one month: `2026-02`); any other range
 * its two days without dashes, `20250715-20260331`.
 */
export function periodSheetLabel(period: Period): string {
  if (!period.label.includes('..')) return period.label;
  const months = WHOLE_MONTHS.exec(`${period.start}..${period.end}`);
  if (months && Number(months[5]) === lastDayOfMonth(Number(months[3]), Number(months[4]))) {
    const from = `${months[1]}-${months[2]}`;
    const to = `${months[3]}-${months[4]}`;
    return from === to ? from : `${from} à ${to}`;
  }
  return `${period.start.replace(/-/g, '')}-${period.end.replace(/-/g, '')}`;
}

/**
 * `Bilan 2026-T3 CD`, or `Bilan 2026-T3` for all parcours (SPEC §3); at most 31 characters and
 * valid in Excel whatever the funder code (see sheet-name.ts).
 */
export function summarySheetName(period: Period, funderCode: string | null): string {
  const base = `Bilan ${periodSheetLabel(period)}`;
  return funderCode === null ? base : sheetNameWithPart(base, funderCode);
}
