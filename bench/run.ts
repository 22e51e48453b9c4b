import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Graph, applySchema, local } from '../graph/index.ts';
import { q } from '../graph/cypher.ts';
import type { Connection } from '../graph/driver.ts';
import { PROJECT_ROOT } from '../graph/local/paths.ts';
import { synthesise } from '../corpus/synth.ts';
import { loadManifest } from '../ingest/index.ts';
import { benchExtraction, type ExtractionResult } from './extraction.ts';
import { benchReading, type ReadingResult } from './reading.ts';
import { benchIngest, type IngestResult } from './ingest-e2e.ts';
import { apiLatencyAvailable, benchLatency, type LatencyResult } from './latency.ts';

/**
 * One benchmark run: corpus → extraction throughput → end-to-end ingest into an empty graph →
 * GraphQL latency. The graph is never the user's: XIANZHI_BENCH_NEO4J_URI names a server to use
 * (the test suite passes its test server), otherwise the local `bench` instance is started and
 * stopped again at the end. NEO4J_URI is deliberately ignored — it may be the user's graph.
 */

export interface BenchResult {
  quick: boolean;
  date: string;
  machine: { cpu: string; cores: number; memoryGB: number; node: string; neo4j: string; loadAverage: number[] };
  neo4j: string;
  commands: string[];
  corpus: { documents: number; megabytes: number; seed: number; seconds: number; dir: string };
  extraction: ExtractionResult;
  reading?: ReadingResult;
  ingest: IngestResult;
  latency: LatencyResult;
  apiLatency?: unknown;
  recall?: Record<string, unknown>;
}

export interface BenchOptions {
  quick?: boolean;
  /** Corpus size; default 12 with quick, every county otherwise. */
  counties?: number | 'all';
  seed?: number;
  /** Reports in the extraction sample (default 12 quick, 300 full). */
  sample?: number;
  workers?: number;
  log?: (line: string) => void;
}

async function connect(log: (l: string) => void): Promise<{ conn: Connection; where: string; stop: () => Promise<void> }> {
  const uri = process.env.XIANZHI_BENCH_NEO4J_URI;
  if (uri) {
    return {
      conn: { uri, user: process.env.XIANZHI_BENCH_NEO4J_USER ?? 'neo4j', password: process.env.XIANZHI_BENCH_NEO4J_PASSWORD ?? '' },
      where: uri,
      stop: async () => {},
    };
  }
  const r = await local.start('bench', { log });
  return {
    conn: { uri: r.uri, user: 'neo4j', password: r.password },
    where: `local instance 'bench' (${r.uri})`,
    stop: async () => {
      if (r.started) await local.stop('bench');
    },
  };
}

