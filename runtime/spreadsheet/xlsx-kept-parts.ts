/**
 * Writes back what an .xlsx was read with and SpreadsheetApp does not reach: its Excel tables and
 * its conditional formats (SheetModel.tables, .conditionalFormats), on ExcelJS's streaming writer.
 * Conditional formats go through the writer's own addConditionalFormatting, parsed by ExcelJS's
 * own readers of those elements (every rule type, and its differential formats in styles.xml).
 * Tables, which the streaming writer cannot write, are parts of our own beside the sheet's: the
 * table part, its relationship, a `<tableParts>` entry at the end of the sheet and its content type.
 */
import type ExcelJS from 'exceljs';
import { escapeXmlAttribute } from '../xlsx/xml-text';
import { columnLetters } from './a1-notation';
import { valueAt } from './sheet-grid';
import type { SheetModel, XlsxConditionalFormatModel, XlsxTableModel } from './spreadsheet-model';
import { rangeCorners } from '../xlsx/sheet-xml';

interface ExcelJsXform {
  parse(events: AsyncIterable<unknown>): Promise<unknown>;
}

// ExcelJS 4.4.0 (pinned) parses one element only through these internal modules.
const parseSax = require('exceljs/lib/utils/parse-sax') as (chunks: Iterable<string>) => AsyncIterable<unknown>;
const ConditionalFormattingXform = require('exceljs/lib/xlsx/xform/sheet/cf/conditional-formatting-xform') as new () => ExcelJsXform;
const DxfXform = require('exceljs/lib/xlsx/xform/style/dxf-xform') as new () => ExcelJsXform;

const MAIN_NAMESPACE = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const TABLE_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
const TABLE_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';

/** Parts of ExcelJS's streaming writers that its type declarations leave out. */
interface WorkbookWriterInternals {
  zip: { append(source: unknown, data: { name: string }): unknown };
}
interface WorksheetWriterInternals {
  _sheetRelsWriter: { addRelationship(relationship: { Target: string; Type: string }): string };
  _write(text: string): void;
  _writeCloseWorksheet(): void;
  addConditionalFormatting(format: unknown): void;
}

const parseElement = (Xform: new () => ExcelJsXform, xml: string): Promise<unknown> => new Xform().parse(parseSax([xml]));

/** A `<dxf>` as ExcelJS's style object (its empty parts left out). */
async function differentialStyle(xml: string): Promise<Record<string, unknown>> {
  const style = (await parseElement(DxfXform, xml.replace('<dxf>', `<dxf xmlns="${MAIN_NAMESPACE}">`))) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(style).filter(([, part]) => part !== null && part !== undefined));
}

/** Each conditional format of the sheet handed to the writer, its rules' styles from their differential formats. */
export async function writeConditionalFormats(worksheet: ExcelJS.Worksheet, formats: readonly XlsxConditionalFormatModel[]): Promise<void> {
  for (const format of formats) {
    const parsed = (await parseElement(ConditionalFormattingXform, format.xml)) as { ref: string; rules: Record<string, unknown>[] };
    for (const rule of parsed.rules) {
      const id = rule.dxfId;
      delete rule.dxfId;
      const dxf = id === undefined ? undefined : format.differentialFormats[String(id)];
      if (dxf !== undefined) rule.style = await differentialStyle(dxf);
    }
    (worksheet as unknown as WorksheetWriterInternals).addConditionalFormatting(parsed);
  }
}

/**
 * The column names Excel expects: the header cells' text, which must match them exactly (a table
 * whose names differ is « repaired » by Excel), each unique; the name read when a cell is empty.
 */
function columnNames(sheet: SheetModel, table: XlsxTableModel, area: { top: number; left: number; right: number }): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (let c = area.left; c <= area.right; c += 1) {
    const i = c - area.left;
    const cell = table.headerRow ? valueAt(sheet, area.top, c) : '';
    const base = cell === '' || cell instanceof Date ? (table.columns[i] ?? `Colonne${i + 1}`) : String(cell);
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n += 1) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/**
 * Rows written right under a table (an attendance row added by a form) join it, as they do when
 * typed under a table in Excel; a table with a totals row keeps its place.
 */
