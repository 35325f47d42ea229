import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { es2020SyntaxError, inlineScripts } from '../support/es2020-syntax';
import { DIST_DIR } from '../support/built-bundle';

/** What `clasp push` sends parses as ECMAScript 2020: the server file and every page's inline script. */

test('dist/Code.js parses as an ECMAScript 2020 script', () => {
  expect(es2020SyntaxError(readFileSync(join(DIST_DIR, 'Code.js'), 'utf8'))).toBeNull();
});

const pages = readdirSync(DIST_DIR).filter((name) => name.endsWith('.html'));

test.each(pages)('the inline scripts of %s parse as ECMAScript 2020', (page) => {
  const scripts = inlineScripts(readFileSync(join(DIST_DIR, page), 'utf8'));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.map(es2020SyntaxError)).toEqual(scripts.map(() => null));
});

test.each([
  ['logical assignment (ES2021)', 'var a; a ??= 1;'],
  ['numeric separator (ES2021)', 'var n = 1_000;'],
  ['class field (ES2022)', 'class A { x = 1; }'],
  ['private method (ES2022)', 'class A { #m() {} }'],
  ['class static block (ES2022)', 'class A { static { } }'],
])('the check refuses a file with a %s', (_name, source) => {
  expect(es2020SyntaxError(source)).toMatch(/\(\d+:\d+\)/);
});

test.each([
  ['optional chaining', 'var a = {}; a.b?.c;'],
  ['nullish coalescing', 'var a = null ?? 1;'],
  ['BigInt literal', 'var b = 10n;'],
])('the check accepts ES2020 %s', (_name, source) => {
  expect(es2020SyntaxError(source)).toBeNull();
});

test('the check finds an ES2021 construct inside a page script', () => {
  const page = '<html><body><script type="application/json">{"a":1}</script><script>\nvar x = 1_000;</script></body></html>';
  expect(inlineScripts(page)).toHaveLength(1);
  expect(es2020SyntaxError(inlineScripts(page)[0]!)).toMatch(/\(2:/);
});

test('the server bundle is built for ES2020 and the pages for no later edition', () => {
  const build = readFileSync(join(__dirname, '..', '..', 'scripts', 'build.mjs'), 'utf8');
  const targets = [...build.matchAll(/target:\s*'(es\d{4})'/g)].map((m) => Number(m[1]!.slice(2)));
  expect(targets.length).toBeGreaterThanOrEqual(2);
  expect(build).toMatch(/globalName: GLOBAL_NAME,\s*target: 'es2020'/);
  expect(Math.max(...targets)).toBeLessThanOrEqual(2020);
});
