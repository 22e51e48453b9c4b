import { parentPort } from 'node:worker_threads';
import { extractFile } from './extracted.ts';

/**
 * A worker thread of ingest/parallel.ts: extracts the files it is sent, one at a time, and posts
 * back the result or the error message (an Error does not survive structured cloning intact).
 */
parentPort!.on('message', async (job: { seq: number; file: string; id: string; meta: object; bytes: number }) => {
  try {
    const out = await extractFile(job.file, job.id, job.meta, job.bytes);
    parentPort!.postMessage({ seq: job.seq, ok: true, out });
  } catch (err) {
    parentPort!.postMessage({ seq: job.seq, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
