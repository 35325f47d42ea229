/**
 * What crosses between an interleaved execution (a worker thread running the bundle) and the
 * services (the main thread, where the shared spreadsheet model lives). Data is copied: numbers,
 * strings, booleans, null, undefined, Dates, arrays and plain data objects. A service object (a
 * Sheet, a Range, a Lock, a plain object with methods) stays on the main thread and crosses as
 * a handle: the worker calls its methods through the handle, so each call is one service call.
 */

/** A service object as the worker sees it: its methods and its data properties (enums). */
export interface WireHandle {
  $h: number;
  /** Objects of one class share a shape: its methods are sent with the first object of the class. */
  shape?: number;
  methods?: string[];
  props?: Record<string, unknown>;
}

export interface WireObject {
  $o: Record<string, unknown>;
}

export interface WireError {
  name: string;
  message: string;
  stack?: string;
  typeError: boolean;
}

/** Worker → main. */
export type WorkerMessage =
  | { kind: 'call'; handle: number; method: string; args: unknown[] }
  | { kind: 'done'; result: unknown }
  | { kind: 'threw'; error: WireError };

/** Main → worker, synchronously (receiveMessageOnPort after Atomics.wait). */
export type CallReply = { now: number; value: unknown } | { now: number; error: WireError };

/** Main → worker, between executions. */
export interface StartMessage {
  kind: 'start';
  functionName: string;
  args: unknown[];
  globals: Record<string, WireHandle>;
  now: number;
}

export function isWireHandle(value: unknown): value is WireHandle {
  return typeof value === 'object' && value !== null && typeof (value as WireHandle).$h === 'number';
}

export function isWireObject(value: unknown): value is WireObject {
  return typeof value === 'object' && value !== null && typeof (value as WireObject).$o === 'object';
}

export function isDateOfAnyRealm(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A plain object of any realm (prototype null or that realm's Object.prototype). */
export function isPlainObjectOfAnyRealm(value: object): boolean {
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

export function wireErrorOf(error: unknown): WireError {
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)) {
    const e = error as Error;
    return { name: String(e.name), message: String(e.message), stack: e.stack, typeError: e.name === 'TypeError' };
  }
  return { name: 'Error', message: String(error), typeError: false };
}

/** Method names of a service object: own function properties and those of its class chain. */
export function methodNamesOf(value: object): string[] {
  const names = new Set<string>();
  let current: object | null = value;
  while (current !== null && current !== Object.prototype) {
    for (const name of Object.getOwnPropertyNames(current)) {
      if (name === 'constructor') continue;
      const descriptor = Object.getOwnPropertyDescriptor(current, name);
      if (descriptor && typeof descriptor.value === 'function') names.add(name);
    }
    current = Object.getPrototypeOf(current) as object | null;
  }
  return [...names];
}

function hasMethods(value: object): boolean {
  return Object.values(value).some((item) => typeof item === 'function');
}

/**
 * Encodes a value for the other side. `handleOf` turns a service object into a handle; data
 * objects are copied. Functions cannot cross (Apps Script services take none from this add-in).
 */
export function toWire(value: unknown, handleOf: (service: object) => WireHandle | { $h: number }): unknown {
  if (value === null || value === undefined) return value;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return value;
  if (type === 'function') throw new TypeError('A function cannot be passed to or from an Apps Script service.');
  if (type !== 'object') throw new TypeError(`A ${type} cannot be passed to or from an Apps Script service.`);
  const object = value as object;
  if (isDateOfAnyRealm(object)) return new Date(Date.prototype.getTime.call(object));
  if (Array.isArray(object)) {
    const items = new Array<unknown>(object.length);
    for (let i = 0; i < object.length; i += 1) items[i] = toWire(object[i], handleOf);
    return items;
  }
  if (isPlainObjectOfAnyRealm(object) && !hasMethods(object)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(object)) copy[key] = toWire(item, handleOf);
    return { $o: copy } satisfies WireObject;
  }
  return handleOf(object);
}

/** Decodes a value from the other side, building arrays, objects and Dates with `realm`. */
export function fromWire(
  value: unknown,
  realm: { Date: DateConstructor; Array: ArrayConstructor; Object: ObjectConstructor },
  objectOf: (handle: WireHandle) => object,
): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isDateOfAnyRealm(value)) return new realm.Date(Date.prototype.getTime.call(value));
  if (Array.isArray(value)) {
    const items = new realm.Array<unknown>(value.length);
    for (let i = 0; i < value.length; i += 1) items[i] = fromWire(value[i], realm, objectOf);
    return items;
  }
  if (isWireHandle(value)) return objectOf(value);
  if (isWireObject(value)) {
    const copy = new realm.Object() as Record<string, unknown>;
    for (const [key, item] of Object.entries(value.$o)) copy[key] = fromWire(item, realm, objectOf);
    return copy;
  }
  throw new TypeError('Unexpected value on the interleaving wire.');
}
