import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGraph } from '../export/index.ts';
import { stats, writeDocument, type Graph, type Stats } from '../graph/index.ts';
import { FIXTURES } from './helpers/export-fixtures.ts';
import { openTestGraph, testEnv } from './helpers/neo4j.ts';

// Round trips: fixtures written with writeDocument, exported in each format with a batch size
// smaller than some nodes' fan-out (so paging splits them), parsed back and checked against `stats`.

let graph: Graph;
let expected: Stats;
let dir: string;
const BATCH = 2;

const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v > 0));
const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
const tally = (xs: string[]) => xs.reduce<Record<string, number>>((acc, x) => ((acc[x] = (acc[x] ?? 0) + 1), acc), {});

beforeAll(async () => {
  graph = await openTestGraph({ fresh: true });
  for (const d of FIXTURES) await writeDocument(graph, d);
  expected = await stats(graph);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xianzhi-export-'));
});

afterAll(async () => {
  await graph?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Just enough GraphML: key declarations, and nodes and edges with their data as {attr.name: text}. */
function parseGraphml(xml: string) {
  const keys = new Map<string, { for: string; name: string; type: string }>();
  for (const m of xml.matchAll(/<key id="([^"]+)" for="(node|edge)" attr\.name="([^"]+)" attr\.type="([^"]+)"\/>/g)) {
    keys.set(m[1]!, { for: m[2]!, name: m[3]!, type: m[4]! });
  }
  const dataOf = (body: string) => {
    const out: Record<string, string> = {};
    for (const d of body.matchAll(/<data key="([^"]+)">([^<]*)<\/data>/g)) {
      const key = keys.get(d[1]!);
      if (!key) throw new Error(`data for undeclared key ${d[1]}`);
      out[key.name] = unescapeXml(d[2]!);
    }
    return out;
  };
  const nodes = [...xml.matchAll(/<node id="([^"]+)">([\s\S]*?)<\/node>/g)].map((m) => ({ id: unescapeXml(m[1]!), data: dataOf(m[2]!) }));
  const edges = [...xml.matchAll(/<edge id="([^"]+)" source="([^"]+)" target="([^"]+)">([\s\S]*?)<\/edge>/g)].map((m) => ({
    id: m[1]!,
    source: unescapeXml(m[2]!),
    target: unescapeXml(m[3]!),
    data: dataOf(m[4]!),
  }));
  return { keys, nodes, edges };
}

