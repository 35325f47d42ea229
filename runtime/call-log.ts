/**
 * Counts every call made to a fake Apps Script service, by `Class.method`, so a test can
 * assert how many service calls (and how many writes) a job made.
 */
export type CallKind = 'read' | 'write' | 'other';

export interface CallRecord {
  name: string;
  kind: CallKind;
}

export class CallLog {
  private readonly counts = new Map<string, number>();
  private readonly kinds = new Map<string, CallKind>();
  cellsRead = 0;
  cellsWritten = 0;

  record(name: string, kind: CallKind): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.kinds.set(name, kind);
  }

  count(name?: string): number {
    if (name !== undefined) return this.counts.get(name) ?? 0;
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  countKind(kind: CallKind): number {
    let total = 0;
    for (const [name, n] of this.counts) if (this.kinds.get(name) === kind) total += n;
    return total;
  }

  /** Calls by name, sorted, for readable test failures and the benchmark. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  writes(): Record<string, number> {
    return Object.fromEntries(Object.entries(this.snapshot()).filter(([name]) => this.kinds.get(name) === 'write'));
  }

  reset(): void {
    this.counts.clear();
    this.kinds.clear();
    this.cellsRead = 0;
    this.cellsWritten = 0;
  }
}
