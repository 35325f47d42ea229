import type { CallKind } from '../call-log';
import { AppsScriptException, type RuntimeContext } from '../runtime-context';

/** Authorization modes a simulated execution can run under (ScriptApp.AuthMode names). */
export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

/**
 * What one simulated execution environment knows about itself beyond the RuntimeContext:
 * its authorization mode and an identity used to own locks.
 */
export interface ExecutionState {
  ctx: RuntimeContext;
  authMode: AuthModeName;
  /** Identity of this execution environment (lock owner). */
  readonly executionId: symbol;
}

export function createExecutionState(ctx: RuntimeContext, authMode: AuthModeName = 'FULL'): ExecutionState {
  return { ctx, authMode, executionId: Symbol('execution') };
}

/** Counts one call of a fake service method in the call log. */
export function recordCall(ctx: RuntimeContext, name: string, kind: CallKind = 'other'): void {
  ctx.calls.record(name, kind);
}

const AUTH_RANK: Record<AuthModeName, number> = { NONE: 0, LIMITED: 1, FULL: 2 };

/**
 * Refuses a call that Apps Script would refuse in the current authorization mode: in NONE
 * (add-in onOpen before it is enabled) almost nothing but menus; in LIMITED (simple
 * triggers) nothing that needs the user's consent, such as sending mail or managing triggers.
 */
export function requireAuthMode(execution: ExecutionState, method: string, minimum: AuthModeName): void {
  if (AUTH_RANK[execution.authMode] < AUTH_RANK[minimum]) {
    throw new AppsScriptException(
      `You do not have permission to call ${method} (authorization mode ${execution.authMode}, ${minimum} required).`,
    );
  }
}

/** Whether a value from any realm (host or node:vm context) is a Date. */
export function isDateFromAnyRealm(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Time value of a Date from any realm (cross-realm Dates fail `instanceof Date` in the host). */
export function timeOf(value: Date): number {
  return Date.prototype.getTime.call(value);
}

/** Apps Script's wording when arguments do not fit any overload of a method. */
export function signatureMismatch(method: string, args: readonly unknown[]): AppsScriptException {
  const types = args.map(describeArgumentType).join(',');
  return new AppsScriptException(`The parameters (${types}) don't match the method signature for ${method}.`);
}

function describeArgumentType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (isDateFromAnyRealm(value)) return 'Date';
  if (Array.isArray(value)) return 'Object[]';
  return 'Object';
}
