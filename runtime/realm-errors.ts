/**
 * Exceptions in the script's realm. The fakes are host code: what they throw (an
 * AppsScriptException, or a TypeError of a bad argument) is a host-realm Error, and inside the
 * bundle's `node:vm` context `e instanceof Error` would be false — on Google it is true. Every
 * method the script can reach is wrapped once so that a host Error leaving it is rebuilt with
 * the realm's constructors: same message, same name, same stack.
 *
 * - the Spreadsheet classes (FakeSheet, FakeRange, …) are shared by every runtime of the process,
 *   so their prototypes are wrapped once and find the realm through the instance (`realmOf`);
 * - the other services are object literals made per runtime: `guardService` wraps one and,
 *   transitively, the plain objects its methods return (a Lock, a Cache, a Menu, a Trigger…).
 */
import type { Realm } from './runtime-context';

/** `error` rebuilt in `realm` when it is a host Error; anything else is returned as it is. */
export function realmError(realm: Realm, error: unknown): unknown {
  if (realm.Error === Error || !(error instanceof Error)) return error;
  const Constructor = error instanceof TypeError ? realm.TypeError : realm.Error;
  const rebuilt = new Constructor(error.message);
  if (rebuilt.name !== error.name) {
    Object.defineProperty(rebuilt, 'name', { value: error.name, writable: true, configurable: true, enumerable: false });
  }
  if (error.stack !== undefined) {
    Object.defineProperty(rebuilt, 'stack', { value: error.stack, writable: true, configurable: true, enumerable: false });
  }
  return rebuilt;
}

const WRAPPED = Symbol('realm-guarded');

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

function isWrapped(fn: AnyFunction): boolean {
  return (fn as unknown as Record<symbol, unknown>)[WRAPPED] === true;
}

function markWrapped(fn: AnyFunction): AnyFunction {
  Object.defineProperty(fn, WRAPPED, { value: true });
  return fn;
}

/**
 * Wraps every method of a class once (idempotent): a host Error thrown by a call comes out in
 * the realm `realmOf(this)` names. Accessors and the constructor are left alone.
 */
export function guardPrototype(cls: { prototype: object }, realmOf: (self: unknown) => Realm): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
    const original = descriptor.value as unknown;
    if (name === 'constructor' || typeof original !== 'function' || isWrapped(original as AnyFunction)) continue;
    const method = original as AnyFunction;
    const wrapped = markWrapped(function (this: unknown, ...args: unknown[]): unknown {
      try {
        return method.apply(this, args);
      } catch (error) {
        throw realmError(realmOf(this), error);
      }
    });
    Object.defineProperty(wrapped, 'name', { value: method.name });
    Object.defineProperty(proto, name, { ...descriptor, value: wrapped });
  }
}

const guardedServices = new WeakSet<object>();

function isHostPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Guards the plain objects a service call returns, and those inside a returned array. */
function guardResult(realm: Realm, result: unknown): void {
  if (isHostPlainObject(result)) guardService(realm, result);
  else if (Array.isArray(result)) {
    for (const item of result) if (isHostPlainObject(item)) guardService(realm, item);
  }
}

/**
 * Wraps, in place, the function-valued own properties of a service object made for one runtime,
 * and the plain objects its methods return. Returns the same object.
 */
export function guardService<T extends object>(realm: Realm, service: T): T {
  if (realm.Error === Error || guardedServices.has(service)) return service;
  guardedServices.add(service);
  const target = service as Record<string, unknown>;
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(service))) {
    const original = descriptor.value as unknown;
    if (typeof original !== 'function' || !descriptor.writable) continue;
    const method = original as AnyFunction;
    const wrapped = function (this: unknown, ...args: unknown[]): unknown {
      let result: unknown;
      try {
        result = method.apply(this, args);
      } catch (error) {
        throw realmError(realm, error);
      }
      guardResult(realm, result);
      return result;
    };
    Object.defineProperty(wrapped, 'name', { value: method.name });
    target[name] = wrapped;
  }
  return service;
}
