import path from 'node:path';
import { openGraph } from '../../graph/index.ts';
import { ingestFiles, type FileEvent } from '../../ingest/bulk.ts';
import { collectFiles, manifestBeside } from '../../ingest/files.ts';
import { loadManifest } from '../../ingest/index.ts';
import type { DocumentMeta } from '../../ingest/model.ts';
import { UsageError, parseArgs, type Command } from '../command.ts';
import { formatEntities, progressReporter } from '../progress.ts';

/** How long ingest retries a lost server before failing (XIANZHI_INGEST_RETRY_MS, default 60 s). */
const INGEST_RETRY_MS = Number(process.env.XIANZHI_INGEST_RETRY_MS) || 60_000;

const positiveInt = (v: string | boolean | undefined, name: string, min = 1): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min}`);
  return n;
};

export const ingest: Command = {
  help: `Usage: xianzhi ingest PATH… [--manifest FILE] [--force] [--workers N] [--batch N] [--verbose]

Reads every report file under the given files and folders (PDF with a text layer, Word .docx/.doc,
saved web pages, text in any encoding: UTF-8, UTF-16, GBK/GB18030 — told by content, not name),
extracts counties, industries, projects, targets, agencies, enterprises and plans, and writes them to
Neo4j. Unchanged files (same content hash as stored) are skipped; a changed file replaces that
document's facts and only them. Extraction runs on worker threads (one per core); several documents
go into each write transaction, and if a batch fails its documents are retried one by one, so a bad
one fails alone. A folder's manifest.json (see seeds/manifest.json) declares counties, kinds and
dates; --manifest names another one.

On a terminal a progress bar shows files, bytes and entities found; otherwise progress comes as plain
lines with one line per file on stdout. The closing summary gives documents written, entities by type,
and the files skipped and why. A file that cannot be read is named with the reason; the others are
still ingested, and the exit code is 1 when any file failed.

Options:
  -m, --manifest FILE  metadata per file name (default: manifest.json beside the files)
  -f, --force          re-extract and rewrite even unchanged files (--force=false: the default)
  -w, --workers N      extraction threads (default: one per core; 0 = on the main thread)
  -b, --batch N        documents per write transaction (default 25)
  -v, --verbose        one line per file on a terminal too

Example: xianzhi ingest seeds/`,
  async run(argv) {
    const { flags, positionals } = parseArgs(argv, { force: { type: 'boolean', short: 'f' }, verbose: { type: 'boolean', short: 'v' }, workers: { type: 'string', short: 'w' }, batch: { type: 'string', short: 'b' }, manifest: { type: 'string', short: 'm' } });
    if (!positionals.length) throw new UsageError('name at least one file or folder');
    const workers = positiveInt(flags.workers, 'workers', 0);
    const batchSize = positiveInt(flags.batch, 'batch');
    const { files, missing } = collectFiles(positionals);
    for (const m of missing) console.error(`FAIL ${m}: no such file or folder`);
    const manifestPath = typeof flags.manifest === 'string' ? flags.manifest : manifestBeside(positionals);
    const manifest: Map<string, DocumentMeta> = manifestPath ? await loadManifest(manifestPath) : new Map();
    if (manifestPath) console.error(`manifest: ${manifestPath} (${manifest.size} entries)`);
    // A batch job rides out a server restart: a minute of retries (the API keeps the driver's
    // 15 s, as its clients are waiting). A restart on a busy 2-core machine took 20–28 s.
    const { graph } = await openGraph({ log: (l) => console.error(l), retryMs: INGEST_RETRY_MS });
    const bar = progressReporter();
    const perFile = !bar.tty || Boolean(flags.verbose);
    const readers = new Map<string, number>();
    const line = (e: FileEvent) => {
      if (e.status === 'written') readers.set(e.extracted.reader ?? '?', (readers.get(e.extracted.reader ?? '?') ?? 0) + 1);
      if (e.status === 'failed') {
        if (bar.tty) process.stderr.write('\r\x1b[K');
        console.error(`FAIL ${e.file}: ${e.reason}`);
        return;
      }
      if (!perFile) return;
      if (e.status === 'unchanged') return void console.log(`skip ${e.file} (unchanged)`);
      if (e.status === 'duplicate') return void console.log(`skip ${e.file} (duplicate of ${e.of})`);
      const x = e.extracted;
      const c = x.counts;
      console.log(
        `ok   ${e.file}  reader ${x.reader ?? '?'}  county ${x.county ?? '?'}  industries ${c.industries}  projects ${c.projects}  targets ${c.targets}  results ${c.results}  agencies ${c.agencies}  enterprises ${c.enterprises}  plans ${c.plans}`,
      );
      for (const w of x.warnings) console.log(`     warning: ${w}`);
    };
    let r;
    try {
      r = await ingestFiles(graph, files, {
        manifest,
        force: Boolean(flags.force),
        workers,
        batchSize,
        onFile: (e, p) => {
          line(e);
          bar.update(p);
        },
      });
    } finally {
      bar.done();
      await graph.close();
    }
    const failed = [...missing.map((file) => ({ file, reason: 'no such file or folder' })), ...r.failed];
    console.log(
      `\n${r.written} written, ${r.unchanged} unchanged, ${failed.length} failed — ${r.files} files, ${(r.bytes / 1e6).toFixed(1)} MB ` +
        `in ${r.seconds.toFixed(1)}s (${(r.files / Math.max(r.seconds, 1e-3)).toFixed(1)} files/s)`,
    );
    if (r.written) console.log(`entities: ${formatEntities(r.entities) || 'none'}`);
    if (readers.size) console.log(`readers: ${[...readers].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    if (r.unchanged) console.log(`skipped ${r.unchanged} file(s): unchanged since the last ingest (same content hash; --force rewrites them)`);
    for (const d of r.duplicates) console.log(`  not stored: ${d.file} has the same text as the stored document ${d.of} (a duplicate)`);
    for (const f of failed) console.log(`  skipped ${f.file}: ${f.reason}`);
    return failed.length ? 1 : 0;
  },
};
