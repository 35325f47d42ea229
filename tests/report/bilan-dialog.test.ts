import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createScriptRunBridge } from '../../runtime/script-run-bridge';
import { launchChromium, SCREENSHOT_DIR } from '../browser/browser-support';
import { DIST_DIR } from '../support/built-bundle';
import { fixtureBundle, spreadsheetOf } from './report-fixture';

/** google.script.run in the page, answered by the built bundle through the script-run bridge. */
const GOOGLE_STUB = `
  window.google = { script: { host: { close() { window.__closed = true; } }, run: (function make(ok, fail) {
    return new Proxy({}, { get(_t, name) {
      if (name === 'withSuccessHandler') return (h) => make(h, fail);
      if (name === 'withFailureHandler') return (h) => make(ok, h);
      return (...args) => { window.__serverCall(name, JSON.parse(JSON.stringify(args))).then(
        (r) => { if (r && r.__error) { if (fail) fail(new Error(r.__error)); } else if (ok) ok(r); }); };
    } });
  })(null, null) } };`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function openDialog(bundle: ReturnType<typeof fixtureBundle>): Promise<{ page: Page; calls: string[] }> {
  const bridge = createScriptRunBridge(bundle);
  const calls: string[] = [];
  const page = await browser.newPage({ viewport: { width: 440, height: 400 }, locale: 'fr-FR' });
  await page.exposeFunction('__serverCall', (name: string, args: unknown[]) => {
    calls.push(name);
    try {
      return bridge.run(name, args);
    } catch (error) {
      return { __error: (error as Error).message };
    }
  });
  const html = readFileSync(join(DIST_DIR, 'Bilan.html'), 'utf8');
  // The stub must exist before the page's own script runs.
  await page.setContent(html.replace('<head>', `<head><script>${GOOGLE_STUB}</script>`));
  await page.waitForSelector('#form[aria-busy="false"]');
  return { page, calls };
}

describe('the Bilan dialog page', () => {
  it('generates the summary for the chosen quarter and funder and says where it is', async () => {
    const bundle = fixtureBundle();
    const { page } = await openDialog(bundle);
    expect(await page.locator('#period').inputValue()).toBe('2026-T3');
    await page.selectOption('#funder', 'CD');
    await page.click('#generate');
    await page.waitForSelector('#status.success');
    expect(await page.textContent('#status')).toBe('Bilan écrit dans la feuille « Bilan 2026-T3 CD ».');
    // The dialog as the README shows it: the chosen quarter and funder, and where the summary went.
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'bilan.png'), fullPage: true });
    expect(spreadsheetOf(bundle).getSheetByName('Bilan 2026-T3 CD')).not.toBeNull();
    await page.close();
  }, 60_000);

  it('checks two dates before asking the server, then sends them as a range', async () => {
    const bundle = fixtureBundle();
    const { page, calls } = await openDialog(bundle);
    await page.check('#modeRange');
    await page.fill('#start', '2026-09-30');
    await page.fill('#end', '2026-07-01');
    await page.click('#generate');
    expect(await page.textContent('#status.error')).toBe('La date de fin doit être le même jour ou après la date de début.');
    expect(calls).toEqual(['summaryDialogChoices']);
    await page.fill('#start', '2026-07-01');
    await page.fill('#end', '2026-09-30');
    await page.click('#generate');
    await page.waitForSelector('#status.success');
    expect(await page.textContent('#status')).toContain('« Bilan 2026-07 à 2026-09 »');
    await page.close();
  }, 60_000);

  it('shows the workbook’s problem in French and keeps the button disabled', async () => {
    const bundle = fixtureBundle();
    const ss = spreadsheetOf(bundle);
    // A Financeurs sheet whose Code header was overwritten: unreadable (an absent one is only a data issue).
    ss.getSheetByName('Financeurs')!.getRange(1, 1).setValue('Sigle');
    const { page } = await openDialog(bundle);
    expect(await page.textContent('#status.error')).toContain('Colonne « Code » introuvable dans la feuille « Financeurs »');
    expect(await page.isDisabled('#generate')).toBe(true);
    await page.close();
  }, 60_000);
});
