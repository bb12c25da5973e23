/** Flags and positional words of a command line: `--json`, `--knowledge DIR`, `"a question"`. */
export interface ParsedArgs {
  flags: Set<string>;
  options: Map<string, string>;
  positional: string[];
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], valued: string[]): ParsedArgs {
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
    } else parsed.flags.add(name);
  }
  return parsed;
}
