import { FakeRange } from '../../runtime/spreadsheet/fake-range';
import type { DiagnosticReport } from '../../src/diagnostic/diagnostic-rules';
import { PARCOURS_LINK_FORMULA } from '../../src/diagnostic/formula-cases';
import { TYPED_TEXT_CASES } from '../../src/diagnostic/typed-text-cases';
import { SCRATCH_SHEET } from '../../src/sheets/diagnostic/run-diagnostic';
import { SHEET } from '../../src/domain/workbook-schema';
import { buildWorkbook, COORDINATOR, NOW, spreadsheetOf, tableOf } from '../followup/workbook-fixture';
import { loadDist } from '../support/built-bundle';

/** « Diagnostic » on the built bundle, in the runtime: every rule holds here, and a rule the runtime is made to break is named. */

const model = buildWorkbook(10, 50);
const open = (options: { documentLockUnavailable?: boolean; userEmail?: string } = {}) =>
  loadDist({ model: structuredClone(model), now: NOW, userEmail: COORDINATOR, ...options });

test('the menu opens the report dialog', () => {
  const bundle = open();
  bundle.call('menuDiagnostic');
  expect(bundle.runtime.ui.lastDisplay()).toMatchObject({ title: 'Diagnostic de Parcours' });
});

test('in the runtime every rule holds; the scratch sheet is gone and the Journal has one line', () => {
  const bundle = open();
  const journal = tableOf(bundle, SHEET.journal).length;
  const report = bundle.call<DiagnosticReport>('runDiagnostic');
  expect(report.contradicted).toEqual([]);
  expect(report.findings.length).toBeGreaterThanOrEqual(7);
  expect(report).toMatchObject({ spreadsheetZone: 'Europe/Paris', spreadsheetLocale: 'fr_FR' });
  expect(spreadsheetOf(bundle).getSheetByName(SCRATCH_SHEET)).toBeNull();
  const lines = tableOf(bundle, SHEET.journal);
  expect(lines).toHaveLength(journal + 1);
  expect(lines.at(-1)!.slice(1, 3)).toEqual([COORDINATOR, 'Diagnostic']);
  expect(String(lines.at(-1)![5])).toMatch(/^Aucune règle contredite/);
  // The typed-text cases are all there, so a real Sheet checks each of them.
  expect(TYPED_TEXT_CASES.map((c) => c.input)).toEqual(expect.arrayContaining(['12:30', '1/2', '50 %', 'VRAI', '007', '=1+1', '3,5']));
});

test('in a sheet set to America/Martinique every rule holds too', () => {
  const copy = structuredClone(model);
  copy.timeZone = 'America/Martinique';
  const report = loadDist({ model: copy, now: NOW, userEmail: COORDINATOR }).call<DiagnosticReport>('runDiagnostic');
  expect(report).toMatchObject({ contradicted: [], spreadsheetZone: 'America/Martinique' });
});

test('a runtime made to contradict a rule (no document lock, no visible address) gets those rules named', () => {
  const report = open({ documentLockUnavailable: true, userEmail: '' }).call<DiagnosticReport>('runDiagnostic');
  expect(report.contradicted).toEqual([
    'LockService.getDocumentLock() donne un verrou utilisable',
    'Depuis un menu, le script voit l’adresse de la personne qui l’utilise (Journal)',
  ]);
  expect(report.findings.find((f) => !f.ok)!.details).toEqual(['getDocumentLock() a renvoyé null']);
});

test('a Sheet that parses typed text differently gets the typed-text rule named, with the cases that differ', () => {
  const real = FakeRange.prototype.getValues;
  // As if Sheets kept « 007 » as text.
  const spy = jest.spyOn(FakeRange.prototype, 'getValues').mockImplementation(function (this: FakeRange) {
    const values = real.call(this);
    return values.map((row) => row.map((v) => (v === 7 ? '007' : v)));
  });
  try {
    const report = open().call<DiagnosticReport>('runDiagnostic');
    expect(report.contradicted).toEqual([expect.stringMatching(/^setValues lit une chaîne comme une saisie au clavier/)]);
    expect(report.findings.find((f) => !f.ok)!.details).toEqual(['« 007 » a donné le texte « 007 »']);
  } finally {
    spy.mockRestore();
  }
});

test('the scratch sheet is deleted even when a step fails, and the failure is reported', () => {
  const spy = jest.spyOn(FakeRange.prototype, 'getFormulas').mockImplementation(() => {
    throw new Error('Service Spreadsheets failed while accessing document.');
  });
  try {
    const bundle = open();
    const report = bundle.call<DiagnosticReport>('runDiagnostic');
    expect(report.contradicted).toContain('Le diagnostic va jusqu’au bout');
    expect(spreadsheetOf(bundle).getSheetByName(SCRATCH_SHEET)).toBeNull();
  } finally {
    spy.mockRestore();
  }
});

