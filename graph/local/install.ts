import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { POM } from './paths.ts';

/** The Neo4j version in graph/local/pom.xml: one place to change it. */
export function neo4jVersion(): string {
  const pom = fs.readFileSync(POM, 'utf8');
  const m = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom);
  if (!m) throw new Error(`${POM} names no <neo4j.version>`);
  return m[1]!;
}

const ALTERNATIVES =
  'Either install it, or run Neo4j another way: `docker compose up` (see docker-compose.yml), ' +
  'or point Xianzhi at an existing server with NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD).';

function has(command: string, args: string[]): boolean {
  const r = spawnSync(command, args, { stdio: 'ignore' });
  return r.status === 0;
}

/** Checks that Java 17+ is on the PATH; the error names the alternatives when it is not. */
export function checkJava(): void {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`Java 17 or newer is needed to run the local Neo4j, and 'java' was not found. ${ALTERNATIVES}`);
  const m = /version "(\d+)/.exec(r.stderr + r.stdout);
  if (m && Number(m[1]) < 17) throw new Error(`Neo4j 5 needs Java 17 or newer; 'java' is version ${m[1]}. ${ALTERNATIVES}`);
}

/**
 * Fetches the Neo4j Community jars from Maven Central into `lib` (once; a marker file records
 * the version, so a version change in the pom fetches again).
 */
export function ensureInstalled(lib: string, log: (line: string) => void = () => {}): void {
  const version = neo4jVersion();
  const marker = path.join(lib, `.neo4j-${version}`);
  if (fs.existsSync(marker)) return;
  checkJava();
  if (!has('mvn', ['-v'])) throw new Error(`Maven ('mvn') is needed to fetch Neo4j ${version} from Maven Central and was not found. ${ALTERNATIVES}`);
  log(`fetching Neo4j Community ${version} from Maven Central into ${lib} …`);
  fs.rmSync(lib, { recursive: true, force: true });
  fs.mkdirSync(lib, { recursive: true });
  try {
    execFileSync(
      'mvn',
      ['-q', '-B', '-f', POM, 'dependency:copy-dependencies', `-DoutputDirectory=${lib}`, '-DincludeScope=runtime'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (err) {
    const e = err as { stdout?: Buffer; stderr?: Buffer };
    const out = `${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`Maven could not fetch Neo4j ${version}:\n${out}`);
  }
  fs.writeFileSync(marker, new Date().toISOString());
  log(`Neo4j ${version}: ${fs.readdirSync(lib).filter((f) => f.endsWith('.jar')).length} jars`);
}
