/**
 * Node's file-system errors in French, for the person at the terminal: what went wrong with which
 * file and what to do, never Node's English text.
 */

const SYSTEM_CAUSES: Record<string, string> = {
  ENOENT: 'le fichier ou son dossier n’existe pas',
  EACCES: 'accès refusé (droits insuffisants)',
  EPERM: 'opération non permise (droits insuffisants)',
  EISDIR: 'c’est un dossier, pas un fichier',
  ENOTDIR: 'un élément du chemin n’est pas un dossier',
  ENOSPC: 'le disque est plein',
  EDQUOT: 'le quota de disque est atteint',
  EROFS: 'le disque est en lecture seule',
  EBUSY: 'le fichier est utilisé par un autre programme',
  EMFILE: 'trop de fichiers ouverts',
  ENAMETOOLONG: 'le nom du fichier est trop long',
  EIO: 'erreur de lecture ou d’écriture du disque',
  EXDEV: 'le fichier temporaire et la cible sont sur deux disques différents',
  EADDRINUSE: 'ce port est déjà utilisé',
};

/** Node's error code, when `error` is a system error. */
export function systemErrorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : null;
}

/** « le disque est plein » for ENOSPC…; a neutral phrase for codes not listed. */
export function systemCause(error: unknown): string {
  const code = systemErrorCode(error);
  return (code && SYSTEM_CAUSES[code]) ?? 'erreur du système de fichiers';
}
