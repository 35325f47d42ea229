import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { type AppsScriptRuntime, createRuntime, type RuntimeOptions, resolveClock } from './apps-script-runtime';
import { installClock } from './fixed-clock';
import type { Realm } from './runtime-context';

export interface LoadedBundle {
  runtime: AppsScriptRuntime;
  context: vm.Context;
  /** Calls a top-level function of the bundle as one execution; throws if there is no such function. */
  call<T = unknown>(functionName: string, ...args: unknown[]): T;
  /** Top-level functions the bundle declared (not the service globals), sorted. */
  globalFunctionNames(): string[];
}

export function loadBundle(code: string, options: RuntimeOptions & { filename?: string } = {}): LoadedBundle {
  const { filename = 'Code.js', ...runtimeOptions } = options;
  // An empty sandbox: the context gets the JavaScript built-ins and only the globals we add.
  const sandbox: Record<string, unknown> = {};
  const context = vm.createContext(sandbox, { name: 'Apps Script', codeGeneration: { strings: true, wasm: false } });
  // Taken before the clock is installed: the services build Dates from known instants, so they
  // skip the fixed-clock wrapper (same prototype, so instanceof Date holds either way).
  const realm = vm.runInContext('({ Date, Array, Object, Error, TypeError })', context) as Realm;
  if (runtimeOptions.now !== undefined) {
    const clock = resolveClock(runtimeOptions.now);
    installClock(context, clock);
    runtimeOptions.now = clock;
  }
  const runtime = createRuntime(realm, runtimeOptions);
  for (const [name, service] of Object.entries(runtime.globals)) sandbox[name] = service;
  runtime.setScriptEvaluator((source) => vm.runInContext(source, context));
  const preexisting = new Set(Object.keys(sandbox));

  vm.runInContext(code, context, { filename });

  const globalFunctionNames = (): string[] =>
    Object.keys(sandbox)
      .filter((name) => !preexisting.has(name) && typeof sandbox[name] === 'function')
      .sort();

  return {
    runtime,
    context,
    globalFunctionNames,
    call<T = unknown>(functionName: string, ...args: unknown[]): T {
      const fn = Object.hasOwn(sandbox, functionName) ? sandbox[functionName] : undefined;
      if (preexisting.has(functionName) || typeof fn !== 'function') {
        throw new Error(`Script function not found: ${functionName}`);
      }
      try {
        return fn(...args) as T;
      } finally {
        runtime.endExecution();
      }
    },
  };
}

/** Loads `distDir/Code.js` (what `clasp push` sends) with the HTML files of the same folder. */
export function loadBuiltBundle(distDir: string, options: RuntimeOptions = {}): LoadedBundle {
  const code = readFileSync(join(distDir, 'Code.js'), 'utf8');
  return loadBundle(code, { htmlDir: distDir, ...options, filename: join(distDir, 'Code.js') });
}
