import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import nodejieba from 'nodejieba';
import { processText, toPrediction } from '../ingest/index.ts';
import { ExtractPool } from '../ingest/parallel.ts';

/**
 * Extraction throughput against bare `nodejieba.tag` over the same texts: the pipeline on this
 * thread, then on worker threads (the ingest path: read, extract, hand the graph form back), each
 * beside jieba on as many threads. Ratios matter more than MB/s on a shared machine, so each
 * pair runs back to back. Also writes the single-thread run's predictions for recall scoring.
 */

export interface Throughput {
  mbPerSec: number;
  docsPerSec: number;
  seconds: number;
}

export interface ExtractionResult {
  documents: number;
  megabytes: number;
  workers: number;
  jieba1: Throughput;
  /** Bare `nodejieba.cut` (segmentation without part-of-speech tags, what the pipeline runs). */
  cut1: Throughput;
  pipeline1: Throughput;
  jiebaN: Throughput;
  pipelineN: Throughput;
  /** pipeline on one thread ÷ jieba on one thread (goal ≥ 0.5). */
  ratio1: number;
  /** pipeline on one thread ÷ bare nodejieba.cut on one thread. */
  ratio1Cut: number;
  /** pipeline on N workers ÷ jieba on one thread (goal ≥ 0.9). */
  ratioN: number;
  /** pipeline on N workers ÷ jieba on N threads. */
  ratioNvsN: number;
  /** `xianzhi extract FILES…` as a user runs it: one process, start-up, reading and writing included. */
  cli: Throughput;
  /** Bare `nodejieba.tag` over the same files as a process of its own (start-up and dictionary load included). */
  jiebaProcess: Throughput;
  /** the CLI ÷ bare nodejieba.tag as a process (goal ≥ 0.8). */
  ratioCli: number;
}

const BIN = new URL('../bin/xianzhi.mjs', import.meta.url);
const JIEBA_FILES = new URL('./jieba-files.mjs', import.meta.url);

/** Wall time of a node process (ms). @throws with its output when it fails. */
function timedProcess(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`benchmark process ${path.basename(args[0]!)} failed: ${(r.stderr || r.stdout).slice(0, 500)}`);
  return ms;
}

/** `xianzhi extract` and bare nodejieba.tag over the files, each a process, best of `rounds` (ms). */
function endToEnd(files: string[], rounds: number): { cli: number; jieba: number } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'xianzhi-bench-cli-'));
  let cli = Infinity;
  let jieba = Infinity;
  try {
    for (let round = 0; round < rounds; round++) {
      jieba = Math.min(jieba, timedProcess([JIEBA_FILES.pathname, ...files]));
      // Each round writes into a folder of its own, as a first run does: rewriting the last round's
      // files, still being written back to disk, made the file system wait on that (0.1–0.4 s).
      cli = Math.min(cli, timedProcess([BIN.pathname, 'extract', '--out', path.join(base, String(round)), ...files]));
    }
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
  return { cli, jieba };
}

const tp = (mb: number, docs: number, ms: number): Throughput => ({
  mbPerSec: +(mb / (ms / 1000)).toFixed(3),
  docsPerSec: +(docs / (ms / 1000)).toFixed(2),
  seconds: +(ms / 1000).toFixed(2),
});

