import { nodeId, type ExportNode, type ExportRelationship } from '../graph/read/export.ts';
import type { FormatWriter } from './format.ts';
import { Sink } from './sink.ts';
import { plain } from './values.ts';

/**
 * JSON lines, one node or relationship per line, in the shape of APOC's `apoc.export.json`
 * (`type`, `id`, `labels` / `label`, `start`, `end`, `properties`), so tools that read that read this.
 */

const props = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, plain(v)]));

export function nodeLine(n: ExportNode): string {
  return JSON.stringify({ type: 'node', id: nodeId(n.label, n.key), labels: [n.label], properties: props(n.properties) });
}

export function relationshipLine(r: ExportRelationship): string {
  return JSON.stringify({
    type: 'relationship',
    id: r.elementId,
    label: r.type,
    start: { id: nodeId(r.start.label, r.start.key), labels: [r.start.label] },
    end: { id: nodeId(r.end.label, r.end.key), labels: [r.end.label] },
    properties: props(r.properties),
  });
}

/** Writes everything to the one file `out`. */
export function jsonlWriter(out: string): FormatWriter {
  const sink = new Sink(out);
  return {
    async begin() {},
    async nodes(_set, batch) {
      await sink.write(batch.map((n) => nodeLine(n) + '\n').join(''));
    },
    async relationships(_set, batch) {
      await sink.write(batch.map((r) => relationshipLine(r) + '\n').join(''));
    },
    async end() {
      await sink.close();
      return [out];
    },
  };
}
