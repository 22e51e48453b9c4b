import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Graph } from '../../graph/index.ts';
import { startServer, type RunningServer } from '../../api/index.ts';
import { testConnection } from '../helpers/neo4j.ts';
import { codes, gql } from './http.ts';

/**
 * Neo4j going away and coming back, without touching the shared test server: the API talks to it
 * through a TCP proxy that this test closes (every connection cut) and reopens on the same port.
 */
const target = new URL(testConnection().uri.replace(/^bolt/, 'http'));
let proxy: net.Server | undefined;
const sockets = new Set<net.Socket>();
let port = 0;

function openProxy(): Promise<void> {
  proxy = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) => proxy!.listen(port, '127.0.0.1', () => ((port = (proxy!.address() as net.AddressInfo).port), resolve())));
}

function closeProxy(): Promise<void> {
  for (const s of sockets) s.destroy();
  return new Promise((resolve) => proxy!.close(() => resolve()));
}

let graph: Graph;
let api: RunningServer;

beforeAll(async () => {
  await openProxy();
  const c = testConnection();
  graph = new Graph({ uri: `bolt://127.0.0.1:${port}`, user: c.user, password: c.password });
  api = await startServer({ graph, port: 0, log: () => {} });
});

afterAll(async () => {
  await api?.close();
  await graph?.close();
  if (proxy?.listening) await closeProxy();
});

const health = async () => {
  const res = await fetch(new URL('/health', api.url));
  return { status: res.status, body: await res.json() };
};
const Q = '{ countyCount }';

it('answers SERVICE_UNAVAILABLE while Neo4j is down, and recovers by itself when it is back', async () => {
  expect(await health()).toEqual({ status: 200, body: { status: 'ok', neo4j: 'up' } });
  expect((await gql(api.url, Q)).body.errors).toBeUndefined();

  await closeProxy();
  expect(await health()).toEqual({ status: 503, body: { status: 'unavailable', neo4j: 'down' } });
  const down = await gql(api.url, Q);
  expect(codes(down)).toEqual(['SERVICE_UNAVAILABLE']);
  expect(down.body.errors![0]!.message).toMatch(/Neo4j/);
  expect(JSON.stringify(down.body)).not.toMatch(/at .*\.ts:\d+|stack/i);

  await openProxy();
  expect(await health()).toEqual({ status: 200, body: { status: 'ok', neo4j: 'up' } });
  const back = await gql(api.url, Q);
  expect(back.body.errors).toBeUndefined();
  expect(typeof back.body.data.countyCount).toBe('number');
});
