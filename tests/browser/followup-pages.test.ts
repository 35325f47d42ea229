import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type PreviewServer, startPreview } from '../../cli/preview';
import { createSpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { encodeRow } from '../../src/domain/cell-output';
import { mapHeaders } from '../../src/domain/header-map';
import { type RawTables, readWorkbook } from '../../src/domain/read-workbook';
import { SHEET, sheetSpec, WORKBOOK_SCHEMA } from '../../src/domain/workbook-schema';
import { computeDeadlines } from '../../src/followup/deadlines';
import { DIST_DIR } from '../support/built-bundle';
import {
  expectText,
  expectTextContaining,
  launchChromium,
  SCREENSHOT_DIR,
  sheetRecords,
  sheetValues,
} from './browser-support';
import { openWorkbook, spreadsheetOf } from '../followup/workbook-fixture';

/**
 * The follow-up pages end to end: Chromium (French) → google.script.run shim → preview server →
 * the built bundle in the local runtime → the workbook model. « Échéances » on the demo workbook,
 * « Adopter un classeur existant… » on a team's own sheet.
 */
const SCREENSHOTS = SCREENSHOT_DIR;
const XSS = '<img src=x onerror=alert(1)>';
const DEMO_DAY = '2026-11-20';
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** A page of the preview at the size Sheets gives it, once its first server call has answered. */
async function openPage(preview: PreviewServer, name: string, width: number, height: number): Promise<{ page: Page; dialogs: string[] }> {
  const page = await browser.newPage({ viewport: { width, height }, locale: 'fr-FR' });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${preview.url}/${name}`);
  await page.waitForSelector('#page[aria-busy="false"]');
  return { page, dialogs };
}

describe('Échéances (sidebar)', () => {
  let preview: PreviewServer;
  let ids: { candidate: string; trial: string };

  beforeAll(async () => {
    preview = await startPreview({ distDir: DIST_DIR });
    // Two people typed in by hand, with deadlines worked out by hand for the demo's day (20/11/2026).
    const ss = spreadsheetOf(preview.bundle);
    const sheet = ss.getSheetByName(SHEET.participants)!;
    const spec = sheetSpec(SHEET.participants);
    const map = mapHeaders(spec, sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!);
    ids = { candidate: 'P-2026-8801', trial: 'P-2026-8802' };
    const rows = [
      { id: ids.candidate, lastName: XSS, firstName: 'Noé', birthDate: '1991-04-23', sex: 'H', commissionDate: '2026-11-25' },
      { id: ids.trial, lastName: 'Garnier', firstName: 'Inès', birthDate: '1988-09-02', sex: 'F', entryDate: '2026-11-02', trialEnd: '2026-11-27', contractEnd: '2027-05-02' },
    ].map((record) => encodeRow(spec.fields, map, record, 'Europe/Paris'));
    sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, rows[0]!.length).setValues(rows);
  });

  afterAll(async () => {
    await preview?.close();
  });

  test('lists the deadlines with what to do and by when, then writes the sheet and the Journal', async () => {
    const tables: RawTables = {};
    for (const spec of WORKBOOK_SCHEMA) {
      const sheet = spreadsheetOf(preview.bundle).getSheetByName(spec.name);
      if (sheet && spec.name !== SHEET.journal) tables[spec.name] = sheet.getDataRange().getValues();
    }
    const expected = computeDeadlines(readWorkbook(tables, { timeZone: 'Europe/Paris', today: DEMO_DAY }), DEMO_DAY);
    expect(expected.length).toBeGreaterThan(10);

    const { page, dialogs } = await openPage(preview, 'Echeances', 300, 900);
    await expectText(page.locator('#asOf'), `Au 20/11/2026 : ${expected.length} échéance(s).`);
    const lines = page.locator('#list .objective');
    expect(await lines.count()).toBe(expected.length);
    // Every line: kind and date, ID and person, what to do; in the order of the list.
    const texts = await lines.evaluateAll((nodes) => nodes.map((n) => Array.from(n.children, (c) => c.textContent)));
    expect(texts.map((t) => t[1]!.split(' — ')[0])).toEqual(expected.map((d) => d.id));
    for (const t of texts) expect(t[2]).toMatch(/\S/);

    const candidate = texts.find((t) => t[1]!.startsWith(ids.candidate))!;
    expect(candidate).toEqual([
      'Candidature en attente · 25/11/2026',
      `${ids.candidate} — Noé ${XSS}`,
      'Présenter la candidature à la commission du 25/11/2026.',
    ]);
    const trial = texts.filter((t) => t[1]!.startsWith(ids.trial));
    expect(trial).toEqual([["Fin de période d'essai · 27/11/2026", `${ids.trial} — Inès Garnier`, "Faire le bilan de période d'essai avant le 27/11/2026."]]);
    // A late line says so, in red.
    const late = page.locator('#list .objective .error').first();
    await expectText(late, /^.+ · en retard — \d{2}\/\d{2}\/\d{4}$/);
    await expectText(page.locator('#digest'), 'Courriel quotidien désactivé (menu Parcours › Activer le courriel quotidien des échéances).');
    expect(await page.locator('#list img').count()).toBe(0);

    const journalBefore = sheetRecords(preview.model, SHEET.journal).length;
    await page.click('#writeSheet');
    await expectText(page.locator('#status'), `${expected.length} échéance(s) écrite(s) dans la feuille « Échéances ».`);
    const written = sheetValues(preview.model, 'Échéances');
    expect(written[0]).toEqual(['Échéance', 'Type', 'ID', 'Personne', 'À faire', 'En retard', 'Lien']);
    expect(written.slice(1).filter((r) => r.some((v) => v !== ''))).toHaveLength(expected.length);
    const candidateRow = written.find((r) => r[2] === ids.candidate)!;
    expect(candidateRow.slice(0, 6)).toEqual(['2026-11-25', 'Candidature en attente', ids.candidate, `Noé ${XSS}`, 'Présenter la candidature à la commission du 25/11/2026.', '']);
    const journal = sheetRecords(preview.model, SHEET.journal);
    expect(journal).toHaveLength(journalBefore + 1);
    expect(journal.at(-1)).toMatchObject({ Action: 'Échéances', Feuille: 'Échéances', Détail: `${expected.length} échéance(s) listée(s).` });
    await page.screenshot({ path: join(SCREENSHOTS, 'echeances.png') });
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

describe('Adopter un classeur existant (dialog)', () => {
  const TEAM_HEADERS = ['N°', 'Nom de famille', 'Prenom', 'Date naissance', 'Genre', 'Ville', 'Remarques'];
  const TEAM_ROWS = [
    ['A-01', 'Martin', 'Camille', '12/03/1990', 'F', 'Lyon', 'Vient à vélo'],
    ['A-02', 'Bernard', 'Lucas', '05/07/1985', 'H', 'Vénissieux', ''],
    ['', 'Petit', 'Inès', '20/01/1992', 'F', 'Bron', 'Sans numéro'], // no ID yet
  ];
  let preview: PreviewServer;

  beforeAll(async () => {
    const model = createSpreadsheetModel('Suivi de l’équipe');
    const sheet = spreadsheetOf(openWorkbook(model)).getSheets()[0]!;
    sheet.setName('Suivi');
    sheet.getRange(1, 1, TEAM_ROWS.length + 1, TEAM_HEADERS.length).setValues([TEAM_HEADERS, ...TEAM_ROWS]);
    preview = await startPreview({ distDir: DIST_DIR, model, now: new Date(`${DEMO_DAY}T12:00:00Z`) });
  });

  afterAll(async () => {
    await preview?.close();
  });

  const field = (page: Page, header: string) => page.locator(`select[aria-label="Champ pour « ${header} »"]`);

  test('proposes a mapping, takes a correction, refuses a dropped column in French, then adopts', async () => {
    const { page, dialogs } = await openPage(preview, 'Adoption', 720, 560);
    expect(await page.locator('#sheet option').allTextContents()).toEqual(['Suivi']);
    await page.selectOption('#target', 'Participants');
    await page.click('#propose');
    await expectText(page.locator('#rows'), '3 ligne(s) de données : elles restent à leur place.');
    const proposed = await page.locator('#columns tr').evaluateAll((rows) =>
      rows.map((r) => {
        const select = r.querySelector('select')!;
        return [r.children[0]!.textContent, select.options[select.selectedIndex]!.textContent, r.children[2]!.textContent];
      }),
    );
    expect(proposed).toEqual([
      ['N°', 'ID', 'synonyme'],
      ['Nom de famille', 'Nom', 'synonyme'],
      ['Prenom', 'Prénom', 'même nom'],
      ['Date naissance', 'Date de naissance', 'orthographe proche'],
      ['Genre', 'Sexe', 'synonyme'],
      ['Ville', 'Commune', 'synonyme'],
      ['Remarques', '— colonne supplémentaire —', '—'],
    ]);
    await expectTextContaining(page.locator('#missing'), 'Colonnes ajoutées en fin de ligne : QPV,');

    // The coordinator corrects one column: « Remarques » holds the observations.
    await expectTextContaining(page.locator('#missing'), 'Motif de sortie, Statut, Observations.');
    await field(page, 'Remarques').selectOption({ label: 'Observations' });
    await expectTextContaining(page.locator('#missing'), 'Motif de sortie, Statut.');
    await expectText(page.locator('#columns tr').nth(6).locator('td').nth(2), 'choisi par vous');

    // One row has no ID: the option to create it is offered, checked, with its rule in plain words.
    expect(await page.locator('#idFill').isVisible()).toBe(true);
    await expectText(page.locator('#createIdsLabel'), 'Créer un ID Parcours (P-AAAA-NNNN) pour la ligne qui n’en a pas');
    expect(await page.locator('#createIds').isChecked()).toBe(true);
    await expectTextContaining(page.locator('#createIdsHelp'), 'date d’entrée de la ligne, sinon de sa date de commission, sinon l’année en cours');
    // « N° » left as an extra column: the ID column would be added empty, for all three rows.
    await field(page, 'N°').selectOption({ label: '— colonne supplémentaire —' });
    await expectText(page.locator('#createIdsLabel'), 'Créer un ID Parcours (P-AAAA-NNNN) pour les 3 lignes qui n’en ont pas');
    await field(page, 'N°').selectOption({ label: 'ID' });
    await expectText(page.locator('#createIdsLabel'), 'Créer un ID Parcours (P-AAAA-NNNN) pour la ligne qui n’en a pas');
    await screenshot(page, 'adoption');

    // « Ville » given to « Nom » as well: one of the two columns would be lost. Refused, nothing written.
    await field(page, 'Ville').selectOption({ label: 'Nom' });
    const before = sheetValues(preview.model, 'Suivi');
    const sheetsBefore = preview.model.sheets.map((s) => s.name);
    await page.click('#adopt');
    await expectText(
      page.locator('#status'),
      '« Nom » est choisi pour deux colonnes (« Nom de famille » et « Ville ») : une seule colonne peut le recevoir, laissez l’autre en colonne supplémentaire.',
    );
    expect(await page.locator('#status').getAttribute('class')).toBe('status error');
    expect(sheetValues(preview.model, 'Suivi')).toEqual(before);
    expect(preview.model.sheets.map((s) => s.name)).toEqual(sheetsBefore);

    await field(page, 'Ville').selectOption({ label: 'Commune' });
    // The coordinator prefers to number that row by hand: unchecked, no ID is created.
    await page.uncheck('#createIds');
    await page.click('#adopt');
    await expectTextContaining(page.locator('#status'), '« Suivi » adoptée comme « Participants ». Colonnes renommées : « N° » → « ID »');
    await expectTextContaining(page.locator('#status'), '« Remarques » → « Observations »');
    await expectTextContaining(page.locator('#status'), 'Aucune valeur n’a été déplacée.');
    // The long list of what the configuration added is folded under « Détail », not in the status line.
    expect(await page.locator('#status').textContent()).not.toContain('Configuration');
    expect(await page.locator('#statusDetail').isVisible()).toBe(true);
    await expectTextContaining(page.locator('#statusDetailText'), 'Configuration : Feuille « Présences » créée');
    expect(await page.locator('#adopt').isDisabled()).toBe(true);
    // Choosing another target hides the proposal made for the first one.
    await page.selectOption('#target', 'Présences');
    expect(await page.locator('#proposal').isHidden()).toBe(true);

    const table = sheetValues(preview.model, 'Participants');
    expect(table[0]!.slice(0, 7)).toEqual(['ID', 'Nom', 'Prénom', 'Date de naissance', 'Sexe', 'Commune', 'Observations']);
    // Every value where it was (the birth dates were read as dates when typed).
    expect(table.slice(1, 3).map((r) => r.slice(0, 7))).toEqual(before.slice(1, 3).map((r) => r.slice(0, 7)));
    expect(table[1]!.slice(0, 7)).toEqual(['A-01', 'Martin', 'Camille', '1990-03-12', 'F', 'Lyon', 'Vient à vélo']);
    expect(table[3]!.slice(0, 7)).toEqual(['', 'Petit', 'Inès', '1992-01-20', 'F', 'Bron', 'Sans numéro']);
    expect(await page.locator('#status').textContent()).not.toContain('ID Parcours créé');
    const journal = sheetRecords(preview.model, SHEET.journal);
    expect(journal.map((r) => r.Action)).toContain('Adoption d’une feuille existante');
    expect(journal.map((r) => r.Action)).not.toContain('Création des ID manquants');
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

/**
 * The whole page: the viewport is grown to the content for the shot (a full-page capture would
 * leave the sticky button bar over the last lines), then put back.
 */
async function screenshot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  await page.setViewportSize(size);
}
