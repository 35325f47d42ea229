import type { Browser } from 'playwright-core';
import { type PreviewServer, startPreview } from '../../cli/preview';
import { SHEET } from '../../src/domain/workbook-schema';
import { DIST_DIR } from '../support/built-bundle';
import { expectText, launchChromium, sheetRecords, sidebarScreenshot } from './browser-support';

/** « Diagnostic » in Chromium: the report a maintainer reads after the first `clasp push`. */
let browser: Browser;
let preview: PreviewServer;

beforeAll(async () => {
  browser = await launchChromium();
  preview = await startPreview({ distDir: DIST_DIR });
});

afterAll(async () => {
  await preview?.close();
  await browser?.close();
});

test('runs on open and lists every rule, each confirmed in the local runtime', async () => {
  const journal = sheetRecords(preview.bundle.runtime.model, SHEET.journal).length;
  const page = await browser.newPage({ viewport: { width: 720, height: 560 }, locale: 'fr-FR' });
  await page.goto(`${preview.url}/Diagnostic`);
  await page.waitForSelector('#page[aria-busy="false"]');
  await expectText(page.locator('#summary'), 'Aucune règle contredite (fuseau Europe/Paris, paramètres régionaux fr_FR).');
  const verdicts = await page.locator('#list .objective > :first-child').allTextContents();
  expect(verdicts.length).toBeGreaterThanOrEqual(7);
  expect(new Set(verdicts)).toEqual(new Set(['Confirmée']));
  expect(sheetRecords(preview.bundle.runtime.model, SHEET.journal)).toHaveLength(journal + 1);
  await sidebarScreenshot(page, 'diagnostic', 'page');
  await page.close();
});
