/** One `xianzhi` sub-command: a file in `cli/commands/`, listed in `cli/commands/index.ts`. */
export interface Command {
  name: string;
  /** One line for `xianzhi --help`. */
  summary: string;
  /** The full `--help` text: usage line, options, an example. */
  help: string;
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

/** A usage mistake: printed with the command's help, exit code 2. */
export class UsageError extends Error {}

/**
 * Parses `--flag value`, `--flag=value` and boolean `--flag` options; the rest are positionals.
 * `booleans` names the flags that take no value.
 */
export function parseArgs(
  argv: string[],
  booleans: string[] = [],
): { flags: Record<string, string | boolean>; positionals: string[] } {
  const flags: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (eq >= 0) flags[name] = a.slice(eq + 1);
    else if (booleans.includes(name)) flags[name] = true;
    else {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      flags[name] = v;
      i++;
    }
  }
  return { flags, positionals };
}
