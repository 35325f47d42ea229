import { numberedSheetName } from '../../domain/sheet-name';
import { sameSheetName } from '../../domain/text';
import { isGeneratedSheet, markGenerated } from '../generated-sheet-marker';
import { writeFormattedBlock } from '../formatted-block';
import { CHART_HEIGHT_PX, CHART_WIDTH_PX, type ChartSpec, SUMMARY_WIDTH, type SummaryLayout } from './summary-layout';
import { GENERATED_SUMMARY_VALUE } from './summary-sheet-name';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface WrittenSummarySheet {
  sheetName: string;
  /** True when a sheet Parcours generated earlier was replaced. */
  replaced: boolean;
  /** The name a person's own sheet already had, when the summary had to take another name. */
  personSheetName: string | null;
}

const LABEL_COLUMN_WIDTH = 380;
const VALUE_COLUMN_WIDTH = 130;
/** The title is the block's first cell. */
const TITLE_FONT_SIZE = 14;
/** Far more than any workbook holds: a guard against an endless search for a free name. */
const MAX_NAME_ATTEMPTS = 200;

/**
 * Writes the summary sheet: the whole block with one setValues, then the same fixed number of
 * formatting calls whatever its size. A sheet with this name that Parcours generated (developer
 * metadata) is replaced in place; a sheet a person made is never touched: the summary takes the
 * next free name `… (2)`. The caller holds the document lock (two coordinators may generate at once).
 */
export function writeSummarySheet(ss: Spreadsheet, baseName: string, layout: SummaryLayout): WrittenSummarySheet {
  const target = chooseSheet(ss, baseName);
  const sheet = target.sheet ?? ss.insertSheet(target.name, ss.getNumSheets());
  if (target.sheet) clearGeneratedSheet(sheet);
  else markGenerated(sheet, GENERATED_SUMMARY_VALUE);

  writeFormattedBlock(sheet, layout, SUMMARY_WIDTH);
  sheet.getRange(1, 1).setFontSize(TITLE_FONT_SIZE);
  sheet.setColumnWidth(1, LABEL_COLUMN_WIDTH);
  sheet.setColumnWidths(2, SUMMARY_WIDTH - 1, VALUE_COLUMN_WIDTH);
  for (const chart of layout.charts) insertChart(sheet, chart);
  sheet.activate();
  return {
    sheetName: target.name,
    replaced: target.sheet !== null,
    personSheetName: target.name === baseName ? null : baseName,
  };
}

/** The first of `base`, `base (2)`… that is free or holds a summary Parcours generated. */
function chooseSheet(ss: Spreadsheet, base: string): { name: string; sheet: Sheet | null } {
  const sheets = ss.getSheets();
  const names = sheets.map((s) => s.getName());
  for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt += 1) {
    const name = numberedSheetName(base, attempt);
    const index = names.findIndex((existing) => sameSheetName(existing, name));
    if (index < 0) return { name, sheet: null };
    const sheet = sheets[index]!;
    if (isGeneratedSheet(sheet, GENERATED_SUMMARY_VALUE)) return { name: names[index]!, sheet };
  }
  throw new Error(`Trop de feuilles nommées « ${base} » : renommez-en quelques-unes puis recommencez.`);
}

/** Empties a summary Parcours made before (values, formats, charts), keeping the sheet and its metadata. */
function clearGeneratedSheet(sheet: Sheet): void {
  sheet.clear();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
}

function insertChart(sheet: Sheet, spec: ChartSpec): void {
  let builder = sheet
    .newChart()
    .asColumnChart()
    .setTitle(spec.title)
    .setOption('legend', { position: 'none' })
    .setOption('width', CHART_WIDTH_PX)
    .setOption('height', CHART_HEIGHT_PX)
    .setPosition(spec.anchorRow, spec.anchorColumn, 0, 0);
  for (const area of spec.ranges) {
    builder = builder.addRange(sheet.getRange(area.row, area.column, area.numRows, area.numColumns));
  }
  sheet.insertChart(builder.build());
}
