/**
 * The parts of an .xlsx package and the relationships between them. Targets are resolved the way
 * the Open Packaging Conventions say: relative to the part's folder, or from the package root when
 * they start with `/` (openpyxl writes `/xl/worksheets/sheet1.xml`; ExcelJS does not follow those).
 */
import { ZipArchive, ZipFormatError } from './zip-archive';
import { elements } from './xml-text';

/** The file cannot be read as an .xlsx workbook; the message (French) says what it seems to be. */
export class XlsxFormatError extends Error {}

export interface Relationship {
  id: string;
  type: string;
  /** A part name without a leading slash (`xl/worksheets/sheet1.xml`), or the URL of an external target. */
  target: string;
  external: boolean;
}

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

export class XlsxPackage {
  private readonly archive: ZipArchive;
  private readonly byLowerName = new Map<string, string>();

  constructor(bytes: Buffer) {
    try {
      this.archive = new ZipArchive(bytes);
    } catch (error) {
      if (error instanceof ZipFormatError) throw new XlsxFormatError(`ce fichier n’est pas un classeur .xlsx (${error.message})`);
      throw error;
    }
    for (const name of this.archive.names()) this.byLowerName.set(name.toLowerCase(), name);
    if (this.archive.text('mimetype')?.trim().startsWith(ODS_MIMETYPE)) {
      throw new XlsxFormatError('c’est un classeur OpenDocument (.ods) : enregistrez-le au format .xlsx (Excel 2007-365)');
    }
  }

  /** The part's text; null when the package has no such part (names compared without case, as Excel does). */
  text(part: string): string | null {
    const name = this.archive.has(part) ? part : this.byLowerName.get(part.toLowerCase());
    if (name === undefined) return null;
    try {
      return this.archive.text(name);
    } catch (error) {
      if (error instanceof ZipFormatError) throw new XlsxFormatError(`ce fichier n’est pas un classeur .xlsx lisible (${error.message})`);
      throw error;
    }
  }

  /** The relationships of `part` (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`), targets resolved. */
  relationships(part: string): Relationship[] {
    const slash = part.lastIndexOf('/');
    const folder = slash < 0 ? '' : part.slice(0, slash + 1);
    const xml = this.text(`${folder}_rels/${part.slice(slash + 1)}.rels`);
    if (xml === null) return [];
    return [...elements(xml, 'Relationship')].map(({ attributes }) => {
      const external = attributes.TargetMode === 'External';
      const target = attributes.Target ?? '';
      return { id: attributes.Id ?? '', type: attributes.Type ?? '', external, target: external ? target : resolvePart(folder, target) };
    });
  }

  /** The target of the first relationship of `part` whose type ends with `/typeSuffix`. */
  related(part: string, typeSuffix: string): Relationship | null {
    return this.relationships(part).find((r) => r.type.endsWith(`/${typeSuffix}`)) ?? null;
  }
}

/** `xl/` + `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`; `/xl/x.xml` → `xl/x.xml`; `..` resolved. */
export function resolvePart(folder: string, target: string): string {
  const path = target.replace(/\\/g, '/');
  const segments = (path.startsWith('/') ? path.slice(1) : folder + path).split('/');
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}
