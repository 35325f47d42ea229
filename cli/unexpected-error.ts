/**
 * The last safety net of the command line: an error nobody foresaw becomes a French message and
 * exit code 2, never a stack trace, English library text or another exit code. The technical
 * detail is printed only with PARCOURS_DEBUG=1, for whoever fixes it.
 */
import { EXIT } from './cli-errors';
import { systemCause, systemErrorCode } from './system-errors';

export interface UnexpectedOutcome {
  message: string;
  code: number;
}

function outOfMemory(error: unknown): boolean {
  const text = error instanceof Error ? error.message : '';
  return /allocation failed|Invalid array length|Invalid string length|heap out of memory/i.test(text);
}

export function describeUnexpected(error: unknown): UnexpectedOutcome {
  const detail =
    process.env.PARCOURS_DEBUG === '1'
      ? `\n\nDétail technique :\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
      : '\n(PARCOURS_DEBUG=1 affiche le détail technique, pour le signaler.)';
  let what: string;
  if (systemErrorCode(error)) what = `Parcours n’a pas pu aller au bout : ${systemCause(error)}.`;
  else if (outOfMemory(error)) what = 'Parcours n’a pas pu aller au bout : le classeur est trop volumineux pour la mémoire disponible.';
  else what = 'Parcours s’est arrêté sur une erreur inattendue.';
  return { message: `${what} Aucun fichier n’a été remplacé : ceux qui existaient sont intacts.${detail}`, code: EXIT.unreadable };
}

/** Errors thrown outside the command's promise (a stream's late error): the same message, exit 2. */
export function guardProcess(): void {
  const handle = (error: unknown) => {
    const unexpected = describeUnexpected(error);
    console.error(unexpected.message);
    process.exit(unexpected.code);
  };
  process.on('uncaughtException', handle);
  process.on('unhandledRejection', handle);
}
