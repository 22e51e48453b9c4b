import { readFileSync } from 'node:fs';
import { commands } from './commands/index.ts';
import { UsageError } from './command.ts';

const HELP = () =>
  [
    'xianzhi — county government reports into a knowledge graph (Neo4j) served through GraphQL',
    '',
    'Usage: xianzhi <command> [options]      (xianzhi <command> --help for details; xianzhi --version)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    '',
    'Configuration (environment): NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, PORT.',
    'Without NEO4J_URI the project runs its own Neo4j Community server under .neo4j/.',
  ].join('\n');

/** Runs one command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-V') {
    console.log(`xianzhi ${version()}`);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    console.error(`xianzhi: unknown command '${name}'\n\n${HELP()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.help);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`xianzhi ${name}: ${err.message}\n\n${command.help}`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    console.error(`xianzhi ${name}: ${message}`);
    if (process.env.XIANZHI_DEBUG && err instanceof Error) console.error(err.stack);
    return 1;
  }
}

/** The package's version, from package.json. */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
