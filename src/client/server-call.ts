import type * as FormHandlers from '../server/form-handlers';

/**
 * A typed promise over google.script.run (the gas-client idea): the names, arguments and results
 * are those of the server module's exports, checked by the compiler. Only the type of the
 * module is imported: no server code reaches the sidebar.
 */
type Handlers = typeof FormHandlers;
type ServerFunctionName = {
  [K in keyof Handlers]: Handlers[K] extends (...args: never[]) => unknown ? K : never;
}[keyof Handlers];
type ServerFunction<K extends ServerFunctionName> = Handlers[K] extends (...args: infer A) => infer R
  ? { args: A; result: R }
  : never;

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [functionName: string]: unknown;
}

declare const google: { script: { run: ScriptRunner; host: { close(): void } } };

export function serverCall<K extends ServerFunctionName>(
  name: K,
  ...args: ServerFunction<K>['args']
): Promise<ServerFunction<K>['result']> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ServerFunction<K>['result']))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

/** Closes the sidebar (google.script.host.close). */
export function closeSidebar(): void {
  google.script.host.close();
}
