/** RuntimeOptions.requireDocumentLockFor: a write to a listed sheet without the document lock is refused. */
import { loadBundle } from '../../runtime/bundle-loader';
import { valueAt } from '../../runtime/spreadsheet/sheet-grid';

const BUNDLE = `
function setUp() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var lock = LockService.getDocumentLock();
  lock.waitLock(1000);
  try {
    ss.insertSheet('Participants');
    ss.insertSheet('Notes');
  } finally {
    lock.releaseLock();
  }
}
function writeWithoutLock(sheetName) {
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName).getRange('A1').setValue('sans verrou');
}
function writeUnderLock() {
  var lock = LockService.getDocumentLock();
  lock.waitLock(1000);
  try {
    var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Participants');
    sheet.getRange('A1:B1').setValues([['ID', 'Nom']]);
    sheet.setFrozenRows(1);
    sheet.getRange('A1').protect().setWarningOnly(true);
  } finally {
    lock.releaseLock();
  }
}
function swallowRefusal() {
  try {
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Participants').setFrozenRows(1);
    return 'écrit';
  } catch (e) {
    return e instanceof Error ? e.name : 'autre';
  }
}
function readWithoutLock() {
  return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Participants').getRange('A1').getValue();
}
function createLockedSheetWithoutLock() { SpreadsheetApp.getActiveSpreadsheet().insertSheet('Journal'); }
function protectWithoutLock() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Participants').protect(); }
`;

function open(requireDocumentLockFor?: string[]) {
  const bundle = loadBundle(BUNDLE, requireDocumentLockFor ? { requireDocumentLockFor } : {});
  bundle.call('setUp');
  return bundle;
}

function cell(bundle: ReturnType<typeof open>, sheetName: string): unknown {
  const sheet = bundle.runtime.model.sheets.find((s) => s.name === sheetName)!;
  return valueAt(sheet, 1, 1);
}

test('a write to a listed sheet without the lock throws, names the call and the sheet, and writes nothing', () => {
  const bundle = open(['Participants', 'Journal']);
  expect(() => bundle.call('writeWithoutLock', 'Participants')).toThrow(
    'Range.setValue on sheet "Participants" without the document lock: this runtime requires LockService.getDocumentLock() to be held for every write to it (requireDocumentLockFor).',
  );
  expect(cell(bundle, 'Participants')).toBe('');
  expect(bundle.runtime.lockViolations).toHaveLength(1);
});

test('sheets not listed, reads, and writes under the lock are not affected', () => {
  const bundle = open(['Participants']);
  bundle.call('writeWithoutLock', 'Notes');
  expect(cell(bundle, 'Notes')).toBe('sans verrou');
  bundle.call('writeWithoutLock', 'Notes');
  bundle.call('writeUnderLock');
  expect(cell(bundle, 'Participants')).toBe('ID');
  expect(bundle.call('readWithoutLock')).toBe('ID');
  expect(bundle.runtime.lockViolations).toEqual([]);
});

test('without the option nothing is refused', () => {
  const bundle = open();
  bundle.call('writeWithoutLock', 'Participants');
  expect(cell(bundle, 'Participants')).toBe('sans verrou');
});

test('a refusal the script catches is still recorded, as an Error of the script realm', () => {
  const bundle = open(['Participants']);
  expect(bundle.call('swallowRefusal')).toBe('DocumentLockViolation');
  expect(bundle.runtime.lockViolations).toEqual([expect.stringContaining('Sheet.setFrozenRows on sheet "Participants"')]);
  expect(bundle.runtime.model.sheets.find((s) => s.name === 'Participants')!.frozenRows).toBe(0);
});

test('creating a listed sheet and protecting one need the lock too', () => {
  const bundle = open(['Participants', 'Journal']);
  expect(() => bundle.call('createLockedSheetWithoutLock')).toThrow('Spreadsheet.insertSheet on sheet "Journal"');
  expect(bundle.runtime.model.sheets.map((s) => s.name)).not.toContain('Journal');
  expect(() => bundle.call('protectWithoutLock')).toThrow('Sheet.protect on sheet "Participants"');
  expect(bundle.runtime.model.sheets.find((s) => s.name === 'Participants')!.protections).toEqual([]);
});
