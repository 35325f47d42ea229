import { AppsScriptException } from '../runtime-context';
import { type ExecutionState, recordCall, requireAuthMode } from './execution';
import { type CacheEntry, entryFor, type SharedDocumentState } from './shared-document-state';

export interface FakeCache {
  get(key: string): string | null;
  getAll(keys: string[]): Record<string, string>;
  put(key: string, value: string, expirationInSeconds?: number): void;
  putAll(values: Record<string, string>, expirationInSeconds?: number): void;
  remove(key: string): void;
  removeAll(keys: string[]): void;
}

export interface FakeCacheService {
  getScriptCache(): FakeCache;
  getDocumentCache(): FakeCache;
  getUserCache(): FakeCache;
}

// Apps Script's documented limits.
const MAX_KEY_LENGTH = 250;
const MAX_VALUE_BYTES = 100 * 1024;
const DEFAULT_TTL_SECONDS = 600;
const MAX_TTL_SECONDS = 21_600;
const MAX_PUT_ALL = 1000;

function requireKey(key: unknown): string {
  if (typeof key !== 'string' || key === '') throw new AppsScriptException('Invalid argument: key');
  if (key.length > MAX_KEY_LENGTH) throw new AppsScriptException('Argument too large: key');
  return key;
}

function requireValue(value: unknown): string {
  if (typeof value !== 'string') throw new AppsScriptException('Invalid argument: value (a cache stores strings only)');
  if (Buffer.byteLength(value, 'utf8') > MAX_VALUE_BYTES) throw new AppsScriptException('Argument too large: value');
  return value;
}

function requireTtl(ttl: unknown): number {
  if (ttl === undefined) return DEFAULT_TTL_SECONDS;
  if (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl < 1 || ttl > MAX_TTL_SECONDS) {
    throw new AppsScriptException(`Invalid argument: expirationInSeconds must be between 1 and ${MAX_TTL_SECONDS}.`);
  }
  return ttl;
}

function requireKeyList(keys: unknown): string[] {
  if (!Array.isArray(keys)) throw new AppsScriptException('Invalid argument: keys');
  return keys.map(requireKey);
}

/** Entries expire against the runtime clock (ctx.now), so tests can step time forward. */
function createCache(execution: ExecutionState, store: Map<string, CacheEntry>): FakeCache {
  const { ctx } = execution;
  const live = (key: string): string | null => {
    const entry = store.get(key);
    if (entry === undefined) return null;
    if (ctx.now().getTime() >= entry.expiresAt) {
      store.delete(key);
      return null;
    }
    return entry.value;
  };
  const put = (key: string, value: string, ttlSeconds: number): void => {
    store.set(key, { value, expiresAt: ctx.now().getTime() + ttlSeconds * 1000 });
  };
  return {
    get(key) {
      recordCall(ctx, 'Cache.get', 'read');
      return live(requireKey(key));
    },
    getAll(keys) {
      recordCall(ctx, 'Cache.getAll', 'read');
      const result = new ctx.realm.Object() as Record<string, string>;
      for (const key of requireKeyList(keys)) {
        const value = live(key);
        if (value !== null) result[key] = value;
      }
      return result;
    },
    put(key, value, expirationInSeconds) {
      recordCall(ctx, 'Cache.put', 'write');
      put(requireKey(key), requireValue(value), requireTtl(expirationInSeconds));
    },
    putAll(values, expirationInSeconds) {
      recordCall(ctx, 'Cache.putAll', 'write');
      if (values === null || typeof values !== 'object') throw new AppsScriptException('Invalid argument: values');
      const entries = Object.entries(values).map(([key, value]) => [requireKey(key), requireValue(value)] as const);
      if (entries.length > MAX_PUT_ALL) throw new AppsScriptException('Argument too large: values');
      const ttl = requireTtl(expirationInSeconds);
      for (const [key, value] of entries) put(key, value, ttl);
    },
    remove(key) {
      recordCall(ctx, 'Cache.remove', 'write');
      store.delete(requireKey(key));
    },
    removeAll(keys) {
      recordCall(ctx, 'Cache.removeAll', 'write');
      for (const key of requireKeyList(keys)) store.delete(key);
    },
  };
}

export function createCacheService(execution: ExecutionState, shared: SharedDocumentState): FakeCacheService {
  const { ctx } = execution;
  const open = (method: string, store: () => Map<string, CacheEntry>): FakeCache => {
    recordCall(ctx, `CacheService.${method}`);
    requireAuthMode(execution, `CacheService.${method}`, 'LIMITED');
    return createCache(execution, store());
  };
  return {
    getScriptCache: () => open('getScriptCache', () => shared.scriptCache),
    getDocumentCache: () => open('getDocumentCache', () => shared.documentCache),
    getUserCache: () => open('getUserCache', () => entryFor(shared.userCaches, ctx.userEmail, () => new Map())),
  };
}
