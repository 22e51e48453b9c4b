import { inject } from 'vitest';
import { Graph, applySchema, clearGraph } from '../../graph/index.ts';

/** The test server's address and credentials (from test/global-setup.ts). */
export function testConnection(): { uri: string; user: string; password: string } {
  return inject('neo4j');
}

/**
 * Environment for child processes (the CLI, the API server) pointed at the test server.
 * XIANZHI_NEO4J_HOME is unset on purpose: NEO4J_URI makes them start nothing.
 */
export function testEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const c = testConnection();
  return { ...process.env, NEO4J_URI: c.uri, NEO4J_USER: c.user, NEO4J_PASSWORD: c.password, ...extra };
}

/** A Graph on the test server with the schema applied; `fresh` empties it first. */
export async function openTestGraph(opts: { fresh?: boolean } = {}): Promise<Graph> {
  const graph = new Graph(testConnection());
  await applySchema(graph);
  if (opts.fresh) await clearGraph(graph);
  return graph;
}
