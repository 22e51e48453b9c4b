import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openGraph, q, type Graph } from '../graph/index.ts';
import { HEADLINE_QUERIES } from './api-latency.ts';
import { latency, type Latency } from './percentiles.ts';

/**
 * Load: N concurrent clients (default 50) for S seconds (default 30) against the headline queries
 * of a `xianzhi serve` child on loopback. Each client sends its next request as soon as the last
 * one answered. Reports requests, errors (HTTP ≥ 400 or GraphQL errors), latency percentiles, and
 * the server's resident memory (VmRSS from /proc, sampled every 250 ms): at start, peak, end.
 * Exits 1 on any error or a peak RSS over the bound, so it can gate a release.
 *
 *   npx tsx bench/load.ts [--clients 50] [--seconds 30] [--max-rss-mb 1024]
 *
 * Bounded: at most 200 clients and 300 s; loopback only (the server binds 127.0.0.1). The graph is
 * the one `serve` uses (NEO4J_URI, else the local `main`); when it is empty, seeds/ is ingested.
 */

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const BIN = path.join(ROOT, 'bin/xianzhi.mjs');

export interface LoadResult {
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  firstErrors: string[];
  throughput: number;
  latency: Latency;
  byQuery: Record<string, { requests: number; p50: number; p95: number }>;
  rssMb: { start: number; peak: number; end: number };
}

function arg(name: string, def: number, max: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : def;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return Math.min(v, max);
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

/** Arguments that hit data: the most developed industry and county, the most compared indicator. */
async function variables(graph: Graph): Promise<Record<string, unknown>> {
  const [c] = await graph.read(q('MATCH (c:County)-[:DEVELOPS]->() RETURN c.code AS code, count(*) AS n ORDER BY n DESC, code LIMIT 1'));
  const [i] = await graph.read(q('MATCH (:County)-[r:DEVELOPS]->(i:Industry) RETURN i.id AS id, i.name AS name, count(r) AS n ORDER BY n DESC, id LIMIT 1'));
  const [t] = await graph.read(q('MATCH (t:Target)-[:MEASURES]->(i:Indicator) RETURN i.name AS name, count(*) AS n ORDER BY n DESC, name LIMIT 1'));
  const name = String(i?.name ?? '产业');
  return { code: c?.code ?? '000000', industry: i?.id ?? 'none', indicator: t?.name ?? '地区生产总值', q: name.replace(/产业$/, '') || name };
}

export async function runLoad(opts: { clients: number; seconds: number; env?: NodeJS.ProcessEnv }): Promise<LoadResult> {
  const env = opts.env ?? process.env;
  const { graph } = await openGraph({ env, log: (l) => console.error(l) });
  let vars: Record<string, unknown>;
  try {
    const [{ n }] = (await graph.read(q('MATCH (d:Document) RETURN count(d) AS n'))) as Array<{ n: number }>;
    if (!n) {
      console.error('the graph is empty: ingesting seeds/ first');
      await new Promise((resolve) => spawn(process.execPath, [BIN, 'ingest', path.join(ROOT, 'seeds')], { env, stdio: 'inherit' }).on('close', resolve));
    }
    vars = await variables(graph);
  } finally {
    await graph.close();
  }

  const port = await freePort();
  const server = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--host', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  server.stdout.on('data', (d) => (out += d));
  server.stderr.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const t = setInterval(() => /\/graphql/.test(out) && (clearInterval(t), resolve()), 100);
    server.on('close', (code) => (clearInterval(t), reject(new Error(`serve exited (${code}):\n${out}`))));
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  const names = Object.keys(HEADLINE_QUERIES);
  const samples: number[] = [];
  const perQuery = new Map<string, number[]>(names.map((n) => [n, []]));
  const firstErrors: string[] = [];
  let errors = 0;
  const rss = { start: rssMb(server.pid!), peak: 0, end: 0 };
  rss.peak = rss.start;
  const sampler = setInterval(() => (rss.peak = Math.max(rss.peak, rssMb(server.pid!))), 250);
  const deadline = Date.now() + opts.seconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: opts.clients }, async (_, client) => {
        for (let k = client; Date.now() < deadline; k++) {
          const name = names[k % names.length]!;
          const t0 = performance.now();
          try {
            const res = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', accept: 'application/json' },
              body: JSON.stringify({ query: HEADLINE_QUERIES[name], variables: vars }),
            });
            const body = (await res.json()) as { errors?: Array<{ message: string }> };
            if (res.status >= 400 || body.errors?.length) {
              errors++;
              if (firstErrors.length < 5) firstErrors.push(`${name}: ${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 200)}`);
            }
          } catch (e) {
            errors++;
            if (firstErrors.length < 5) firstErrors.push(`${name}: ${(e as Error).message}`);
          }
          const ms = performance.now() - t0;
          samples.push(ms);
          perQuery.get(name)!.push(ms);
        }
      }),
    );
  } finally {
    clearInterval(sampler);
    rss.end = rssMb(server.pid!);
    server.kill('SIGTERM');
    await new Promise((resolve) => server.on('close', resolve));
  }
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    clients: opts.clients,
    seconds: opts.seconds,
    requests: samples.length,
    errors,
    firstErrors,
    throughput: r1(samples.length / opts.seconds),
    latency: latency(samples),
    byQuery: Object.fromEntries([...perQuery].map(([n, s]) => [n, { requests: s.length, p50: latency(s).p50, p95: latency(s).p95 }])),
    rssMb: { start: r1(rss.start), peak: r1(rss.peak), end: r1(rss.end) },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const clients = arg('clients', 50, 200);
  const seconds = arg('seconds', 30, 300);
  const maxRss = arg('max-rss-mb', 1024, 1e6);
  const r = await runLoad({ clients, seconds });
  console.log(JSON.stringify(r, null, 2));
  console.log(
    `\n| clients | seconds | requests | errors | req/s | p50 ms | p95 ms | p99 ms | server RSS start → peak → end (MB) |\n|---|---|---|---|---|---|---|---|---|\n` +
      `| ${r.clients} | ${r.seconds} | ${r.requests} | ${r.errors} | ${r.throughput} | ${r.latency.p50} | ${r.latency.p95} | ${r.latency.p99} | ${r.rssMb.start} → ${r.rssMb.peak} → ${r.rssMb.end} |`,
  );
  process.exitCode = r.errors || r.rssMb.peak > maxRss ? 1 : 0;
}
