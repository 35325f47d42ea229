/**
 * Turns any error into the French sentence a coordinator sees. Errors thrown by Apps Script
 * services read `Exception: …`; duck typing, because a service error need not be an instance of
 * this realm's Error.
 */
export function errorMessage(error: unknown): string {
  const message =
    error !== null && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string'
      ? (error as { message: string }).message
      : String(error);
  return message.replace(/^Exception: /, '');
}

/** Runs a menu action; a failure is shown in a dialog rather than as a red script error. */
export function runFromMenu(title: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    SpreadsheetApp.getUi().alert(title, errorMessage(error), SpreadsheetApp.getUi().ButtonSet.OK);
  }
}
