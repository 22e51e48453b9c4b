import { nodeId, type ExportPlan, type PropertyInfo } from '../graph/read/export.ts';
import type { FormatWriter } from './format.ts';
import { Sink } from './sink.ts';
import { columnType, flat, mergeProperties } from './values.ts';

/**
 * GraphML as Gephi, yEd and networkx read it: every attribute declared as a `<key>` before the
 * graph with a GraphML type (long, double, boolean, string), arrays joined with `;` into one
 * string, the Neo4j label in `labels` and a display name in `label` (the attribute Gephi shows).
 */

// XML 1.0 forbids most control characters even escaped; a stray one in a report would make the
// whole file unreadable, so they are dropped.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlText(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

interface Key {
  id: string;
  name: string;
  type: string;
}

const keysOf = (prefix: 'n' | 'e', props: PropertyInfo[]): Key[] =>
  props.map((p) => {
    const t = columnType(p.types);
    return { id: `${prefix}_${p.name}`, name: p.name, type: t.array ? 'string' : t.scalar };
  });

const declare = (k: Key, domain: 'node' | 'edge') =>
  `  <key id="${xmlText(k.id)}" for="${domain}" attr.name="${xmlText(k.name)}" attr.type="${k.type}"/>\n`;

function data(keys: Key[], properties: Record<string, unknown>): string {
  let out = '';
  for (const k of keys) {
    const v = properties[k.name];
    if (v === null || v === undefined) continue;
    out += `<data key="${xmlText(k.id)}">${xmlText(flat(v))}</data>`;
  }
  return out;
}

/** A display name for Gephi's label column: the node's name where it has one, else its key. */
const displayName = (props: Record<string, unknown>, key: unknown) =>
  String(props.name ?? props.title ?? props.indicator ?? props.text ?? key).slice(0, 80);

export function graphmlWriter(out: string): FormatWriter {
  const sink = new Sink(out);
  let nodeKeys: Key[] = [];
  let edgeKeys: Key[] = [];
  return {
    async begin(plan: ExportPlan) {
      nodeKeys = keysOf('n', mergeProperties(plan.nodes.map((n) => n.properties)));
      edgeKeys = keysOf('e', mergeProperties(plan.relationships.map((r) => r.properties)));
      let head =
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
      head += declare({ id: 'labels', name: 'labels', type: 'string' }, 'node');
      head += declare({ id: 'label', name: 'label', type: 'string' }, 'node');
      for (const k of nodeKeys) head += declare(k, 'node');
      head += declare({ id: 'type', name: 'type', type: 'string' }, 'edge');
      head += declare({ id: 'e_label', name: 'label', type: 'string' }, 'edge');
      for (const k of edgeKeys) head += declare(k, 'edge');
      head += '  <graph id="xianzhi" edgedefault="directed">\n';
      await sink.write(head);
    },
    async nodes(_set, batch) {
      let text = '';
      for (const n of batch) {
        text +=
          `    <node id="${xmlText(nodeId(n.label, n.key))}">` +
          `<data key="labels">${n.label}</data><data key="label">${xmlText(displayName(n.properties, n.key))}</data>` +
          `${data(nodeKeys, n.properties)}</node>\n`;
      }
      await sink.write(text);
    },
    async relationships(_set, batch) {
      let text = '';
      for (const r of batch) {
        text +=
          `    <edge id="${xmlText(r.elementId)}" source="${xmlText(nodeId(r.start.label, r.start.key))}" ` +
          `target="${xmlText(nodeId(r.end.label, r.end.key))}">` +
          `<data key="type">${r.type}</data><data key="e_label">${r.type}</data>${data(edgeKeys, r.properties)}</edge>\n`;
      }
      await sink.write(text);
    },
    async end() {
      await sink.write('  </graph>\n</graphml>\n');
      await sink.close();
      return [out];
    },
  };
}
