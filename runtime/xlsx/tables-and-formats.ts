/**
 * Excel tables and conditional formats of an .xlsx, read to be kept: the table's place, columns
 * and style, and each `<conditionalFormatting>` element as written with the differential formats
 * its rules use. The runtime's SpreadsheetApp does not show them; the writer puts them back.
 */
import type { XlsxConditionalFormatModel, XlsxTableModel } from '../spreadsheet/spreadsheet-model';
import { elementPrefix, elements, escapeXmlAttribute, firstElement } from './xml-text';

/** `<x:cfRule>` → `<cfRule>`: the writer parses elements by their plain names. */
function withoutPrefix(xml: string, prefix: string): string {
  return prefix === '' ? xml : xml.split(`<${prefix}`).join('<').split(`</${prefix}`).join('</');
}

/** One table part (`xl/tables/tableN.xml`); null when it names no range. */
export function readTablePart(xml: string): XlsxTableModel | null {
  const p = elementPrefix(xml, 'table');
  const table = firstElement(xml, `${p}table`);
  const ref = table?.attributes.ref;
  if (!table || !ref) return null;
  const a = table.attributes;
  const columns = firstElement(table.inner, `${p}tableColumns`)?.inner ?? '';
  return {
    name: a.name ?? a.displayName ?? '',
    displayName: a.displayName ?? a.name ?? '',
    ref,
    headerRow: a.headerRowCount !== '0',
    totalsRow: (a.totalsRowCount ?? '0') !== '0',
    autoFilter: firstElement(table.inner, `${p}autoFilter`) !== null,
    columns: [...elements(columns, `${p}tableColumn`)].map((column) => column.attributes.name ?? ''),
    style: firstElement(table.inner, `${p}tableStyleInfo`)?.attributes ?? null,
  };
}

/** The `<dxf>` elements of styles.xml, in order: what a conditional format's `dxfId` points at. */
export function readDifferentialFormats(stylesXml: string | null): string[] {
  if (stylesXml === null) return [];
  const p = elementPrefix(stylesXml, 'styleSheet');
  const dxfs = firstElement(stylesXml, `${p}dxfs`);
  if (!dxfs) return [];
  return [...elements(dxfs.inner, `${p}dxf`)].map((dxf) => `<dxf>${withoutPrefix(dxf.inner, p)}</dxf>`);
}

/** The `<conditionalFormatting>` elements found in `xml` (a worksheet's part after its cells). */
export function readConditionalFormats(xml: string, prefix: string, differentialFormats: readonly string[]): XlsxConditionalFormatModel[] {
  const out: XlsxConditionalFormatModel[] = [];
  for (const element of elements(xml, `${prefix}conditionalFormatting`)) {
    const sqref = element.attributes.sqref;
    if (!sqref) continue;
    const inner = withoutPrefix(element.inner, prefix);
    const used: Record<string, string> = {};
    for (const rule of elements(inner, 'cfRule')) {
      const id = rule.attributes.dxfId;
      const dxf = id === undefined ? undefined : differentialFormats[Number(id)];
      if (id !== undefined && dxf !== undefined) used[id] = dxf;
    }
    out.push({ xml: `<conditionalFormatting sqref="${escapeXmlAttribute(sqref)}">${inner}</conditionalFormatting>`, differentialFormats: used });
  }
  return out;
}
