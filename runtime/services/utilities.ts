import { createHash, randomUUID } from 'node:crypto';
import { AppsScriptException } from '../runtime-context';
import { type ExecutionState, isDateFromAnyRealm, recordCall, signatureMismatch, timeOf } from './execution';
import { formatSimpleDate } from './simple-date-format';

export const DIGEST_ALGORITHM = Object.freeze({
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const);
export const CHARSET = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const);

const NODE_DIGEST: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

export interface FakeBlob {
  getDataAsString(charset?: string): string;
  getBytes(): number[];
  getContentType(): string | null;
  setContentType(contentType: string): FakeBlob;
  getName(): string | null;
  setName(name: string): FakeBlob;
}

export interface FakeUtilities {
  DigestAlgorithm: typeof DIGEST_ALGORITHM;
  Charset: typeof CHARSET;
  formatDate(date: Date, timeZone: string, format: string): string;
  computeDigest(algorithm: string, value: string | number[], charset?: string): number[];
  getUuid(): string;
  sleep(milliseconds: number): void;
  newBlob(data: string | number[], contentType?: string, name?: string): FakeBlob;
  base64Encode(data: string | number[], charset?: string): string;
  base64EncodeWebSafe(data: string | number[], charset?: string): string;
  base64Decode(encoded: string): number[];
}

const MAX_SLEEP_MS = 300_000;

function encodingOf(charset: unknown): BufferEncoding {
  if (charset === undefined || charset === CHARSET.UTF_8) return 'utf8';
  if (charset === CHARSET.US_ASCII) return 'ascii';
  throw new AppsScriptException('Invalid argument: charset');
}

function bufferOf(method: string, data: unknown, charset?: unknown): Buffer {
  if (typeof data === 'string') return Buffer.from(data, encodingOf(charset));
  if (Array.isArray(data) && data.every((b) => typeof b === 'number' && Number.isInteger(b))) {
    return Buffer.from(data.map((b: number) => b & 0xff));
  }
  throw signatureMismatch(method, [data]);
}

export function createUtilities(execution: ExecutionState): FakeUtilities {
  const { ctx } = execution;
  // Apps Script byte arrays are Java bytes: signed, -128..127.
  const signedBytes = (buffer: Buffer): number[] => {
    const bytes = new ctx.realm.Array<number>();
    for (const byte of buffer) bytes.push((byte << 24) >> 24);
    return bytes;
  };
  const newBlob = (data: Buffer, initialType: string | null, initialName: string | null): FakeBlob => {
    let contentType = initialType;
    let name = initialName;
    const blob: FakeBlob = {
      getDataAsString(charset) {
        recordCall(ctx, 'Blob.getDataAsString', 'read');
        return data.toString(encodingOf(charset));
      },
      getBytes() {
        recordCall(ctx, 'Blob.getBytes', 'read');
        return signedBytes(data);
      },
      getContentType() {
        recordCall(ctx, 'Blob.getContentType', 'read');
        return contentType;
      },
      setContentType(value) {
        recordCall(ctx, 'Blob.setContentType');
        contentType = value;
        return blob;
      },
      getName() {
        recordCall(ctx, 'Blob.getName', 'read');
        return name;
      },
      setName(value) {
        recordCall(ctx, 'Blob.setName');
        name = value;
        return blob;
      },
    };
    return blob;
  };
  return {
    DigestAlgorithm: DIGEST_ALGORITHM,
    Charset: CHARSET,
    formatDate(date, timeZone, format) {
      recordCall(ctx, 'Utilities.formatDate');
      if (!isDateFromAnyRealm(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
        throw signatureMismatch('Utilities.formatDate', [date, timeZone, format]);
      }
      const time = timeOf(date);
      if (Number.isNaN(time)) throw new AppsScriptException('Invalid argument: date');
      return formatSimpleDate(time, timeZone, format);
    },
    computeDigest(algorithm, value, charset) {
      recordCall(ctx, 'Utilities.computeDigest');
      const nodeName = NODE_DIGEST[algorithm];
      if (nodeName === undefined) throw new AppsScriptException('Invalid argument: algorithm');
      return signedBytes(createHash(nodeName).update(bufferOf('Utilities.computeDigest', value, charset)).digest());
    },
    getUuid() {
      recordCall(ctx, 'Utilities.getUuid');
      return randomUUID();
    },
    sleep(milliseconds) {
      recordCall(ctx, 'Utilities.sleep');
      if (typeof milliseconds !== 'number' || milliseconds < 0 || milliseconds > MAX_SLEEP_MS) {
        throw new AppsScriptException(`Invalid argument: milliseconds (0 to ${MAX_SLEEP_MS})`);
      }
    },
    newBlob(data, contentType, name) {
      recordCall(ctx, 'Utilities.newBlob');
      return newBlob(bufferOf('Utilities.newBlob', data), contentType ?? null, name ?? null);
    },
    base64Encode(data, charset) {
      recordCall(ctx, 'Utilities.base64Encode');
      return bufferOf('Utilities.base64Encode', data, charset).toString('base64');
    },
    base64EncodeWebSafe(data, charset) {
      recordCall(ctx, 'Utilities.base64EncodeWebSafe');
      // Google keeps the padding in the web-safe alphabet.
      return bufferOf('Utilities.base64EncodeWebSafe', data, charset)
        .toString('base64')
        .replace(/\+/g, '-')
        .replace(/\//g, '_');
    },
    base64Decode(encoded) {
      recordCall(ctx, 'Utilities.base64Decode');
      if (typeof encoded !== 'string') throw signatureMismatch('Utilities.base64Decode', [encoded]);
      return signedBytes(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
    },
  };
}