describe('formulas and the apostrophe in a real Sheet', () => {
  test('a spreadsheet in en_US: the link Parcours writes still reads « Ouvrir »; the fr_FR formula rules are named', () => {
    const copy = structuredClone(model);
    copy.locale = 'en_US';
    const report = loadDist({ model: copy, now: NOW, userEmail: COORDINATOR }).call<DiagnosticReport>('runDiagnostic');
    expect(report.contradicted).toEqual([
      'Le classeur a un fuseau horaire reconnu et les paramètres régionaux français (fr_FR) que le modèle de saisie suppose',
      expect.stringMatching(/^Une formule se relit calculée/),
    ]);
    const formulas = report.findings.find((f) => f.rule.startsWith('Une formule se relit calculée'))!;
    expect(formulas.details).toEqual([
      '« =SOMME(D1;1) » a donné le texte « #NAME? »',
      '« =SUM(1,5;1) » a donné le nombre 7',
      '« =HYPERLINK("#gid=0","Ouvrir") » a donné le texte « Ouvrir »',
    ]);
  });

  test('a Sheet where formulas read back uncomputed gets the link and formula rules named', () => {
    const real = FakeRange.prototype.getValues;
    const spy = jest.spyOn(FakeRange.prototype, 'getValues').mockImplementation(function (this: FakeRange) {
      const values = real.call(this);
      if (this.getSheet().getName() !== SCRATCH_SHEET) return values;
      return values.map((row) => row.map((v, j) => (j >= 4 ? '' : v)));
    });
    try {
      const report = open().call<DiagnosticReport>('runDiagnostic');
      expect(report.contradicted).toEqual([expect.stringMatching(/^Le lien que Parcours écrit/), expect.stringMatching(/^Une formule se relit calculée/)]);
      expect(report.findings.find((f) => f.rule.startsWith('Le lien'))!.details).toEqual([
        `avec setFormula, « ${PARCOURS_LINK_FORMULA} » a donné le texte «  »`,
        `avec setValues, « ${PARCOURS_LINK_FORMULA} » a donné le texte «  »`,
      ]);
    } finally {
      spy.mockRestore();
    }
  });

  test('a Sheet whose getFormulas gives formulas back in another spelling gets that rule named', () => {
    const real = FakeRange.prototype.getFormulas;
    const spy = jest.spyOn(FakeRange.prototype, 'getFormulas').mockImplementation(function (this: FakeRange) {
      const formulas = real.call(this);
      if (this.getSheet().getName() !== SCRATCH_SHEET) return formulas;
      // As if Sheets gave formulas back with English separators.
      return formulas.map((row) => row.map((f) => (f.startsWith('=HYPERLINK') ? f.replace(';', ',') : f)));
    });
    try {
      const report = open().call<DiagnosticReport>('runDiagnostic');
      expect(report.contradicted).toEqual([expect.stringMatching(/^getFormulas rend chaque formule telle qu’elle a été écrite/)]);
      expect(report.findings.find((f) => !f.ok)!.details).toEqual([
        `« ${PARCOURS_LINK_FORMULA} » relue « ${PARCOURS_LINK_FORMULA.replace(';', ',')} »`,
        `« ${PARCOURS_LINK_FORMULA} » relue « ${PARCOURS_LINK_FORMULA.replace(';', ',')} »`,
      ]);
    } finally {
      spy.mockRestore();
    }
  });

  test('a Sheet that drops the apostrophe in a plain-text cell gets that rule named, not the plain-text one', () => {
    const real = FakeRange.prototype.getValues;
    const spy = jest.spyOn(FakeRange.prototype, 'getValues').mockImplementation(function (this: FakeRange) {
      const values = real.call(this);
      if (this.getSheet().getName() !== SCRATCH_SHEET) return values;
      return values.map((row, i) => {
        const input = TYPED_TEXT_CASES[i]?.input ?? '';
        return input.startsWith("'") ? row.map((v, j) => (j === 1 ? input.slice(1) : v)) : row;
      });
    });
    try {
      const report = open().call<DiagnosticReport>('runDiagnostic');
      expect(report.contradicted).toEqual([expect.stringMatching(/^Dans une cellule au format « texte brut », l’apostrophe de tête/)]);
      expect(report.findings.find((f) => !f.ok)!.details).toEqual(["« '007 » a donné le texte « 007 »", "« '=1+1 » a donné le texte « =1+1 »"]);
    } finally {
      spy.mockRestore();
    }
  });
});
