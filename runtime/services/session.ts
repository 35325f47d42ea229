import { type ExecutionState, recordCall, requireAuthMode } from './execution';

export interface FakeUser {
  getEmail(): string;
}

export interface FakeSession {
  getActiveUser(): FakeUser;
  getEffectiveUser(): FakeUser;
  getScriptTimeZone(): string;
  getActiveUserLocale(): string;
  getTemporaryActiveUserKey(): string;
}

export const SCRIPT_TIME_ZONE = 'Europe/Paris';

/**
 * In a simple trigger (AuthMode.LIMITED: onOpen, onEdit) the script may not know who is there:
 * Google gives an empty e-mail for the active user, and the effective user needs a scope a simple
 * trigger cannot use, so both read '' here. Menus, sidebars and installable triggers (FULL) know.
 */
export function createSession(execution: ExecutionState): FakeSession {
  const { ctx } = execution;
  const user = (): FakeUser => ({
    getEmail() {
      recordCall(ctx, 'User.getEmail', 'read');
      return execution.authMode === 'FULL' ? ctx.userEmail : '';
    },
  });
  return {
    getActiveUser() {
      recordCall(ctx, 'Session.getActiveUser', 'read');
      requireAuthMode(execution, 'Session.getActiveUser', 'LIMITED');
      return user();
    },
    getEffectiveUser() {
      recordCall(ctx, 'Session.getEffectiveUser', 'read');
      requireAuthMode(execution, 'Session.getEffectiveUser', 'LIMITED');
      return user();
    },
    getScriptTimeZone() {
      recordCall(ctx, 'Session.getScriptTimeZone', 'read');
      return SCRIPT_TIME_ZONE;
    },
    getActiveUserLocale() {
      recordCall(ctx, 'Session.getActiveUserLocale', 'read');
      return 'fr';
    },
    getTemporaryActiveUserKey() {
      recordCall(ctx, 'Session.getTemporaryActiveUserKey', 'read');
      return `temp-${Buffer.from(ctx.userEmail).toString('base64url')}`;
    },
  };
}
