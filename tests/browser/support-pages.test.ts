import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { type PreviewServer, startPreview } from '../../cli/preview';
import { type FormContext, parcoursLabel } from '../../src/forms/form-context';
import { DIST_DIR } from '../support/built-bundle';
import { eventually, expectText, expectTextContaining, launchChromium, openSidebar, SCREENSHOT_DIR, sheetRecords, sidebarScreenshot } from './browser-support';

/**
 * « Accompagnement… » and « Fiche de parcours… » end to end: Chromium → google.script.run shim →
 * preview server → the built bundle in the local runtime → the demo workbook.
 */
let preview: PreviewServer;
let browser: Browser;
let context: FormContext;
const LONG = 'P-2025-0040';

beforeAll(async () => {
  preview = await startPreview({ distDir: DIST_DIR });
  browser = await launchChromium();
  const answer = preview.bundle.call<{ ok: true; context: FormContext }>('getFormContext');
  context = JSON.parse(JSON.stringify(answer.context)) as FormContext;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

const open = (name: string) => openSidebar(browser, preview.url, name);
const supportRows = () => sheetRecords(preview.model, 'Accompagnement');
const errorFor = (page: Page, key: string) => page.locator(`[data-error-for="${key}"]`);
const status = (page: Page) => page.locator('#status');

const screenshot = sidebarScreenshot;

/** What has the focus: its id, else its text. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id || (document.activeElement?.textContent ?? ''));
async function tabTo(page: Page, target: string): Promise<void> {
  for (let i = 0; i < 60 && (await focused(page)) !== target; i++) await page.keyboard.press('Tab');
  expect(await focused(page)).toBe(target);
}

describe('Accompagnement', () => {
  test('shows the barriers and last actions, refuses in French without writing, then saves one action', async () => {
    const before = supportRows().length;
    const { page } = await open('Support');
    await page.selectOption('#id', LONG);
    await expectTextContaining(page.locator('#barrierList'), 'Logement : En cours');
    await expectTextContaining(page.locator('#barrierList'), 'Mobilité : Levé');
    expect(await page.locator('#actionList li').count()).toBe(8);
    await expectTextContaining(page.locator('#comment ~ .hint'), '« Santé » est une catégorie de frein, jamais un diagnostic');
    await page.selectOption('#action', 'Formation');
    await page.fill('#hours', '500');
    await page.selectOption('#barrierState', 'Levé');
    await page.click('button[type=submit]');
    await expectText(errorFor(page, 'hours'), 'Heures hors limites : plus de 0 et au plus 400, ou laissez vide.');
    await expectText(errorFor(page, 'barrierState'), 'Un état sans frein : choisissez le frein concerné, ou videz l’état.');
    expect(supportRows()).toHaveLength(before);
    await page.fill('#hours', '14');
    await page.selectOption('#barrier', 'Logement');
    await page.fill('#partner', 'Organisme de formation');
    await page.fill('#comment', '<img src=x onerror=alert(1)>');
    await screenshot(page, 'accompagnement');
    await page.click('button[type=submit]');
    await expectText(status(page), /^Action enregistrée pour P-2025-0040 \(ligne \d+ de la feuille Accompagnement\)\.$/);
    expect(supportRows()).toHaveLength(before + 1);
    expect(supportRows()[before]).toMatchObject({ ID: LONG, Action: 'Formation', Heures: 14, Frein: 'Logement', 'État du frein': 'Levé', Commentaire: '<img src=x onerror=alert(1)>' });
    await eventually(async () => expect(await page.locator('#barrierList').textContent()).toContain('Logement : Levé'));
    await page.close();
  });

  test('with the keyboard only', async () => {
    const before = supportRows().length;
    const { page } = await open('Support');
    const offered = [...context.parcours]
      .filter((p) => p.commissionDate !== null || p.entryDate !== null)
      .sort((a, b) => parcoursLabel(a).localeCompare(parcoursLabel(b), 'fr'));
    // The first one still running (today is inside its parcours), reached with the arrow keys.
    const index = offered.findIndex((p) => p.entryDate !== null && p.exitDate === null);
    const first = offered[index]!;
    await tabTo(page, 'id');
    for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
    await tabTo(page, 'action');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'Enregistrer');
    await page.keyboard.press('Enter');
    await expectText(status(page), new RegExp(`^Action enregistrée pour ${first.id} `));
    expect(supportRows()[before]).toMatchObject({ ID: first.id, Action: 'Entretien individuel', Date: context.today });
    await page.close();
  });
});

describe('Fiche de parcours', () => {
  test('writes the fiche of the participant chosen, and says it is nominative', async () => {
    const { page } = await open('Fiche');
    await expectTextContaining(page.locator('.notice'), 'nominative');
    await page.selectOption('#id', LONG);
    await screenshot(page, 'fiche');
    await page.click('button[type=submit]');
    await expectText(status(page), /^Fiche écrite dans la feuille « Fiche P-2025-0040 »\./);
    expect(preview.model.sheets.map((s) => s.name)).toContain(`Fiche ${LONG}`);
    await page.close();
  });

  test('with the keyboard only, and again: the fiche is replaced', async () => {
    const { page } = await open('Fiche');
    await page.selectOption('#id', LONG);
    await tabTo(page, 'Générer la fiche');
    await page.keyboard.press('Enter');
    await expectText(status(page), /^Fiche remplacée dans la feuille « Fiche P-2025-0040 »\./);
    expect(preview.model.sheets.filter((s) => s.name.startsWith(`Fiche ${LONG}`))).toHaveLength(1);
    await page.close();
  });
});
