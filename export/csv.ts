import fs from 'node:fs';
import path from 'node:path';
import { nodeId, type ExportPlan, type PropertyInfo } from '../graph/read/export.ts';
import type { FormatWriter } from './format.ts';
import { Sink } from './sink.ts';
import { ARRAY_DELIMITER, columnType, flat, mergeProperties } from './values.ts';

/**
 * One CSV file per node label (`County.csv`) and per relationship type (`MENTIONS.csv`) in a folder,
 * with headers in neo4j-admin import's form, which pandas reads as they are:
 *   nodes          `:ID,<properties…>,:LABEL`   — `:ID` is the graph-wide id `Label:key`
 *   relationships  `:START_ID,:END_ID,:TYPE,<properties…>`
 * A property header carries its type when it is not plain text (`tier:long`, `aliases:string[]`);
 * array elements are joined with `;`, neo4j-admin's default array delimiter.
 * `manifest.json` beside them lists the files with their row counts and the import command.
 */

/** One CSV field, quoted when it must be (RFC 4180). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvRow = (fields: string[]) => fields.map(csvField).join(',') + '\n';

/** A property's header: the name, with `:type` unless it is plain text. */
export function headerOf(p: PropertyInfo): string {
  const t = columnType(p.types);
  return t.scalar === 'string' && !t.array ? p.name : `${p.name}:${t.scalar}${t.array ? '[]' : ''}`;
}

interface OpenFile {
  sink: Sink;
  columns: string[];
  rows: number;
}

export function csvWriter(out: string): FormatWriter {
  const files = new Map<string, OpenFile>();
  const open = async (name: string, header: string[], columns: string[]) => {
    const sink = new Sink(path.join(out, `${name}.csv`));
    await sink.write(csvRow(header));
    files.set(name, { sink, columns, rows: 0 });
  };
  const nodeFiles: string[] = [];
  const relFiles: string[] = [];
  return {
    async begin(plan: ExportPlan) {
      fs.mkdirSync(out, { recursive: true });
      for (const set of plan.nodes) {
        await open(set.label, [':ID', ...set.properties.map(headerOf), ':LABEL'], set.properties.map((p) => p.name));
        nodeFiles.push(`${set.label}.csv`);
      }
      // A type may leave several labels (not today, but the plan allows it): one file, columns united.
      const types = [...new Set(plan.relationships.map((r) => r.type))];
      for (const type of types) {
        const props = mergeProperties(plan.relationships.filter((r) => r.type === type).map((r) => r.properties));
        await open(type, [':START_ID', ':END_ID', ':TYPE', ...props.map(headerOf)], props.map((p) => p.name));
        relFiles.push(`${type}.csv`);
      }
    },
    async nodes(set, batch) {
      const f = files.get(set.label)!;
      await f.sink.write(
        batch.map((n) => csvRow([nodeId(n.label, n.key), ...f.columns.map((c) => flat(n.properties[c])), n.label])).join(''),
      );
      f.rows += batch.length;
    },
    async relationships(set, batch) {
      const f = files.get(set.type)!;
      await f.sink.write(
        batch
          .map((r) =>
            csvRow([nodeId(r.start.label, r.start.key), nodeId(r.end.label, r.end.key), r.type, ...f.columns.map((c) => flat(r.properties[c]))]),
          )
          .join(''),
      );
      f.rows += batch.length;
    },
    async end() {
      for (const f of files.values()) await f.sink.close();
      const manifest = {
        format: 'neo4j-admin import CSV',
        arrayDelimiter: ARRAY_DELIMITER,
        nodes: Object.fromEntries(nodeFiles.map((f) => [f, files.get(f.replace(/\.csv$/, ''))!.rows])),
        relationships: Object.fromEntries(relFiles.map((f) => [f, files.get(f.replace(/\.csv$/, ''))!.rows])),
        // Sentences and snippets may hold line breaks inside quoted fields, hence --multiline-fields.
        importCommand:
          `neo4j-admin database import full --array-delimiter='${ARRAY_DELIMITER}' --multiline-fields=true ` +
          [...nodeFiles.map((f) => `--nodes=${f}`), ...relFiles.map((f) => `--relationships=${f}`)].join(' ') +
          ' neo4j',
      };
      fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
      return [...[...nodeFiles, ...relFiles].map((f) => path.join(out, f)), path.join(out, 'manifest.json')];
    },
  };
}
