import { AppsScriptException } from '../runtime-context';
import { type ExecutionState, recordCall, requireAuthMode } from './execution';
import { entryFor, type SharedDocumentState } from './shared-document-state';

export interface FakeProperties {
  getProperty(key: string): string | null;
  setProperty(key: string, value: unknown): FakeProperties;
  getProperties(): Record<string, string>;
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): FakeProperties;
  deleteProperty(key: string): FakeProperties;
  deleteAllProperties(): FakeProperties;
  getKeys(): string[];
}

export interface FakePropertiesService {
  getScriptProperties(): FakeProperties;
  getDocumentProperties(): FakeProperties;
  getUserProperties(): FakeProperties;
}

// Apps Script's quota: 9 KB per value, 500 KB per property store.
const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

function requireKey(method: string, key: unknown): string {
  if (typeof key !== 'string' || key === '') throw new AppsScriptException(`Invalid argument: key (${method})`);
  return key;
}

/** Google stores every value as a string: setProperty(k, 3) reads back '3'. */
function storedValue(value: unknown): string {
  const text = String(value);
  if (Buffer.byteLength(text, 'utf8') > MAX_VALUE_BYTES) {
    throw new AppsScriptException('Argument too large: value');
  }
  return text;
}

function checkStoreSize(store: Map<string, string>): void {
  let bytes = 0;
  for (const [key, value] of store) bytes += Buffer.byteLength(key, 'utf8') + Buffer.byteLength(value, 'utf8');
  if (bytes > MAX_STORE_BYTES) throw new AppsScriptException('You have exceeded the property storage quota.');
}

function createProperties(execution: ExecutionState, store: Map<string, string>): FakeProperties {
  const { ctx } = execution;
  const { realm } = ctx;
  const properties: FakeProperties = {
    getProperty(key) {
      recordCall(ctx, 'Properties.getProperty', 'read');
      return store.get(requireKey('getProperty', key)) ?? null;
    },
    setProperty(key, value) {
      recordCall(ctx, 'Properties.setProperty', 'write');
      const checkedKey = requireKey('setProperty', key);
      const previous = store.get(checkedKey);
      store.set(checkedKey, storedValue(value));
      try {
        checkStoreSize(store);
      } catch (error) {
        if (previous === undefined) store.delete(checkedKey);
        else store.set(checkedKey, previous);
        throw error;
      }
      return properties;
    },
    getProperties() {
      recordCall(ctx, 'Properties.getProperties', 'read');
      const result = new realm.Object() as Record<string, string>;
      for (const [key, value] of store) result[key] = value;
      return result;
    },
    setProperties(values, deleteAllOthers = false) {
      recordCall(ctx, 'Properties.setProperties', 'write');
      if (values === null || typeof values !== 'object') throw new AppsScriptException('Invalid argument: properties');
      const next = new Map(deleteAllOthers ? [] : store);
      for (const [key, value] of Object.entries(values)) next.set(requireKey('setProperties', key), storedValue(value));
      checkStoreSize(next);
      store.clear();
      for (const [key, value] of next) store.set(key, value);
      return properties;
    },
    deleteProperty(key) {
      recordCall(ctx, 'Properties.deleteProperty', 'write');
      store.delete(requireKey('deleteProperty', key));
      return properties;
    },
    deleteAllProperties() {
      recordCall(ctx, 'Properties.deleteAllProperties', 'write');
      store.clear();
      return properties;
    },
    getKeys() {
      recordCall(ctx, 'Properties.getKeys', 'read');
      const keys = new realm.Array<string>();
      for (const key of store.keys()) keys.push(key);
      return keys;
    },
  };
  return properties;
}

export function createPropertiesService(execution: ExecutionState, shared: SharedDocumentState): FakePropertiesService {
  const { ctx } = execution;
  const open = (method: string, store: () => Map<string, string>): FakeProperties => {
    recordCall(ctx, `PropertiesService.${method}`);
    requireAuthMode(execution, `PropertiesService.${method}`, 'LIMITED');
    return createProperties(execution, store());
  };
  return {
    getScriptProperties: () => open('getScriptProperties', () => shared.scriptProperties),
    getDocumentProperties: () => open('getDocumentProperties', () => shared.documentProperties),
    getUserProperties: () =>
      open('getUserProperties', () => entryFor(shared.userProperties, ctx.userEmail, () => new Map())),
  };
}
