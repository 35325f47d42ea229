/**
 * The command line's files: a workbook is read only when it is a real .xlsx (else exit 2 saying
 * what it seems to be, and it is never written over), and every output is written atomically,
 * all of a command's outputs together or none.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { columnLetters } from '../runtime/spreadsheet/a1-notation';
import { lastColumnWithContent, lastRowWithContent } from '../runtime/spreadsheet/sheet-grid';
import type { SheetModel, SpreadsheetModel } from '../runtime/spreadsheet/spreadsheet-model';
import { MAX_CELLS } from '../runtime/spreadsheet/spreadsheet-session';
import { loadXlsx, saveSheetAloneXlsx, saveXlsx } from '../runtime/spreadsheet/xlsx-store';
import { GENERATED_SHEET_KEY } from '../src/sheets/generated-sheet-marker';
import { GENERATED_SUMMARY_VALUE } from '../src/sheets/summary/summary-sheet-name';
import { OutputNotWritten, UsageError, WorkbookUnreadable } from './cli-errors';
import { sniffFileKind } from './file-kind';
import { type FileWriter, realTarget, writeOutputs } from './output-files';
import { systemCause, systemErrorCode } from './system-errors';

/**
 * Reads `path` as a workbook, or refuses (exit 2) saying what the file seems to be. An .xlsx holds
 * wall-clock dates and no zone: they are read in `timeZone` (`--timezone`), which becomes the zone
 * of the spreadsheet the add-in sees.
 */
export async function openWorkbook(path: string, timeZone?: string): Promise<SpreadsheetModel> {
  if (!existsSync(path)) throw new WorkbookUnreadable(`Classeur introuvable : ${path}`);
  let kind: ReturnType<typeof sniffFileKind>;
  try {
    kind = sniffFileKind(path);
  } catch (error) {
    throw new WorkbookUnreadable(`Classeur illisible : ${path} (${systemCause(error)}).`);
  }
  if (!kind.readable) {
    throw new WorkbookUnreadable(
      `Classeur illisible : ${path} n’est pas un classeur .xlsx, il semble être ${kind.seems}. ${kind.advice}\n` +
        'Parcours ne l’a pas modifié.',
    );
  }
  try {
    return await loadXlsx(path, timeZone ? { timeZone } : {});
  } catch (error) {
    if (error instanceof WorkbookUnreadable || error instanceof UsageError) throw error;
    const cause = systemErrorCode(error) ? systemCause(error) : 'son contenu est endommagé et ne se lit pas';
    throw new WorkbookUnreadable(`Classeur illisible : ${path} (${cause}). Parcours ne l’a pas modifié.`);
  }
}

const frInteger = new Intl.NumberFormat('fr-FR');

/**
 * `init` prepares a workbook for Google Sheets, which holds at most 10 million cells, empty ones
 * included. A stray value far away (one at XFD1048576 makes a grid of 17 billion cells) is read by
 * check and report as if absent, but a workbook that large cannot be set up for Sheets: refused
 * (exit 2, nothing written), naming the sheet and where its cells reach.
 */
export function refuseBeyondSheetsCap(model: SpreadsheetModel, path: string): void {
  let cells = 0;
  for (const sheet of model.sheets) cells += sheet.maxRows * sheet.maxColumns;
  if (cells <= MAX_CELLS) return;
  const widest = model.sheets.reduce((a, b) => (b.maxRows * b.maxColumns > a.maxRows * a.maxColumns ? b : a));
  const corner = `${columnLetters(lastColumnWithContent(widest))}${lastRowWithContent(widest)}`;
  throw new WorkbookUnreadable(
    `${path} : la feuille « ${widest.name} » s’étend jusqu’à ${corner} (${frInteger.format(widest.maxRows)} lignes × ` +
      `${frInteger.format(widest.maxColumns)} colonnes), et Google Sheets n’accepte pas plus de ${MAX_CELLS / 1_000_000} millions ` +
      'de cellules par classeur, cases vides comprises. Si une valeur isolée loin de vos données en est la cause, supprimez-la ' +
      '(Ctrl+Fin mène à la dernière cellule), puis relancez. check et report lisent ce classeur tel quel. Parcours ne l’a pas modifié.',
  );
}

export interface OutputFile {
  path: string;
  write: FileWriter;
}

/** The funder summaries Parcours generated (marked with developer metadata): printed one page wide. */
const isSummarySheet =
  (model: SpreadsheetModel) =>
  (sheet: SheetModel): boolean =>
    model.developerMetadata.some(
      (m) =>
        m.key === GENERATED_SHEET_KEY &&
        m.value === GENERATED_SUMMARY_VALUE &&
        m.location.type === 'SHEET' &&
        m.location.sheetId === sheet.sheetId,
    );

export const xlsxFile = (path: string, model: SpreadsheetModel): OutputFile => ({
  path,
  write: (temporary) => saveXlsx(model, temporary, { printOnePageWide: isSummarySheet(model) }),
});

/** One sheet of `model` alone in a file (`report --bilan`): safe to send to a funder. */
export function sheetAloneFile(path: string, model: SpreadsheetModel, sheetName: string): OutputFile {
  const sheet = model.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`sheet ${sheetName} missing after the report`);
  return { path, write: (temporary) => saveSheetAloneXlsx(sheet, model.timeZone, temporary) };
}

export const jsonFile = (path: string, value: unknown): OutputFile => ({
  path,
  write: (temporary) => writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`),
});

/** Writes every file or none; a failure is a French message naming the file (exit 1). */
export async function saveFiles(files: readonly OutputFile[]): Promise<void> {
  let current = '';
  try {
    await writeOutputs(async (outputs) => {
      for (const file of files) {
        current = file.path;
        await outputs.stage(file.path, file.write);
      }
      current = '';
    });
  } catch (error) {
    const cause = systemErrorCode(error) ? systemCause(error) : 'erreur pendant l’écriture';
    const which = current === '' ? files.map((f) => f.path).join(', ') : current;
    const kept = files.some((f) => existsSync(f.path)) ? ' Les fichiers existants sont restés intacts.' : '';
    throw new OutputNotWritten(`Rien n’a été écrit : ${which} n’a pas pu être enregistré (${cause}).${kept}`);
  }
}

/** Refuses (exit 1) outputs that name the workbook read, or the same file twice. */
export function refuseSameFiles(workbook: string | undefined, outputs: readonly { option: string; path: string | undefined }[]): void {
  const seen = new Map<string, string>();
  if (workbook !== undefined) seen.set(realTarget(workbook), '--workbook');
  for (const { option, path } of outputs) {
    if (path === undefined) continue;
    const real = realTarget(path);
    const other = seen.get(real);
    if (other !== undefined) {
      throw new UsageError(
        other === '--workbook'
          ? `--${option} désigne le classeur lu (${path}) : le bilan s’écrit dans un autre fichier, la source n’est jamais remplacée.`
          : `--${option} et ${other} désignent le même fichier (${path}) : choisissez deux fichiers.`,
      );
    }
    seen.set(real, `--${option}`);
  }
}
