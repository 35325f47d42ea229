import type { CalendarDay } from '../calendar-day';
import { readDate, readListValue, readNumber, readText, readYesNo, shownValue, type Result } from '../cell-values';
import type { DataIssue } from '../data-issue';
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

  constructor(
    private readonly spec: SheetSpec,
    private readonly map: HeaderMap,
    private readonly issues: DataIssue[],
  ) {}

  /** Starts reading the cells of sheet row `row`, with no issue met yet. */
  at(row: number, cells: readonly unknown[]): this {
    this.row = row;
    this.cells = cells;
    this.rejected = false;
    return this;
  }

  raw(key: string): unknown {
    const index = this.map.columns[key];
    return index === undefined ? undefined : this.cells[index];
  }

  header(key: string): string {
    return this.spec.fields.find((f) => f.key === key)?.header ?? '';
  }

  /** An issue on the column of `key` ('' for the whole row). */
  issue(key: string, message: string, fatal: boolean): void {
    this.issues.push({ sheet: this.spec.name, row: this.row, column: key === '' ? '' : this.header(key), message });
    if (fatal) this.rejected = true;
  }

  text(key: string): string | null {
    return readText(this.raw(key));
  }

  /** Text that must be present: when empty, `missing` is reported and the row left out. */
  requiredText(key: string, missing: string): string | null {
    const value = this.text(key);
    if (value === null) this.issue(key, missing, true);
    return value;
  }

  /** An unreadable date always leaves the row out; an empty one only when `missing` is given. */
  date(key: string, missing?: string): CalendarDay | null {
    const result = readDate(this.raw(key));
    if (!result.ok) {
      this.issue(key, result.message, true);
      return null;
    }
    if (result.value === null && missing !== undefined) this.issue(key, missing, true);
    return result.value;
  }

  yesNo(key: string): boolean | null {
    return this.checked(key, readYesNo(this.raw(key)), false);
  }

  number(key: string, fatal = false): number | null {
    return this.checked(key, readNumber(this.raw(key)), fatal);
  }

  /**
   * A label of a fixed list, canonical. Unknown → « Sexe illisible « X » : choisissez F ou H. »;
   * empty and `missing` given → that message. Both leave the row out when `fatal`.
   */
  list(key: string, allowed: readonly string[], options: { missing?: string; fatal?: boolean } = {}): string | null {
    const fatal = options.fatal ?? options.missing !== undefined;
    const result = readListValue(this.raw(key), allowed);
    if (!result.ok) {
      this.issue(key, `${this.header(key)} illisible « ${shownValue(this.raw(key))} » : choisissez ${joinOr(allowed)}.`, fatal);
      return null;
    }
    if (result.value === null && options.missing !== undefined) this.issue(key, options.missing, fatal);
    return result.value;
  }

  private checked<T>(key: string, result: Result<T | null>, fatal: boolean): T | null {
    if (result.ok) return result.value;
    this.issue(key, result.message, fatal);
    return null;
  }
}
