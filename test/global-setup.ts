import type { TestProject } from 'vitest/node';
import { local } from '../graph/index.ts';

/**
 * One real Neo4j for the whole test run: the project's local `test` instance (port 7688, apart
 * from the user's `main` graph), started here and stopped after — or, when
 * XIANZHI_TEST_NEO4J_URI is set, that server (the suite ERASES its database).
 */
declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string };
  }
}

let startedHere = false;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.XIANZHI_TEST_NEO4J_URI;
  if (external) {
    project.provide('neo4j', {
      uri: external,
      user: process.env.XIANZHI_TEST_NEO4J_USER ?? 'neo4j',
      password: process.env.XIANZHI_TEST_NEO4J_PASSWORD ?? '',
    });
    return async () => {};
  }
  // XIANZHI_TEST_INSTANCE gives a developer a test server of their own (its own port and folder).
  const instance = process.env.XIANZHI_TEST_INSTANCE || 'test';
  const r = await local.start(instance, { log: (l) => console.error(`[neo4j] ${l}`) });
  startedHere = r.started;
  project.provide('neo4j', { uri: r.uri, user: 'neo4j', password: r.password });
  return async () => {
    if (startedHere && !process.env.XIANZHI_KEEP_NEO4J) await local.stop(instance);
  };
}
