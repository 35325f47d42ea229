import { format } from 'node:util';
import { type ExecutionState, recordCall } from './execution';

export type LogLevel = 'Logger' | 'log' | 'info' | 'warn' | 'error' | 'debug';

export interface LogEntry {
  level: LogLevel;
  message: string;
}

/** Everything the script logged, kept instead of printed so tests (and the CLI) decide what to show. */
export class LogCapture {
  readonly entries: LogEntry[] = [];
  /** Messages only, in order (a live array). */
  readonly lines: string[] = [];

  add(level: LogLevel, message: string): void {
    this.entries.push({ level, message });
    this.lines.push(message);
  }
}

export interface FakeLogger {
  log(data: unknown, ...values: unknown[]): FakeLogger;
  getLog(): string;
  clear(): void;
}

export interface FakeConsole {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
}

export function createLogger(execution: ExecutionState, capture: LogCapture): FakeLogger {
  const { ctx } = execution;
  let loggerLines: string[] = [];
  const logger: FakeLogger = {
    log(data, ...values) {
      recordCall(ctx, 'Logger.log');
      // Logger.log(format, values…) replaces %s placeholders in order, like Java's String.format.
      let message = String(data);
      if (typeof data === 'string' && values.length > 0) {
        let next = 0;
        message = data.replace(/%s/g, () => (next < values.length ? String(values[next++]) : '%s'));
      }
      loggerLines.push(message);
      capture.add('Logger', message);
      return logger;
    },
    getLog() {
      recordCall(ctx, 'Logger.getLog', 'read');
      return loggerLines.join('\n');
    },
    clear() {
      recordCall(ctx, 'Logger.clear');
      loggerLines = [];
    },
  };
  return logger;
}

export function createConsole(execution: ExecutionState, capture: LogCapture): FakeConsole {
  const { ctx } = execution;
  const writer =
    (level: Exclude<LogLevel, 'Logger'>) =>
    (...data: unknown[]): void => {
      recordCall(ctx, `console.${level}`);
      capture.add(level, format(...data));
    };
  return { log: writer('log'), info: writer('info'), warn: writer('warn'), error: writer('error'), debug: writer('debug') };
}
