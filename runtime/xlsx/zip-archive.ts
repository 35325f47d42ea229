/**
 * The entries of a zip archive (an .xlsx is one), read from its central directory and inflated one
 * at a time with node:zlib: no library model of the whole package, and an entry is only inflated
 * when asked for.
 */
import * as zlib from 'node:zlib';

/** The file is not a zip archive, or a damaged one; the message is French. */
export class ZipFormatError extends Error {}

interface ZipEntry {
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();

  constructor(private readonly buffer: Buffer) {
    const end = findEndOfCentralDirectory(buffer);
    const count = buffer.readUInt16LE(end + 10);
    let at = buffer.readUInt32LE(end + 16);
    for (let i = 0; i < count; i += 1) {
      if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL_FILE_HEADER) {
        throw new ZipFormatError('archive zip endommagée (répertoire central illisible)');
      }
      const nameLength = buffer.readUInt16LE(at + 28);
      const extraLength = buffer.readUInt16LE(at + 30);
      const commentLength = buffer.readUInt16LE(at + 32);
      const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
      this.entries.set(name, {
        method: buffer.readUInt16LE(at + 10),
        crc: buffer.readUInt32LE(at + 16),
        compressedSize: buffer.readUInt32LE(at + 20),
        size: buffer.readUInt32LE(at + 24),
        localHeaderOffset: buffer.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes, inflated; null when there is no such entry. */
  read(name: string): Buffer | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const at = entry.localHeaderOffset;
    if (at + 30 > this.buffer.length || this.buffer.readUInt32LE(at) !== LOCAL_FILE_HEADER) {
      throw new ZipFormatError(`archive zip endommagée (entrée ${name})`);
    }
    const start = at + 30 + this.buffer.readUInt16LE(at + 26) + this.buffer.readUInt16LE(at + 28);
    const data = this.buffer.subarray(start, start + entry.compressedSize);
    if (entry.method !== STORED && entry.method !== DEFLATED) {
      throw new ZipFormatError(`compression zip non prise en charge (entrée ${name})`);
    }
    let bytes: Buffer;
    try {
      bytes = entry.method === STORED ? data : zlib.inflateRawSync(data);
    } catch {
      throw new ZipFormatError(`archive zip endommagée (entrée ${name} illisible)`);
    }
    // Damaged compressed data may still inflate into other bytes: the CRC-32 tells (a sheet read
    // as empty would otherwise pass for a sheet the team does not keep).
    if (bytes.length !== entry.size || crc32(bytes) !== entry.crc) {
      throw new ZipFormatError(`archive zip endommagée (entrée ${name} altérée)`);
    }
    return bytes;
  }

  /** The entry as UTF-8 text (a byte-order mark dropped); null when there is no such entry. */
  text(name: string): string | null {
    const bytes = this.read(name);
    if (bytes === null) return null;
    const text = bytes.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const lowest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let at = buffer.length - 22; at >= lowest; at -= 1) {
    if (buffer.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      if (buffer.readUInt16LE(at + 10) === 0xffff || buffer.readUInt32LE(at + 16) === 0xffffffff) {
        throw new ZipFormatError('archive zip de plus de 4 Go (ZIP64), non prise en charge');
      }
      return at;
    }
  }
  throw new ZipFormatError('ce n’est pas une archive zip');
}

let crcTable: Uint32Array | null = null;

/** CRC-32 of the zip format: node:zlib's (Node ≥ 20.15), or a table when it has none. */
function crc32(bytes: Buffer): number {
  const native = (zlib as { crc32?: (data: Buffer) => number }).crc32;
  if (typeof native === 'function') return native(bytes) >>> 0;
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i += 1) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
