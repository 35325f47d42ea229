/**
 * `xl/styles.xml` read into what each cell style (`s="N"`, an index into `cellXfs`) means to the
 * model: its number format, whether that format shows a date, and the few style fields the
 * runtime keeps (bold, italic, colours, alignment, wrap, border).
 */
import type { CellStyleModel } from '../spreadsheet/spreadsheet-model';
import { elements, firstElement } from './xml-text';

export interface CellFormat {
  /** The number format's code; undefined for General. */
  numberFormat: string | undefined;
  /** A date or time format: the cell's number is a date serial. */
  isDate: boolean;
  /** Shared between cells: the runtime replaces a cell's style, never changes it in place. */
  style: CellStyleModel | undefined;
}

/** Excel's built-in number formats (ECMA-376 §18.8.30), as ExcelJS names them. */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** Built-in ids that are dates in some locale though their code above is not listed (CJK). */
const BUILT_IN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code that shows a date or a time: d, m, y, h or s outside quotes, escapes and [colour] brackets. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '')
    .replace(/_.|\*./g, '');
  if (/^general$/i.test(bare.trim())) return false;
  return /[dmyhs]/i.test(bare.replace(/e[+-]/gi, ''));
}

function colorOf(xml: string, name: string): string | undefined {
  const color = firstElement(xml, name);
  const rgb = color?.attributes.rgb;
  return rgb && /^[0-9A-Fa-f]{8}$/.test(rgb) ? `#${rgb.slice(2).toLowerCase()}` : undefined;
}

interface FontInfo {
  bold: boolean;
  italic: boolean;
  color: string | undefined;
}

function readFonts(xml: string): FontInfo[] {
  const section = firstElement(xml, 'fonts');
  if (!section) return [];
  return [...elements(section.inner, 'font')].map((font) => {
    const b = firstElement(font.inner, 'b');
    const i = firstElement(font.inner, 'i');
    return {
      bold: b !== null && b.attributes.val !== '0' && b.attributes.val !== 'false',
      italic: i !== null && i.attributes.val !== '0' && i.attributes.val !== 'false',
      color: colorOf(font.inner, 'color'),
    };
  });
}

function readFills(xml: string): (string | undefined)[] {
  const section = firstElement(xml, 'fills');
  if (!section) return [];
  return [...elements(section.inner, 'fill')].map((fill) => {
    const pattern = firstElement(fill.inner, 'patternFill');
    return pattern?.attributes.patternType === 'solid' ? colorOf(pattern.inner, 'fgColor') : undefined;
  });
}

function readBorders(xml: string): boolean[] {
  const section = firstElement(xml, 'borders');
  if (!section) return [];
  return [...elements(section.inner, 'border')].map((border) =>
    ['left', 'right', 'top', 'bottom'].some((side) => {
      const s = firstElement(border.inner, side)?.attributes.style;
      return s !== undefined && s !== 'none';
    }),
  );
}

export function readCellFormats(xml: string | null): CellFormat[] {
  if (xml === null) return [];
  const codes = new Map<number, string>();
  const numFmts = firstElement(xml, 'numFmts');
  if (numFmts) for (const f of elements(numFmts.inner, 'numFmt')) codes.set(Number(f.attributes.numFmtId), f.attributes.formatCode ?? '');
  const fonts = readFonts(xml);
  const fills = readFills(xml);
  const borders = readBorders(xml);
  const cellXfs = firstElement(xml, 'cellXfs');
  if (!cellXfs) return [];
  const styles = new Map<string, CellStyleModel>();
  return [...elements(cellXfs.inner, 'xf')].map((xf) => {
    const id = Number(xf.attributes.numFmtId ?? 0);
    const code = codes.get(id) ?? BUILT_IN_FORMATS[id];
    const numberFormat = code === undefined || /^general$/i.test(code) ? undefined : code;
    const isDate = codes.has(id) ? isDateFormat(code ?? '') : BUILT_IN_DATE_IDS.has(id);
    const style: CellStyleModel = {};
    const font = fonts[Number(xf.attributes.fontId ?? 0)];
    if (font?.bold) style.fontWeight = 'bold';
    if (font?.italic) style.fontStyle = 'italic';
    if (font?.color) style.fontColor = font.color;
    const background = fills[Number(xf.attributes.fillId ?? 0)];
    if (background) style.background = background;
    const alignment = firstElement(xf.inner, 'alignment')?.attributes;
    if (alignment?.horizontal) style.horizontalAlignment = alignment.horizontal;
    if (alignment?.wrapText === '1' || alignment?.wrapText === 'true') style.wrap = true;
    if (borders[Number(xf.attributes.borderId ?? 0)]) style.border = 'SOLID';
    const key = JSON.stringify(style);
    if (key !== '{}' && !styles.has(key)) styles.set(key, style);
    return { numberFormat, isDate, style: key === '{}' ? undefined : styles.get(key) };
  });
}
