import { loadBundle } from '../../runtime/bundle-loader';
import { HANDLER_NAMES, TEST_BUNDLE } from './test-bundle';

const FIXED = new Date('2026-07-01T08:30:00.000Z');

describe('loadBundle', () => {
  it('exposes the Apps Script globals and nothing from Node', () => {
    const bundle = loadBundle(TEST_BUNDLE);
    const environment = bundle.call<Record<string, string>>('environment');
    expect({ ...environment }).toEqual({
      require: 'undefined',
      process: 'undefined',
      setTimeout: 'undefined',
      fetch: 'undefined',
      Buffer: 'undefined',
      module: 'undefined',
      SpreadsheetApp: 'object',
      HtmlService: 'object',
      LockService: 'object',
      PropertiesService: 'object',
      CacheService: 'object',
      Session: 'object',
      Utilities: 'object',
      ScriptApp: 'object',
      MailApp: 'object',
      Logger: 'object',
      console: 'function',
    });
  });

  it('lists the top-level functions of the bundle only', () => {
    const bundle = loadBundle(TEST_BUNDLE, { now: FIXED });
    expect(bundle.globalFunctionNames()).toEqual(HANDLER_NAMES);
    expect(bundle.globalFunctionNames()).not.toContain('Date');
  });

  it('refuses to call what is not a top-level function', () => {
    const bundle = loadBundle(TEST_BUNDLE);
    expect(() => bundle.call('__parcours')).toThrow('Script function not found: __parcours');
    expect(() => bundle.call('MailApp')).toThrow('Script function not found: MailApp');
    expect(() => bundle.call('toString')).toThrow('Script function not found: toString');
  });

  it('fixes the clock inside the context and keeps Date working', () => {
    const bundle = loadBundle(TEST_BUNDLE, { now: FIXED });
    const clock = bundle.call<Record<string, unknown>>('clock');
    expect({ ...clock }).toEqual({
      iso: '2026-07-01T08:30:00.000Z',
      now: 1782894600000,
      isDate: true,
      sameConstructor: true,
      explicitYear: 2026,
      explicitInstance: true,
      utc: 1767225600000,
      parse: 1767225600000,
      asString: 'string',
    });
  });

  it('lets a test move the clock forward', () => {
    let current = FIXED.getTime();
    const bundle = loadBundle(TEST_BUNDLE, { now: () => new Date(current) });
    current += 90_000;
    expect(bundle.call<{ iso: string }>('clock').iso).toBe('2026-07-01T08:31:30.000Z');
  });

  it('uses the real time when no clock is given', () => {
    const bundle = loadBundle(TEST_BUNDLE);
    const { now } = bundle.call<{ now: number }>('clock');
    expect(Math.abs(now - Date.now())).toBeLessThan(5_000);
  });

  it('counts service calls', () => {
    const bundle = loadBundle(TEST_BUNDLE);
    bundle.call('onOpen');
    bundle.call('rememberCount', 4);
    const { calls } = bundle.runtime;
    expect(calls.count('Ui.createMenu')).toBe(2);
    expect(calls.count('Menu.addItem')).toBe(2);
    expect(calls.count('Menu.addToUi')).toBe(1);
    expect(calls.count('PropertiesService.getDocumentProperties')).toBe(1);
    expect(calls.writes()).toEqual({ 'Properties.setProperty': 1 });
  });
});
