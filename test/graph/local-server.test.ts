import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { Graph, local, q } from '../../graph/index.ts';
import { runCli } from '../helpers/cli.ts';

// The project's own Neo4j, through its manager and its CLI: start, status, restart with the data
// kept, and a stop that leaves no Java process behind. A dedicated instance, so the suite's own
// test server is never stopped here.
const INSTANCE = `${process.env.XIANZHI_TEST_INSTANCE || 'test'}-lifecycle`;

function javaProcessesOf(home: string): number[] {
  let out = '';
  try {
    out = execFileSync('pgrep', ['-f', `CommunityEntryPoint --home-dir=${home}`], { encoding: 'utf8' });
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
  return out.split('\n').filter(Boolean).map(Number);
}

describe('local Neo4j manager', () => {
  afterAll(async () => {
    await local.stop(INSTANCE);
  });

  // Two Neo4j starts and a stop: on a busy 2-core machine one start alone took 20–28 s.
  it('starts with authentication on, restarts with the data kept, and stops with no stray Java process', async () => {
    const first = await local.start(INSTANCE);
    expect(first.running).toBe(true);
    expect(first.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(javaProcessesOf(first.home)).toEqual([first.pid]);

    // Authentication is on: the generated password works and a wrong one does not.
    const wrong = new Graph({ uri: first.uri, user: 'neo4j', password: 'not-the-password' });
    await expect(wrong.verify()).rejects.toThrow();
    await wrong.close();
    let graph = new Graph({ uri: first.uri, user: 'neo4j', password: first.password });
    await graph.write([q("MERGE (:County {code: '000001', name: '测试县'})")]);
    await graph.close();

    // Starting again while it runs is a no-op.
    const again = await local.start(INSTANCE);
    expect(again.started).toBe(false);
    expect(again.pid).toBe(first.pid);

    expect(await local.stop(INSTANCE)).toBe(true);
    expect(local.status(INSTANCE).running).toBe(false);
    expect(javaProcessesOf(first.home)).toEqual([]);
    expect(fs.existsSync(`${first.home}/run/neo4j.pid`)).toBe(false);

    const second = await local.start(INSTANCE);
    expect(second.started).toBe(true);
    graph = new Graph({ uri: second.uri, user: 'neo4j', password: second.password });
    expect(await graph.read(q("MATCH (c:County {code: '000001'}) RETURN c.name AS name"))).toEqual([{ name: '测试县' }]);
    await graph.close();
    expect(await local.stop(INSTANCE)).toBe(true);
    expect(javaProcessesOf(second.home)).toEqual([]);
  }, 240_000);

  it('reports status through the CLI', async () => {
    const r = await runCli(['neo4j', 'status', '--instance', INSTANCE], { ...process.env, NEO4J_URI: '' });
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/stopped/);
  });

  it('without Java, says so and names the alternatives (docker compose, NEO4J_URI)', async () => {
    const r = await runCli(['neo4j', 'start', '--instance', `${INSTANCE}-nojava`], {
      ...process.env,
      NEO4J_URI: '',
      PATH: '/nonexistent',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Java/);
    expect(r.stderr).toMatch(/docker compose up/);
    expect(r.stderr).toMatch(/NEO4J_URI/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
