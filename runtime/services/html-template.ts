/**
 * Compiles an Apps Script HTML template (`<?= ?>` escaped output, `<?!= ?>` raw output,
 * `<? ?>` code) into the source of a function evaluated in the script's realm, so the
 * scriptlets see the script's globals and the variables assigned on the template.
 */
const SCRIPTLET = /<\?(!=|=)?([\s\S]*?)\?>/g;

export function compileTemplateSource(html: string): string {
  const statements: string[] = [];
  let last = 0;
  for (const match of html.matchAll(SCRIPTLET)) {
    const index = match.index ?? 0;
    if (index > last) statements.push(`__out.push(${JSON.stringify(html.slice(last, index))});`);
    const marker = match[1];
    const code = (match[2] ?? '').trim();
    if (marker === '=') statements.push(`__out.push(__escape(${code}));`);
    else if (marker === '!=') statements.push(`__out.push(String(${code}));`);
    else statements.push(code);
    last = index + match[0].length;
  }
  if (last < html.length) statements.push(`__out.push(${JSON.stringify(html.slice(last))});`);
  // `with` makes the template's variables plain identifiers, as in Apps Script (sloppy-mode source).
  return `(function (__scope, __escape) { var __out = []; with (__scope) { ${statements.join('\n')} } return __out.join(''); })`;
}

/** Contextual escaping reduced to HTML text and attribute escaping. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
