import path from 'node:path';
import { startServer, type RunningServer } from '../../api/index.ts';
import type { Graph } from '../../graph/index.ts';
import { loadManifest } from '../../ingest/index.ts';
import { ingestFile } from '../../ingest/store.ts';
import { openTestGraph } from './neo4j.ts';

/** The API on an ephemeral port over the test graph holding the five seed reports. */
export async function seededApi(): Promise<{ graph: Graph; api: RunningServer; counties: Array<{ code: string; name: string }> }> {
  const seeds = path.resolve('seeds');
  const graph = await openTestGraph({ fresh: true });
  const manifest = await loadManifest(path.join(seeds, 'manifest.json'));
  for (const [file, meta] of manifest) await ingestFile(graph, path.join(seeds, file), meta, { force: true });
  const api = await startServer({ graph, port: 0, log: () => {} });
  const counties = [...manifest.values()].flatMap((m) => (m.county?.code && m.county.name ? [{ code: m.county.code, name: m.county.name }] : []));
  return { graph, api, counties };
}
