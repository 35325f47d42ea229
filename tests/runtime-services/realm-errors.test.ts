/**
 * On Google, what a service throws is an Error of the script's own world: `e instanceof Error`
 * holds and `e.message` starts with `Exception:`. In the local runtime the fakes are host code,
 * so their exceptions must be rebuilt in the bundle's node:vm realm.
 */
import { loadBundle } from '../../runtime/bundle-loader';
import { realmError } from '../../runtime/realm-errors';
import { HOST_REALM } from '../../runtime/runtime-context';

/** One top-level probe: runs every case inside the bundle and describes what each one threw. */
const PROBE_BUNDLE = `
function describe_(run) {
  try {
    run();
    return null;
  } catch (e) {
    return {
      isError: e instanceof Error,
      realmPrototype: Object.getPrototypeOf(e) === Error.prototype,
      isTypeError: e instanceof TypeError,
      name: e.name,
      message: e.message,
    };
  }
}
function probe() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheets()[0];
  return {
    rangeStart: describe_(function () { sheet.getRange(0, 1); }),
    setValuesShape: describe_(function () { sheet.getRange(1, 1, 2, 1).setValues([['a']]); }),
    a1: describe_(function () { ss.getRange('Feuille inconnue!A1'); }),
    duplicateSheet: describe_(function () { ss.insertSheet(sheet.getName()); }),
    validationWithoutCriteria: describe_(function () { SpreadsheetApp.newDataValidation().build(); }),
    protectionEditor: describe_(function () { sheet.protect().setDescription('x').addEditor('coordination@exemple.fr'); }),
    metadataOnCell: describe_(function () { sheet.getRange('B2').addDeveloperMetadata('parcours.x'); }),
    lockTimeout: describe_(function () { LockService.getDocumentLock().waitLock(-1); }),
    cacheKey: describe_(function () { CacheService.getScriptCache().put('', 'x'); }),
    propertyKey: describe_(function () { PropertiesService.getDocumentProperties().setProperty('', 'x'); }),
    timeZone: describe_(function () { Utilities.formatDate(new Date(0), 'Mars/Olympus', 'yyyy'); }),
    htmlFile: describe_(function () { HtmlService.createHtmlOutputFromFile('Absente'); }),
    trigger: describe_(function () { ScriptApp.newTrigger('probe').timeBased().create(); }),
    mail: describe_(function () { MailApp.sendEmail({ to: '', subject: 'x', body: 'y' }); }),
    menuCaption: describe_(function () { SpreadsheetApp.getUi().createMenu('Parcours').addItem(); }),
    noError: describe_(function () { sheet.getRange(1, 1).setValue('ok'); }),
  };
}
`;

type Thrown = { isError: boolean; realmPrototype: boolean; isTypeError: boolean; name: string; message: string } | null;

describe('exceptions thrown by the fakes, seen from the bundle', () => {
  const results = loadBundle(PROBE_BUNDLE, { now: new Date('2026-07-01T08:00:00Z') }).call<Record<string, Thrown>>('probe');

  test.each([
    ['rangeStart', 'Exception: The starting row of the range is too small.'],
    ['setValuesShape', 'Exception: The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.'],
    ['a1', 'Exception: Range not found'],
    ['duplicateSheet', 'Exception: A sheet with the name "Feuille 1" already exists. Please enter another name.'],
    ['validationWithoutCriteria', 'Exception: You must specify a criteria type for the data validation rule.'],
    [
      'metadataOnCell',
      'Exception: Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
    ],
    ['lockTimeout', 'Exception: Invalid argument: Lock.waitLock expects a timeout between 0 and 300000 ms.'],
    ['cacheKey', 'Exception: Invalid argument: key'],
    ['propertyKey', 'Exception: Invalid argument: key (setProperty)'],
    ['timeZone', 'Exception: Invalid argument: timeZone (Mars/Olympus)'],
    ['htmlFile', 'Exception: No HTML file named Absente was found.'],
    ['trigger', 'Exception: The trigger has no schedule: call everyDays, everyHours… first.'],
    ['mail', 'Exception: Failed to send email: no recipient'],
    ['menuCaption', 'Exception: Invalid argument: Menu.addItem expects a caption and a function name.'],
  ])('%s: an Error of the script realm, message and name kept', (key, message) => {
    expect(results[key]).toEqual({ isError: true, realmPrototype: true, isTypeError: false, name: 'Exception', message });
  });

  test('a call that succeeds throws nothing, and a protection editor is accepted', () => {
    expect(results['noError']).toBeNull();
    expect(results['protectionEditor']).toBeNull();
  });
});

describe('realmError', () => {
  const realm = loadBundle('', {}).runtime.ctx.realm;

  test('a host TypeError becomes a TypeError of the realm with its message, name and stack', () => {
    const host = new TypeError('Cannot read properties of undefined');
    const rebuilt = realmError(realm, host) as TypeError;
    expect(rebuilt instanceof realm.TypeError).toBe(true);
    expect(rebuilt instanceof TypeError).toBe(false);
    expect(rebuilt.message).toBe('Cannot read properties of undefined');
    expect(rebuilt.name).toBe('TypeError');
    expect(rebuilt.stack).toBe(host.stack);
  });

  test('errors already in the realm, non-errors and the host realm are left as they are', () => {
    const inRealm = new realm.Error('déjà là');
    expect(realmError(realm, inRealm)).toBe(inRealm);
    expect(realmError(realm, 'texte')).toBe('texte');
    const host = new Error('hôte');
    expect(realmError(HOST_REALM, host)).toBe(host);
  });
});
