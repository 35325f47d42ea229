/** An error whose message is written for the coordinator (French, says what to do). */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
