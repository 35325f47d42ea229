import type { LoadedBundle } from './bundle-loader';
import type { Realm } from './runtime-context';
import { HOST_REALM } from './runtime-context';

/**
 * google.script.run as the HTML service guide defines it: only public top-level functions
 * (no trailing `_`), and parameters and results made only of numbers, booleans, strings,
 * null, and arrays and plain objects of them. Anything else fails the request with the path
 * of the offending value. Values are deep-copied across, so client and server share nothing.
 */
export interface ScriptRunBridge {
  run(functionName: string, args: unknown[]): unknown;
}

export class ScriptRunValueError extends Error {
  constructor(path: string, description: string) {
    super(
      `google.script.run: ${path} is ${description}; only numbers, booleans, strings, null, ` +
        'and arrays or plain objects of them can be passed.',
    );
    this.name = 'ScriptRunValueError';
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'bigint') return 'a bigint';
  if (typeof value === 'number') return `the non-finite number ${value}`;
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  if (tag !== 'Object') return `a ${tag}`;
  const constructorName = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name;
  return `an instance of ${constructorName || 'a class'}`;
}

/** A plain object of any realm: prototype is null or that realm's Object.prototype. */
function isPlainObject(value: object): boolean {
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Checks `value` and copies it into `realm`; undefined object properties are dropped as in JSON. */
function copyLegal(value: unknown, path: string, realm: Realm, ancestors: Set<object>): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ScriptRunValueError(path, describe(value));
    return value;
  }
  if (typeof value !== 'object') throw new ScriptRunValueError(path, describe(value));
  if (ancestors.has(value)) throw new ScriptRunValueError(path, 'a circular reference');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const copy = new realm.Array<unknown>();
      for (let i = 0; i < value.length; i += 1) {
        // Holes and undefined items are refused: JSON would turn them into null silently.
        if (!(i in value)) throw new ScriptRunValueError(`${path}[${i}]`, 'an empty array slot');
        copy.push(copyLegal(value[i], `${path}[${i}]`, realm, ancestors));
      }
      return copy;
    }
    if (!isPlainObject(value)) throw new ScriptRunValueError(path, describe(value));
    const copy = new realm.Object() as Record<string, unknown>;
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      copy[key] = copyLegal(item, `${path}.${key}`, realm, ancestors);
    }
    return copy;
  } finally {
    ancestors.delete(value);
  }
}

export function createScriptRunBridge(bundle: LoadedBundle): ScriptRunBridge {
  return {
    run(functionName, args) {
      const callable =
        typeof functionName === 'string' &&
        !functionName.endsWith('_') &&
        bundle.globalFunctionNames().includes(functionName);
      if (!callable) throw new Error(`Script function not found: ${String(functionName)}`);
      if (!Array.isArray(args)) throw new Error('google.script.run: args must be an array.');
      const serverRealm = bundle.runtime.ctx.realm;
      const serverArgs = args.map((arg, i) => {
        if (arg === undefined) throw new ScriptRunValueError(`args[${i}]`, 'undefined');
        return copyLegal(arg, `args[${i}]`, serverRealm, new Set());
      });
      const result = bundle.call(functionName, ...serverArgs);
      // A function that returns nothing gives the success handler undefined.
      if (result === undefined) return undefined;
      return copyLegal(result, 'result', HOST_REALM, new Set());
    },
  };
}
