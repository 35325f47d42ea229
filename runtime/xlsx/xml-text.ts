/**
 * Just enough XML for the parts of an .xlsx package: elements found by name with indexOf, their
 * attributes, their text with entities decoded. The parts are machine-written, so no DTD, no
 * comments inside elements; a namespace prefix on element names (`x:c`) is accepted.
 */

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g;
/** Excel escapes control characters in text as `_xHHHH_`. */
const EXCEL_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

function entity(_: string, name: string): string {
  switch (name) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
    default:
      return String.fromCodePoint(name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)));
  }
}

/** Text content or attribute value → the string it stands for. */
export function decodeXml(text: string): string {
  let out = text.indexOf('&') < 0 ? text : text.replace(ENTITY, entity);
  if (out.indexOf('_x') >= 0) out = out.replace(EXCEL_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return out;
}

/** A string as an XML attribute value (between double quotes). */
export function escapeXmlAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** The attributes of an opening tag's text (`<c r="A1" t="s">` or just `r="A1" t="s"`). */
export function attributesOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m !== null; m = ATTRIBUTE.exec(tag)) {
    const raw = m[3] ?? m[4] ?? '';
    out[localName(m[1]!)] = raw.indexOf('&') < 0 ? raw : decodeXml(raw);
  }
  return out;
}

/** `x:c` → `c`, `r:id` → `id`. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export interface XmlElement {
  attributes: Record<string, string>;
  /** What lies between the opening and closing tags ('' for `<x/>`). */
  inner: string;
  /** Index just after the element in the searched text. */
  end: number;
}

/** The prefix the document uses for its elements (`x:` in `<x:worksheet …>`), '' for none. */
export function elementPrefix(xml: string, rootName: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${rootName}[\\s>/]`).exec(xml);
  return m?.[1] ?? '';
}

/** Each `<name …>…</name>` (or `<name/>`) of `xml` between `from` and `to`, in order, not nested in itself. */
export function* elements(xml: string, name: string, from = 0, to = xml.length): Generator<XmlElement> {
  const open = `<${name}`;
  const close = `</${name}>`;
  let at = xml.indexOf(open, from);
  while (at >= 0 && at < to) {
    const next = xml.charCodeAt(at + open.length);
    // `<c` must not match `<cols`: the name ends with a space, `>` or `/`.
    if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
      at = xml.indexOf(open, at + open.length);
      continue;
    }
    const tagEnd = xml.indexOf('>', at);
    if (tagEnd < 0) return;
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
    const attributes = attributesOf(xml.slice(at + open.length, selfClosing ? tagEnd - 1 : tagEnd));
    if (selfClosing) {
      yield { attributes, inner: '', end: tagEnd + 1 };
      at = xml.indexOf(open, tagEnd + 1);
      continue;
    }
    const closeAt = xml.indexOf(close, tagEnd + 1);
    const end = closeAt < 0 ? to : closeAt + close.length;
    yield { attributes, inner: xml.slice(tagEnd + 1, closeAt < 0 ? to : closeAt), end };
    at = xml.indexOf(open, end);
  }
}

/** The first such element, or null. */
export function firstElement(xml: string, name: string, from = 0, to = xml.length): XmlElement | null {
  for (const element of elements(xml, name, from, to)) return element;
  return null;
}

/**
 * The text of a string item (`<si>`, `<is>`, a comment's `<text>`): its `<t>` runs joined, the
 * phonetic runs (`<rPh>`) left out.
 */
export function runText(xml: string, prefix = ''): string {
  const phonetic = xml.indexOf(`<${prefix}rPh`);
  const source = phonetic < 0 ? xml : xml.replace(new RegExp(`<${prefix}rPh[\\s>][\\s\\S]*?</${prefix}rPh>`, 'g'), '');
  let out = '';
  for (const t of elements(source, `${prefix}t`)) out += decodeXml(t.inner);
  return out;
}
