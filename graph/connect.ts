import { readConfig, type GraphConfig } from './config.ts';
import { Graph } from './driver.ts';
import { localPassword, start, status } from './local/server.ts';
import { applySchema } from './schema.ts';

export interface OpenOptions {
  /** Local instance to use when NEO4J_URI is unset: `main` (default) or `test`. */
  instance?: string;
  /** Start the local server if it is not running (default true). */
  start?: boolean;
  /** Apply constraints and indexes (idempotent; default true). */
  schema?: boolean;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** Transaction retry window on transient faults, ms (see Connection.retryMs). */
  retryMs?: number;
}

/**
 * Connects to the configured graph. Without NEO4J_URI the project's local Neo4j is used and, unless
 * `start: false`, started first — so every command that needs the graph just works.
 */
export async function openGraph(opts: OpenOptions = {}): Promise<{ graph: Graph; config: GraphConfig }> {
  const env = opts.env ?? process.env;
  const config = readConfig(env, opts.instance ?? 'main');
  if (config.local) {
    if (opts.start === false) {
      const s = status(config.instance, env);
      if (!s.running) throw new Error(`the local Neo4j (${config.instance}) is not running: start it with \`xianzhi neo4j start\`, or set NEO4J_URI`);
    } else {
      await start(config.instance, { env, log: opts.log });
    }
    config.password = localPassword(config.instance, env) ?? '';
  }
  const graph = new Graph({ ...config, retryMs: opts.retryMs });
  await graph.verify();
  if (opts.schema !== false) await applySchema(graph);
  return { graph, config };
}
