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

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

export function defaultWorkers(): number {
  return os.availableParallelism?.() ?? os.cpus().length;
}

export class ExtractPool {
  private idle: Worker[] = [];
  private all: Worker[] = [];
  private queue: Job[] = [];
  private running = new Map<Worker, Job>();
  private seq = 0;

  constructor(readonly size: number = defaultWorkers()) {
    for (let i = 0; i < size; i++) {
      // worker.mjs registers tsx's loader itself: the worker's module is TypeScript.
      const w = new Worker(WORKER_URL);
      w.on('message', (msg: { seq: number; ok: boolean; out?: Extracted; error?: string }) => {
        const job = this.running.get(w);
        this.running.delete(w);
        if (job) {
          if (msg.ok) job.resolve(msg.out!);
          else job.reject(new Error(msg.error));
        }
        this.idle.push(w);
        this.pump();
      });
      w.on('error', (err) => {
        // A crashed worker fails its job; the pool carries on with the others.
        const job = this.running.get(w);
        this.running.delete(w);
        this.all = this.all.filter((x) => x !== w);
        this.idle = this.idle.filter((x) => x !== w);
        job?.reject(err);
        if (!this.all.length) for (const j of this.queue.splice(0)) j.reject(new Error(`every extraction worker has crashed (${err.message})`));
      });
      this.all.push(w);
      this.idle.push(w);
    }
  }

  /** Jobs waiting plus jobs running. */
  get pending(): number {
    return this.queue.length + this.running.size;
  }

  extract(file: string, id: string, meta: DocumentMeta, bytes: number): Promise<Extracted> {
    if (this.size === 0) return extractFile(file, id, meta, bytes);
    if (!this.all.length) return Promise.reject(new Error('every extraction worker has crashed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ seq: this.seq++, file, id, meta, bytes, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.running.set(w, job);
      w.postMessage({ seq: job.seq, file: job.file, id: job.id, meta: job.meta, bytes: job.bytes });
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
    this.all = [];
    this.idle = [];
  }
}
