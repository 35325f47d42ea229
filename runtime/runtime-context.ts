import type { CallLog } from './call-log';

/**
 * The constructors of the JavaScript realm the add-in code runs in. Values a fake hands to
 * the bundle (Dates, arrays) are built with these, so `instanceof Date` inside the `node:vm`
 * context behaves as it does on Google's servers.
 */
export interface Realm {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  /** Exceptions the fakes throw are rebuilt with these (see realm-errors.ts), so `e instanceof Error` holds in the script. */
  Error: ErrorConstructor;
  TypeError: TypeErrorConstructor;
}

export const HOST_REALM: Realm = { Date, Array, Object, Error, TypeError };

/** What every fake service shares within one simulated execution environment. */
export interface RuntimeContext {
  calls: CallLog;
  realm: Realm;
  /** The current instant (tests fix it). */
  now: () => Date;
  /** E-mail of the user running the script (Session.getActiveUser / getEffectiveUser). */
  userEmail: string;
}

/** Apps Script errors surface as `Exception: …` messages. */
export class AppsScriptException extends Error {
  constructor(message: string) {
    super(`Exception: ${message}`);
    this.name = 'Exception';
  }
}
