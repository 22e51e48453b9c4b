import { local } from '../../graph/index.ts';

/**
 * A Neo4j of the reliability tests' own, for cases that stop or kill the server: never the shared
 * `test` instance, never the one vitest's global setup started. Stopped again by `release`.
 * Named after the run's test instance (`reliability` → `reliability-kill`), so two suites running
 * at once (a developer's and the lead's full run) never stop each other's server.
 */
export const KILL_INSTANCE = `${process.env.XIANZHI_TEST_INSTANCE || 'test'}-kill`;

export async function dedicatedNeo4j(): Promise<{ env: NodeJS.ProcessEnv; uri: string; password: string }> {
  const r = await local.start(KILL_INSTANCE, { log: (l) => console.error(`[${KILL_INSTANCE}] ${l}`) });
  return { uri: r.uri, password: r.password, env: { ...process.env, NEO4J_URI: r.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: r.password } };
}

/**
 * Kills the dedicated server outright (SIGKILL: a crash, not a shutdown) and resolves once the
 * process is gone — a restart while the dead JVM still holds the store lock would fail.
 */
export async function crashNeo4j(): Promise<void> {
  const s = local.status(KILL_INSTANCE);
  if (!s.running || !s.pid) throw new Error(`${KILL_INSTANCE} is not running`);
  process.kill(s.pid, 'SIGKILL');
  const alive = () => {
    try {
      process.kill(s.pid!, 0);
      return true;
    } catch {
      return false;
    }
  };
  while (alive()) await new Promise((r) => setTimeout(r, 50));
}

export const restartNeo4j = () => dedicatedNeo4j();
export const releaseNeo4j = () => local.stop(KILL_INSTANCE);
