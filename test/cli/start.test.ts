import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runCli } from '../helpers/cli.ts';
import { testEnv } from '../helpers/neo4j.ts';

describe('xianzhi start with its port already taken', () => {
  let port: number;
  let squatter: net.Server;
  beforeAll(async () => {
    port = await freePort();
    squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => squatter.close(() => resolve())));

  it('fails at once naming the address, before it starts a local Neo4j', async () => {
    // An empty Neo4j home: had start gone on to its local server, it would have begun fetching one.
    const home = mkdtempSync(join(tmpdir(), 'xianzhi-start-home-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, XIANZHI_NEO4J_HOME: home, PORT: String(port) };
      delete env.NEO4J_URI;
      const r = await runCli(['start'], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`127.0.0.1:${port} is already in use`);
      expect(r.stderr).not.toMatch(/fetching|starting Neo4j/);
      expect(readdirSync(home)).toEqual([]);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('exits non-zero instead of hanging when the graph is an existing server', async () => {
    const r = await runCli(['start', '--no-seed', '--port', String(port)], testEnv());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already in use/);
  });
});
