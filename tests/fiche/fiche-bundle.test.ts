/** « Fiche de parcours… » through the built bundle on the demo workbook (SPEC §4). */
import { demoModel } from '../../cli/preview';
import { cellRows } from '../../runtime/spreadsheet/sheet-grid';
import { PARAMETER } from '../../src/domain/workbook-schema';
import type { FormContext } from '../../src/forms/form-context';
import { sheetValues } from '../browser/browser-support';
import { setParameter, spreadsheetOf } from '../report/report-fixture';
import { DIST_DIR, loadDist } from '../support/built-bundle';

const NOW = new Date('2026-11-20T12:00:00Z');
type Answer = { ok: boolean; errors?: Record<string, string>; sheetName?: string; replaced?: boolean; id?: string };

function setup() {
  const model = demoModel(DIST_DIR);
  const bundle = loadDist({ model, now: NOW });
  const context = (bundle.call('getFormContext') as { context: FormContext }).context;
  return { model, bundle, context };
}

const marked = (model: ReturnType<typeof setup>['model']) =>
  model.developerMetadata.filter((m) => m.key === 'parcours.generated' && (m.value ?? '').startsWith('fiche ')).map((m) => m.value);

describe('Fiche de parcours', () => {
  const { model, bundle, context } = setup();
  const long = 'P-2025-0040';
  const short = context.parcours.filter((p) => p.entryDate !== null && p.entryDate >= '2026-11-01').at(0)!.id;

  it('writes a fixed number of service calls whatever the parcours’ length', () => {
    // Each in a workbook of its own: the calls then differ by nothing but the parcours.
    const callsFor = (id: string, b = setup().bundle) => {
      b.runtime.calls.reset();
      expect(b.call<Answer>('generateFiche', id)).toMatchObject({ ok: true, sheetName: `Fiche ${id}`, replaced: false });
      return b.runtime.calls.snapshot();
    };
    const shortCalls = callsFor(short);
    const longCalls = callsFor(long);
    bundle.call('generateFiche', short);
    bundle.call('generateFiche', long);
    expect(longCalls).toEqual(shortCalls);
    expect(longCalls['Range.setValues']).toBe(2); // the fiche and the Journal line
    const rowsOf = (id: string) => sheetValues(model, `Fiche ${id}`).length;
    expect(rowsOf(long)).toBeGreaterThan(rowsOf(short) + 30);
  });

  it('says it holds personal data, names the person, and is marked with developer metadata', () => {
    const values = sheetValues(model, `Fiche ${long}`).flat().map(String);
    expect(values[0]).toMatch(/^Fiche de parcours — [A-ZÉÈ-]+ .+ \(P-2025-0040\)$/);
    expect(values).toContain(
      'Document nominatif (données personnelles) : à garder dans le dossier du participant, à ne jamais transmettre à un financeur. Supprimé par l’anonymisation du parcours.',
    );
    for (const section of ['Identité et contrat', 'Présences par mois', 'Grille d’évaluation', 'Freins et actions d’accompagnement', 'Sortie']) {
      expect(values).toContain(section);
    }
    // Text starting with a digit (« 3 (CAP, BEP) », hours…) shows as typed: no apostrophe left in
    // a plain-text cell (the values are written before the formats).
    expect(values.filter((v) => /^\d/.test(v)).length).toBeGreaterThan(0);
    expect(values.filter((v) => v.startsWith("'"))).toEqual([]);
    expect(marked(model)).toEqual(expect.arrayContaining([`fiche ${long}`, `fiche ${short}`]));
    const sheet = model.sheets.find((s) => s.name === `Fiche ${long}`)!;
    const widths = Object.values(sheet.columnWidths);
    expect(widths).toHaveLength(6);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(650);
  });

  it('replaces the fiche when generated again, and leaves a person’s sheet of that name alone', () => {
    const sheets = model.sheets.length;
    expect(bundle.call<Answer>('generateFiche', long)).toMatchObject({ ok: true, replaced: true, sheetName: `Fiche ${long}` });
    expect(model.sheets).toHaveLength(sheets);
    expect(marked(model).filter((v) => v === `fiche ${long}`)).toHaveLength(1);
    const ss = spreadsheetOf(bundle);
    ss.deleteSheet(ss.getSheetByName(`Fiche ${short}`)!);
    ss.insertSheet(`Fiche ${short}`).getRange(1, 1).setValue('Notes de la coordinatrice');
    const answer = bundle.call<Answer>('generateFiche', short);
    expect(answer.sheetName).not.toBe(`Fiche ${short}`);
    expect(sheetValues(model, `Fiche ${short}`)[0]![0]).toBe('Notes de la coordinatrice');
  });

  it('refuses an unknown ID in French and writes nothing', () => {
    bundle.runtime.calls.reset();
    const answer = bundle.call<Answer>('generateFiche', 'P-1999-0001');
    expect(answer.ok).toBe(false);
    expect(answer.errors?.['_form']).toBe('Parcours introuvable : aucun parcours lisible de la feuille « Participants » n’a cet ID.');
    expect(bundle.runtime.calls.writes()).toEqual({});
  });

  it('is never read by a summary, and no summary sheet holds anything of it', () => {
    bundle.call('cliReport_', '2026-T3', null);
    const summary = model.sheets.find((s) => s.name === 'Bilan 2026-T3')!;
    const texts = cellRows(summary).flat().map((c) => String(c?.value ?? ''));
    expect(texts.some((t) => t.includes(long) || t.includes('Fiche'))).toBe(false);
  });
});

test('anonymising a parcours deletes its fiche, and only its fiche', () => {
  const { model, bundle, context } = setup();
  const old = context.parcours.find((p) => p.exitDate !== null && p.exitDate <= '2026-03-01')!;
  const running = context.parcours.find((p) => p.exitDate === null && p.entryDate !== null)!;
  bundle.call('generateFiche', old.id);
  bundle.call('generateFiche', running.id);
  setParameter(spreadsheetOf(bundle), PARAMETER.retentionMonths, 6);
  bundle.runtime.ui.queueResponse('YES');
  bundle.runtime.ui.queueResponse('OK');
  bundle.call('menuAnonymise');
  const names = model.sheets.map((s) => s.name);
  expect(names).not.toContain(`Fiche ${old.id}`);
  expect(names).toContain(`Fiche ${running.id}`);
  expect(marked(model)).toEqual([`fiche ${running.id}`]);
});
