import { parseArgs as nodeParseArgs } from 'node:util';

/** One `xianzhi` sub-command: a file in `cli/commands/`, listed (with its name) in `cli/commands/index.ts`. */
export interface Command {
  /** The full `--help` text: usage line, options, an example. */
  help: string;
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

/** A usage mistake: printed with the command's help, exit code 2. */
export class UsageError extends Error {}

/** A command's options, as `node:util` parseArgs declares them. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

const FALSE = new Set(['false', '0', 'no', 'off']);
const TRUE = new Set(['true', '1', 'yes', 'on']);

/**
 * Parses argv strictly with `node:util` parseArgs: an option the command does not declare is
 * refused by name (so `--froce DIR` cannot swallow DIR), short options (`-w 4`) work, and a boolean
 * given a value is honoured (`--force=false` is false; parseArgs alone would refuse it).
 * @throws UsageError naming the option.
 */
export function parseArgs(
  argv: string[],
  options: OptionSpec = {},
): { flags: Record<string, string | boolean>; positionals: string[] } {
  const args: string[] = [];
  const explicitFalse = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      args.push(...argv.slice(i));
      break;
    }
    const m = /^--([^=]+)=(.*)$/s.exec(a);
    if (m && options[m[1]!]?.type === 'boolean') {
      const v = m[2]!.toLowerCase();
      if (FALSE.has(v)) explicitFalse.add(m[1]!);
      else if (TRUE.has(v)) args.push(`--${m[1]}`);
      else throw new UsageError(`--${m[1]} is a switch: give it no value, or =true / =false (got "${m[2]}")`);
      continue;
    }
    args.push(a);
  }
  let parsed;
  try {
    parsed = nodeParseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError(usageMessage(e as Error & { code?: string }));
  }
  const flags = { ...(parsed.values as Record<string, string | boolean>) };
  for (const name of explicitFalse) flags[name] = false;
  return { flags, positionals: parsed.positionals };
}

/** parseArgs' messages, shorter and naming the option as the user typed it. */
function usageMessage(e: Error & { code?: string }): string {
  const option = /--[\w-]+/.exec(e.message)?.[0] ?? /'(-\w)/.exec(e.message)?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? ''} (see --help for the options this command takes)`.replace(/ {2}/g, ' ');
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(e.message) ? `${option} needs a value` : `${option ?? 'an option'}: ${e.message.split('\n')[0]}`;
    default:
      return e.message.split('\n')[0]!;
  }
}
