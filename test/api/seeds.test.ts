import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../graph/index.ts';
import { loadManifest } from '../../ingest/index.ts';
import { ingestFile } from '../../ingest/store.ts';
import { startServer, type RunningServer } from '../../api/index.ts';
import { openTestGraph } from '../helpers/neo4j.ts';
import { dataFrom, gql } from './http.ts';

/**
 * The API on the five seed reports, through the real ingest pipeline. Extraction improves while
 * this is written, so these tests check properties that must hold whatever it finds, not counts.
 */
let graph: Graph;
let api: RunningServer;
const SEEDS = path.resolve('seeds');

beforeAll(async () => {
  graph = await openTestGraph({ fresh: true });
  const manifest = await loadManifest(path.join(SEEDS, 'manifest.json'));
  for (const [file, meta] of manifest) await ingestFile(graph, path.join(SEEDS, file), meta, { force: true });
  api = await startServer({ graph, port: 0, log: () => {} });
});

afterAll(async () => {
  await api?.close();
  await graph?.close();
});

const data = dataFrom(() => api.url);

describe('on the seeds', () => {
  it('has the five counties, each developing at least one industry', async () => {
    const { counties, countyCount } = await data('{ countyCount counties { code name industryCount documentCount } }');
    expect(countyCount).toBe(5);
    expect(counties).toHaveLength(5);
    for (const c of counties) {
      expect(c.industryCount, c.name).toBeGreaterThan(0);
      expect(c.documentCount).toBeGreaterThan(0);
    }
  });

  it('answers the foundation acceptance query as written', async () => {
    const { counties } = await data('{ counties { code name industries { name } } }');
    expect(counties).toHaveLength(5);
    for (const c of counties) {
      expect(c.code).toMatch(/^\d{6}$/);
      expect(c.industries.length, c.name).toBeGreaterThan(0);
      for (const i of c.industries) expect(typeof i.name).toBe('string');
    }
  });

  it('recurrence lists industries shared by ≥2 counties, each with its counties and evidence from their own documents', async () => {
    // Paged by 20: a page of 100 recurrences with their counties and evidence is over the cost limit.
    const Q = `query($o: Int) { industryRecurrenceCount industryRecurrence(limit: 20, offset: $o) { industry { id countyCount } countyCount
      counties { county { code } documents mentions evidence { snippet start end sentence { text } document { county { code } } } } } }`;
    const r: any[] = [];
    let total = 0;
    for (let o = 0; o === 0 || o < total; o += 20) {
      const page = await data(Q, { o });
      total = page.industryRecurrenceCount;
      r.push(...page.industryRecurrence);
    }
    expect(total).toBeGreaterThan(0);
    expect(r.length).toBe(total);
    let last = Infinity;
    for (const item of r) {
      expect(item.countyCount).toBeGreaterThanOrEqual(2);
      expect(item.countyCount).toBeLessThanOrEqual(last);
      last = item.countyCount;
      // Without filters, recurrence and the DEVELOPS edges agree.
      expect(item.industry.countyCount).toBe(item.countyCount);
      const codes = item.counties.map((c: any) => c.county.code);
      expect(new Set(codes).size).toBe(item.countyCount);
      for (const c of item.counties) {
        expect(c.evidence.length, `${item.industry.id} in ${c.county.code}`).toBeGreaterThan(0);
        for (const e of c.evidence) {
          expect(e.sentence.text).toContain(e.snippet);
          expect(e.end).toBeGreaterThan(e.start);
          expect(e.document.county.code).toBe(c.county.code);
        }
      }
    }
  });

  it('recurrence evidence is the first of the county’s own evidence for the industry, in document order', async () => {
    // Two independent reads of the same evidence: the recurrence's batched statement, and the
    // county profile's evidence of one county–industry pair (all of it, in document order).
    const { industryRecurrence } = await data(
      '{ industryRecurrence(limit: 5, evidencePerCounty: 2) { id counties(limit: 10) { code evidence { snippet start end document { id } } } } }',
    );
    let compared = 0;
    for (const item of industryRecurrence) {
      for (const c of item.counties) {
        const { county } = await data(
          'query($c: ID!) { county(code: $c) { industries(limit: 100) { id evidence(limit: 50) { snippet start end document { id } } } } }',
          { c: c.code },
        );
        const all = county.industries.find((i: any) => i.id === item.id).evidence;
        expect(c.evidence, `${item.id} in ${c.code}`).toEqual(all.slice(0, 2));
        compared += all.length > 2 ? 1 : 0;
      }
    }
    // The limit cut something somewhere, so the order mattered.
    expect(compared).toBeGreaterThan(0);
  });

  it('co-occurrence scores stay within their bounds and counties within the industry’s', async () => {
    const { industryRecurrence } = await data('{ industryRecurrence(limit: 1) { industry { id counties(limit: 100) { county { code } } } } }');
    const top = industryRecurrence[0].industry;
    const base = new Set(top.counties.map((c: any) => c.county.code));
    const { industryCooccurrence: co, industryCooccurrenceCount: total } = await data(
      `query($id: ID!) { industryCooccurrenceCount(industryId: $id) industryCooccurrence(industryId: $id, limit: 100) { sharedCount industryCounties baseCounties lift jaccard counties { code } } }`,
      { id: top.id },
    );
    expect(total).toBeGreaterThan(0);
    expect(co.length).toBe(total);
    for (const i of co) {
      expect(i.baseCounties).toBe(base.size);
      expect(i.sharedCount).toBeLessThanOrEqual(Math.min(i.industryCounties, i.baseCounties));
      expect(i.jaccard).toBeGreaterThan(0);
      expect(i.jaccard).toBeLessThanOrEqual(1);
      expect(i.lift).toBeGreaterThan(0);
      for (const c of i.counties) expect(base.has(c.code)).toBe(true);
    }
  });

  it('similarity is symmetric, bounded and sorted, with the shared industries', async () => {
    const Q = `query($c: ID!) { similarCounties(code: $c) { county { code } score sharedCount shared { id } } }`;
    const { counties } = await data('{ counties { code } }');
    const scores = new Map<string, number>();
    for (const { code } of counties) {
      const { similarCounties } = await data(Q, { c: code });
      let last = Infinity;
      for (const s of similarCounties) {
        expect(s.score).toBeGreaterThan(0);
        expect(s.score).toBeLessThanOrEqual(1);
        expect(s.score).toBeLessThanOrEqual(last);
        last = s.score;
        expect(s.shared.length).toBe(s.sharedCount);
        scores.set(`${code}>${s.county.code}`, s.score);
      }
    }
    for (const [k, v] of scores) {
      const [a, b] = k.split('>');
      expect(scores.get(`${b}>${a}`)).toBeCloseTo(v);
    }
  });

  it('compareTargets puts every county side by side, redacted ones counted', async () => {
    const { targets } = await data('{ targets(limit: 100) { indicator { id } } }');
    const counts = new Map<string, number>();
    for (const t of targets) counts.set(t.indicator.id, (counts.get(t.indicator.id) ?? 0) + 1);
    const [indicator] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const { compareTargets, compareTargetsCount, indicators } = await data(
      `query($i: String!) { indicators(filter: { name: $i }) { id } compareTargetsCount(indicator: $i)
        compareTargets(indicator: $i) { county { code } redactedCount targets { redacted indicator { id } } } }`,
      { i: indicator },
    );
    expect(compareTargets).toHaveLength(5);
    expect(compareTargetsCount).toBe(5);
    expect(compareTargets.some((c: any) => c.targets.length > 0)).toBe(true);
    const ids = new Set(indicators.map((i: any) => i.id));
    for (const c of compareTargets) {
      expect(c.redactedCount).toBe(c.targets.filter((t: any) => t.redacted).length);
      for (const t of c.targets) expect(ids.has(t.indicator.id)).toBe(true);
    }
  });

  it('search finds a county by name and sentences containing a term', async () => {
    const { county } = await data('{ county(code: "411424") { name } }');
    const { search } = await data(`query($q: String!) { search(query: $q) { type matched node { ... on County { code } ... on Sentence { text } } } }`, { q: county.name });
    expect(search.some((i: any) => i.type === 'COUNTY' && i.node.code === '411424')).toBe(true);
    for (const s of search.filter((i: any) => i.type === 'SENTENCE')) expect(s.node.text).toContain(county.name.slice(0, 2));
  });

  it('pages concatenate to the whole list, with a stable total', async () => {
    const Q = `query($o: Int, $l: Int) { industryCount industries(orderBy: NAME, limit: $l, offset: $o) { id } }`;
    const whole = await data(Q, { o: 0, l: 100 });
    expect(whole.industries.length).toBe(Math.min(whole.industryCount, 100));
    const parts: string[] = [];
    for (let o = 0; o < Math.min(whole.industryCount, 100); o += 7) {
      const p = await data(Q, { o, l: 7 });
      expect(p.industryCount).toBe(whole.industryCount);
      parts.push(...p.industries.map((i: any) => i.id));
    }
    expect(parts).toEqual(whole.industries.map((i: any) => i.id));
  });

  it('projects by investment: those without one last in either direction, ties by id, pages concatenate', async () => {
    const Q = `query($d: Direction, $o: Int, $l: Int) { projectCount projects(orderBy: INVESTMENT, direction: $d, limit: $l, offset: $o) { id investment } }`;
    const byId = (a: any, b: any) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const none = (p: any) => (p.investment == null ? 1 : 0);
    // Largest (or smallest) investment first; unknown investments after every known one.
    const order = { DESC: (a: any, b: any) => none(a) - none(b) || b.investment - a.investment || byId(a, b), ASC: (a: any, b: any) => none(a) - none(b) || a.investment - b.investment || byId(a, b) };
    const { projectCount } = await data(Q, { d: 'DESC', o: 0, l: 0 });
    const seen = { withInvestment: 0, without: 0 };
    for (const d of ['DESC', 'ASC'] as const) {
      for (const o of [0, Math.max(0, projectCount - 60)]) {
        const whole = (await data(Q, { d, o, l: 60 })).projects;
        expect(whole).toHaveLength(Math.min(60, projectCount - o));
        expect(whole, `${d} from ${o}`).toEqual([...whole].sort(order[d]));
        for (const p of whole) p.investment == null ? seen.without++ : seen.withInvestment++;
        const parts: any[] = [];
        for (let i = 0; i < whole.length; i += 7) parts.push(...(await data(Q, { d, o: o + i, l: Math.min(7, whole.length - i) })).projects);
        expect(parts, `${d} pages from ${o}`).toEqual(whole);
      }
    }
    // The seeds have both kinds, so where the nulls go was really checked.
    expect(seen.without).toBeGreaterThan(0);
    expect(seen.withInvestment).toBeGreaterThan(0);
  });

  it('agencies by name: sorted by canonical name then id, filtered, pages concatenate', async () => {
    const Q = `query($d: Direction, $o: Int, $l: Int) { agencyCount(filter: { name: "局" }) agencies(filter: { name: "局" }, orderBy: NAME, direction: $d, limit: $l, offset: $o) { id canonical } }`;
    const byId = (a: any, b: any) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    // ORDER BY n.canonical <direction>, n.id (ties ascending), as one sort over every agency.
    const order = {
      ASC: (a: any, b: any) => (a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : byId(a, b)),
      DESC: (a: any, b: any) => (a.canonical < b.canonical ? 1 : a.canonical > b.canonical ? -1 : byId(a, b)),
    };
    for (const d of ['ASC', 'DESC'] as const) {
      const whole = await data(Q, { d, o: 0, l: 40 });
      expect(whole.agencies.length).toBe(Math.min(40, whole.agencyCount));
      expect(whole.agencies.length).toBeGreaterThan(1);
      expect(whole.agencies).toEqual([...whole.agencies].sort(order[d]));
      const parts: any[] = [];
      for (let o = 0; o < whole.agencies.length; o += 7) parts.push(...(await data(Q, { d, o, l: Math.min(7, whole.agencies.length - o) })).agencies);
      expect(parts).toEqual(whole.agencies);
    }
  });

  it('search pages concatenate to the whole ranking, ties included; counts add up over the types', async () => {
    // A common term: many hits with equal scores, so a page boundary falls inside a tie.
    const Q = `query($q: String!, $o: Int, $l: Int, $t: [SearchType!]) { searchCount(query: $q, types: $t) search(query: $q, limit: $l, offset: $o, types: $t) {
      score type node { ... on Sentence { id } ... on County { code } ... on Industry { id } ... on Project { id } ... on Agency { id } ... on Enterprise { id } ... on Plan { id } ... on Indicator { id } } } }`;
    const key = (h: any) => `${h.type}:${h.node.id ?? h.node.code}:${h.score}`;
    const whole = await data(Q, { q: '产业', o: 0, l: 100 });
    expect(whole.search).toHaveLength(100);
    const scores = whole.search.map((h: any) => h.score);
    expect(new Set(scores).size).toBeLessThan(scores.length);
    const parts: string[] = [];
    for (let o = 0; o < 100; o += 9) parts.push(...(await data(Q, { q: '产业', o, l: Math.min(9, 100 - o) })).search.map(key));
    expect(parts).toEqual(whole.search.map(key));
    const names = await data(Q, { q: '产业', o: 0, l: 0, t: ['COUNTY', 'INDUSTRY', 'PROJECT', 'AGENCY', 'ENTERPRISE', 'PLAN', 'INDICATOR'] });
    const sentences = await data(Q, { q: '产业', o: 0, l: 100, t: ['SENTENCE'] });
    expect(names.searchCount + sentences.searchCount).toBe(whole.searchCount);
    // The sentences alone, in the same order as in the whole ranking.
    expect(whole.search.filter((h: any) => h.type === 'SENTENCE').map(key)).toEqual(
      sentences.search.slice(0, whole.search.filter((h: any) => h.type === 'SENTENCE').length).map(key),
    );
  });
});
