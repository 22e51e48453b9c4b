import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocumentMeta } from './model.ts';
import { extractFile, type Extracted } from './extracted.ts';

/**
 * Extraction on worker threads: jieba and the regex stages are CPU-bound and synchronous, so one
 * thread per core is what makes ingest use the machine. `workers: 0` extracts on the calling
 * thread (no start-up cost: the right choice for a handful of files).
 *
 * @example const pool = new ExtractPool(2); const x = await pool.extract('a.txt', 'a', {}, 1234); await pool.close();
 */

interface Job {
  seq: number;
  file: string;
  id: string;
  meta: DocumentMeta;
  bytes: number;
  resolve: (x: Extracted) => void;
  reject: (e: Error) => void;
}

// Compiled ahead (scripts/build.mjs), this module is parallel.js and its worker is worker.js; run
// from source, worker.mjs registers tsx in the thread first.
const WORKER_URL = new URL(import.meta.url.endsWith('.js') ? './worker.js' : './worker.mjs', import.meta.url);

export function defaultWorkers(): number {
  return os.availableParallelism?.() ?? os.cpus().length;
}

export class ExtractPool {
  private all: Worker[] = [];
  private queue: Job[] = [];
  /** Per worker, the jobs sent to it and not answered yet (answers may come out of order: by seq). */
  private running = new Map<Worker, Job[]>();
  private seq = 0;

  /**
   * `depth` jobs are kept in flight per worker: with one, a worker idled between documents until
   * the main thread had taken its answer and sent the next file; with two, the next one is
   * already waiting in its message queue.
   */
  constructor(readonly size: number = defaultWorkers(), private readonly depth = 2) {
    for (let i = 0; i < size; i++) {
      // worker.mjs registers tsx's loader itself: the worker's module is TypeScript.
      const w = new Worker(WORKER_URL);
      w.on('message', (msg: { seq: number; ok: boolean; out?: Extracted; error?: string }) => {
        const jobs = this.running.get(w) ?? [];
        const at = jobs.findIndex((j) => j.seq === msg.seq);
        const job = at >= 0 ? jobs.splice(at, 1)[0] : undefined;
        if (job) {
          if (msg.ok) job.resolve(msg.out!);
          else job.reject(new Error(msg.error));
        }
        this.pump();
      });
      w.on('error', (err) => {
        // A crashed worker fails its jobs; the pool carries on with the others.
        const jobs = this.running.get(w) ?? [];
        this.running.delete(w);
        this.all = this.all.filter((x) => x !== w);
        for (const job of jobs) job.reject(err);
        if (!this.all.length) for (const j of this.queue.splice(0)) j.reject(new Error(`every extraction worker has crashed (${err.message})`));
      });
      this.all.push(w);
      this.running.set(w, []);
    }
  }

  /** Jobs waiting plus jobs running. */
  get pending(): number {
    let running = 0;
    for (const jobs of this.running.values()) running += jobs.length;
    return this.queue.length + running;
  }

  extract(file: string, id: string, meta: DocumentMeta, bytes: number): Promise<Extracted> {
    if (this.size === 0) return extractFile(file, id, meta, bytes);
    if (!this.all.length) return Promise.reject(new Error('every extraction worker has crashed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ seq: this.seq++, file, id, meta, bytes, resolve, reject });
      this.pump();
    });
  }

  /** Sends waiting jobs to the least busy workers, up to `depth` each. */
  private pump(): void {
    while (this.queue.length) {
      let best: Worker | null = null;
      for (const w of this.all) {
        const n = this.running.get(w)!.length;
        if (n < this.depth && (!best || n < this.running.get(best)!.length)) best = w;
      }
      if (!best) return;
      const job = this.queue.shift()!;
      this.running.get(best)!.push(job);
      best.postMessage({ seq: job.seq, file: job.file, id: job.id, meta: job.meta, bytes: job.bytes });
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
    this.all = [];
    this.running.clear();
  }
}
