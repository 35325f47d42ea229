/** A cell or row that could not be read: reported to the coordinator, never silently dropped. */
export interface DataIssue {
  /** Sheet name as shown to the user, e.g. `Présences`. */
  sheet: string;
  /** Sheet row number (1-based, the header is row 1). */
  row: number;
  /** Header of the column at fault as defined by the schema, or '' for the whole row. */
  column: string;
  /** French message saying what is wrong and what to correct. */
  message: string;
  /**
   * The row this issue follows from, when it is not this row's own fault: a `Présences` row
   * left out because its parcours' `Participants` row is unreadable points to that row.
   */
  cause?: IssueCause;
}

export interface IssueCause {
  sheet: string;
  row: number;
}
