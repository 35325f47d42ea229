import type { TimeZone } from '../calendar-day';
import * as z from 'zod';
import { readLabel, readNumber, readText } from '../cell-values';
import type { DataIssue } from '../data-issue';
import { requireHeaders } from '../header-map';
import type { Parameters } from '../records';
import { formatNumberFr, normalizeKey } from '../text';
import { DEFAULT_PARAMETERS, PARAMETER, sheetSpec } from '../workbook-schema';
import { type Decoded, dataRows } from './sheet-rows';

export const parametersSchema: z.ZodType<Parameters> = z.object({
  structureName: z.string(),
  minimumWeeklyHours: z.number().min(0),
  trialMonths: z.number().int().min(0),
  contractMonths: z.number().int().min(0),
  followUpMonths: z.number().int().min(0),
  absenceAlert: z.number().int().min(0),
  retentionMonths: z.number().int().min(0),
  secrecyThreshold: z.number().int().min(0),
  coordinatorEmails: z.array(z.string()),
});

type NumericParameter = Exclude<keyof Parameters, 'structureName' | 'coordinatorEmails'>;

/** Month counts and thresholds are whole numbers; the weekly minimum may be 7,5. */
const WHOLE_NUMBERS: ReadonlySet<NumericParameter> = new Set([
  'trialMonths',
  'contractMonths',
  'followUpMonths',
  'absenceAlert',
  'retentionMonths',
  'secrecyThreshold',
]);

function defaultOf(name: string): string | number {
  return DEFAULT_PARAMETERS.find(([n]) => n === name)?.[1] ?? '';
}

export function defaultParameters(): Parameters {
  const number = (key: NumericParameter): number => Number(defaultOf(PARAMETER[key]));
  return {
    structureName: String(defaultOf(PARAMETER.structureName)),
    minimumWeeklyHours: number('minimumWeeklyHours'),
    trialMonths: number('trialMonths'),
    contractMonths: number('contractMonths'),
    followUpMonths: number('followUpMonths'),
    absenceAlert: number('absenceAlert'),
    retentionMonths: number('retentionMonths'),
    secrecyThreshold: number('secrecyThreshold'),
    coordinatorEmails: [],
  };
}

const EMAIL_SEPARATORS = /[,;\s]+/;
const EMAIL_SHAPE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** `Paramètres` rows `Paramètre | Valeur`: a missing parameter keeps its default; unknown names are ignored. */
export function decodeParameters(table: readonly (readonly unknown[])[], timeZone: TimeZone): Decoded<Parameters> {
  const spec = sheetSpec('Paramètres');
  const map = requireHeaders(spec, table[0] ?? []);
  const nameColumn = map.columns['name']!;
  const valueColumn = map.columns['value']!;
  const parameters = defaultParameters();
  const issues: DataIssue[] = [];
  const seen = new Map<string, number>();
  const issue = (row: number, message: string): void => {
    issues.push({ sheet: spec.name, row, column: 'Valeur', message });
  };

  for (const { row, cells } of dataRows(table)) {
    const name = readLabel(cells[nameColumn]);
    if (name === null) continue;
    const key = (Object.keys(PARAMETER) as (keyof Parameters)[]).find(
      (k) => normalizeKey(PARAMETER[k]) === normalizeKey(name),
    );
    if (key === undefined) continue;
    const label = PARAMETER[key];
    const firstRow = seen.get(key);
    if (firstRow !== undefined) {
      issues.push({
        sheet: spec.name,
        row,
        column: 'Paramètre',
        message: `Paramètre « ${label} » déjà présent ligne ${firstRow} : seule cette première ligne compte, supprimez celle-ci.`,
      });
      continue;
    }
    seen.set(key, row);
    const raw = cells[valueColumn];

    if (key === 'structureName') {
      parameters.structureName = readText(raw, timeZone) ?? '';
    } else if (key === 'coordinatorEmails') {
      const parts = (readText(raw, timeZone) ?? '').split(EMAIL_SEPARATORS).filter((p) => p !== '');
      const bad = parts.filter((p) => !EMAIL_SHAPE.test(p));
      if (bad.length > 0) {
        issue(row, `${bad.length === 1 ? 'Une adresse de courriel illisible' : `${bad.length} adresses de courriel illisibles`} : écrivez des adresses comme prenom.nom@exemple.fr, séparées par des virgules.`);
      }
      parameters.coordinatorEmails = parts.filter((p) => EMAIL_SHAPE.test(p));
    } else {
      const result = readNumber(raw, timeZone);
      const fallback = formatNumberFr(Number(defaultOf(label)));
      if (!result.ok) {
        issue(row, `${result.message} La valeur par défaut (${fallback}) est utilisée.`);
      } else if (result.value !== null) {
        const whole = WHOLE_NUMBERS.has(key);
        if (result.value < 0 || (whole && !Number.isInteger(result.value))) {
          const expected = whole ? 'un nombre entier positif ou nul' : 'un nombre positif ou nul';
          issue(row, `« ${label} » vaut ${formatNumberFr(result.value)} : écrivez ${expected}. La valeur par défaut (${fallback}) est utilisée.`);
        } else {
          parameters[key] = result.value;
        }
      }
    }
  }
  return { records: parameters, issues };
}
