import { runInNewContext } from 'node:vm';
import { CallLog } from './call-log';
import { guardService } from './realm-errors';
import type { Realm, RuntimeContext } from './runtime-context';
import { createCacheService } from './services/cache-service';
import { type AuthModeName, createExecutionState } from './services/execution';
import { createHtmlService, type ScriptEvaluator } from './services/html-service';
import { createLockService, type LockInspector } from './services/lock-service';
import { createConsole, createLogger, LogCapture, type LogEntry } from './services/logging';
import { createMailApp, Outbox } from './services/mail-app';
import { createPropertiesService } from './services/properties-service';
import { createScriptApp, type TriggerInspector } from './services/script-app';
import { createSession } from './services/session';
import { sharedStateOf } from './services/shared-document-state';
import { createUi, UiCapture } from './services/ui';
import { createUtilities } from './services/utilities';
import { createSpreadsheetApp } from './spreadsheet/spreadsheet-app';
import { createSpreadsheetModel, type SpreadsheetModel } from './spreadsheet/spreadsheet-model';
import type { SpreadsheetPolicy } from './spreadsheet/spreadsheet-session';

export interface RuntimeOptions {
  /** The spreadsheet the script is bound to; runtimes on the same model share its locks, properties, caches and triggers. */
  model?: SpreadsheetModel;
  /** Folder of the bundle's `.html` files (HtmlService.createHtmlOutputFromFile). */
  htmlDir?: string;
  userEmail?: string;
  /** Fixed instant, or a clock tests can move forward. */
  now?: Date | (() => Date);
  authMode?: AuthModeName;
  /** False for executions without a user interface (time-driven triggers, the command line). */
  withUi?: boolean;
  /**
   * Strict lock check: sheet names (exact) that no call may write to — values, formats, rows,
   * protections, the sheet itself — unless this execution holds the document lock. Such a write
   * throws a DocumentLockViolation and is listed in `lockViolations`. Google has no such rule;
   * it proves that a job which must not interleave with another really writes under the lock.
   */
  requireDocumentLockFor?: readonly string[];
  /**
   * LockService.getDocumentLock() returns null, as Google documents it does for a script not
   * launched from an open document (an add-on run from elsewhere, a standalone script).
   */
  documentLockUnavailable?: boolean;
}

export interface AppsScriptRuntime {
  ctx: RuntimeContext;
  calls: CallLog;
  model: SpreadsheetModel;
  ui: UiCapture;
  mail: Outbox;
  triggers: TriggerInspector;
  locks: LockInspector;
  /** Writes refused by `requireDocumentLockFor`, even those the script caught (live array). */
  lockViolations: string[];
  /** Messages logged through Logger and console (live array). */
  logs: string[];
  logEntries: LogEntry[];
  /** The Apps Script globals: SpreadsheetApp, HtmlService, LockService, … */
  globals: Record<string, unknown>;
  readonly authMode: AuthModeName;
  setAuthMode(mode: AuthModeName): void;
  /** Where HTML template scriptlets run (the bundle loader points it at the node:vm context). */
  setScriptEvaluator(evaluator: ScriptEvaluator): void;
  /** What Apps Script does when an execution ends: release the locks it still holds. */
  endExecution(): void;
}

export const DEFAULT_USER_EMAIL = 'coordination@exemple.fr';

/** Turns the `now` option into the clock function of the RuntimeContext. */
export function resolveClock(now: RuntimeOptions['now']): () => Date {
  if (now === undefined) return () => new Date();
  if (typeof now === 'function') return () => new Date(now().getTime());
  const fixed = now.getTime();
  return () => new Date(fixed);
}

export function createRuntime(realm: Realm, options: RuntimeOptions = {}): AppsScriptRuntime {
  const calls = new CallLog();
  const ctx: RuntimeContext = {
    calls,
    realm,
    now: resolveClock(options.now),
    userEmail: options.userEmail ?? DEFAULT_USER_EMAIL,
  };
  const model = options.model ?? createSpreadsheetModel();
  const shared = sharedStateOf(model);
  const execution = createExecutionState(ctx, options.authMode ?? 'FULL');
  const uiCapture = new UiCapture();
  const ui = createUi(execution, uiCapture);
  const outbox = new Outbox();
  const logCapture = new LogCapture();
  const locks = createLockService(execution, shared, options.documentLockUnavailable);
  const scriptApp = createScriptApp(execution, shared);
  // Without a bundle, templates run in a bare context; the loader replaces this with the bundle's.
  let evaluator: ScriptEvaluator = (source) => runInNewContext(source);

  const spreadsheetUi = options.withUi === false ? null : (ui as unknown as GoogleAppsScript.Base.Ui);
  const lockViolations: string[] = [];
  const policy: SpreadsheetPolicy = {
    authMode: () => execution.authMode,
    lockedSheets: new Set(options.requireDocumentLockFor ?? []),
    holdsDocumentLock: () => locks.inspector.holdsDocumentLock(),
    onLockViolation: (message) => lockViolations.push(message),
  };
  const globals: Record<string, unknown> = {
    SpreadsheetApp: createSpreadsheetApp(model, ctx, spreadsheetUi, policy),
    HtmlService: createHtmlService(execution, { htmlDir: options.htmlDir ?? null, evaluate: () => evaluator }),
    LockService: locks.service,
    PropertiesService: createPropertiesService(execution, shared),
    CacheService: createCacheService(execution, shared),
    Session: createSession(execution),
    Utilities: createUtilities(execution),
    ScriptApp: scriptApp.service,
    MailApp: createMailApp(execution, outbox),
    Logger: createLogger(execution, logCapture),
    console: createConsole(execution, logCapture),
  };
  // What the services throw reaches the script as Errors of its own realm, as on Google.
  for (const service of Object.values(globals)) guardService(realm, service as object);

  return {
    ctx,
    calls,
    model,
    ui: uiCapture,
    mail: outbox,
    triggers: scriptApp.inspector,
    locks: locks.inspector,
    lockViolations,
    logs: logCapture.lines,
    logEntries: logCapture.entries,
    globals,
    get authMode() {
      return execution.authMode;
    },
    setAuthMode(mode) {
      execution.authMode = mode;
    },
    setScriptEvaluator(next) {
      evaluator = next;
    },
    endExecution() {
      locks.inspector.releaseAll();
    },
  };
}
