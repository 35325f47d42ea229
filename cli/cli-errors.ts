/** The command line's refusals, each with its exit code (SPEC §5: 0 done, 1 bad usage, 2 unreadable workbook). */

export const EXIT = { done: 0, usage: 1, unreadable: 2 } as const;

/** Bad usage: the message says what to correct. Exit 1, with the usage text. */
export class UsageError extends Error {}

/** A command that ran but missed its goal (the benchmark): its message, then exit code 1. */
export class GoalMissed extends Error {}

/** An output that could not be written (full disk, no right to write…): exit 1, nothing changed. */
export class OutputNotWritten extends Error {}

/** A workbook that cannot be read: exit 2, and the file is never written over. */
export class WorkbookUnreadable extends Error {}

/** Parcours failed at something it checks about itself (its own output's schema): exit 2, French message. */
export class InternalFailure extends Error {}
