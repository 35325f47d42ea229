/**
 * One worksheet part read into a SheetModel. `sheetData` is scanned with indexOf, cell after cell,
 * straight into the model's dense rows: no object per cell but the value itself (and the
 * attributes of the few cells that have some). The used range is where real cells are.
 */
import { columnLetters, columnNumber } from '../spreadsheet/a1-notation';
import { setAttributesAt, sharedAttributes, updateAttributes } from '../spreadsheet/sheet-grid';
import type { CellAttributes, CellValue, DataValidationModel, SheetModel } from '../spreadsheet/spreadsheet-model';
import type { CellFormat } from './xlsx-styles';
import { attributesOf, decodeXml, elementPrefix, elements, firstElement, runText } from './xml-text';

/**
 * What getValues gives for a formula the file holds without a computed value (programs such as
 * openpyxl never compute): Parcours reads it as a data issue (src/domain/cell-errors.ts names the
 * same text).
 */
export const UNCOMPUTED_FORMULA_VALUE = '#NON_CALCULÉ!';

export interface SheetReadContext {
  sharedStrings: readonly string[];
  formats: readonly CellFormat[];
  /** A date serial → the instant of that wall-clock time in the spreadsheet's zone. */
  dateOf(serial: number): Date;
}

export interface SheetExtent {
  /** Last row and column holding a stored cell (0 when none). */
  lastRow: number;
  lastColumn: number;
}

/** `A1` → its row and column; null when not a cell reference. */
export function cellAddress(ref: string): { row: number; column: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  return m ? { row: Number(m[2]), column: columnNumber(m[1]!) } : null;
}

/** `A1:C3` (or one cell, or `A:A`) → its corners; open ends are left to the caller's limits. */
export function rangeCorners(ref: string, maxRows: number, maxColumns: number): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b = a] = ref.replace(/\$/g, '').split(':');
  const part = (s: string | undefined) => /^([A-Za-z]{0,3})(\d*)$/.exec(s ?? '');
  const p = part(a);
  const q = part(b);
  if (!p || !q || (p[1] === '' && p[2] === '')) return null;
  return {
    top: p[2] ? Number(p[2]) : 1,
    left: p[1] ? columnNumber(p[1]) : 1,
    bottom: q[2] ? Math.min(Number(q[2]), Math.max(maxRows, Number(p[2] || 1))) : maxRows,
    right: q[1] ? Math.min(columnNumber(q[1]), Math.max(maxColumns, p[1] ? columnNumber(p[1]) : 1)) : maxColumns,
  };
}

/** The value of `needle` (` r="`) in an opening tag's text, or null. Searches stay within the tag. */
function attribute(tag: string, needle: string): string | null {
  const at = tag.indexOf(needle);
  if (at < 0) return null;
  const start = at + needle.length;
  return tag.slice(start, tag.indexOf('"', start));
}

function columnOfRef(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i += 1) {
    const code = ref.charCodeAt(i);
    if (code < 65) break;
    n = n * 26 + ((code >= 97 ? code - 32 : code) - 64);
  }
  return n;
}

const REFERENCE = /(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g;

/** A shared formula's text for a cell `rows` and `columns` away from its master (relative references moved). */
function shiftFormula(formula: string, rows: number, columns: number): string {
  return formula
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REFERENCE, (whole, colAbs: string, col: string, rowAbs: string, row: string) => {
            const c = colAbs ? columnNumber(col) : columnNumber(col) + columns;
            const r = rowAbs ? Number(row) : Number(row) + rows;
            return c < 1 || r < 1 ? whole : `${colAbs}${columnLetters(c)}${rowAbs}${r}`;
          }),
    )
    .join('"');
}

