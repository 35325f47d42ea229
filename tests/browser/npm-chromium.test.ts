import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { SCREENSHOT_DIR } from './browser-support';
import { type ChromiumBuild, chromiumBuild } from './chromium-build';

/**
 * The Chromium that `npm install` brings, used on a machine without Debian's: it must start with
 * no system library but glibc's, and take a date typed jj/mm/aaaa as a French coordinator types it.
 * Run on every machine, so the fallback is proven here too, not only on a fresh one.
 */
let build: ChromiumBuild;
let browser: Browser;

beforeAll(async () => {
  const previous = process.env.PARCOURS_TEST_CHROMIUM;
  process.env.PARCOURS_TEST_CHROMIUM = 'npm';
  try {
    build = chromiumBuild();
  } finally {
    if (previous === undefined) delete process.env.PARCOURS_TEST_CHROMIUM;
    else process.env.PARCOURS_TEST_CHROMIUM = previous;
  }
  browser = await chromium.launch({
    executablePath: build.executablePath,
    headless: true,
    env: { ...process.env, LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr', ...build.env },
    args: ['--lang=fr-FR', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
});

test('the npm Chromium is unpacked from the package, not taken from the system', () => {
  expect(build.origin).toBe('npm');
  expect(build.executablePath).toMatch(/node_modules[\\/]\.cache[\\/]parcours-chromium[\\/][\d.]+[\\/]chromium$/);
  expect(build.env.LD_LIBRARY_PATH).toContain('al2023');
});

test('a date typed day first is read day first, and the page speaks French', async () => {
  const page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 300, height: 80 } });
  await page.setContent('<label>Date de naissance <input id="d" type="date"></label><p id="l"></p>');
  await page.focus('#d');
  await page.keyboard.type('07031985');
  expect(await page.inputValue('#d')).toBe('1985-03-07');
  const language = await page.evaluate(() => [navigator.language, new Intl.DateTimeFormat().resolvedOptions().locale]);
  expect(language).toEqual(['fr-FR', 'fr-FR']);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'npm-chromium-date.png') });
  await page.close();
});
