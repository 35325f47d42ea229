import { parse } from 'acorn';

/**
 * Apps Script's V8 runtime rejects syntax newer than what it supports, and Node (which runs our
 * tests) accepts it: a green suite proves nothing about the pushed file. acorn is a real
 * ECMAScript parser that can be held to one edition; ES2020 is what the server bundle is built for.
 */
export const PUSHED_ECMA_VERSION = 2020;

/** The parse error of `source` as an ES2020 script (with its line and column), or null. */
export function es2020SyntaxError(source: string): string | null {
  try {
    parse(source, { ecmaVersion: PUSHED_ECMA_VERSION, sourceType: 'script', locations: true });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The code of each inline `<script>` of an HTML page (scripts with `src` or a data type are not code). */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = match[1] ?? '';
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type !== undefined && type !== 'text/javascript' && type !== 'module') continue;
    scripts.push(match[2] ?? '');
  }
  return scripts;
}