/** Reads the cells of `xml` into `sheet.values` / `sheet.attributes`. */
export function readSheetData(xml: string, sheet: SheetModel, ctx: SheetReadContext): SheetExtent & { dataStart: number; dataEnd: number } {
  const p = elementPrefix(xml, 'worksheet');
  const start = xml.indexOf(`<${p}sheetData`);
  const extent = { lastRow: 0, lastColumn: 0, dataStart: start < 0 ? xml.length : start, dataEnd: start < 0 ? xml.length : start };
  if (start < 0) return extent;
  const closeTag = `</${p}sheetData>`;
  const close = xml.indexOf(closeTag, start);
  const end = close < 0 ? xml.indexOf('>', start) + 1 : close;
  extent.dataEnd = close < 0 ? end : close + closeTag.length;
  const rowTag = `${p}row`;
  const cellTag = `${p}c`;
  const cellClose = `</${p}c>`;
  const vOpen = `<${p}v`;
  const vClose = `</${p}v>`;
  const fOpen = `<${p}f`;
  const isOpen = `<${p}is>`;
  const { sharedStrings, formats } = ctx;
  const values = sheet.values;
  const shared = new Map<string, { formula: string; row: number; column: number }>();
  const formatAttributes = new Map<string, CellAttributes>();
  const sharedFormatAttributes = (index: string, numberFormat: string | undefined, style: CellAttributes['style']): CellAttributes => {
    const a: CellAttributes = {};
    if (numberFormat !== undefined) a.numberFormat = numberFormat;
    if (style !== undefined) a.style = style;
    const frozen = sharedAttributes(a);
    formatAttributes.set(index, frozen);
    return frozen;
  };
  let row = 0;
  let column = 0;
  let line: CellValue[] | undefined;
  let pos = start + 1;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0 || lt >= end) break;
    const tagEnd = xml.indexOf('>', lt);
    pos = tagEnd + 1;
    const after = xml.charCodeAt(lt + 1 + cellTag.length);
    if (xml.startsWith(cellTag, lt + 1) && (after === 32 || after === 62 || after === 47)) {
      const tag = xml.slice(lt, tagEnd);
      const ref = attribute(tag, ' r="');
      column = ref === null ? column + 1 : columnOfRef(ref);
      const styleIndex = attribute(tag, ' s="');
      const type = attribute(tag, ' t="');
      const format = styleIndex === null ? undefined : formats[Number(styleIndex)];
      let value: CellValue = '';
      let formula: string | undefined;
      if (xml.charCodeAt(tagEnd - 1) !== 47) {
        const contentEnd = xml.indexOf(cellClose, tagEnd);
        pos = contentEnd + cellClose.length;
        // The cell's content as its own (sliced) string: every search below stays inside it.
        const content = xml.slice(tagEnd + 1, contentEnd);
        let text: string | null = null;
        const v = content.indexOf(vOpen);
        if (v >= 0) {
          const vEnd = content.indexOf('>', v);
          text = content.charCodeAt(vEnd - 1) === 47 ? '' : content.slice(vEnd + 1, content.indexOf(vClose, vEnd));
        }
        const f = content.indexOf(fOpen);
        if (f >= 0) formula = formulaOf(content, f, row, column, shared);
        if (type === null || type === 'n') {
          if (text !== null && text !== '') {
            const n = +text;
            value = format?.isDate ? ctx.dateOf(n) : n;
          }
        } else if (type === 's') {
          value = text === null ? '' : (sharedStrings[+text] ?? '');
        } else if (type === 'inlineStr') {
          const is = content.indexOf(isOpen);
          value = is >= 0 ? runText(content.slice(is), p) : '';
        } else if (type === 'b') {
          value = text === '1' || text === 'true';
        } else if (type === 'e') {
          value = (text ?? '').trim();
        } else if (type === 'd') {
          value = text ? isoDateValue(text, ctx) : '';
        } else {
          value = text === null ? '' : decodeXml(text);
        }
        // No cached value: no <v>, or an empty one where only a text result may be empty (openpyxl writes <v></v>).
        if (formula !== undefined && type !== 'inlineStr' && (text === null || (text === '' && type !== 'str'))) {
          value = UNCOMPUTED_FORMULA_VALUE;
        }
      }
      if (value !== '') {
        if (line === undefined) {
          line = [];
          values[row - 1] = line;
        }
        line[column - 1] = value;
      }
      const numberFormat = format?.numberFormat;
      const style = format?.style;
      const errorValue = type === 'e' && value !== '' && value !== UNCOMPUTED_FORMULA_VALUE;
      if (formula !== undefined || numberFormat !== undefined || style !== undefined || errorValue) {
        let a: CellAttributes;
        if (formula === undefined && !errorValue) {
          // Only the cell format: one shared object per format (styleIndex is set, or format would be undefined).
          a = formatAttributes.get(styleIndex!) ?? sharedFormatAttributes(styleIndex!, numberFormat, style);
        } else {
          a = {};
          if (formula !== undefined) a.formula = formula;
          if (errorValue) a.errorValue = true;
          if (numberFormat !== undefined) a.numberFormat = numberFormat;
          if (style !== undefined) a.style = style;
        }
        setAttributesAt(sheet, row, column, a);
      } else if (value === '') {
        continue;
      }
      if (row > extent.lastRow) extent.lastRow = row;
      if (column > extent.lastColumn) extent.lastColumn = column;
    } else if (xml.startsWith(rowTag, lt + 1)) {
      const r = attribute(xml.slice(lt, tagEnd), ' r="');
      row = r === null ? row + 1 : +r;
      column = 0;
      line = values[row - 1];
    }
  }
  return extent;
}

function formulaOf(xml: string, at: number, row: number, column: number, shared: Map<string, { formula: string; row: number; column: number }>): string | undefined {
  const tagEnd = xml.indexOf('>', at);
  const attributes = attributesOf(xml.slice(at + 2, tagEnd));
  const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
  const text = selfClosing ? '' : decodeXml(xml.slice(tagEnd + 1, xml.indexOf('</', tagEnd)));
  if (attributes.t === 'shared' && attributes.si !== undefined) {
    if (text !== '') shared.set(attributes.si, { formula: text, row, column });
    else {
      const master = shared.get(attributes.si);
      return master ? `=${shiftFormula(master.formula, row - master.row, column - master.column)}` : undefined;
    }
  }
  return text === '' ? undefined : `=${text}`;
}

