/**
 * What a file given as a workbook seems to be, from its first bytes and (for a zip) its list of
 * entries: the command line reads only real .xlsx workbooks, and says what anything else looks
 * like (an .ods renamed, an old .xls, a CSV, a web page, a truncated download…) instead of
 * reading it as an empty workbook that `init` would then overwrite.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type FileKind = { readable: true } | { readable: false; seems: string; advice: string };

const RESAVE = 'Ouvrez-le dans LibreOffice Calc ou Excel et enregistrez-le au format « Classeur Excel 2007-365 (.xlsx) ».';
const NOT_A_WORKBOOK = 'Donnez le chemin d’un classeur .xlsx.';
const DAMAGED = 'Reprenez une copie intacte du classeur (sauvegarde, ou nouvel export depuis Google Sheets : Fichier › Télécharger › Microsoft Excel).';

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

interface ZipEntry {
  name: string;
  method: number;
  localOffset: number;
  compressedSize: number;
}

/** The zip's entries from its central directory, or null when the archive is cut or damaged. */
function zipEntries(fd: number, size: number): ZipEntry[] | null {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = readAt(fd, size - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  // Zip64 archives (over 4 GB or 65,535 entries) keep these in another record: left to the reader.
  if (count === 0xffff || directoryOffset === 0xffffffff) return [];
  if (directoryOffset + directorySize > size - tailLength + end) return null;
  const directory = readAt(fd, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== ZIP_CENTRAL) return null;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const localOffset = directory.readUInt32LE(at + 42);
    const compressedSize = directory.readUInt32LE(at + 20);
    if (localOffset !== 0xffffffff && compressedSize !== 0xffffffff && localOffset + compressedSize > directoryOffset) return null;
    entries.push({
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      localOffset,
      compressedSize,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The text of a stored (uncompressed) entry: OpenDocument's `mimetype` always is. */
function storedText(fd: number, entry: ZipEntry): string | null {
  if (entry.method !== 0 || entry.compressedSize > 200) return null;
  const header = readAt(fd, entry.localOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== ZIP_LOCAL) return null;
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  return readAt(fd, start, entry.compressedSize).toString('latin1');
}

const OPEN_DOCUMENT: Record<string, string> = {
  'application/vnd.oasis.opendocument.spreadsheet': 'un classeur OpenDocument (.ods, LibreOffice ou OpenOffice)',
  'application/vnd.oasis.opendocument.text': 'un document texte OpenDocument (.odt)',
  'application/vnd.oasis.opendocument.presentation': 'une présentation OpenDocument (.odp)',
};

function zipKind(fd: number, size: number): FileKind {
  const entries = zipEntries(fd, size);
  if (entries === null) {
    return { readable: false, seems: 'un classeur .xlsx tronqué ou endommagé (son archive zip est incomplète)', advice: DAMAGED };
  }
  if (entries.length === 0) return { readable: true }; // zip64: nothing more to learn here
  const names = new Set(entries.map((e) => e.name));
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (mimetype) {
    const type = storedText(fd, mimetype)?.trim() ?? '';
    return { readable: false, seems: OPEN_DOCUMENT[type] ?? 'un document OpenDocument', advice: RESAVE };
  }
  if (names.has('xl/workbook.bin')) return { readable: false, seems: 'un classeur Excel binaire (.xlsb)', advice: RESAVE };
  if (names.has('xl/workbook.xml') || names.has('[Content_Types].xml')) {
    if (!names.has('xl/workbook.xml')) {
      const word = names.has('word/document.xml');
      const slides = [...names].some((n) => n.startsWith('ppt/'));
      const seems = word ? 'un document Word (.docx)' : slides ? 'une présentation PowerPoint (.pptx)' : 'un document Office qui n’est pas un classeur';
      return { readable: false, seems, advice: NOT_A_WORKBOOK };
    }
    return { readable: true };
  }
  return { readable: false, seems: 'une archive zip qui ne contient pas de classeur', advice: NOT_A_WORKBOOK };
}

function textKind(head: Buffer): FileKind | null {
  if (head.includes(0)) return null;
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || text.startsWith('<table')) {
    return { readable: false, seems: 'une page web (HTML), comme les exports « Excel » de certains logiciels', advice: RESAVE };
  }
  if (text.startsWith('<?xml')) {
    const excel2003 = text.includes('urn:schemas-microsoft-com:office:spreadsheet');
    return { readable: false, seems: excel2003 ? 'un classeur XML Excel 2003' : 'un fichier XML', advice: RESAVE };
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const csv = /[;,\t]/.test(firstLine);
  return { readable: false, seems: csv ? 'un fichier texte (CSV)' : 'un fichier texte', advice: RESAVE };
}

/** What the file at `path` seems to be. Throws Node's error when it cannot be opened. */
export function sniffFileKind(path: string): FileKind {
  const fd = openSync(path, 'r');
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { readable: false, seems: 'un dossier', advice: NOT_A_WORKBOOK };
    const size = stats.size;
    if (size === 0) return { readable: false, seems: 'un fichier vide (0 octet)', advice: DAMAGED };
    const head = readAt(fd, 0, Math.min(size, 4096));
    if (head.length >= 4 && head.readUInt32LE(0) === ZIP_LOCAL) return zipKind(fd, size);
    if (head.length >= 8 && head.subarray(0, 8).equals(OLE2)) {
      return { readable: false, seems: 'un classeur Excel 97-2003 (.xls) ou un classeur protégé par un mot de passe', advice: RESAVE };
    }
    if (head.subarray(0, 5).toString('latin1') === '%PDF-') return { readable: false, seems: 'un document PDF', advice: NOT_A_WORKBOOK };
    if (head.length >= 2 && head.readUInt16LE(0) === 0x4b50) {
      return { readable: false, seems: 'un classeur .xlsx tronqué ou endommagé (son archive zip est incomplète)', advice: DAMAGED };
    }
    return textKind(head) ?? { readable: false, seems: 'un fichier d’un format inconnu', advice: NOT_A_WORKBOOK };
  } finally {
    closeSync(fd);
  }
}
