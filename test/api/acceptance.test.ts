import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/index.ts';
import { removeDocuments, stats, type Graph } from '../../graph/index.ts';
import { loadManifest } from '../../ingest/index.ts';
import { ingestFile } from '../../ingest/store.ts';
import { seededApi } from '../helpers/seeded-api.ts';
import { dataFrom, gql } from './http.ts';

/**
 * Issue 14's "Done when", on the five seeds through GraphQL over HTTP against the real Neo4j.
 * Some of these depend on extraction as well as on the API: the mention counts (IndustryFact.count),
 * the industry hierarchy (the taxonomy's broader ids), 化工's false friends, and the GDP targets.
 */
let graph: Graph;
let api: RunningServer;
const SEEDS = path.resolve('seeds');

beforeAll(async () => {
  ({ graph, api } = await seededApi());
}, 300_000);
afterAll(async () => {
  await api?.close();
  await graph?.close();
});

const data = dataFrom(() => api.url);
const names = (list: Array<{ name: string }>) => list.map((c) => c.name).sort();

describe('issue 14 on the seeds', () => {
  it('answers the standard introspection query', async () => {
    expect((await data(getIntrospectionQuery())).__schema.queryType.name).toBe('Query');
  });

  it('柘城县’s 辣椒 has mentions ≥ 10 (occurrences, not the capped evidence)', async () => {
    const { county } = await data('{ county(code: "411424") { industries(limit: 100) { name mentions evidenceCount } } }');
    const chili = county.industries.find((i: any) => i.name === '辣椒');
    expect(chili).toBeDefined();
    expect(chili.mentions).toBeGreaterThanOrEqual(10);
    expect(chili.evidenceCount).toBeLessThanOrEqual(chili.mentions);
  });

  it('新能源 lists 光伏 and 风电 below it, and with includeNarrower its counties are 天镇县, 安宁市 and 西和县', async () => {
    const { industry } = await data('{ industry(id: "新能源") { narrower { name } counties(includeNarrower: true, limit: 100) { name } countyCount(includeNarrower: true) } }');
    expect(industry.narrower.map((i: any) => i.name)).toEqual(expect.arrayContaining(['光伏', '风电']));
    expect(names(industry.counties)).toEqual(['天镇县', '安宁市', '西和县'].sort());
    expect(industry.countyCount).toBe(3);
  });

  it('化工’s only county is 安宁市', async () => {
    const { industry } = await data('{ industry(id: "化工") { counties(limit: 100) { name } } }');
    expect(names(industry.counties)).toEqual(['安宁市']);
  });

  it('industry(id:) takes an alias: 文旅', async () => {
    expect((await data('{ industry(id: "文旅") { id } }')).industry).toEqual({ id: '文化旅游' });
  });

  it('every county has an industryMix, by each grouping', async () => {
    const { counties } = await data('{ counties { name a: industryMix { code industryCount mentions } b: industryMix(by: SECTION) { code } c: industryMix(by: SEI) { code } } }');
    expect(counties).toHaveLength(5);
    for (const c of counties) {
      expect(c.a.length, c.name).toBeGreaterThan(0);
      expect(c.b.length, c.name).toBeGreaterThan(0);
      for (const g of c.a) expect(['PRIMARY', 'SECONDARY', 'TERTIARY']).toContain(g.code);
    }
  });

  it('compareTargets by catalogue id: gdp_growth goals and gdp levels, each in its own unit', async () => {
    const Q = `query($i: String!) { compareTargets(indicator: $i, filter: { kind: GOAL }) { name targets { value unit redacted indicator { id } } } }`;
    const growth = new Map((await data(Q, { i: 'gdp_growth' })).compareTargets.map((c: any) => [c.name, c.targets]));
    expect((growth.get('天镇县') as any[]).map((t) => [t.value, t.unit])).toContainEqual([8.5, '%']);
    expect((growth.get('柘城县') as any[]).map((t) => [t.value, t.unit])).toContainEqual([9.5, '%']);
    expect((growth.get('安宁市') as any[]).some((t) => t.redacted)).toBe(true);
    expect(growth.get('西和县')).toEqual([]);
    for (const ts of growth.values()) for (const t of ts as any[]) expect(t.indicator.id).toBe('gdp_growth');
    const level = new Map((await data(Q, { i: 'gdp' })).compareTargets.map((c: any) => [c.name, c.targets]));
    expect((level.get('天镇县') as any[]).map((t) => [t.value, t.unit])).toContainEqual([70, '亿元']);
    expect((level.get('西和县') as any[]).map((t) => [t.value, t.unit])).toContainEqual([60, '亿元']);
  });

  it('one-character search: 菌 is found, 牛 in at least 5 sentences', async () => {
    const r = await data('{ a: searchCount(query: "菌") b: searchCount(query: "牛", types: [SENTENCE]) search(query: "牛", types: [SENTENCE], limit: 5) { node { ... on Sentence { text } } } }');
    expect(r.a).toBeGreaterThanOrEqual(1);
    expect(r.b).toBeGreaterThanOrEqual(5);
    expect(r.search).toHaveLength(5);
    for (const h of r.search) expect(h.node.text).toContain('牛');
  });

  it('a GB18030 copy of a stored report is not stored again', async () => {
    const manifest = await loadManifest(path.join(SEEDS, 'manifest.json'));
    const [file, meta] = [...manifest][4]!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xianzhi-dup-'));
    const copy = path.join(dir, 'copy-in-gb18030.txt');
    fs.writeFileSync(copy, iconv.encode(fs.readFileSync(path.join(SEEDS, file), 'utf8'), 'gb18030'));
    const before = await stats(graph);
    const r = await ingestFile(graph, copy, meta);
    expect(r).toMatchObject({ id: 'copy-in-gb18030', status: 'duplicate', duplicateOf: file.replace(/\.txt$/, '') });
    expect(await stats(graph)).toEqual(before);
    expect((await data('{ documentCount }')).documentCount).toBe(5);
  });

  it('removing a document and ingesting it again gives the same counts (removal takes exactly what it supported)', async () => {
    const before = await stats(graph);
    const manifest = await loadManifest(path.join(SEEDS, 'manifest.json'));
    for (const [file, meta] of manifest) {
      const id = file.replace(/\.txt$/, '');
      expect((await removeDocuments(graph, [id])).removed).toEqual([id]);
      expect((await stats(graph)).labels.Document).toBe(4);
      await ingestFile(graph, path.join(SEEDS, file), meta, { force: true });
      expect(await stats(graph), file).toEqual(before);
    }
  });
});
