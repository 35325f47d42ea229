import type { CalendarDay, TimeZone } from '../calendar-day';
import { cellErrorMessage } from '../cell-errors';
import { readDate, readListValue, readNumber, readText, readYesNo, type Result } from '../cell-values';
import type { DataIssue, IssueCause } from '../data-issue';
import type { HeaderMap } from '../header-map';
import { joinOr } from '../text';
import type { SheetSpec } from '../workbook-schema';

/**
 * Reads the cells of one data row by field key and records the issues met. A *fatal* issue
 * means the row is left out (`rejected`); any other issue means the cell is read as empty.
 * One reader serves a whole sheet: `at` moves it to the next row (no object per row on sheets
 * of 100,000 rows).
 */
export class RowReader {
  rejected = false;
  /** Sheet row number of the current row (the header is row 1). */
  row = 0;
  private cells: readonly unknown[] = [];
  /** Keys of the current row whose cell holds an error value (already reported). */
  private readonly errored: string[] = [];

  constructor(
    private readonly spec: SheetSpec,
    private readonly map: HeaderMap,
    private readonly issues: DataIssue[],
    /** The spreadsheet's zone: a date cell is read as its day there. */
    readonly timeZone: TimeZone,
  ) {}

  /** Starts reading the cells of sheet row `row`, with no issue met yet. */
  at(row: number, cells: readonly unknown[]): this {
    this.row = row;
    this.cells = cells;
    this.rejected = false;
    if (this.errored.length > 0) this.errored.length = 0;
    return this;
  }

  /**
   * The cell as given. An error value (`#DIV/0!`, a formula never computed…) is reported once as
   * an issue of its cell and read as empty: what would have been said of an empty cell is not said
   * again, but a required field still leaves the row out.
   */
  raw(key: string): unknown {
    const index = this.map.columns[key];
    if (index === undefined) return undefined;
    const value = this.cells[index];
    if (typeof value === 'string' && value.charCodeAt(0) === 35) {
      const message = cellErrorMessage(value);
      if (message !== null) {
        if (!this.errored.includes(key)) {
          this.errored.push(key);
          this.issues.push({ sheet: this.spec.name, row: this.row, column: this.header(key), message });
        }
        return undefined;
      }
    }
    return value;
  }

  header(key: string): string {
    return this.spec.fields.find((f) => f.key === key)?.header ?? '';
  }

  /** An issue on the column of `key` ('' for the whole row), following from `cause` if given. */
  issue(key: string, message: string, fatal: boolean, cause?: IssueCause): void {
    if (fatal) this.rejected = true;
    if (this.errored.includes(key)) return;
    const issue: DataIssue = { sheet: this.spec.name, row: this.row, column: key === '' ? '' : this.header(key), message };
    if (cause) issue.cause = cause;
    this.issues.push(issue);
  }

  text(key: string): string | null {
    return readText(this.raw(key), this.timeZone);
  }

  /** Text that must be present: when empty, `missing` is reported and the row left out. */
  requiredText(key: string, missing: string): string | null {
    const value = this.text(key);
    if (value === null) this.issue(key, missing, true);
    return value;
  }

  /** An unreadable date always leaves the row out; an empty one only when `missing` is given. */
  date(key: string, missing?: string): CalendarDay | null {
    const result = readDate(this.raw(key), this.timeZone);
    // An error value in a date column is an unreadable date: the row is left out.
    if (this.errored.includes(key)) this.rejected = true;
    if (!result.ok) {
      this.issue(key, result.message, true);
      return null;
    }
    if (result.value === null && missing !== undefined) this.issue(key, missing, true);
    return result.value;
  }

  yesNo(key: string): boolean | null {
    return this.checked(key, readYesNo(this.raw(key), this.timeZone), false);
  }

  number(key: string, fatal = false): number | null {
    return this.checked(key, readNumber(this.raw(key), this.timeZone), fatal);
  }

  /**
   * A label of a fixed list, canonical. Unknown → « Sexe illisible « X » : choisissez F ou H. »;
   * empty and `missing` given → that message. Both leave the row out when `fatal`.
   */
  list(key: string, allowed: readonly string[], options: { missing?: string; fatal?: boolean } = {}): string | null {
    const fatal = options.fatal ?? options.missing !== undefined;
    const result = readListValue(this.raw(key), allowed, this.timeZone);
    if (fatal && this.errored.includes(key)) this.rejected = true;
    if (!result.ok) {
      this.issue(key, `${this.header(key)} illisible : choisissez ${joinOr(allowed)}.`, fatal);
      return null;
    }
    if (result.value === null && options.missing !== undefined) this.issue(key, options.missing, fatal);
    return result.value;
  }

  private checked<T>(key: string, result: Result<T | null>, fatal: boolean): T | null {
    // An error value where a readable value is required leaves the row out (never a default).
    if (fatal && this.errored.includes(key)) this.rejected = true;
    if (result.ok) return result.value;
    this.issue(key, result.message, fatal);
    return null;
  }
}
