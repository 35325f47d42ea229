import { AppsScriptException } from '../runtime-context';
import { type ExecutionState, recordCall, requireAuthMode } from './execution';
import type { SharedDocumentState, TriggerRecord } from './shared-document-state';

export const AUTH_MODE = Object.freeze({
  NONE: 'NONE',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
} as const);
export const TRIGGER_SOURCE = Object.freeze({ SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK' } as const);
export const EVENT_TYPE = Object.freeze({
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
} as const);

export interface FakeTrigger {
  getHandlerFunction(): string;
  getUniqueId(): string;
  getTriggerSource(): string;
  getEventType(): string;
  getTriggerSourceId(): string | null;
}

export interface FakeClockTriggerBuilder {
  everyMinutes(n: number): FakeClockTriggerBuilder;
  everyHours(n: number): FakeClockTriggerBuilder;
  everyDays(n: number): FakeClockTriggerBuilder;
  everyWeeks(n: number): FakeClockTriggerBuilder;
  atHour(hour: number): FakeClockTriggerBuilder;
  nearMinute(minute: number): FakeClockTriggerBuilder;
  inTimezone(timeZone: string): FakeClockTriggerBuilder;
  create(): FakeTrigger;
}

export interface FakeSpreadsheetTriggerBuilder {
  onOpen(): FakeSpreadsheetTriggerBuilder;
  onEdit(): FakeSpreadsheetTriggerBuilder;
  onChange(): FakeSpreadsheetTriggerBuilder;
  onFormSubmit(): FakeSpreadsheetTriggerBuilder;
  create(): FakeTrigger;
}

export interface FakeTriggerBuilder {
  timeBased(): FakeClockTriggerBuilder;
  forSpreadsheet(spreadsheet: unknown): FakeSpreadsheetTriggerBuilder;
}

export interface FakeScriptApp {
  AuthMode: typeof AUTH_MODE;
  TriggerSource: typeof TRIGGER_SOURCE;
  EventType: typeof EVENT_TYPE;
  getProjectTriggers(): FakeTrigger[];
  newTrigger(functionName: string): FakeTriggerBuilder;
  deleteTrigger(trigger: FakeTrigger): void;
  getOAuthToken(): never;
}

/** Test-side view of the installable triggers of the document (all users). */
export interface TriggerInspector {
  list(): TriggerRecord[];
}

// Apps Script allows 20 triggers per user per script.
const MAX_TRIGGERS_PER_USER = 20;

export function createScriptApp(
  execution: ExecutionState,
  shared: SharedDocumentState,
): { service: FakeScriptApp; inspector: TriggerInspector } {
  const { ctx } = execution;
  const triggerIds = new WeakMap<FakeTrigger, string>();

  const triggerObject = (record: TriggerRecord): FakeTrigger => {
    const trigger: FakeTrigger = {
      getHandlerFunction() {
        recordCall(ctx, 'Trigger.getHandlerFunction', 'read');
        return record.handlerFunction;
      },
      getUniqueId() {
        recordCall(ctx, 'Trigger.getUniqueId', 'read');
        return record.uniqueId;
      },
      getTriggerSource() {
        recordCall(ctx, 'Trigger.getTriggerSource', 'read');
        return record.source;
      },
      getEventType() {
        recordCall(ctx, 'Trigger.getEventType', 'read');
        return record.eventType;
      },
      getTriggerSourceId() {
        recordCall(ctx, 'Trigger.getTriggerSourceId', 'read');
        return record.source === 'SPREADSHEETS' ? 'spreadsheet' : null;
      },
    };
    triggerIds.set(trigger, record.uniqueId);
    return trigger;
  };

  const install = (handlerFunction: string, source: TriggerRecord['source'], eventType: TriggerRecord['eventType'], schedule: string): FakeTrigger => {
    const mine = shared.triggers.filter((t) => t.ownerEmail === ctx.userEmail);
    if (mine.length >= MAX_TRIGGERS_PER_USER) {
      throw new AppsScriptException(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    const record: TriggerRecord = {
      uniqueId: String(shared.nextTriggerNumber++),
      handlerFunction,
      ownerEmail: ctx.userEmail,
      source,
      eventType,
      schedule,
    };
    shared.triggers.push(record);
    return triggerObject(record);
  };

  const clockBuilder = (handlerFunction: string): FakeClockTriggerBuilder => {
    const schedule: string[] = [];
    let hasFrequency = false;
    const step = (method: string, value: unknown, min: number, max: number, frequency: boolean): FakeClockTriggerBuilder => {
      recordCall(ctx, `ClockTriggerBuilder.${method}`);
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        throw new AppsScriptException(`Invalid argument: ${method}(${String(value)})`);
      }
      if (frequency) hasFrequency = true;
      schedule.push(`${method}(${value})`);
      return builder;
    };
    const builder: FakeClockTriggerBuilder = {
      everyMinutes: (n) => {
        if (![1, 5, 10, 15, 30].includes(n)) throw new AppsScriptException('Invalid argument: everyMinutes accepts 1, 5, 10, 15 or 30.');
        return step('everyMinutes', n, 1, 30, true);
      },
      everyHours: (n) => step('everyHours', n, 1, 24, true),
      everyDays: (n) => step('everyDays', n, 1, 366, true),
      everyWeeks: (n) => step('everyWeeks', n, 1, 52, true),
      atHour: (hour) => step('atHour', hour, 0, 23, false),
      nearMinute: (minute) => step('nearMinute', minute, 0, 59, false),
      inTimezone(timeZone) {
        recordCall(ctx, 'ClockTriggerBuilder.inTimezone');
        schedule.push(`inTimezone(${timeZone})`);
        return builder;
      },
      create() {
        recordCall(ctx, 'ClockTriggerBuilder.create', 'write');
        if (!hasFrequency) throw new AppsScriptException('The trigger has no schedule: call everyDays, everyHours… first.');
        return install(handlerFunction, 'CLOCK', 'CLOCK', schedule.join(' '));
      },
    };
    return builder;
  };

  const spreadsheetBuilder = (handlerFunction: string): FakeSpreadsheetTriggerBuilder => {
    let eventType: TriggerRecord['eventType'] | null = null;
    const choose = (method: string, type: TriggerRecord['eventType']): FakeSpreadsheetTriggerBuilder => {
      recordCall(ctx, `SpreadsheetTriggerBuilder.${method}`);
      eventType = type;
      return builder;
    };
    const builder: FakeSpreadsheetTriggerBuilder = {
      onOpen: () => choose('onOpen', 'ON_OPEN'),
      onEdit: () => choose('onEdit', 'ON_EDIT'),
      onChange: () => choose('onChange', 'ON_CHANGE'),
      onFormSubmit: () => choose('onFormSubmit', 'ON_FORM_SUBMIT'),
      create() {
        recordCall(ctx, 'SpreadsheetTriggerBuilder.create', 'write');
        if (eventType === null) throw new AppsScriptException('The trigger has no event: call onOpen, onEdit… first.');
        return install(handlerFunction, 'SPREADSHEETS', eventType, '');
      },
    };
    return builder;
  };

  const service: FakeScriptApp = {
    AuthMode: AUTH_MODE,
    TriggerSource: TRIGGER_SOURCE,
    EventType: EVENT_TYPE,
    getProjectTriggers() {
      recordCall(ctx, 'ScriptApp.getProjectTriggers', 'read');
      requireAuthMode(execution, 'ScriptApp.getProjectTriggers', 'FULL');
      const triggers = new ctx.realm.Array<FakeTrigger>();
      for (const record of shared.triggers) if (record.ownerEmail === ctx.userEmail) triggers.push(triggerObject(record));
      return triggers;
    },
    newTrigger(functionName) {
      recordCall(ctx, 'ScriptApp.newTrigger');
      requireAuthMode(execution, 'ScriptApp.newTrigger', 'FULL');
      if (typeof functionName !== 'string' || functionName === '') {
        throw new AppsScriptException('Invalid argument: functionName');
      }
      return {
        timeBased() {
          recordCall(ctx, 'TriggerBuilder.timeBased');
          return clockBuilder(functionName);
        },
        forSpreadsheet() {
          recordCall(ctx, 'TriggerBuilder.forSpreadsheet');
          return spreadsheetBuilder(functionName);
        },
      };
    },
    deleteTrigger(trigger) {
      recordCall(ctx, 'ScriptApp.deleteTrigger', 'write');
      requireAuthMode(execution, 'ScriptApp.deleteTrigger', 'FULL');
      const id = triggerIds.get(trigger);
      const index = shared.triggers.findIndex((t) => t.uniqueId === id);
      if (id === undefined || index < 0) throw new AppsScriptException('Invalid argument: trigger');
      shared.triggers.splice(index, 1);
    },
    getOAuthToken() {
      recordCall(ctx, 'ScriptApp.getOAuthToken');
      throw new Error('ScriptApp.getOAuthToken is not available in the local runtime.');
    },
  };
  return { service, inspector: { list: () => shared.triggers.map((t) => ({ ...t })) } };
}
