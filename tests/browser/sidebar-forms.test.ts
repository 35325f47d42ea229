import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { type PreviewServer, startPreview } from '../../cli/preview';
import { cellRow, putCell, usedRowCount } from '../../runtime/spreadsheet/sheet-grid';
import { type FormContext, parcoursLabel } from '../../src/forms/form-context';
import { DIST_DIR } from '../support/built-bundle';
import {
  eventually,
  expectText,
  expectTextContaining,
  expectValue,
  formulaCells,
  launchChromium,
  openSidebar,
  SCREENSHOT_DIR,
  sheetRecords,
  sidebarScreenshot,
} from './browser-support';

/**
 * Every sidebar, end to end: Chromium → google.script.run shim → preview server → the built
 * bundle in the local runtime → the workbook model. One browser for the whole suite.
 */
const SCREENSHOTS = SCREENSHOT_DIR;
const XSS = '<img src=x onerror=alert(1)>';
let preview: PreviewServer;
let browser: Browser;
let context: FormContext;

beforeAll(async () => {
  preview = await startPreview({ distDir: DIST_DIR });
  browser = await launchChromium();
  const answer = preview.bundle.call<{ ok: true; context: FormContext }>('getFormContext');
  context = JSON.parse(JSON.stringify(answer.context)) as FormContext;
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

const open = (name: string) => openSidebar(browser, preview.url, name);
const participants = () => sheetRecords(preview.model, 'Participants');
const journal = () => sheetRecords(preview.model, 'Journal');
const errorFor = (page: Page, key: string) => page.locator(`[data-error-for="${key}"]`);
const status = (page: Page) => page.locator('#status');

async function fillAdmission(page: Page, lastName: string, firstName: string): Promise<void> {
  await page.fill('#lastName', lastName);
  await page.fill('#firstName', firstName);
  await page.fill('#birthDate', '1991-04-23');
  await page.selectOption('#sex', 'H');
}

const screenshot = sidebarScreenshot;

describe('Nouvelle admission', () => {
  test('refuses an empty form beside each required field and writes nothing', async () => {
    const before = participants().length;
    const { page } = await open('Admission');
    await page.fill('#weeklyHours', '50');
    await page.click('button[type=submit]');
    await expectText(errorFor(page, 'lastName'), 'Nom manquant : écrivez le nom de famille.');
    await expectText(errorFor(page, 'firstName'), 'Prénom manquant : écrivez le prénom.');
    await expectText(errorFor(page, 'birthDate'), 'Date de naissance manquante.');
    await expectText(errorFor(page, 'sex'), 'Sexe manquant : choisissez F ou H.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lastName');
    await fillAdmission(page, 'Durand', 'Louis');
    await page.fill('#birthDate', '2015-01-01');
    await page.fill('#entryDate', '2026-11-16');
    await page.click('button[type=submit]');
    await expectText(errorFor(page, 'birthDate'), 
      "Âge de 11 ans à la date d'entrée : l'âge doit être de 16 à 99 ans. Vérifiez la date de naissance.",
    );
    await expectText(errorFor(page, 'weeklyHours'), 'Heures hebdo : écrivez un nombre entre 9 et 35.');
    expect(participants()).toHaveLength(before);
    await screenshot(page, 'admission-refus');
    await page.close();
  });

  test('saves a direct entry with defaults from Paramètres, a name shown as text and a formula kept as text', async () => {
    const before = participants().length;
    const journalBefore = journal().length;
    const { page, dialogs } = await open('Admission');
    await fillAdmission(page, XSS, 'Noé');
    await page.fill('#commune', '=HYPERLINK("http://exemple.invalid")');
    await page.selectOption('#workshop', context.workshops[0]!.name);
    await page.check(`input[name=funders][value="${context.funders[0]!.code}"]`);
    await page.fill('#entryDate', '2026-11-16');
    await page.locator('#entryDate').dispatchEvent('change');
    await expectValue(page.locator('#trialEnd'), '2026-12-16');
    await expectValue(page.locator('#contractEnd'), '2027-05-16');
    await screenshot(page, 'admission');
    await page.click('button[type=submit]');
    await expectText(status(page), /^Parcours P-2026-\d{4} enregistré \(Période d'essai\), ligne \d+\.$/);
    const rows = participants();
    expect(rows).toHaveLength(before + 1);
    const saved = rows[rows.length - 1]!;
    expect(saved).toMatchObject({
      Nom: XSS,
      Prénom: 'Noé',
      'Date de naissance': '1991-04-23',
      Sexe: 'H',
      Commune: '=HYPERLINK("http://exemple.invalid")',
      Atelier: context.workshops[0]!.name,
      Financeurs: context.funders[0]!.code,
      "Date d'entrée": '2026-11-16',
      "Fin de période d'essai": '2026-12-16',
      'Fin de contrat': '2027-05-16',
      'Heures hebdo prévues': 9,
      Statut: "Période d'essai",
    });
    expect(formulaCells(preview.model, 'Participants')).toEqual([]);
    expect(journal()).toHaveLength(journalBefore + 1);
    expect(journal()[journalBefore]).toMatchObject({ Action: 'Nouvelle admission', Feuille: 'Participants', ID: saved.ID });

    // The same person again: shown as text, and saving needs the confirmation.
    await fillAdmission(page, '<IMG src=x onerror=alert(1)>', 'noe');
    await page.locator('#birthDate').dispatchEvent('change');
    await eventually(async () =>
      expect(await page.locator('#duplicateList li').allTextContents()).toEqual([
        `${XSS.toUpperCase()} Noé (${saved.ID}) — Période d'essai`,
      ]),
    );
    await page.click('button[type=submit]');
    await expectTextContaining(errorFor(page, 'confirmDuplicate'), `Cette personne a déjà un parcours : ${saved.ID}`);
    expect(participants()).toHaveLength(before + 1);
    await screenshot(page, 'admission-doublon');
    await page.check('#confirmDuplicate');
    await page.click('button[type=submit]');
    await expectText(status(page), /^Parcours P-2026-\d{4} enregistré/);
    expect(participants()).toHaveLength(before + 2);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  test('two coordinators saving at the same moment get two distinct IDs and both rows', async () => {
    const before = participants().length;
    const a = await open('Admission');
    const b = await open('Admission');
    await fillAdmission(a.page, 'Bernard', 'Inès');
    await fillAdmission(b.page, 'Petit', 'Jules');
    await Promise.all([a.page.click('button[type=submit]'), b.page.click('button[type=submit]')]);
    await expectText(status(a.page), /enregistré \(Candidat\)/);
    await expectText(status(b.page), /enregistré \(Candidat\)/);
    const rows = participants().slice(before);
    expect(rows.map((r) => r.Nom).sort()).toEqual(['Bernard', 'Petit']);
    expect(new Set(rows.map((r) => r.ID)).size).toBe(2);
    await a.page.close();
    await b.page.close();
  });
});

test('Nouvelle admission with the keyboard only: the refusal focuses the first field in error, described by its message', async () => {
  const before = participants().length;
  const { page } = await open('Admission');
  /** What has the focus: its id, else `name=value`, else its text. */
  const focused = () =>
    page.evaluate(() => {
      const e = document.activeElement as HTMLInputElement | null;
      return e?.id || (e?.name ? `${e.name}=${e.value}` : (e?.textContent ?? ''));
    });
  const tabTo = async (target: string) => {
    for (let i = 0; i < 80 && (await focused()) !== target; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(target);
  };
  await tabTo('lastName');
  await page.keyboard.type('Garnier');
  await page.keyboard.press('Enter');
  await eventually(async () => expect(await focused()).toBe('firstName'));
  const announced = await page.evaluate(() => {
    const e = document.activeElement!;
    const ids = (e.getAttribute('aria-describedby') ?? '').split(' ');
    return { invalid: e.getAttribute('aria-invalid'), description: ids.map((id) => document.getElementById(id)?.textContent).join(' ') };
  });
  expect(announced).toEqual({ invalid: 'true', description: 'Prénom manquant : écrivez le prénom.' });
  await expectText(status(page), 'Non enregistré : 3 champs à corriger.');
  expect(await page.locator('[data-error-for="_form"]').getAttribute('role')).toBe('alert');
  await page.keyboard.type('Léon');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('birthDate');
  await page.keyboard.type('07031985'); // jj/mm/aaaa, as a French coordinator types it
  await tabTo('sex');
  await page.keyboard.type('H');
  await tabTo(`funders=${context.funders[0]!.code}`);
  await page.keyboard.press('Space');
  await tabTo('Enregistrer');
  await page.keyboard.press('Enter');
  await expectText(status(page), /^Parcours P-2026-\d{4} enregistré \(Candidat\), ligne \d+\.$/);
  expect(participants()).toHaveLength(before + 1);
  expect(participants()[before]).toMatchObject({
    Nom: 'Garnier',
    Prénom: 'Léon',
    'Date de naissance': '1985-03-07',
    Sexe: 'H',
    Financeurs: context.funders[0]!.code,
  });
  await page.close();
});

test('Admettre un candidat: sets the entry date and the dates that follow from it', async () => {
  const candidate = context.parcours.find((p) => p.entryDate === null && p.exitDate === null)!;
  const { page } = await open('AdmitCandidate');
  await screenshot(page, 'admettre-candidat');
  await page.selectOption('#id', candidate.id);
  await page.click('button[type=submit]');
  await expectText(errorFor(page, 'entryDate'), "Date d'entrée manquante.");
  await page.fill('#entryDate', '2026-11-23');
  await page.click('button[type=submit]');
  await expectText(status(page), new RegExp(`^${candidate.id} admis`));
  await expectText(
    status(page),
    new RegExp(`^${candidate.id} admis\\(e\\) \\(${candidate.firstName} ${candidate.lastName}\\) : entrée le 23/11/2026, ligne \\d+ mise à jour\\.$`),
  );
  const row = participants().find((r) => r.ID === candidate.id)!;
  expect(row).toMatchObject({ "Date d'entrée": '2026-11-23', "Fin de période d'essai": '2026-12-23', 'Fin de contrat': '2027-05-23' });
  await page.close();
});

test('Saisir les présences: writes a whole session, then edits it in place', async () => {
  const workshop = context.workshops.find((w) => w.active && context.parcours.some((p) => p.workshop === w.name && p.entryDate !== null && p.entryDate <= '2026-11-15' && p.exitDate === null))!;
  const day = '2026-11-15';
  const before = sheetRecords(preview.model, 'Présences').length;
  const { page } = await open('Attendance');
  await page.selectOption('#workshop', workshop.name);
  await page.fill('#date', day);
  await page.locator('#date').dispatchEvent('change');
  await expectTextContaining(page.locator('#sessionInfo'), 'Nouvelle séance du 15/11/2026');
  const listed = await page.locator('#rows tr[data-id]').count();
  expect(listed).toBeGreaterThan(1);
  // Listed by name, as a roll call, whatever the order of the IDs.
  const expectedOrder = context.parcours
    .filter((p) => p.workshop === workshop.name && p.entryDate !== null && p.entryDate <= day && (p.exitDate === null || p.exitDate >= day))
    .sort((a, b) => parcoursLabel(a).localeCompare(parcoursLabel(b), 'fr'))
    .map((p) => p.id);
  const shownIds = await page.locator('#rows tr[data-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
  expect(shownIds).toEqual(expectedOrder);
  // The session's hours are offered only where they count: not for an absence.
  const hoursHint = String(workshop.sessionHours).replace('.', ',');
  expect(await page.getAttribute('[name="rows.0.hours"]', 'placeholder')).toBe(hoursHint);
  await page.selectOption('[name="rows.0.status"]', 'Absent justifié');
  expect(await page.getAttribute('[name="rows.0.hours"]', 'placeholder')).toBe('');
  expect(await page.getAttribute('[name="rows.1.hours"]', 'placeholder')).toBe(hoursHint);
  await page.fill('[name="rows.1.hours"]', '20');
  await page.click('button[type=submit]');
  await expectText(errorFor(page, 'rows.1.hours'), 'Heures : un nombre plus grand que 0 et au plus 12.');
  expect(sheetRecords(preview.model, 'Présences')).toHaveLength(before);
  await page.fill('[name="rows.1.hours"]', '2,5');
  // A comment opens under its participant; a formula typed there is kept as text.
  expect(await page.locator('[name="rows.0.comment"]').isVisible()).toBe(false);
  await page.locator('#rows tr[data-id] button', { hasText: 'Commentaire' }).first().click();
  await page.fill('[name="rows.0.comment"]', '=1+1 prévenu par téléphone');
  await screenshot(page, 'presences');
  await page.click('button[type=submit]');
  await expectText(status(page), `Présences enregistrées : ${listed} ajoutée(s), 0 modifiée(s).`);
  const saved = sheetRecords(preview.model, 'Présences').slice(before);
  expect(saved).toHaveLength(listed);
  expect(saved[0]).toMatchObject({ Date: day, Atelier: workshop.name, Présence: 'Absent justifié', Heures: '', Commentaire: '=1+1 prévenu par téléphone' });
  expect(formulaCells(preview.model, 'Présences')).toEqual([]);
  expect(saved[1]).toMatchObject({ Présence: 'Présent', Heures: 2.5 });
  expect(saved[2]).toMatchObject({ Présence: 'Présent', Heures: workshop.sessionHours });

  // Same atelier and date again: the saved rows come back and are edited, not duplicated.
  await expectTextContaining(page.locator('#sessionInfo'), `déjà saisie : ${listed} ligne(s)`);
  await expectValue(page.locator('[name="rows.0.status"]'), 'Absent justifié');
  await expectValue(page.locator('[name="rows.0.comment"]'), '=1+1 prévenu par téléphone');
  await page.selectOption('[name="rows.0.status"]', 'Retard');
  await page.click('button[type=submit]');
  await expectText(status(page), `Présences enregistrées : 0 ajoutée(s), ${listed} modifiée(s).`);
  const after = sheetRecords(preview.model, 'Présences');
  expect(after).toHaveLength(before + listed);
  expect(after[before]).toMatchObject({ Présence: 'Retard', Heures: workshop.sessionHours, Commentaire: '=1+1 prévenu par téléphone' });
  await page.close();
});

test('Nouvelle évaluation: one row per objective assessed, last level shown, objectives outside the catalogue', async () => {
  // A catalogue objective whose domain Listes leaves empty.
  const listes = preview.model.sheets.find((x) => x.name === 'Listes')!;
  const objectiveColumn = cellRow(listes, 1).findIndex((c) => c?.value === 'Objectif');
  const freeRow = usedRowCount(listes) + 1;
  listes.maxRows = Math.max(listes.maxRows, freeRow);
  putCell(listes, freeRow, objectiveColumn + 1, { value: 'Utiliser les transports en commun' });
  const p = context.parcours.find((x) => x.entryDate !== null && x.entryDate <= '2026-11-01' && x.exitDate === null)!;
  const before = sheetRecords(preview.model, 'Évaluations').length;
  const { page } = await open('Evaluation');
  await page.selectOption('#id', p.id);
  await page.waitForSelector('#level-1');
  const [ey, em, ed] = p.entryDate!.split('-');
  await expectText(page.locator('#participantInfo'), `Entré(e) le ${ed}/${em}/${ey} — ${p.status}`);
  await page.click('button[type=submit]');
  await expectText(errorFor(page, 'items'), 'Choisissez le niveau atteint pour au moins un objectif.');
  await page.fill('#date', '2026-11-18');
  await page.selectOption('#type', 'Entretien de suivi');
  await page.fill('#evaluator', 'Sophie Laurent');
  await page.selectOption('#level-0', 'En cours');
  await page.fill('#comment-0', 'Progrès nets');
  await page.selectOption('#level-1', 'Acquis');
  // « Autres objectifs »: the domain is chosen beside the level; missing, it is refused there.
  await expectText(page.locator('#objectives h2').last(), 'Autres objectifs');
  const other = await page.locator('select[name$=".domain"]').first().getAttribute('name');
  const line = other!.split('.')[1]!;
  await page.selectOption(`#level-${line}`, 'Non acquis');
  await page.click('button[type=submit]');
  await expectText(errorFor(page, `objectives.${line}.domain`), 'Domaine manquant.');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(`objectives.${line}.domain`);
  await page.selectOption(`#domain-${line}`, 'Savoir-être');
  // An objective typed by the evaluator.
  await page.click('#addObjective');
  const typed = await page.evaluate(() => document.activeElement?.id);
  const free = typed!.replace('objective-', '');
  await page.keyboard.type('Tenir une caisse');
  await page.selectOption(`#domain-${free}`, 'Savoir-faire');
  await page.selectOption(`#level-${free}`, 'En cours');
  await page.fill(`#comment-${free}`, '@caisse : à revoir');
  await screenshot(page, 'evaluation');
  await page.click('button[type=submit]');
  await expectText(status(page), 'Évaluation enregistrée : 4 objectif(s).');
  const rows = sheetRecords(preview.model, 'Évaluations').slice(before);
  expect(rows).toHaveLength(4);
  expect(rows[0]).toMatchObject({ Date: '2026-11-18', ID: p.id, Type: 'Entretien de suivi', Niveau: 'En cours', Évaluateur: 'Sophie Laurent', Commentaire: 'Progrès nets' });
  expect(rows.slice(2).map((r) => [r.Domaine, r.Objectif, r.Niveau, r.Commentaire])).toEqual([
    ['Savoir-être', 'Utiliser les transports en commun', 'Non acquis', ''],
    ['Savoir-faire', 'Tenir une caisse', 'En cours', '@caisse : à revoir'],
  ]);
  expect(formulaCells(preview.model, 'Évaluations')).toEqual([]);
  await expectText(page.locator('.objective .last').nth(1), 'Dernier niveau : Acquis (18/11/2026)');
  await page.close();
});

test('Enregistrer une sortie: refuses a date before the entry, then records date, motif and status', async () => {
  const p = context.parcours.find((x) => x.entryDate !== null && x.entryDate < '2026-11-01' && x.exitDate === null)!;
  const { page } = await open('Exit');
  await page.selectOption('#id', p.id);
  await page.fill('#exitDate', '2000-01-01');
  await page.selectOption('#exitReason', 'CDI');
  await expectText(page.locator('#category'), 'Emploi durable');
  await page.click('button[type=submit]');
  await expectTextContaining(errorFor(page, 'exitDate'), "La sortie ne peut précéder l'entrée");
  await page.fill('#exitDate', '2026-11-19');
  await screenshot(page, 'sortie');
  await page.click('button[type=submit]');
  await expectText(status(page), `Sortie de ${p.id} enregistrée (Emploi durable).`);
  expect(participants().find((r) => r.ID === p.id)).toMatchObject({ 'Date de sortie': '2026-11-19', 'Motif de sortie': 'CDI', Statut: 'Sorti' });
  await page.close();
});

test('Renouveler le contrat: moves Fin de contrat by the contract length', async () => {
  const p = [...context.parcours].reverse().find((x) => x.entryDate !== null && x.exitDate === null && x.contractEnd !== null)!;
  const { page } = await open('Renewal');
  await page.selectOption('#id', p.id);
  await page.fill('#months', '0');
  await page.click('button[type=submit]');
  await expectText(errorFor(page, 'months'), 'Durée : un nombre entier de mois, de 1 à 24.');
  await page.fill('#months', '6');
  await screenshot(page, 'renouvellement');
  await page.click('button[type=submit]');
  await expectTextContaining(status(page), `Contrat de ${p.id} renouvelé`);
  // Nothing left selected: no « Nouvelle fin de contrat » that would read as a second renewal to save.
  await expectValue(page.locator('#id'), '');
  await expectText(page.locator('#newEnd'), '');
  await expectText(page.locator('#currentEnd'), '');
  const [y, m, d] = p.contractEnd!.split('-').map(Number) as [number, number, number];
  const moved = new Date(Date.UTC(y, m - 1 + 6, 1));
  const last = new Date(Date.UTC(moved.getUTCFullYear(), moved.getUTCMonth() + 1, 0)).getUTCDate();
  const expected = `${moved.getUTCFullYear()}-${String(moved.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  expect(participants().find((r) => r.ID === p.id)!['Fin de contrat']).toBe(expected);
  await page.close();
});
