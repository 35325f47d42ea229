import type { Period } from '../../domain/period';

/** The kind of generated sheet a summary is (see generated-sheet-marker.ts). */
export const GENERATED_SUMMARY_VALUE = 'bilan';

/** `Bilan 2026-T3 CD`, or `Bilan 2026-T3` for all parcours (SPEC §3). */
export function summarySheetName(period: Period, funderCode: string | null): string {
  return funderCode === null ? `Bilan ${period.label}` : `Bilan ${period.label} ${funderCode}`;
}

/** The name tried when `base` is taken by a sheet a person made: `… (2)`, `… (3)`… */
export function numberedSheetName(base: string, attempt: number): string {
  return attempt <= 1 ? base : `${base} (${attempt})`;
}
