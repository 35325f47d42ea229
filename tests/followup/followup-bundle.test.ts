import { DEFAULT_USER_EMAIL } from '../../runtime/apps-script-runtime';
import type { LoadedBundle } from '../../runtime/bundle-loader';
import type { SpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { ageOn, midnightInZone } from '../../src/domain/calendar-day';
import { mapHeaders } from '../../src/domain/header-map';
import { type RawTables, readWorkbook } from '../../src/domain/read-workbook';
import { parsePeriod } from '../../src/domain/period';
import { computeSummary } from '../../src/domain/summary/compute-summary';
import { PARAMETER, SHEET, type SheetName, sheetSpec, WORKBOOK_SCHEMA } from '../../src/domain/workbook-schema';
import { AS_OF, buildWorkbook, COORDINATOR, NOW, openWorkbook, setParameter, spreadsheetOf, tableOf } from './workbook-fixture';

jest.setTimeout(240_000);

const SMALL = { parcours: 120, attendance: 100_000 };
const LARGE = { parcours: 5000, attendance: 100_000 };

let smallModel: SpreadsheetModel;
let largeModel: SpreadsheetModel;

beforeAll(() => {
  smallModel = buildWorkbook(SMALL.parcours, SMALL.attendance);
  largeModel = buildWorkbook(LARGE.parcours, LARGE.attendance);
});

function columnOf(bundle: LoadedBundle, sheet: SheetName, key: string): number {
  const header = tableOf(bundle, sheet)[0]!;
  return mapHeaders(sheetSpec(sheet), header).columns[key]! + 1;
}

function readData(bundle: LoadedBundle) {
  const tables: RawTables = {};
  for (const spec of WORKBOOK_SCHEMA) {
    if (spec.name !== SHEET.journal) tables[spec.name] = tableOf(bundle, spec.name);
  }
  return readWorkbook(tables, { timeZone: 'Europe/Paris', today: AS_OF });
}

/** Runs `fn` on a fresh bundle over `model` and returns the service calls it made. */
function measured(model: SpreadsheetModel, fn: (bundle: LoadedBundle) => void, options = {}): Record<string, number> {
  const bundle = openWorkbook(model, options);
  bundle.runtime.calls.reset();
  fn(bundle);
  return bundle.runtime.calls.snapshot();
}

describe('Vérifier les données', () => {
  function spoil(model: SpreadsheetModel): { birthRow: number; badIdRow: number } {
    const bundle = openWorkbook(model);
    const ss = spreadsheetOf(bundle);
    const participants = ss.getSheetByName(SHEET.participants)!;
    participants.getRange(5, columnOf(bundle, SHEET.participants, 'birthDate')).setValue("'31/02/1990");
    const status = columnOf(bundle, SHEET.participants, 'status');
    participants.getRange(2, status, 3, 1).setValues([[''], [''], ['']]);
    // A team's formula in Statut: Parcours leaves it as it is.
    participants.getRange(6, status).setFormula('=IF(TRUE;"En parcours";"")');
    ss.getSheetByName(SHEET.attendance)!.getRange(7, columnOf(bundle, SHEET.attendance, 'id')).setValue('P-1999-0001');
    // A person's own sheet with the generated sheet's name must never be touched.
    ss.insertSheet('Contrôle des données').getRange('A1').setValue('Mes notes');
    return { birthRow: 5, badIdRow: 7 };
  }

  test.each([
    ['small', () => smallModel],
    ['large', () => largeModel],
  ])('lists the issues with links and updates Statut (%s)', (_size, model) => {
    const { birthRow, badIdRow } = spoil(model());
    const bundle = openWorkbook(model());
    const expected = (
      bundle.call('cliCheck_') as { issues: { sheet: string; row: number; column: string; message: string; cause?: { row: number } }[] }
    ).issues;
    bundle.runtime.ui.queueResponse('OK');
    bundle.runtime.calls.reset();
    bundle.call('menuCheckData');
    expect(bundle.runtime.calls.count('Range.setValues')).toBe(3); // Statut column, the sheet, the Journal

    const ss = spreadsheetOf(bundle);
    expect(ss.getSheetByName('Contrôle des données')!.getRange('A1').getValue()).toBe('Mes notes');
    const generated = ss.getSheetByName('Contrôle des données (Parcours)')!;
    const rows = generated.getDataRange().getValues();
    expect(rows[0]).toEqual(['Feuille', 'Ligne', 'Colonne', 'Problème', 'Lien']);
    // Every issue has its row; the rows that follow from an unreadable row also get a group line under it.
    const issueRows = rows.slice(1).filter((r) => r[1] !== '');
    expect(new Set(issueRows.map((r) => JSON.stringify([r[0], r[1], r[2], r[3]])))).toEqual(
      new Set(expected.map((i) => JSON.stringify([i.sheet, i.row, i.column, i.message]))),
    );
    expect(issueRows).toHaveLength(expected.length);
    const birth = rows.findIndex((r) => r[0] === 'Participants' && r[1] === birthRow);
    const groups = rows.filter((r) => r[1] === '' && String(r[3]).includes(`car la ligne ${birthRow} de Participants est illisible`));
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.length).toBe(new Set(expected.filter((i) => i.cause?.row === birthRow).map((i) => i.sheet)).size);
    expect(rows[birth]![3]).toBe("Cette date n'existe pas (jour ou mois hors du calendrier) : écrivez-la jj/mm/aaaa.");

    const participantsId = ss.getSheetByName(SHEET.participants)!.getSheetId();
    const letter = String.fromCharCode(64 + columnOf(bundle, SHEET.participants, 'birthDate'));
    expect(generated.getRange(birth + 1, 5).getFormula()).toBe(`=HYPERLINK("#gid=${participantsId}&range=${letter}${birthRow}";"Ouvrir")`);
    // The link reads back as its label, as in Sheets: the formula parses in a fr_FR spreadsheet.
    expect(rows[birth]![4]).toBe('Ouvrir');
    expect(rows.some((r) => r[0] === 'Présences' && r[1] === badIdRow && r[2] === 'ID')).toBe(true);

    const statuses = tableOf(bundle, SHEET.participants).slice(1, 4).map((r) => r[columnOf(bundle, SHEET.participants, 'status') - 1]);
    expect(statuses.every((s) => ['Candidat', "Période d'essai", 'En parcours', 'Sorti'].includes(String(s)))).toBe(true);
    const statusColumn = columnOf(bundle, SHEET.participants, 'status');
    expect(ss.getSheetByName(SHEET.participants)!.getRange(6, statusColumn).getFormula()).toBe('=IF(TRUE;"En parcours";"")');
    // Who, what and when: the Statut update and the check, each its own Journal line.
    const ids = tableOf(bundle, SHEET.participants).slice(1, 4).map((r) => r[columnOf(bundle, SHEET.participants, 'id') - 1]);
    const journal = tableOf(bundle, SHEET.journal).slice(-2);
    expect(journal.map((r) => r.slice(1))).toEqual([
      [DEFAULT_USER_EMAIL, 'Mise à jour des statuts', 'Participants', '', `Statut mis à jour sur 3 ligne(s) : ${ids.join(', ')}`],
      [DEFAULT_USER_EMAIL, 'Vérification des données', 'Contrôle des données (Parcours)', '', `${expected.length} problème(s) ; Statut mis à jour sur 3 ligne(s).`],
    ]);
    expect(journal[0]![0]).toEqual(NOW);
    expect(bundle.runtime.ui.dialogs.at(-1)?.prompt).toMatch(/problème\(s\) listé\(s\) dans la feuille « Contrôle des données \(Parcours\) ».*Statut mis à jour sur 3 ligne\(s\)/);
  });

  test('same service calls at 120 and 5,000 parcours; regenerating reuses the marked sheet', () => {
    const run = (model: SpreadsheetModel) =>
      measured(model, (bundle) => {
        bundle.runtime.ui.queueResponse('OK');
        bundle.call('menuCheckData');
      });
    const small = run(smallModel);
    expect(run(largeModel)).toEqual(small);
    expect(small['Spreadsheet.insertSheet'] ?? 0).toBe(0);
    expect(small['Range.setValues']).toBe(2); // statuses already up to date: the sheet and the Journal
  });
});

