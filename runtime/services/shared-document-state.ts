/**
 * State that Apps Script keeps per document and script project rather than per execution:
 * locks, properties, caches, installable triggers. It is keyed by the spreadsheet model, so
 * every runtime created on the same model (two coordinators on the same workbook) shares it
 * and can contend for the document lock.
 */
export interface SharedLockState {
  /** Execution currently holding the lock, or null. */
  owner: symbol | null;
}

export interface CacheEntry {
  value: string;
  /** Epoch milliseconds after which the entry is gone. */
  expiresAt: number;
}

export interface TriggerRecord {
  uniqueId: string;
  handlerFunction: string;
  ownerEmail: string;
  source: 'CLOCK' | 'SPREADSHEETS';
  eventType: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
  /** Human-readable schedule for clock triggers, e.g. `everyDays(1) atHour(6)`. */
  schedule: string;
}

export interface SharedDocumentState {
  documentLock: SharedLockState;
  scriptLock: SharedLockState;
  userLocks: Map<string, SharedLockState>;
  scriptProperties: Map<string, string>;
  documentProperties: Map<string, string>;
  userProperties: Map<string, Map<string, string>>;
  scriptCache: Map<string, CacheEntry>;
  documentCache: Map<string, CacheEntry>;
  userCaches: Map<string, Map<string, CacheEntry>>;
  triggers: TriggerRecord[];
  nextTriggerNumber: number;
}

const statesByDocument = new WeakMap<object, SharedDocumentState>();

export function sharedStateOf(document: object): SharedDocumentState {
  let state = statesByDocument.get(document);
  if (state === undefined) {
    state = {
      documentLock: { owner: null },
      scriptLock: { owner: null },
      userLocks: new Map(),
      scriptProperties: new Map(),
      documentProperties: new Map(),
      userProperties: new Map(),
      scriptCache: new Map(),
      documentCache: new Map(),
      userCaches: new Map(),
      triggers: [],
      nextTriggerNumber: 1,
    };
    statesByDocument.set(document, state);
  }
  return state;
}

/** The value stored under `key`, created on first use. */
export function entryFor<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
