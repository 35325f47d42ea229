import { loadBundle } from '../../runtime/bundle-loader';
import type { FakeCacheService } from '../../runtime/services/cache-service';
import type { FakeLockService } from '../../runtime/services/lock-service';
import type { FakePropertiesService } from '../../runtime/services/properties-service';
import { createSpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { TEST_BUNDLE } from './test-bundle';

describe('LockService', () => {
  it('makes two executions on the same spreadsheet contend for the document lock', () => {
    const model = createSpreadsheetModel('Suivi');
    const first = loadBundle(TEST_BUNDLE, { model, userEmail: 'camille.martin@exemple.fr' });
    const second = loadBundle(TEST_BUNDLE, { model, userEmail: 'louis.bernard@exemple.fr' });
    const firstLock = (first.runtime.globals.LockService as FakeLockService).getDocumentLock()!;

    expect(firstLock.tryLock(0)).toBe(true);
    expect(first.runtime.locks.holdsDocumentLock()).toBe(true);
    expect(() => second.call('withDocumentLock')).toThrow(
      'Exception: Lock timeout: another process was holding the lock for too long.',
    );
    expect(second.call('tryDocumentLock')).toBe(false);

    firstLock.releaseLock();
    expect(first.runtime.locks.holdsDocumentLock()).toBe(false);
    expect(second.call('withDocumentLock')).toBe(true);
  });

  it('releases the locks an execution forgot when it ends', () => {
    const model = createSpreadsheetModel();
    const first = loadBundle(TEST_BUNDLE, { model });
    const second = loadBundle(TEST_BUNDLE, { model });
    expect(first.call('keepDocumentLock')).toBe(true);
    expect(first.runtime.locks.holdsDocumentLock()).toBe(false);
    expect(second.call('tryDocumentLock')).toBe(true);
  });

  it('does not share the document lock between spreadsheets', () => {
    const first = loadBundle(TEST_BUNDLE, { model: createSpreadsheetModel() });
    const second = loadBundle(TEST_BUNDLE, { model: createSpreadsheetModel() });
    expect((first.runtime.globals.LockService as FakeLockService).getDocumentLock()!.tryLock(0)).toBe(true);
    expect(second.call('tryDocumentLock')).toBe(true);
  });
});

describe('PropertiesService', () => {
  it('stores strings, shared by the executions of the same document', () => {
    const model = createSpreadsheetModel();
    const writer = loadBundle(TEST_BUNDLE, { model });
    const reader = loadBundle(TEST_BUNDLE, { model });
    writer.call('rememberCount', 42);
    expect({ ...reader.call<object>('readCount') }).toEqual({ value: '42', type: 'string' });
    expect({ ...loadBundle(TEST_BUNDLE).call<object>('readCount') }).toEqual({ value: null, type: 'object' });
  });

  it('keeps user properties per user and supports the whole Properties API', () => {
    const model = createSpreadsheetModel();
    const camille = loadBundle(TEST_BUNDLE, { model, userEmail: 'camille.martin@exemple.fr' });
    const louis = loadBundle(TEST_BUNDLE, { model, userEmail: 'louis.bernard@exemple.fr' });
    const props = (camille.runtime.globals.PropertiesService as FakePropertiesService).getUserProperties();
    props.setProperty('atelier', 'Maraîchage').setProperties({ vue: 'compacte', taille: 12 });
    expect([...props.getKeys()].sort()).toEqual(['atelier', 'taille', 'vue']);
    expect({ ...props.getProperties() }).toEqual({ atelier: 'Maraîchage', vue: 'compacte', taille: '12' });
    props.deleteProperty('vue');
    expect(props.getProperty('vue')).toBeNull();
    props.setProperties({ seul: 'oui' }, true);
    expect({ ...props.getProperties() }).toEqual({ seul: 'oui' });
    const louisProps = (louis.runtime.globals.PropertiesService as FakePropertiesService).getUserProperties();
    expect(louisProps.getProperty('seul')).toBeNull();
    props.deleteAllProperties();
    expect([...props.getKeys()]).toEqual([]);
    expect(() => props.setProperty('gros', 'x'.repeat(9 * 1024 + 1))).toThrow('Exception: Argument too large: value');
  });
});

describe('CacheService', () => {
  it('expires entries against the runtime clock', () => {
    let current = Date.parse('2026-07-01T08:00:00Z');
    const bundle = loadBundle(TEST_BUNDLE, { now: () => new Date(current) });
    const cache = (bundle.runtime.globals.CacheService as FakeCacheService).getScriptCache();
    cache.put('court', 'a', 60);
    cache.put('défaut', 'b');
    cache.putAll({ c: '1', d: '2' }, 21_600);
    current += 59_000;
    expect(cache.get('court')).toBe('a');
    current += 1_000;
    expect(cache.get('court')).toBeNull();
    expect(cache.get('défaut')).toBe('b');
    current += 540_000; // 600 s after the put: the default lifetime is over
    expect(cache.get('défaut')).toBeNull();
    expect({ ...cache.getAll(['c', 'd', 'absent']) }).toEqual({ c: '1', d: '2' });
    cache.removeAll(['c']);
    cache.remove('d');
    expect({ ...cache.getAll(['c', 'd']) }).toEqual({});
  });

  it('enforces the size and lifetime limits', () => {
    const bundle = loadBundle(TEST_BUNDLE);
    const cache = (bundle.runtime.globals.CacheService as FakeCacheService).getDocumentCache();
    expect(() => cache.put('k', 'x'.repeat(100 * 1024 + 1))).toThrow('Exception: Argument too large: value');
    expect(() => cache.put('k', 'v', 21_601)).toThrow(/expirationInSeconds/);
    expect(() => cache.put('k', 3 as unknown as string)).toThrow(/strings only/);
  });
});