function grownBottom(sheet: SheetModel, table: XlsxTableModel, area: { bottom: number; left: number; right: number }): number {
  if (table.totalsRow) return area.bottom;
  const filled = (row: number) => {
    for (let c = area.left; c <= area.right; c += 1) if (valueAt(sheet, row, c) !== '') return true;
    return false;
  };
  let bottom = area.bottom;
  while (bottom < sheet.maxRows && filled(bottom + 1)) bottom += 1;
  return bottom;
}

function tableXml(sheet: SheetModel, table: XlsxTableModel, id: number): string | null {
  const read = rangeCorners(table.ref, sheet.maxRows, sheet.maxColumns);
  if (!read) return null;
  const area = { ...read, bottom: grownBottom(sheet, table, read) };
  const columns = columnNames(sheet, table, area);
  const ref = `${columnLetters(area.left)}${area.top}:${columnLetters(area.right)}${area.bottom}`;
  const filterBottom = table.totalsRow ? area.bottom - 1 : area.bottom;
  const filterRef = `${columnLetters(area.left)}${area.top}:${columnLetters(area.right)}${filterBottom}`;
  const attributes = (values: Record<string, string | number | undefined>) =>
    Object.entries(values)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => ` ${k}="${escapeXmlAttribute(String(v))}"`)
      .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN_NAMESPACE}"` +
    attributes({
      id,
      name: table.name,
      displayName: table.displayName,
      ref,
      headerRowCount: table.headerRow ? undefined : 0,
      totalsRowCount: table.totalsRow ? 1 : undefined,
      totalsRowShown: table.totalsRow ? undefined : 0,
    }) +
    '>' +
    (table.autoFilter && table.headerRow ? `<autoFilter ref="${filterRef}"/>` : '') +
    `<tableColumns count="${columns.length}">${columns.map((name, i) => `<tableColumn${attributes({ id: i + 1, name })}/>`).join('')}</tableColumns>` +
    (table.style ? `<tableStyleInfo${attributes(table.style)}/>` : '') +
    '</table>'
  );
}

/** The tables of one workbook being written: numbered across its sheets, their content types declared. */
export class KeptTables {
  private readonly parts: string[] = [];

  constructor(private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter) {
    const zip = (workbook as unknown as WorkbookWriterInternals).zip;
    const append = zip.append.bind(zip);
    zip.append = (source, data) => {
      if (data.name !== '[Content_Types].xml' || typeof source !== 'string' || this.parts.length === 0) return append(source, data);
      const overrides = this.parts.map((part) => `<Override PartName="/${part}" ContentType="${TABLE_CONTENT_TYPE}"/>`).join('');
      return append(source.replace('</Types>', `${overrides}</Types>`), data);
    };
  }

  /** Before the sheet is committed: its table parts, their relationships, and `<tableParts>` before `</worksheet>`. */
  write(worksheet: ExcelJS.Worksheet, sheet: SheetModel): void {
    const writer = worksheet as unknown as WorksheetWriterInternals;
    const ids: string[] = [];
    for (const table of sheet.tables ?? []) {
      const xml = tableXml(sheet, table, this.parts.length + 1);
      if (xml === null) continue;
      const part = `xl/tables/table${this.parts.length + 1}.xml`;
      this.parts.push(part);
      (this.workbook as unknown as WorkbookWriterInternals).zip.append(xml, { name: part });
      ids.push(writer._sheetRelsWriter.addRelationship({ Target: `../tables/${part.slice('xl/tables/'.length)}`, Type: TABLE_RELATIONSHIP }));
    }
    if (ids.length === 0) return;
    const close = writer._writeCloseWorksheet.bind(writer);
    writer._writeCloseWorksheet = () => {
      writer._write(`<tableParts count="${ids.length}">${ids.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`);
      close();
    };
  }
}