function recall(gold: string, pred: string): Record<string, unknown> | undefined {
  const score = path.resolve(PROJECT_ROOT, '..', 'shared', 'eval', 'score.mjs');
  if (!fs.existsSync(score)) return undefined;
  const r = spawnSync(process.execPath, [score, '--gold', gold, '--pred', pred, '--json'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) return { error: (r.stderr || r.stdout).slice(0, 500) };
  return (JSON.parse(r.stdout) as { summary: Record<string, unknown> }).summary;
}

export async function runBench(opts: BenchOptions = {}): Promise<BenchResult> {
  const log = opts.log ?? (() => {});
  const quick = Boolean(opts.quick);
  const seed = opts.seed ?? 1;
  const counties = opts.counties ?? (quick ? 12 : 'all');
  const workers = opts.workers ?? Math.max(2, os.availableParallelism?.() ?? os.cpus().length);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xianzhi-bench-'));
  const corpusDir = path.join(tmp, 'corpus');
  const loadAverage = os.loadavg().map((x) => +x.toFixed(2));

  log(`corpus: ${counties} counties → ${corpusDir}`);
  let t = performance.now();
  const c = await synthesise({ out: corpusDir, seed, counties });
  const corpus = { documents: c.documents, megabytes: +(c.bytes / 1e6).toFixed(2), seed, seconds: +((performance.now() - t) / 1000).toFixed(1), dir: corpusDir };

  const files = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(corpusDir, f));
  const sampleSize = Math.min(files.length, opts.sample ?? (quick ? 12 : 300));
  const step = files.length / sampleSize;
  const sample = Array.from({ length: sampleSize }, (_, i) => files[Math.floor(i * step)]!);
  const manifest = await loadManifest(c.manifest);
  log(`extraction: ${sample.length} reports, 1 thread and ${workers} workers, against nodejieba.tag`);
  const predictions = path.join(tmp, 'predictions');
  const extraction = await benchExtraction(sample, { workers, manifest, predictions, rounds: quick ? 1 : 3 });
  const goldSample = path.join(tmp, 'gold-sample');
  fs.mkdirSync(goldSample);
  for (const f of sample) {
    const g = path.basename(f, '.txt') + '.json';
    fs.copyFileSync(path.join(c.gold, g), path.join(goldSample, g));
  }
  const scored = recall(goldSample, predictions);
  log('reading: the seeds as text, GBK text, web page, PDF, DOCX and DOC');
  const seedsDir = path.join(PROJECT_ROOT, 'seeds');
  const seedTexts = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(seedsDir, f));
  const reading = await benchReading(seedTexts, { rounds: quick ? 1 : 3, office: !quick });

  const { conn, where, stop } = await connect(log);
  const graph = new Graph(conn);
  try {
    await applySchema(graph);
    const [v] = await graph.read(q("CALL dbms.components() YIELD versions RETURN versions[0] AS version"));
    log(`ingest: ${corpus.documents} reports into an empty graph at ${where}`);
    t = performance.now();
    const ingest = await benchIngest(graph, conn, corpusDir, corpus.documents, corpus.megabytes);
    log(`latency: headline queries over GraphQL and the driver`);
    const latencyResult = await benchLatency(graph, quick ? { iterations: 5, concurrency: 4, loadRequests: 40 } : { iterations: 100, concurrency: 8, loadRequests: 400 });
    let apiLatency: unknown;
    if (apiLatencyAvailable()) {
      try {
        const mod = (await import('./api-latency.ts' as string)) as Record<string, unknown>;
        const fn = Object.values(mod).find((x): x is (...a: unknown[]) => Promise<unknown> => typeof x === 'function');
        apiLatency = fn ? await fn({ graph, quick }) : { error: 'bench/api-latency.ts exports no function' };
      } catch (err) {
        apiLatency = { error: (err as Error).message };
      }
    }
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    return {
      quick,
      date: new Date().toISOString(),
      machine: { cpu, cores: os.cpus().length, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, neo4j: `${v?.version ?? '?'} Community`, loadAverage },
      neo4j: where,
      commands: [
        `node bin/xianzhi.mjs bench${quick ? ' --quick' : ''}`,
        `  = node bin/xianzhi.mjs corpus synth --out ${corpusDir} --seed ${seed} --counties ${counties}`,
        `  + extraction over ${sample.length} of them (pipeline, nodejieba.tag and nodejieba.cut, 1 thread and ${workers} workers, best of ${quick ? 1 : 3} rounds each)`,
        `  + node bin/xianzhi.mjs ingest ${corpusDir}   (empty graph, then again unchanged)`,
        `  + node ../shared/eval/score.mjs --gold <sample gold> --pred <sample predictions> --json`,
        `  + readSource over the seeds as text, GBK, HTML${quick ? '' : ', and PDF/DOCX/DOC made by soffice --convert-to'} (bench/reading.ts)`,
        `  + GraphQL headline queries (api/graphiql.ts) vs the same Cypher through the driver`,
      ],
      corpus,
      extraction,
      reading,
      ingest,
      latency: latencyResult,
      ...(apiLatency !== undefined ? { apiLatency } : {}),
      ...(scored ? { recall: scored } : {}),
    };
  } finally {
    await graph.close();
    await stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