describe('Échéances', () => {
  test('sidebar data, sheet and the daily e-mail switched on and off by hand', () => {
    const bundle = openWorkbook(smallModel);
    const { deadlines, today, digestEnabled } = bundle.call('getDeadlines') as {
      today: string;
      digestEnabled: boolean;
      deadlines: { kind: string; id: string; due: string | null; action: string }[];
    };
    expect(today).toBe(AS_OF);
    expect(digestEnabled).toBe(false);
    expect(deadlines.length).toBeGreaterThan(0);
    for (const d of deadlines) expect(d.action).not.toBe('');
    const { count, sheetName } = bundle.call('writeDeadlines') as { count: number; sheetName: string };
    expect(count).toBe(deadlines.length);
    expect(tableOf(bundle, sheetName).length).toBe(deadlines.length + 1);

    expect(bundle.runtime.triggers.list()).toHaveLength(0);
    bundle.runtime.ui.queueResponse('OK');
    bundle.call('menuEnableDigest');
    expect(bundle.runtime.triggers.list().map((t) => [t.handlerFunction, t.source])).toEqual([['sendDeadlinesDigest', 'CLOCK']]);
    bundle.runtime.ui.queueResponse('OK');
    bundle.call('menuEnableDigest');
    expect(bundle.runtime.triggers.list()).toHaveLength(1);

    const clock = openWorkbook(smallModel, { withUi: false });
    clock.call('sendDeadlinesDigest', { triggerUid: bundle.runtime.triggers.list()[0]!.uniqueId });
    const mail = clock.runtime.mail.last()!;
    expect(mail.to).toEqual([COORDINATOR]);
    expect(mail.subject).toBe(`Parcours — ${deadlines.length} échéance(s) — ${readData(bundle).parameters.structureName}`);
    expect(mail.body).toContain(deadlines[0]!.id);
    const names = readData(bundle).parcours.map((p) => p.lastName);
    expect(names.some((n) => mail.body.includes(n))).toBe(false);

    bundle.runtime.ui.queueResponse('OK');
    bundle.call('menuDisableDigest');
    expect(bundle.runtime.triggers.list()).toHaveLength(0);
  });

  test('same service calls at 120 and 5,000 parcours', () => {
    const run = (model: SpreadsheetModel) => measured(model, (bundle) => bundle.call('writeDeadlines'));
    run(largeModel); // the first run creates the sheet; from then on it is regenerated in place
    const large = run(largeModel);
    expect(large).toEqual(run(smallModel));
    expect(large['Spreadsheet.insertSheet']).toBeUndefined();
    const read = (model: SpreadsheetModel) => measured(model, (bundle) => bundle.call('getDeadlines'));
    expect(read(largeModel)).toEqual(read(smallModel));
  });
});

