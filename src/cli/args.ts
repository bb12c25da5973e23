/** Flags and positional words of a command line: `--json`, `--knowledge DIR`, `"a question"`. */
export interface ParsedArgs {
  flags: Set<string>;
  options: Map<string, string>;
  positional: string[];
}

export class UsageError extends Error {}

/** What a command accepts: its name (for errors), the options that take a value, the flags. */
export interface CommandOptions {
  command: string;
  valued?: readonly string[];
  flags?: readonly string[];
}

/** Parses a command's arguments; an option the command does not have is a usage error, not ignored. */
export function parseArgs(argv: string[], { command, valued = [], flags = [] }: CommandOptions): ParsedArgs {
  const parsed: ParsedArgs = { flags: new Set(), options: new Map(), positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      parsed.positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      parsed.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (valued.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      parsed.options.set(name, value);
    } else if (!flags.includes(name)) throw new UsageError(`${command} has no option --${name}`);
    else if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
    else parsed.flags.add(name);
  }
  return parsed;
}
