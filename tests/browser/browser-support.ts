import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { dayInZone } from '../../src/domain/calendar-day';
import { cellRows } from '../../runtime/spreadsheet/sheet-grid';
import type { SpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { chromiumBuild } from './chromium-build';

/**
 * Chromium headless, with nothing that reaches the network, in French: date inputs follow the
 * browser's UI language (`--lang`), so they take jj/mm/aaaa in the order a French coordinator types.
 */
export function launchChromium(): Promise<Browser> {
  const build = chromiumBuild();
  return chromium.launch({
    executablePath: build.executablePath,
    headless: true,
    env: { ...process.env, LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr', ...build.env },
    args: [
      '--lang=fr-FR',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Opens a sidebar of the preview server at the width Sheets gives sidebars, once its context has loaded. */
export async function openSidebar(browser: Browser, url: string, page: string): Promise<{ page: Page; dialogs: string[] }> {
  const tab = await browser.newPage({ viewport: { width: 300, height: 900 }, locale: 'fr-FR' });
  const dialogs: string[] = [];
  tab.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await tab.goto(`${url}/${page}`);
  await tab.waitForSelector('#form:not([aria-busy])');
  return { page: tab, dialogs };
}

/** Cell values of a sheet of the model, dates as ISO days, header row first. */
export function sheetValues(model: SpreadsheetModel, name: string): (string | number | boolean)[][] {
  const sheet = model.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`Feuille ${name} absente`);
  return cellRows(sheet).map((row) =>
    Array.from(row, (cell) => {
      const v = cell?.value ?? '';
      return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]' ? dayInZone(v as Date, 'Europe/Paris') : v;
    }),
  );
}

/** The rows of a sheet as objects keyed by header, trailing blank rows dropped. */
export function sheetRecords(model: SpreadsheetModel, name: string): Record<string, string | number | boolean>[] {
  const [header = [], ...rows] = sheetValues(model, name);
  return rows
    .filter((row) => row.some((v) => v !== ''))
    .map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? ''])));
}

export function formulaCells(model: SpreadsheetModel, name: string): string[] {
  const sheet = model.sheets.find((s) => s.name === name)!;
  return cellRows(sheet).flatMap((row) => Array.from(row, (c) => c?.formula ?? '').filter((f) => f !== ''));
}

/** Retries `assertion` until it passes (the page updates asynchronously) or 5 s have passed. */
export async function eventually(assertion: () => Promise<void> | void, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** The locator's text equals `expected` (string), or matches it (RegExp), soon. */
export function expectText(locator: Locator, expected: string | RegExp): Promise<void> {
  return eventually(async () => {
    const text = (await locator.textContent()) ?? '';
    if (typeof expected === 'string') expect(text).toBe(expected);
    else expect(text).toMatch(expected);
  });
}

export function expectTextContaining(locator: Locator, part: string): Promise<void> {
  return eventually(async () => expect((await locator.textContent()) ?? '').toContain(part));
}

export function expectValue(locator: Locator, expected: string): Promise<void> {
  return eventually(async () => expect(await locator.inputValue()).toBe(expected));
}

/**
 * Where the tests save their screenshots: docs/screenshots/ when asked (`npm run screenshots`),
 * else a temporary folder, so that `npm test` never rewrites tracked files.
 */
export const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS
  ? join(__dirname, '..', '..', 'docs', 'screenshots')
  : mkdtempSync(join(tmpdir(), 'parcours-screenshots-'));

/**
 * The whole sidebar into SCREENSHOT_DIR: the viewport is first made as tall as the form, so that
 * the sticky buttons sit after the last field instead of over the middle of a full-page capture.
 */
export async function sidebarScreenshot(page: Page, name: string, contentId = 'form'): Promise<void> {
  const viewport = page.viewportSize()!;
  const height = await page.evaluate((id) => Math.ceil(document.getElementById(id)!.getBoundingClientRect().bottom), contentId);
  await page.setViewportSize({ width: viewport.width, height });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  await page.setViewportSize(viewport);
}