describe('Anonymiser les parcours anciens', () => {
  test.each([
    ['small', () => smallModel],
    ['large', () => largeModel],
  ])('keeps every summary identical and rewrites only identity cells (%s)', (_size, model) => {
    // The demo spans two years: a 6-month retention gives a good share of parcours to anonymise.
    setParameter(model(), PARAMETER.retentionMonths, 6);
    const bundle = openWorkbook(model());
    const before = readData(bundle);
    const tableBefore = tableOf(bundle, SHEET.participants);
    const periods = ['2024', '2025', '2026', '2025-T4', '2026-T3'].map((p) => parsePeriod(p)!);
    const summaries = (data: ReturnType<typeof readData>) =>
      periods.flatMap((period) => [null, ...data.funders.map((f) => f.code)].map((code) => computeSummary(data, period, code, { today: AS_OF })));
    const summariesBefore = summaries(before);
    const concerned = before.parcours.filter((p) => p.exitDate !== null && p.exitDate <= '2026-05-20');
    expect(concerned.length).toBeGreaterThan(0);

    bundle.runtime.ui.queueResponse('YES');
    bundle.runtime.ui.queueResponse('OK');
    bundle.runtime.calls.reset();
    bundle.call('menuAnonymise');
    const calls = bundle.runtime.calls.snapshot();
    expect(calls['Range.setValues']).toBe(7); // 6 identity columns + the Journal
    expect(bundle.runtime.ui.dialogs[0]?.prompt).toContain(`${concerned.length} ligne(s)`);

    const after = readData(bundle);
    expect(after.issues).toEqual(before.issues);
    expect(summaries(after)).toEqual(summariesBefore);
    const tableAfter = tableOf(bundle, SHEET.participants);
    const map = mapHeaders(sheetSpec(SHEET.participants), tableAfter[0]!);
    const identity = new Set(['lastName', 'firstName', 'commune', 'referent', 'observations', 'birthDate'].map((k) => map.columns[k]));
    const concernedRows = new Set(concerned.map((p) => p.row));
    tableAfter.forEach((cells, i) => {
      cells.forEach((value, j) => {
        if (concernedRows.has(i + 1) && identity.has(j)) return;
        expect([i, j, value]).toEqual([i, j, tableBefore[i]![j]]);
      });
    });
    for (const p of concerned) {
      const now = after.parcours.find((q) => q.row === p.row)!;
      expect([now.lastName, now.firstName]).toEqual(['Anonymisé', 'Anonymisé']);
      expect(ageOn(now.birthDate, now.entryDate!)).toBe(ageOn(p.birthDate, p.entryDate!));
    }
    const journal = tableOf(bundle, SHEET.journal).at(-1)!;
    expect(journal[2]).toBe('Anonymisation des parcours anciens');
    expect(String(journal[5])).toMatch(new RegExp(`^${concerned.length} parcours sortis depuis au moins 6 mois`));

    // Nothing left to do: a second run says so and writes nothing.
    const again = openWorkbook(model());
    again.runtime.ui.queueResponse('OK');
    again.runtime.calls.reset();
    again.call('menuAnonymise');
    expect(again.runtime.calls.countKind('write')).toBe(0);
    expect(again.runtime.ui.dialogs[0]?.prompt).toBe('Aucun parcours sorti depuis plus de 6 mois à anonymiser.');
  });

  test('answering No changes nothing', () => {
    const model = buildWorkbook(40, 2000);
    setParameter(model, PARAMETER.retentionMonths, 6);
    const bundle = openWorkbook(model);
    const before = tableOf(bundle, SHEET.participants);
    bundle.runtime.ui.queueResponse('NO');
    bundle.call('menuAnonymise');
    expect(tableOf(bundle, SHEET.participants)).toEqual(before);
  });
});

