import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { GraphUnavailableError, writeDocument, type Graph } from '../graph/index.ts';
import { writeDocuments } from '../graph/write/batch.ts';
import type { Extracted } from './extracted.ts';
import type { DocumentMeta } from './model.ts';
import { ExtractPool, defaultWorkers } from './parallel.ts';
import { documentId, storedHashes } from './store.ts';
import { contentHash } from './content-hash.ts';

/**
 * Ingests many files fast: content hashes checked against the graph many ids per query,
 * extraction on worker threads, and one writer that puts several documents in each transaction
 * while the workers extract the next ones. A batch that fails is retried document by document,
 * so one bad document fails alone. Files are streamed through: at most a few batches are held.
 */

export interface BulkOptions {
  manifest?: Map<string, DocumentMeta>;
  force?: boolean;
  /** Extraction threads; 0 extracts on this thread. Default: one per core. */
  workers?: number;
  /** Documents per write transaction (default 25); a batch also closes at `maxSentences`. */
  batchSize?: number;
  maxSentences?: number;
  /** Write transactions in flight at once (default 2: Neo4j then works on two cores while we wait). */
  writers?: number;
  /** Called after every file is settled (written, unchanged or failed). */
  onFile?: (event: FileEvent, progress: Progress) => void;
}

export type FileEvent =
  | { status: 'written'; file: string; extracted: Extracted }
  | { status: 'unchanged'; file: string }
  /** The same normalised text as the stored document `of`: not stored again. */
  | { status: 'duplicate'; file: string; of: string }
  | { status: 'failed'; file: string; reason: string };

export interface Progress {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
  /** Facts found so far, by type. */
  entities: Record<string, number>;
}

export interface BulkResult extends Progress {
  written: number;
  unchanged: number;
  duplicates: Array<{ file: string; of: string }>;
  failed: Array<{ file: string; reason: string }>;
  seconds: number;
}

const HASH_CHUNK = 500;

async function sha256(file: string): Promise<{ hash: string; bytes: number }> {
  const data = await fs.promises.readFile(file);
  return { hash: contentHash(data), bytes: data.length };
}

/**
 * Two writers MERGE the same shared nodes (a county's DEVELOPS edges, industries, indicators), so
 * Neo4j may pick one of them as a deadlock victim. The driver retries transient errors only within
 * its retry window, which a busy server or a restart can use up; this retries a few more times
 * with a jittered backoff before a document is reported as failed.
 */
async function retryTransient<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      const code = String((err as { code?: string }).code ?? '');
      const transient = code.startsWith('Neo.TransientError') || /deadlock|can't acquire/i.test(String((err as Error).message));
      if (!transient || i >= attempts || err instanceof GraphUnavailableError) throw err;
      await new Promise((r) => setTimeout(r, 100 * 2 ** i + Math.random() * 200));
    }
  }
}

