/** A tiny argument parser: `command [positional…] [--flag] [--option value]`. */
export class UsageError extends Error {}

/** A command that ran but missed its goal (the benchmark): its message, then exit code 1. */
export class GoalMissed extends Error {}

export interface ParsedArgs {
  command: string;
  positionals: string[];
  /** The single file argument a command takes. */
  file(command: string): string;
  option(name: string): string | undefined;
  flag(name: string): boolean;
}

export function parseArgs(argv: readonly string[], valueOptions: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      if (inline !== undefined) options.set(name, inline);
      else if (valueOptions.includes(name)) {
        const value = argv[i + 1];
        if (value === undefined || value.startsWith('--')) throw new UsageError(`L’option --${name} attend une valeur.`);
        options.set(name, value);
        i++;
      } else flags.add(name);
    } else positionals.push(arg);
  }
  const [command = '', ...rest] = positionals;
  return {
    command,
    positionals: rest,
    file(commandName) {
      if (rest.length !== 1) throw new UsageError(`« parcours ${commandName} » attend un fichier .xlsx.`);
      const path = rest[0]!;
      if (!path.toLowerCase().endsWith('.xlsx')) throw new UsageError(`Le fichier doit être un .xlsx : ${path}`);
      return path;
    },
    option: (name) => options.get(name),
    flag: (name) => flags.has(name) || options.get(name) === 'true',
  };
}
