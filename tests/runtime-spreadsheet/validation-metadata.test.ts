import { errorOf, fakeApp, USER_EMAIL } from './fake-app';

describe('data validation builder', () => {
  test('list validation round trip through a range, copy keeps the settings', () => {
    const { app, sheet } = fakeApp();
    const rule = app
      .newDataValidation()
      .requireValueInList(['F', 'H'], true)
      .setAllowInvalid(false)
      .setHelpText('Choisissez F ou H.')
      .build();
    sheet.getRange('E2:E10').setDataValidation(rule);
    const read = sheet.getRange('E5').getDataValidation()!;
    expect(read.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(read.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(read.getCriteriaValues()).toEqual([['F', 'H'], true]);
    expect(read.getAllowInvalid()).toBe(false);
    expect(read.getHelpText()).toBe('Choisissez F ou H.');
    expect(sheet.getRange('E11').getDataValidation()).toBeNull();
    const copy = read.copy().setAllowInvalid(true).build();
    expect(copy.getAllowInvalid()).toBe(true);
    expect(copy.getCriteriaValues()).toEqual([['F', 'H'], true]);
    expect(read.getAllowInvalid()).toBe(false);
  });

  test('every criteria the add-in uses, with Google defaults', () => {
    const { app, ss, sheet } = fakeApp();
    const listes = ss.insertSheet('Listes');
    const inRange = app.newDataValidation().requireValueInRange(listes.getRange('A2:A50'), false).build();
    const values = inRange.getCriteriaValues();
    expect(inRange.getCriteriaType()).toBe('VALUE_IN_RANGE');
    expect((values[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe('A2:A50');
    expect((values[0] as GoogleAppsScript.Spreadsheet.Range).getSheet().getName()).toBe('Listes');
    expect(values[1]).toBe(false);
    const date = app.newDataValidation().requireDate().build();
    expect([date.getCriteriaType(), date.getCriteriaValues(), date.getAllowInvalid(), date.getHelpText()]).toEqual([
      'DATE_IS_VALID_DATE',
      [],
      true,
      null,
    ]);
    expect(app.newDataValidation().requireNumberBetween(0, 35).build().getCriteriaValues()).toEqual([0, 35]);
    expect(app.newDataValidation().requireNumberGreaterThanOrEqualTo(9).build().getCriteriaType()).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO');
    expect(app.newDataValidation().requireCheckbox().build().getCriteriaType()).toBe('CHECKBOX');
    expect(errorOf(() => app.newDataValidation().build())).toMatch(/^Exception: /);
    sheet.getRange('A1:A3').setDataValidation(date);
    sheet.getRange('A2').clearDataValidations();
    expect(sheet.getRange('A1:A3').getDataValidations().map((row) => row[0] === null)).toEqual([false, true, false]);
  });
});

describe('developer metadata', () => {
  test('spreadsheet, sheet, row and column locations, found by key, value and type', () => {
    const { app, ss, sheet } = fakeApp();
    ss.addDeveloperMetadata('parcours.version', '1');
    const bilan = ss.insertSheet('Bilan 2026-T3');
    bilan.addDeveloperMetadata('parcours.generated', 'bilan', app.DeveloperMetadataVisibility.PROJECT);
    sheet.getRange('3:3').addDeveloperMetadata('parcours.row', 'P-2026-0001');
    sheet.getRange('C:C').addDeveloperMetadata('parcours.column', 'Nom');
    expect(ss.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['parcours.version']);
    expect(bilan.getDeveloperMetadata().map((m) => [m.getValue(), m.getVisibility()])).toEqual([['bilan', 'PROJECT']]);
    const found = ss.createDeveloperMetadataFinder().withKey('parcours.generated').withValue('bilan').find();
    expect(found).toHaveLength(1);
    expect(found[0]!.getLocation().getSheet()!.getName()).toBe('Bilan 2026-T3');
    expect(found[0]!.getLocation().getLocationType()).toBe('SHEET');
    const rows = ss.createDeveloperMetadataFinder().withLocationType(app.DeveloperMetadataLocationType.ROW).find();
    expect(rows.map((m) => m.getLocation().getRow()!.getA1Notation())).toEqual(['A3:Z3']);
    expect(rows[0]!.getLocation().getSheet()).toBeNull();
    expect(sheet.createDeveloperMetadataFinder().find().map((m) => m.getKey())).toEqual(['parcours.row', 'parcours.column']);
    expect(sheet.getRange('C1:C1000').getDeveloperMetadata().map((m) => m.getValue())).toEqual(['Nom']);
    expect(ss.createDeveloperMetadataFinder().withKey('absent').find()).toEqual([]);
  });

  test('row metadata follows inserted rows and disappears with deleted ones; remove() deletes', () => {
    const { ss, sheet } = fakeApp();
    sheet.getRange('5:5').addDeveloperMetadata('ligne', 'cinq');
    sheet.insertRowsBefore(2, 3);
    const moved = ss.createDeveloperMetadataFinder().withKey('ligne').find()[0]!;
    expect(moved.getLocation().getRow()!.getRow()).toBe(8);
    sheet.deleteRows(8, 1);
    expect(ss.createDeveloperMetadataFinder().withKey('ligne').find()).toEqual([]);
    ss.addDeveloperMetadata('a');
    ss.getDeveloperMetadata()[0]!.remove();
    expect(ss.getDeveloperMetadata()).toEqual([]);
  });

  test('an arbitrary range cannot hold metadata; deleting a sheet drops its metadata', () => {
    const { ss, sheet } = fakeApp();
    expect(errorOf(() => sheet.getRange('A1:B2').addDeveloperMetadata('x'))).toMatch(
      /^Exception: Adding developer metadata to arbitrary ranges is not currently supported\./,
    );
    const other = ss.insertSheet('Autre');
    other.addDeveloperMetadata('k', 'v');
    ss.deleteSheet(other);
    expect(ss.createDeveloperMetadataFinder().find()).toEqual([]);
  });
});

describe('protections', () => {
  test('sheet and range protections record description, warning and editors; the owner stays', () => {
    const { app, sheet } = fakeApp();
    const protection = sheet.protect().setDescription('Feuille générée par Parcours').setWarningOnly(true);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(sheet.protect().getDescription()).toBe('Feuille générée par Parcours');
    expect(protection.isWarningOnly()).toBe(true);
    protection.addEditor('camille.martin@exemple.fr');
    protection.removeEditors([USER_EMAIL, 'camille.martin@exemple.fr']);
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual([USER_EMAIL]);
    expect(protection.canEdit()).toBe(true);
    expect(protection.getRange().getA1Notation()).toBe('A1:Z1000');
    const rangeProtection = sheet.getRange('A1:C1').protect();
    expect(rangeProtection.getProtectionType()).toBe('RANGE');
    expect(sheet.getProtections(app.ProtectionType.RANGE).map((p) => p.getRange().getA1Notation())).toEqual(['A1:C1']);
    rangeProtection.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toEqual([]);
  });
});
