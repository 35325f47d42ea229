import type * as FollowupHandlers from '../../../server/followup-handlers';

/** google.script.run as a typed promise over the follow-up handlers (only their types reach the page). */
type Handlers = typeof FollowupHandlers;
type Name = { [K in keyof Handlers]: Handlers[K] extends (...args: never[]) => unknown ? K : never }[keyof Handlers];
type Args<K extends Name> = Handlers[K] extends (...args: infer A) => unknown ? A : never;
type Result<K extends Name> = Handlers[K] extends (...args: never[]) => infer R ? R : never;

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [functionName: string]: unknown;
}

declare const google: { script: { run: ScriptRunner; host: { close(): void } } };

export function followupCall<K extends Name>(name: K, ...args: Args<K>): Promise<Result<K>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as Result<K>))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

export function closeHost(): void {
  google.script.host.close();
}

/**
 * A failure's French message. Apps Script prefixes a service's error with `Exception: ` and may
 * give a thrown error as `UserError: …` (its name first, as String(error) does); only the French
 * sentence is shown.
 */
export function failureText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^(?:[A-Za-z]*Error: |Exception: )+/, '');
}