describe('xianzhi export', () => {
  it('reports the same counts as stats', async () => {
    const r = await exportGraph(graph, 'jsonl', path.join(dir, 'counts.jsonl'), { batch: BATCH });
    expect(r.labels).toEqual(nonZero(expected.labels));
    expect(r.relationships).toEqual(nonZero(expected.relationships));
    // The fixtures exercise what matters: shared nodes, evidence, a fan-out bigger than a batch.
    expect(expected.labels.Sentence).toBe(8);
    expect(expected.relationships.HAS_SENTENCE).toBeGreaterThan(BATCH);
  });

  it('GraphML: declared, typed keys; every node and edge; arrays joined', async () => {
    const file = path.join(dir, 'g.graphml');
    await exportGraph(graph, 'graphml', file, { batch: BATCH });
    const xml = fs.readFileSync(file, 'utf8');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml.trimEnd().endsWith('</graphml>')).toBe(true);
    const g = parseGraphml(xml);
    expect(tally(g.nodes.map((n) => n.data.labels!))).toEqual(nonZero(expected.labels));
    expect(tally(g.edges.map((e) => e.data.type!))).toEqual(nonZero(expected.relationships));
    expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
    const ids = new Set(g.nodes.map((n) => n.id));
    expect(g.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);

    const typeOf = (domain: string, name: string) => [...g.keys.values()].find((k) => k.for === domain && k.name === name)?.type;
    // (Numbers written from JS arrive as FLOAT, so tier, year … are doubles; counts Cypher computes are INTEGER.)
    expect(typeOf('edge', 'count')).toBe('long');
    expect(typeOf('node', 'investment')).toBe('double');
    expect(typeOf('node', 'masked')).toBe('boolean');
    expect(typeOf('node', 'aliases')).toBe('string');
    expect(typeOf('edge', 'confidence')).toBe('double');

    const fungi = g.nodes.find((n) => n.id === 'Industry:edible-fungi')!;
    expect(fungi.data).toMatchObject({ label: '食用菌', aliases: '香菇;食用菌产业', tier: '2', candidate: 'false' });
    expect(fungi.data.label).toBe('食用菌');
    const texts = g.nodes.filter((n) => n.data.labels === 'Sentence').map((n) => n.data.text);
    expect(texts).toContain('建设香菇产业园 <一期> & 二期');
    expect(texts).toContain('地区生产总值增长6.5%\n左右');
    const develops = g.edges.filter((e) => e.data.type === 'DEVELOPS').map((e) => `${e.source}>${e.target}`).sort();
    expect(develops).toEqual(['County:411424>Industry:edible-fungi', 'County:411726>Industry:edible-fungi']);
  });

  it('CSV: a file per label and type with neo4j-admin headers, values intact', async () => {
    const out = path.join(dir, 'csv');
    const r = await exportGraph(graph, 'csv', out, { batch: BATCH });
    const read = (name: string) => {
      const [header, ...rows] = parseCsv(fs.readFileSync(path.join(out, `${name}.csv`), 'utf8'));
      return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])));
    };
    for (const [label, n] of Object.entries(nonZero(expected.labels))) expect(read(label), label).toHaveLength(n);
    for (const [type, n] of Object.entries(nonZero(expected.relationships))) expect(read(type), type).toHaveLength(n);
    expect(r.files.map((f) => path.basename(f))).toContain('manifest.json');

    const industries = read('Industry');
    expect(industries[0]).toMatchObject({ ':ID': 'Industry:edible-fungi', name: '食用菌', 'aliases:string[]': '香菇;食用菌产业', 'candidate:boolean': 'false', ':LABEL': 'Industry' });
    const sentences = read('Sentence');
    expect(sentences.map((s) => s.text)).toContain('发展食用菌，"香菇"产业, 做大做强');
    expect(sentences.map((s) => s.text)).toContain('地区生产总值增长6.5%\n左右');

    const nodeIds = new Set(Object.keys(nonZero(expected.labels)).flatMap((l) => read(l).map((row) => row[':ID'])));
    const mentions = read('MENTIONS');
    expect(Object.keys(mentions[0]!)).toEqual([':START_ID', ':END_ID', ':TYPE', 'confidence:double', 'count:long']);
    for (const type of Object.keys(nonZero(expected.relationships))) {
      for (const row of read(type)) expect(nodeIds.has(row[':START_ID']) && nodeIds.has(row[':END_ID']), `${type} ${row[':START_ID']}`).toBe(true);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.nodes['County.csv']).toBe(2);
    expect(manifest.importCommand).toContain('--relationships=MENTIONS.csv');
  });

  it('JSON lines: one object per node or relationship, typed values kept', async () => {
    const file = path.join(dir, 'g.jsonl');
    await exportGraph(graph, 'jsonl', file, { batch: BATCH });
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(total(expected.labels) + total(expected.relationships));
    const nodes = lines.filter((l) => l.type === 'node');
    const rels = lines.filter((l) => l.type === 'relationship');
    expect(tally(nodes.map((n) => n.labels[0]))).toEqual(nonZero(expected.labels));
    expect(tally(rels.map((r) => r.label))).toEqual(nonZero(expected.relationships));
    expect(new Set(rels.map((r) => r.id)).size).toBe(rels.length);

    const fungi = nodes.find((n) => n.id === 'Industry:edible-fungi');
    expect(fungi.properties).toMatchObject({ aliases: ['香菇', '食用菌产业'], tier: 2, candidate: false });
    const project = nodes.find((n) => n.id === 'Project:411726:香菇产业园');
    expect(project.properties.investment).toBe(12.5);
    const doc = nodes.find((n) => n.id === 'Document:fx-a');
    expect(doc.properties.ingestedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const about = rels.filter((r) => r.label === 'ABOUT').map((r) => `${r.start.id}>${r.end.id}`).sort();
    expect(about).toEqual(['Document:fx-a>County:411726', 'Document:fx-b>County:411424']);
  });

  it('runs from the command line, and refuses a bad format', async () => {
    const run = promisify(execFile);
    const file = path.join(dir, 'cli.jsonl');
    const { stdout } = await run('node', ['bin/xianzhi.mjs', 'export', '--format', 'jsonl', '--out', file], { env: testEnv() });
    expect(stdout).toContain(`${total(expected.labels)} nodes, ${total(expected.relationships)} relationships`);
    expect(fs.readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(total(expected.labels) + total(expected.relationships));
    await expect(run('node', ['bin/xianzhi.mjs', 'export', '--format', 'xml', '--out', file], { env: testEnv() })).rejects.toMatchObject({ code: 2 });
  });
});
