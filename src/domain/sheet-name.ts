/**
 * Names of the sheets Parcours generates, valid everywhere the workbook goes: Excel and
 * LibreOffice refuse a sheet name over 31 characters, one holding \ / ? * [ ] : or one starting
 * or ending with an apostrophe (Google Sheets accepts them, then the .xlsx export cuts or breaks).
 */

export const MAX_SHEET_NAME_LENGTH = 31;

const ILLEGAL_CHARACTERS = /[\\/?*[\]:]/g;
/** Control characters (tab, line breaks…), also refused: listed by code so no regex holds them. */
const withoutControls = (text: string): string =>
  Array.from(text, (ch) => (ch.charCodeAt(0) < 32 ? '-' : ch)).join('');

/** A short, stable fingerprint of a text (FNV-1a, base 36): two different texts almost never share it. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(4, '0').slice(-4);
}

/**
 * `prefix part`, where `part` is text a person chose (a funder code): its illegal characters
 * become `-`; when that changed it, or when the name would not fit 31 characters with the
 * numbering reserve, it is cut and followed by `~` and a fingerprint of the original, so two
 * codes never share a sheet and the same code always gets the same one.
 */
export function sheetNameWithPart(prefix: string, part: string): string {
  const room = MAX_SHEET_NAME_LENGTH - prefix.length - 1;
  const safe = withoutControls(part).replace(ILLEGAL_CHARACTERS, '-').replace(/^'+|'+$/g, '').trim();
  if (safe === part && safe.length > 0 && safe.length <= room) return `${prefix} ${safe}`;
  const mark = `~${fingerprint(part)}`;
  return `${prefix} ${safe.slice(0, Math.max(0, room - mark.length)).trimEnd()}${mark}`;
}

/** `base (n)`, cut before the number when it would pass 31 characters. */
export function numberedSheetName(base: string, attempt: number): string {
  if (attempt <= 1) return base;
  const suffix = ` (${attempt})`;
  return `${base.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
}
