import { openGraph } from '../../graph/index.ts';
import { collectFiles, manifestBeside } from '../../ingest/files.ts';
import { loadManifest } from '../../ingest/index.ts';
import type { DocumentMeta } from '../../ingest/model.ts';
import { ingestFile, type IngestResult } from '../../ingest/store.ts';
import path from 'node:path';
import { UsageError, parseArgs, type Command } from '../command.ts';

export const ingest: Command = {
  name: 'ingest',
  summary: 'read reports into the graph (one transaction per document, idempotent)',
  help: `Usage: xianzhi ingest PATH… [--manifest FILE] [--force]

Reads every report file under the given files and folders (any encoding: UTF-8, UTF-16, GBK/GB18030),
extracts counties, industries, projects, targets, agencies, enterprises and plans, and writes them to
Neo4j, one transaction per document. Unchanged files (same content hash) are skipped; a changed file
replaces that document's facts and only them. A folder's manifest.json (see seeds/manifest.json)
declares counties, kinds and dates; --manifest names another one.

A file that cannot be read is reported with its name and the reason; the others are still ingested,
and the exit code is 1 when any file failed.

Options:
  --manifest FILE   metadata per file name (default: manifest.json beside the files)
  --force           re-extract and rewrite even unchanged files

Example: xianzhi ingest seeds/`,
  async run(argv) {
    const { flags, positionals } = parseArgs(argv, ['force']);
    if (!positionals.length) throw new UsageError('name at least one file or folder');
    const { files, missing } = collectFiles(positionals);
    for (const m of missing) console.error(`FAIL ${m}: no such file or folder`);
    const manifestPath = typeof flags.manifest === 'string' ? flags.manifest : manifestBeside(positionals);
    const manifest: Map<string, DocumentMeta> = manifestPath ? await loadManifest(manifestPath) : new Map();
    if (manifestPath) console.error(`manifest: ${manifestPath} (${manifest.size} entries)`);
    const { graph } = await openGraph({ log: (l) => console.error(l) });
    const results: IngestResult[] = [];
    const failed: Array<{ file: string; reason: string }> = missing.map((file) => ({ file, reason: 'no such file or folder' }));
    const started = Date.now();
    try {
      for (const file of files) {
        try {
          const r = await ingestFile(graph, file, manifest.get(path.basename(file)) ?? {}, { force: Boolean(flags.force) });
          results.push(r);
          const c = r.counts;
          console.log(
            r.status === 'unchanged'
              ? `skip ${file} (unchanged)`
              : `ok   ${file}  county ${r.county ?? '?'}  industries ${c.industries}  projects ${c.projects}  targets ${c.targets}  results ${c.results}  agencies ${c.agencies}  enterprises ${c.enterprises}  plans ${c.plans}`,
          );
          for (const w of r.warnings) console.log(`     warning: ${w}`);
        } catch (err) {
          const reason = err instanceof Error ? err.message : String(err);
          // Neo4j going away is not this file's fault: stop rather than fail every file after it.
          if ((err as { code?: string }).code === 'GRAPH_UNAVAILABLE') throw err;
          failed.push({ file, reason });
          console.error(`FAIL ${file}: ${reason}`);
        }
      }
    } finally {
      await graph.close();
    }
    const written = results.filter((r) => r.status === 'written');
    const totals: Record<string, number> = {};
    for (const r of written) for (const [k, v] of Object.entries(r.counts)) totals[k] = (totals[k] ?? 0) + v;
    console.log(
      `\n${written.length} written, ${results.length - written.length} unchanged, ${failed.length} failed ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)}s` +
        (written.length ? `; entities: ${Object.entries(totals).map(([k, v]) => `${k} ${v}`).join(', ')}` : ''),
    );
    for (const f of failed) console.log(`  skipped ${f.file}: ${f.reason}`);
    return failed.length ? 1 : 0;
  },
};
