/**
 * The command line's argument parser: `command [file] [--flag] [--option value | --option=value]`.
 * Every option is declared per command: an unknown or misspelt one is refused with the list of
 * valid ones (and the closest name), never silently ignored.
 */
import { levenshtein } from '../src/followup/levenshtein';
import { UsageError } from './cli-errors';

/** What a command accepts: options that take a value, flags that do not, and how many files. */
export interface CommandSpec {
  values?: readonly string[];
  flags?: readonly string[];
  /** The single .xlsx file argument a command takes (`parcours check F.xlsx`). */
  takesFile?: boolean;
}

/** Accepted by every command. */
const GLOBAL_FLAGS = ['help'];

export interface ParsedArgs {
  command: string;
  positionals: string[];
  /** The single file argument a command takes. */
  file(command: string): string;
  option(name: string): string | undefined;
  flag(name: string): boolean;
}

function optionList(spec: CommandSpec): string[] {
  return [...(spec.values ?? []), ...(spec.flags ?? []), ...GLOBAL_FLAGS].map((name) => `--${name}`);
}

/** The valid option closest to a misspelt one (`fundr` → `funder`), if any is close enough. */
function closestOption(name: string, valid: readonly string[]): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const candidate of valid) {
    const bare = candidate.slice(2);
    const distance = bare.startsWith(name) || name.startsWith(bare) ? 1 : levenshtein(name, bare);
    if (distance <= Math.max(1, Math.floor(bare.length / 3)) && (best === null || distance < best.distance)) {
      best = { name: candidate, distance };
    }
  }
  return best?.name ?? null;
}

function unknownOption(arg: string, command: string, spec: CommandSpec): UsageError {
  const name = arg.replace(/^-+/, '').split('=', 1)[0]!;
  const valid = optionList(spec);
  const guess = closestOption(name.toLowerCase(), valid);
  return new UsageError(
    `Option inconnue : ${arg.split('=', 1)[0]}.${guess ? ` Vouliez-vous dire ${guess} ?` : ''}\n` +
      `Options de « parcours ${command} » : ${valid.join(', ')}.`,
  );
}

/**
 * Parses `argv` against the spec of its command (`specs[command]`). `--opt value` and
 * `--opt=value` are the same; an option given twice, a flag given a value or a value missing
 * is a usage error. An unknown command is left to the caller (it knows the usage text).
 */
export function parseArgs(argv: readonly string[], specs: Readonly<Record<string, CommandSpec>>): ParsedArgs {
  const first = argv[0];
  const command = first !== undefined && !first.startsWith('-') ? first : '';
  const spec = specs[command] ?? { flags: [] };
  const values = new Set(spec.values ?? []);
  const flagNames = new Set([...(spec.flags ?? []), ...GLOBAL_FLAGS]);
  const positionals: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = command === '' ? 0 : 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h') {
      flags.add('help');
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) throw unknownOption(arg, command || 'help', spec);
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals < 0 ? undefined : equals);
    const inline = equals < 0 ? undefined : arg.slice(equals + 1);
    if (values.has(name)) {
      let value = inline;
      if (value === undefined) {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--')) throw new UsageError(`L’option --${name} attend une valeur.`);
        value = next;
        i++;
      }
      if (value.trim() === '') throw new UsageError(`L’option --${name} attend une valeur.`);
      if (options.has(name)) throw new UsageError(`L’option --${name} est donnée deux fois.`);
      options.set(name, value);
    } else if (flagNames.has(name)) {
      if (inline !== undefined) throw new UsageError(`L’option --${name} ne prend pas de valeur (écrivez --${name} seul).`);
      flags.add(name);
    } else if (!flags.has('help')) {
      throw unknownOption(arg, command || 'help', spec);
    }
  }
  if (command !== '' && specs[command] && !flags.has('help')) {
    const expected = spec.takesFile ? 1 : 0;
    if (positionals.length > expected) {
      const extra = positionals[expected]!;
      throw new UsageError(
        spec.takesFile
          ? `Argument en trop : ${extra} (« parcours ${command} » prend un seul fichier).`
          : `Argument inattendu : ${extra}${spec.values?.includes('workbook') ? ' (le classeur se donne avec --workbook)' : ''}.`,
      );
    }
  }
  return {
    command,
    positionals,
    file(commandName) {
      if (positionals.length !== 1) throw new UsageError(`« parcours ${commandName} » attend un fichier .xlsx.`);
      const path = positionals[0]!;
      if (!path.toLowerCase().endsWith('.xlsx')) throw new UsageError(`Le fichier doit être un .xlsx : ${path}`);
      return path;
    },
    option: (name) => options.get(name),
    flag: (name) => flags.has(name),
  };
}