describe('onEdit', () => {
  type Cell = string | number | Date;
  function edit(model: SpreadsheetModel, sheetName: string, row: number, key: string, value: Cell) {
    const bundle = openWorkbook(model, { authMode: 'LIMITED' });
    const sheet = spreadsheetOf(bundle).getSheetByName(sheetName)!;
    const range = sheet.getRange(row, columnOf(bundle, sheetName as SheetName, key));
    range.setValue(value);
    bundle.runtime.calls.reset();
    bundle.call('onEdit', { range, source: spreadsheetOf(bundle), value: String(value) });
    return { bundle, sheet, calls: bundle.runtime.calls.snapshot() };
  }
  const cell = (bundle: LoadedBundle, sheetName: SheetName, row: number, key: string) =>
    spreadsheetOf(bundle).getSheetByName(sheetName)!.getRange(row, columnOf(bundle, sheetName, key));

  test('a new admission typed by hand gets its derived dates and status, and what was typed stays', () => {
    for (const model of [smallModel, largeModel]) {
      const probe = openWorkbook(model);
      const row = spreadsheetOf(probe).getSheetByName(SHEET.participants)!.getLastRow() + 1;
      const sheet = spreadsheetOf(probe).getSheetByName(SHEET.participants)!;
      sheet.getRange(row, columnOf(probe, SHEET.participants, 'id')).setValue('P-2026-9001');
      sheet.getRange(row, columnOf(probe, SHEET.participants, 'lastName')).setValue('Martin');
      const { bundle, calls } = edit(model, SHEET.participants, row, 'entryDate', '02/11/2026');
      expect(cell(bundle, SHEET.participants, row, 'entryDate').getValue()).toEqual(midnightInZone('2026-11-02', 'Europe/Paris'));
      expect(cell(bundle, SHEET.participants, row, 'trialEnd').getValue()).toEqual(midnightInZone('2026-12-02', 'Europe/Paris'));
      expect(cell(bundle, SHEET.participants, row, 'contractEnd').getValue()).toEqual(midnightInZone('2027-05-02', 'Europe/Paris'));
      expect(cell(bundle, SHEET.participants, row, 'status').getValue()).toBe("Période d'essai");
      // Header row, edited row, notes, Paramètres; three writes (two dates, Statut); the Journal
      // line (find the sheet, who — the active user, then the effective one, both empty in a simple
      // trigger — one append); the spreadsheet's zone: 32 calls at any size.
      expect(calls).toEqual({
        'Range.getColumn': 1, 'Range.getNotes': 1, 'Range.getNumColumns': 1, 'Range.getNumRows': 1, 'Range.getRow': 1,
        'Range.getSheet': 1, 'Range.getValues': 3, 'Range.setValues': 3, 'Session.getActiveUser': 1, 'Session.getEffectiveUser': 1, 'Sheet.appendRow': 1,
        'Sheet.getDataRange': 1, 'Sheet.getLastColumn': 1, 'Sheet.getName': 1, 'Sheet.getParent': 1, 'Sheet.getRange': 5,
        'Spreadsheet.getSheetByName': 2, 'Spreadsheet.getSpreadsheetTimeZone': 1, 'SpreadsheetApp.getActiveSpreadsheet': 1, 'User.getEmail': 2,
      });
      expect(tableOf(bundle, SHEET.journal).at(-1)).toEqual([
        NOW, 'utilisateur inconnu', 'Contrôle de saisie', 'Participants', 'P-2026-9001',
        `Ligne ${row} ; rempli : Fin de période d'essai, Fin de contrat, Statut.`,
      ]);
    }
  });

  test('an impossible date gets a French note, removed once corrected; a person’s note stays', () => {
    const model = buildWorkbook(40, 2000);
    const journal = (bundle: LoadedBundle) => tableOf(bundle, SHEET.journal).map((r) => r.slice(2));
    const id = tableOf(openWorkbook(model), SHEET.participants)[2]![columnOf(openWorkbook(model), SHEET.participants, 'id') - 1];
    const first = edit(model, SHEET.participants, 3, 'birthDate', '31/02/1990');
    expect(cell(first.bundle, SHEET.participants, 3, 'birthDate').getNote()).toBe("Parcours : Cette date n'existe pas (jour ou mois hors du calendrier) : écrivez-la jj/mm/aaaa.");
    expect(cell(first.bundle, SHEET.participants, 3, 'birthDate').getValue()).toBe('31/02/1990');
    expect(journal(first.bundle).at(-1)).toEqual(['Contrôle de saisie', 'Participants', id, 'Ligne 3 ; note sur : Date de naissance.']);
    const fixed = edit(model, SHEET.participants, 3, 'birthDate', '28/02/1990');
    expect(cell(fixed.bundle, SHEET.participants, 3, 'birthDate').getNote()).toBe('');
    expect(journal(fixed.bundle).at(-1)).toEqual(['Contrôle de saisie', 'Participants', id, 'Ligne 3 ; note retirée : Date de naissance.']);

    cell(fixed.bundle, SHEET.participants, 4, 'commune').setNote('Appeler la mairie');
    const lines = journal(fixed.bundle).length;
    const other = edit(model, SHEET.participants, 4, 'commune', 'Lyon');
    expect(cell(other.bundle, SHEET.participants, 4, 'commune').getNote()).toBe('Appeler la mairie');
    expect(other.calls['Range.setNotes'] ?? 0).toBe(0);
    // Nothing written by Parcours: no Journal line, and not even a look for the Journal.
    expect(journal(other.bundle)).toHaveLength(lines);
    expect(other.calls['Sheet.appendRow'] ?? 0).toBe(0);
    expect(other.calls['Spreadsheet.getSheetByName'] ?? 0).toBe(0);
  });

  test('without a Journal sheet the edit is still completed, and nothing fails', () => {
    const model = buildWorkbook(20, 200);
    const probe = openWorkbook(model);
    spreadsheetOf(probe).deleteSheet(spreadsheetOf(probe).getSheetByName(SHEET.journal)!);
    const row = spreadsheetOf(probe).getSheetByName(SHEET.participants)!.getLastRow() + 1;
    const { bundle, calls } = edit(model, SHEET.participants, row, 'entryDate', '02/11/2026');
    expect(cell(bundle, SHEET.participants, row, 'trialEnd').getValue()).toEqual(midnightInZone('2026-12-02', 'Europe/Paris'));
    expect(calls['Sheet.appendRow'] ?? 0).toBe(0);
    expect(bundle.runtime.logs).toEqual([]);
  });

  test('Présences: unknown ID noted; session length filled; same calls at both sizes', () => {
    const results = [smallModel, largeModel].map((model) => {
      const probe = openWorkbook(model);
      const sheet = spreadsheetOf(probe).getSheetByName(SHEET.attendance)!;
      const row = sheet.getLastRow() + 1;
      const workshop = readData(probe).workshops[0]!;
      sheet.getRange(row, columnOf(probe, SHEET.attendance, 'date')).setValue('16/11/2026');
      sheet.getRange(row, columnOf(probe, SHEET.attendance, 'workshop')).setValue(workshop.name);
      sheet.getRange(row, columnOf(probe, SHEET.attendance, 'status')).setValue('Présent');
      const { bundle, calls } = edit(model, SHEET.attendance, row, 'id', 'P-1999-0404');
      expect(cell(bundle, SHEET.attendance, row, 'id').getNote()).toBe(
        'Parcours : ID « P-1999-0404 » introuvable dans la feuille « Participants » : vérifiez l’ID du parcours.',
      );
      const hours = edit(model, SHEET.attendance, row, 'status', 'Retard');
      expect(cell(hours.bundle, SHEET.attendance, row, 'hours').getValue()).toBe(workshop.sessionHours);
      return [calls, hours.calls];
    });
    expect(results[1]).toEqual(results[0]);
  });

  test('edits elsewhere cost two calls', () => {
    const bundle = openWorkbook(smallModel, { authMode: 'LIMITED' });
    const range = spreadsheetOf(bundle).getSheetByName(SHEET.funders)!.getRange('B2');
    bundle.runtime.calls.reset();
    bundle.call('onEdit', { range });
    expect(bundle.runtime.calls.count()).toBe(2);
  });
});