async function jiebaThreads(texts: string[], n: number): Promise<number> {
  const workers = Array.from({ length: n }, () => new Worker(new URL('./jieba-worker.mjs', import.meta.url)));
  try {
    // Warm each worker (dictionary load) before timing.
    await Promise.all(workers.map((w) => new Promise((r) => { w.once('message', r); w.postMessage([texts[0]]); })));
    const t = performance.now();
    await Promise.all(
      workers.map((w, i) => new Promise((r) => { w.once('message', r); w.postMessage(texts.filter((_, k) => k % n === i)); })),
    );
    return performance.now() - t;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

export async function benchExtraction(
  files: string[],
  opts: { workers: number; manifest?: Map<string, object>; predictions?: string; rounds?: number },
): Promise<ExtractionResult> {
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  const mb = texts.reduce((a, t) => a + Buffer.byteLength(t), 0) / 1e6;
  // Warm-up, not timed: jieba's dictionary, the pipeline's lexicons and gazetteer, and the JIT
  // (V8 compiles a regular expression to machine code only after it has run a while; an ingest
  // runs thousands of documents, so the steady state is the figure that counts).
  for (const text of texts.slice(0, 10)) {
    nodejieba.tag(text);
    processText(text, {});
  }

  // Best of `rounds`, jieba and the pipeline taking turns: on a shared machine one slow moment
  // would otherwise decide the ratio (one run measured jieba 2.4× faster on two threads than on one).
  const rounds = opts.rounds ?? 3;
  let jieba1 = Infinity;
  let cut1 = Infinity;
  let pipeline1 = Infinity;
  // Only the predictions are kept (the scorer's input): holding 300 whole documents, tokens and
  // all, made the garbage collector the main cost of this loop.
  const predictions: Array<{ id: string; prediction: object }> = [];
  for (let round = 0; round < rounds; round++) {
    let t = performance.now();
    for (const text of texts) nodejieba.tag(text);
    jieba1 = Math.min(jieba1, performance.now() - t);
    t = performance.now();
    for (const text of texts) nodejieba.cut(text, true);
    cut1 = Math.min(cut1, performance.now() - t);
    t = performance.now();
    for (let i = 0; i < texts.length; i++) {
      const d = processText(texts[i]!, { ...(opts.manifest?.get(path.basename(files[i]!)) ?? {}), file: path.basename(files[i]!) });
      if (opts.predictions && round === 0) predictions.push({ id: d.id, prediction: toPrediction(d) });
    }
    pipeline1 = Math.min(pipeline1, performance.now() - t);
  }
  if (opts.predictions) {
    fs.mkdirSync(opts.predictions, { recursive: true });
    for (const p of predictions) fs.writeFileSync(path.join(opts.predictions, `${p.id}.json`), JSON.stringify(p.prediction));
  }

  let jiebaN = Infinity;
  let pipelineN = Infinity;
  const pool = new ExtractPool(opts.workers);
  try {
    // Start-up and warm-up not counted: each worker loads jieba and runs a few documents first.
    await Promise.all(files.slice(0, 5 * opts.workers).map((f) => pool.extract(f, 'warm', {}, 0)));
    for (let round = 0; round < rounds; round++) {
      jiebaN = Math.min(jiebaN, await jiebaThreads(texts, opts.workers));
      const t = performance.now();
      await Promise.all(files.map((f) => pool.extract(f, path.basename(f, '.txt'), opts.manifest?.get(path.basename(f)) ?? {}, 0)));
      pipelineN = Math.min(pipelineN, performance.now() - t);
    }
  } finally {
    await pool.close();
  }
  const e2e = endToEnd(files, rounds);
  const n = texts.length;
  return {
    documents: n,
    megabytes: +mb.toFixed(2),
    workers: opts.workers,
    jieba1: tp(mb, n, jieba1),
    cut1: tp(mb, n, cut1),
    pipeline1: tp(mb, n, pipeline1),
    jiebaN: tp(mb, n, jiebaN),
    pipelineN: tp(mb, n, pipelineN),
    ratio1: +(jieba1 / pipeline1).toFixed(3),
    ratio1Cut: +(cut1 / pipeline1).toFixed(3),
    ratioN: +(jieba1 / pipelineN).toFixed(3),
    ratioNvsN: +(jiebaN / pipelineN).toFixed(3),
    cli: tp(mb, n, e2e.cli),
    jiebaProcess: tp(mb, n, e2e.jieba),
    ratioCli: +(e2e.jieba / e2e.cli).toFixed(3),
  };
}