export async function ingestFiles(graph: Graph, files: string[], opts: BulkOptions = {}): Promise<BulkResult> {
  const started = performance.now();
  const batchSize = opts.batchSize ?? 25;
  const maxSentences = opts.maxSentences ?? 12_000;
  const workers = opts.workers ?? Math.min(defaultWorkers(), Math.max(1, Math.ceil(files.length / 4)));
  const sizes = await Promise.all(files.map((f) => fs.promises.stat(f).then((s) => s.size, () => 0)));
  const progress: Progress = { files: 0, totalFiles: files.length, bytes: 0, totalBytes: sizes.reduce((a, b) => a + b, 0), entities: {} };
  const result = { written: 0, unchanged: 0, duplicates: [] as BulkResult['duplicates'], failed: [] as BulkResult['failed'] };
  const settle = (event: FileEvent, bytes: number) => {
    progress.files++;
    progress.bytes += bytes;
    if (event.status === 'written') {
      result.written++;
      for (const [k, v] of Object.entries(event.extracted.counts)) progress.entities[k] = (progress.entities[k] ?? 0) + v;
    } else if (event.status === 'unchanged') result.unchanged++;
    else if (event.status === 'duplicate') result.duplicates.push({ file: event.file, of: event.of });
    else result.failed.push({ file: event.file, reason: event.reason });
    opts.onFile?.(event, progress);
  };

  const pool = new ExtractPool(workers);
  let fatal: unknown = null;
  // The writers: a few batches in flight at once; shared nodes are MERGEd, and a deadlock between
  // two batches is a transient error the driver retries.
  const writers = Math.max(1, opts.writers ?? 2);
  const active = new Set<Promise<void>>();
  let queuedBatches = 0;
  let pending: Extracted[] = [];
  let pendingSentences = 0;
  let slots = Promise.resolve();

  const writeBatch = async (batch: Extracted[]) => {
    try {
      const { duplicates } = await retryTransient(() => writeDocuments(graph, batch.map((x) => x.graph)));
      const dup = new Map(duplicates.map((d) => [d.id, d.of]));
      for (const x of batch) {
        const of = dup.get(x.graph.id);
        settle(of ? { status: 'duplicate', file: x.file, of } : { status: 'written', file: x.file, extracted: x }, x.bytes);
      }
    } catch (err) {
      if (err instanceof GraphUnavailableError) throw err;
      // One by one, so the bad document is named and the others still land.
      for (const x of batch) {
        try {
          const { duplicates } = await retryTransient(() => writeDocument(graph, x.graph));
          settle(duplicates[0] ? { status: 'duplicate', file: x.file, of: duplicates[0].of } : { status: 'written', file: x.file, extracted: x }, x.bytes);
        } catch (e) {
          if (e instanceof GraphUnavailableError) throw e;
          settle({ status: 'failed', file: x.file, reason: `could not write: ${(e as Error).message}` }, x.bytes);
        }
      }
    }
  };
  const flush = () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    pendingSentences = 0;
    queuedBatches++;
    // Batches start in order, at most `writers` at a time.
    slots = slots.then(async () => {
      while (active.size >= writers) await Promise.race(active);
      const w: Promise<void> = (fatal ? Promise.resolve() : writeBatch(batch))
        .catch((err) => {
          fatal ??= err;
        })
        .finally(() => {
          active.delete(w);
          queuedBatches--;
        });
      active.add(w);
    });
  };
  const drained = async () => {
    await slots;
    await Promise.all(active);
  };

  try {
    const inflight = new Set<Promise<void>>();
    const maxInflight = Math.max(2, workers * 2);
    for (let i = 0; i < files.length && !fatal; i += HASH_CHUNK) {
      const chunk = files.slice(i, i + HASH_CHUNK);
      const ids = chunk.map(documentId);
      const hashes = await Promise.all(chunk.map((f) => sha256(f).catch(() => null)));
      const stored = opts.force ? new Map<string, string>() : await storedHashes(graph, ids);
      for (let k = 0; k < chunk.length && !fatal; k++) {
        const file = chunk[k]!;
        const h = hashes[k];
        if (h && stored.get(ids[k]!) === h.hash) {
          settle({ status: 'unchanged', file }, h.bytes);
          continue;
        }
        // Back-pressure: neither extraction nor the write queue may run far ahead.
        while (inflight.size >= maxInflight || queuedBatches > writers + 1) {
          if (inflight.size) await Promise.race(inflight);
          else if (active.size) await Promise.race(active);
          else await slots;
        }
        const meta = { file: path.basename(file), ...(opts.manifest?.get(path.basename(file)) ?? {}) };
        const bytes = h?.bytes ?? sizes[i + k] ?? 0;
        const p: Promise<void> = pool
          .extract(file, ids[k]!, meta, bytes)
          .then(
            (x) => {
              pending.push(x);
              pendingSentences += x.graph.sentences.length;
              if (pending.length >= batchSize || pendingSentences >= maxSentences) flush();
            },
            (err) => settle({ status: 'failed', file, reason: (err as Error).message }, bytes),
          )
          .finally(() => inflight.delete(p));
        inflight.add(p);
      }
    }
    await Promise.all(inflight);
    flush();
    await drained();
  } finally {
    await pool.close();
  }
  if (fatal) throw fatal;
  return { ...progress, ...result, seconds: (performance.now() - started) / 1000 };
}