function isoDateValue(text: string, ctx: SheetReadContext): CellValue {
  const ms = Date.parse(text.endsWith('Z') ? text : `${text}Z`);
  return Number.isNaN(ms) ? text : ctx.dateOf(ms / 86_400_000 + 25569);
}

/** What lies around sheetData: frozen panes, widths, tab colour, protection, merges, validations, links. */
export function readSheetLayout(
  xml: string,
  sheet: SheetModel,
  around: { dataStart: number; dataEnd: number },
  links: (id: string) => string | null,
  excelWidthToPx: (width: number) => number,
  validationOf: (dv: Record<string, unknown>) => DataValidationModel | null,
): void {
  const p = elementPrefix(xml, 'worksheet');
  const head = xml.slice(0, around.dataStart);
  const tail = xml.slice(around.dataEnd);
  const pane = firstElement(head, `${p}pane`)?.attributes;
  if (pane?.state === 'frozen' || pane?.state === 'frozenSplit') {
    sheet.frozenRows = Math.round(Number(pane.ySplit ?? 0));
    sheet.frozenColumns = Math.round(Number(pane.xSplit ?? 0));
  }
  const cols = firstElement(head, `${p}cols`);
  if (cols) {
    for (const col of elements(cols.inner, `${p}col`)) {
      const width = Number(col.attributes.width);
      if (!(col.attributes.customWidth === '1' || col.attributes.customWidth === 'true') || !Number.isFinite(width)) continue;
      const last = Math.min(Number(col.attributes.max ?? col.attributes.min), sheet.maxColumns);
      for (let c = Number(col.attributes.min); c <= last; c += 1) sheet.columnWidths[c] = excelWidthToPx(width);
    }
  }
  const tab = firstElement(head, `${p}tabColor`)?.attributes.rgb;
  if (tab && /^[0-9A-Fa-f]{8}$/.test(tab)) sheet.tabColor = `#${tab.slice(2).toLowerCase()}`;
  const protection = firstElement(tail, `${p}sheetProtection`)?.attributes;
  if (protection && (protection.sheet === '1' || protection.sheet === 'true')) {
    sheet.protections.push({ id: sheet.sheetId + 1, type: 'SHEET', area: null, description: '', warningOnly: false, editors: [], domainEdit: false });
  }
  const merges = firstElement(tail, `${p}mergeCells`);
  if (merges) {
    for (const merge of elements(merges.inner, `${p}mergeCell`)) {
      const area = rangeCorners(merge.attributes.ref ?? '', sheet.maxRows, sheet.maxColumns);
      if (!area) continue;
      sheet.merges.push({ row: area.top, column: area.left, numRows: area.bottom - area.top + 1, numColumns: area.right - area.left + 1 });
    }
  }
  const validations = firstElement(tail, `${p}dataValidations`);
  if (validations) {
    for (const dv of elements(validations.inner, `${p}dataValidation`)) {
      const formulae = [...elements(dv.inner, `${p}formula1`), ...elements(dv.inner, `${p}formula2`)].map((f) => decodeXml(f.inner));
      const a = dv.attributes;
      const validation = validationOf({
        type: a.type,
        operator: a.operator,
        allowBlank: a.allowBlank === '1',
        showErrorMessage: a.showErrorMessage === '1' || a.showErrorMessage === 'true',
        errorStyle: a.errorStyle,
        prompt: a.prompt,
        formulae,
      });
      if (!validation) continue;
      for (const ref of (a.sqref ?? '').split(/\s+/)) {
        const area = rangeCorners(ref, sheet.maxRows, sheet.maxColumns);
        if (!area) continue;
        // Cells that shared one format share one format-and-rule object too.
        const withRule = new Map<CellAttributes | undefined, CellAttributes>();
        for (let r = area.top; r <= area.bottom; r += 1) {
          for (let c = area.left; c <= area.right; c += 1) {
            const before = sheet.attributes[r - 1]?.[c - 1];
            if (before !== undefined && !Object.isFrozen(before)) {
              before.validation = validation;
              continue;
            }
            let after = withRule.get(before);
            if (after === undefined) {
              after = sharedAttributes({ ...before, validation });
              withRule.set(before, after);
            }
            setAttributesAt(sheet, r, c, after);
          }
        }
      }
    }
  }
  const hyperlinks = firstElement(tail, `${p}hyperlinks`);
  if (hyperlinks) {
    for (const link of elements(hyperlinks.inner, `${p}hyperlink`)) {
      const at = cellAddress((link.attributes.ref ?? '').split(':')[0] ?? '');
      const target = link.attributes.id ? links(link.attributes.id) : link.attributes.location ? `#${link.attributes.location}` : null;
      if (!at || !target) continue;
      updateAttributes(sheet, at.row, at.column, (cell) => {
        cell.hyperlink = target;
      });
    }
  }
}

/** The notes of a comments part: cell reference → text. */
export function readComments(xml: string): Map<string, string> {
  const notes = new Map<string, string>();
  const p = elementPrefix(xml, 'comments');
  for (const comment of elements(xml, `${p}comment`)) {
    const text = runText(comment.inner, p);
    if (comment.attributes.ref && text !== '') notes.set(comment.attributes.ref, text);
  }
  return notes;
}
