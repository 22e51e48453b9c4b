import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDocument, type Graph } from '../../graph/index.ts';
import { EXAMPLE_QUERIES, startServer, type RunningServer } from '../../api/index.ts';
import { openTestGraph } from '../helpers/neo4j.ts';
import { COUNTIES, DOCUMENTS, INDUSTRIES } from './fixtures.ts';
import { codes, gql } from './http.ts';

/**
 * The API over real HTTP on hand-made fixtures whose recurrence, co-occurrence, similarity and
 * target comparison are known exactly (fixtures.ts).
 */
let graph: Graph;
let api: RunningServer;
let reads = 0;
const TOKEN = 'test-token-0123456789-abcdef';

beforeAll(async () => {
  graph = await openTestGraph({ fresh: true });
  for (const d of DOCUMENTS) await writeDocument(graph, d);
  // Count Cypher round trips (the N+1 checks below).
  const read = graph.read.bind(graph);
  graph.read = ((q, o) => (reads++, read(q, o))) as Graph['read'];
  api = await startServer({ graph, port: 0, token: TOKEN, log: () => {} });
});

afterAll(async () => {
  await api?.close();
  await graph?.close();
});

const { A, B, C, D } = COUNTIES;
const { I1, I2, I3, I4 } = INDUSTRIES;

describe('industryRecurrence', () => {
  const Q = `query($f: RecurrenceFilter, $min: Int) { industryRecurrenceCount(filter: $f, minCounties: $min)
    industryRecurrence(filter: $f, minCounties: $min, evidencePerCounty: 2) {
      id name industry { id name } countyCount counties { code county { code } documents mentions evidence { snippet start end sentence { text } document { id } } } } }`;

  it('ranks industries shared by ≥2 counties by county count, with counties and evidence', async () => {
    const r = await gql(api.url, Q);
    expect(r.body.errors).toBeUndefined();
    const list = r.body.data.industryRecurrence;
    expect(r.body.data.industryRecurrenceCount).toBe(3);
    // Ties (2 counties each) break by name: 文 (U+6587) before 茶 (U+8336).
    expect(list.map((i: any) => [i.industry.id, i.countyCount])).toEqual([[I1.id, 3], [I4.id, 2], [I2.id, 2]]);
    const first = list[0];
    expect(first).toMatchObject({ id: I1.id, name: I1.name, industry: { id: I1.id, name: I1.name } });
    expect(first.counties.map((c: any) => c.county.code).sort()).toEqual([A.code, B.code, C.code]);
    expect(first.counties.map((c: any) => c.code)).toEqual(first.counties.map((c: any) => c.county.code));
    for (const c of first.counties) {
      expect(c.evidence.length).toBeGreaterThan(0);
      for (const e of c.evidence) {
        expect(e.snippet).toBe(I1.name);
        expect(e.sentence.text).toContain(e.snippet);
        expect(e.end - e.start).toBe(e.snippet.length);
      }
    }
    expect(list.map((i: any) => i.industry.id)).not.toContain(I3.id);
  });

  it('reads the same counties, weights and evidence from DEVELOPS (no filter) as from the documents (kind filter)', async () => {
    // I4's counties (C, D) have only 政府工作报告 documents: the kind filter keeps all of them, so
    // the document walk must answer exactly what the DEVELOPS edges answer.
    const I4Q = `query($f: RecurrenceFilter) { industryRecurrence(filter: $f, minCounties: 1, limit: 10) {
      id countyCount counties { code documents mentions evidence { snippet start end document { id } } } } }`;
    const edges = (await gql(api.url, I4Q)).body.data.industryRecurrence.find((i: any) => i.id === I4.id);
    const docs = (await gql(api.url, I4Q, { f: { documentKind: '政府工作报告' } })).body.data.industryRecurrence.find((i: any) => i.id === I4.id);
    expect(edges.counties.map((c: any) => c.code).sort()).toEqual([C.code, D.code]);
    expect(edges.counties.every((c: any) => c.evidence.length > 0)).toBe(true);
    expect(docs).toEqual(edges);
  });

  it('pages the counties of an industry', async () => {
    const r = await gql(api.url, `{ industryRecurrence(limit: 1) { countyCount counties(limit: 2, offset: 1) { code } } }`);
    expect(r.body.errors).toBeUndefined();
    const [top] = r.body.data.industryRecurrence;
    expect(top.countyCount).toBe(3);
    expect(top.counties).toHaveLength(2);
  });

  it('filters by document kind, province and sector', async () => {
    const byKind = (await gql(api.url, Q, { f: { documentKind: '政府工作报告' } })).body.data.industryRecurrence;
    expect(byKind.map((i: any) => i.industry.id).sort()).toEqual([I1.id, I4.id].sort());
    const henan = (await gql(api.url, Q, { f: { province: '河南省' } })).body.data.industryRecurrence;
    expect(henan.map((i: any) => [i.industry.id, i.countyCount]).sort()).toEqual([[I1.id, 2], [I2.id, 2]].sort());
    const sectorA = (await gql(api.url, Q, { f: { sector: 'A' }, min: 1 })).body.data.industryRecurrence;
    expect(sectorA.map((i: any) => i.industry.id).sort()).toEqual([I1.id, I2.id].sort());
    const year = (await gql(api.url, Q, { f: { year: 2022 }, min: 1 })).body.data.industryRecurrence;
    expect(year.find((i: any) => i.industry.id === I1.id).countyCount).toBe(2);
    const noCandidates = (await gql(api.url, Q, { f: { includeCandidates: false } })).body.data.industryRecurrence;
    expect(noCandidates.map((i: any) => i.industry.id)).not.toContain(I4.id);
  });
});

describe('industryCooccurrence', () => {
  it('gives counts, lift and Jaccard against the counties of the industry', async () => {
    const r = await gql(
      api.url,
      `{ industryCooccurrenceCount(industryId: "${I1.id}")
         industryCooccurrence(industryId: "${I1.id}", orderBy: JACCARD) { id industry { id } sharedCount industryCounties baseCounties lift jaccard counties { code } } }`,
    );
    expect(r.body.errors).toBeUndefined();
    const items = r.body.data.industryCooccurrence;
    const by = Object.fromEntries(items.map((i: any) => [i.industry.id, i]));
    expect(r.body.data.industryCooccurrenceCount).toBe(3);
    expect(items.map((i: any) => i.id)).toEqual(items.map((i: any) => i.industry.id));
    // N = 4 counties develop something; |I1| = 3.
    expect(by[I2.id]).toMatchObject({ sharedCount: 2, industryCounties: 2, baseCounties: 3 });
    expect(by[I2.id].lift).toBeCloseTo((2 * 4) / (3 * 2));
    expect(by[I2.id].jaccard).toBeCloseTo(2 / 3);
    expect(by[I3.id].lift).toBeCloseTo((1 * 4) / (3 * 1));
    expect(by[I3.id].jaccard).toBeCloseTo(1 / 3);
    expect(by[I4.id].lift).toBeCloseTo((1 * 4) / (3 * 2));
    expect(by[I4.id].jaccard).toBeCloseTo(1 / 4);
    expect(by[I4.id].counties.map((c: any) => c.code)).toEqual([C.code]);
    expect(items.map((i: any) => i.industry.id)).toEqual([I2.id, I3.id, I4.id]);
  });
});

describe('similarCounties', () => {
  const Q = `query($m: SimilarityMetric) { similarCountyCount(code: "${A.code}") similarCounties(code: "${A.code}", metric: $m) { code county { code } score sharedCount shared { id } } }`;
  it('Jaccard over industry sets, with the shared industries; counties sharing nothing left out', async () => {
    const d = (await gql(api.url, Q, { m: 'JACCARD' })).body.data;
    const r = d.similarCounties;
    expect(d.similarCountyCount).toBe(2);
    expect(r.map((i: any) => i.county.code)).toEqual([B.code, C.code]);
    expect(r.map((i: any) => i.code)).toEqual([B.code, C.code]);
    expect(r[0].score).toBeCloseTo(2 / 3);
    expect(r[0].shared.map((s: any) => s.id).sort()).toEqual([I1.id, I2.id].sort());
    expect(r[1].score).toBeCloseTo(1 / 4);
    expect(r.map((i: any) => i.county.code)).not.toContain(D.code);
  });
  it('cosine', async () => {
    const r = (await gql(api.url, Q, { m: 'COSINE' })).body.data.similarCounties;
    expect(r[0].score).toBeCloseTo(2 / Math.sqrt(6));
    expect(r[1].score).toBeCloseTo(1 / Math.sqrt(6));
  });
  it('County.similar pages like similarCounties, each page and metric on its own', async () => {
    const r = await gql(
      api.url,
      `{ similarCounties(code: "${A.code}") { code score }
         county(code: "${A.code}") { similarCount first: similar(limit: 1) { code score } second: similar(limit: 1, offset: 1) { code score }
           all: similar { code } cosine: similar(metric: COSINE, limit: 1) { score } none: similar(limit: 0) { code } } }`,
    );
    expect(r.body.errors).toBeUndefined();
    const { similarCounties, county } = r.body.data;
    expect(county.similarCount).toBe(2);
    expect(county.first).toEqual([similarCounties[0]]);
    expect(county.second).toEqual([similarCounties[1]]);
    expect(county.all).toEqual(similarCounties.map((s: any) => ({ code: s.code })));
    expect(county.cosine[0].score).toBeCloseTo(2 / Math.sqrt(6));
    expect(county.none).toEqual([]);
  });
});

describe('compareTargets', () => {
  it('lists every county side by side, redacted targets marked, counties without a target last', async () => {
    const r = await gql(
      api.url,
      `{ indicators(filter: { name: "地区生产总值" }) { id } compareTargetsCount(indicator: "地区生产总值")
         compareTargets(indicator: "地区生产总值") { code county { code } redactedCount targetCount targets { kind value redacted year document { id } evidence { snippet } } } }`,
    );
    expect(r.body.errors).toBeUndefined();
    const c = r.body.data.compareTargets;
    expect(r.body.data.indicators.map((i: any) => i.id)).toEqual(['gdp']);
    expect(r.body.data.compareTargetsCount).toBe(4);
    expect(c).toHaveLength(4);
    const by = Object.fromEntries(c.map((i: any) => [i.county.code, i]));
    expect(by[A.code]).toMatchObject({ code: A.code, targetCount: 1 });
    expect(by[A.code].targets).toEqual([expect.objectContaining({ kind: 'GOAL', value: 7.5, redacted: false, document: { id: 'fx-a' } })]);
    expect(by[B.code].redactedCount).toBe(1);
    expect(by[B.code].targets[0]).toMatchObject({ redacted: true, value: null });
    expect(by[C.code].targets[0]).toMatchObject({ kind: 'RESULT', value: 6 });
    expect(by[D.code].targets).toEqual([]);
    expect(c[3].county.code).toBe(D.code);
    expect(by[A.code].targets[0].evidence[0].snippet).toBe('地区生产总值');
  });
  it('filters by kind and drops empty counties on request', async () => {
    const r = await gql(api.url, `{ compareTargetsCount(indicator: "gdp", filter: { kind: GOAL, onlyWithTargets: true })
      compareTargets(indicator: "gdp", filter: { kind: GOAL, onlyWithTargets: true }) { county { code } } }`);
    expect(r.body.data.compareTargets.map((i: any) => i.county.code)).toEqual([A.code, B.code]);
    expect(r.body.data.compareTargetsCount).toBe(2);
    const page2 = await gql(api.url, `{ compareTargets(indicator: "gdp", limit: 2, offset: 2) { county { code } } }`);
    expect(page2.body.data.compareTargets.map((i: any) => i.county.code)).toEqual([C.code, D.code]);
  });
  it('counts the counties the list pages through, under every filter', async () => {
    const Q = `query($f: CompareTargetsFilter) { compareTargetsCount(indicator: "gdp", filter: $f) compareTargets(indicator: "gdp", filter: $f, limit: 100) { county { code } targets { kind } } }`;
    for (const f of [{}, { province: '河南省' }, { province: '山西省', kind: 'RESULT' }, { kind: 'RESULT', onlyWithTargets: true }, { province: '没有这个省' }]) {
      const r = await gql(api.url, Q, { f });
      expect(r.body.errors, JSON.stringify(f)).toBeUndefined();
      expect(r.body.data.compareTargetsCount, JSON.stringify(f)).toBe(r.body.data.compareTargets.length);
    }
    const result = (await gql(api.url, Q, { f: { province: '山西省', kind: 'RESULT' } })).body.data.compareTargets;
    // C set a result, D nothing: counties with a matching target first, every target of the asked kind.
    expect(result.map((i: any) => [i.county.code, i.targets.map((t: any) => t.kind)])).toEqual([[C.code, ['RESULT']], [D.code, []]]);
  });
});

describe('search', () => {
  it('finds names and sentences through the cjk full-text indexes', async () => {
    const r = await gql(api.url, `{ searchCount(query: "食用菌") search(query: "食用菌", limit: 100) { score matched type node { __typename ... on Industry { id } ... on Sentence { text document { id } } ... on Project { name } } } }`);
    expect(r.body.errors).toBeUndefined();
    const items = r.body.data.search;
    expect(r.body.data.searchCount).toBe(items.length);
    expect(items.some((i: any) => i.type === 'INDUSTRY' && i.node.id === I1.id)).toBe(true);
    expect(items.some((i: any) => i.type === 'PROJECT' && i.node.name === '食用菌产业园项目')).toBe(true);
    const sentences = items.filter((i: any) => i.matched === 'SENTENCE');
    expect(sentences.length).toBeGreaterThan(0);
    for (const s of sentences) expect(s.node.text).toContain('食用菌');
  });
  it('restricts to types', async () => {
    const r = await gql(api.url, `{ search(query: "食用菌", types: [INDUSTRY]) { type } searchCount(query: "食用菌", types: [INDUSTRY]) }`);
    expect(new Set(r.body.data.search.map((i: any) => i.type))).toEqual(new Set(['INDUSTRY']));
    expect(r.body.data.searchCount).toBe(r.body.data.search.length);
  });
});

describe('entity lists and nested fields', () => {
  it('county with documents, weighted industries with evidence, projects, targets, agencies, plans, similar', async () => {
    const r = await gql(
      api.url,
      `{ county(code: "${A.code}") { code name province city
          documentCount documents { id kind year county { code } }
          industryCount
          industries(orderBy: NAME) { id name industry { id economicSector section { code } division { code } } documents mentions evidenceCount evidence { snippet sentence { text } } }
          projectCount projects { name investment industry { id } county { code } evidence { snippet } }
          targetCount targets { indicatorName indicator { id name } kind }
          agencyCount agencies { canonical county { code } }
          planCount plans { name documentCount documents { id } }
          enterpriseCount enterprises { name }
          similarCount similar(limit: 1) { county { code } }
      } }`,
    );
    expect(r.body.errors).toBeUndefined();
    const c = r.body.data.county;
    expect(c).toMatchObject({ code: A.code, name: A.name, province: A.province, industryCount: 3, documentCount: 1, projectCount: 1, targetCount: 1, agencyCount: 1, planCount: 1, enterpriseCount: 1, similarCount: 2 });
    expect(c.documents).toEqual([{ id: 'fx-a', kind: '政府工作报告', year: 2023, county: { code: A.code } }]);
    expect(c.industries).toHaveLength(3);
    expect(c.industries.map((i: any) => i.id)).toEqual(c.industries.map((i: any) => i.industry.id));
    const i1 = c.industries.find((i: any) => i.industry.id === I1.id);
    expect(i1).toMatchObject({ id: I1.id, name: I1.name, documents: 1, mentions: 1, industry: { economicSector: 'PRIMARY', section: { code: 'A' }, division: { code: '01' } } });
    expect(i1.evidenceCount).toBe(i1.evidence.length);
    expect(i1.evidence[0].sentence.text).toContain(i1.evidence[0].snippet);
    expect(c.projects).toEqual([
      { name: '食用菌产业园项目', investment: 10, industry: { id: I1.id }, county: { code: A.code }, evidence: [{ snippet: '食用菌产业园项目' }] },
    ]);
    expect(c.targets).toEqual([{ indicatorName: '地区生产总值', indicator: { id: 'gdp', name: '地区生产总值' }, kind: 'GOAL' }]);
    expect(c.agencies).toEqual([{ canonical: '县发展和改革局', county: { code: A.code } }]);
    expect(c.plans).toEqual([{ name: '十四五规划', documentCount: 1, documents: [{ id: 'fx-a' }] }]);
    expect(c.enterprises).toEqual([{ name: '甲县菌业公司' }]);
    expect(c.similar).toEqual([{ county: { code: B.code } }]);
  });

  it('nested lists page, filter and count under the same filter', async () => {
    const r = await gql(
      api.url,
      `{ county(code: "${A.code}") {
          industries(orderBy: NAME, limit: 1, offset: 1) { id }
          all: industries(orderBy: NAME) { id }
          tea: industries(filter: { name: "茶叶" }) { name }
          teaCount: industryCount(filter: { name: "茶叶" })
          noProjects: projectCount(filter: { name: "没有这个" })
          results: targetCount(kind: RESULT)
      } }`,
    );
    expect(r.body.errors).toBeUndefined();
    const c = r.body.data.county;
    expect(c.industries).toEqual([c.all[1]]);
    expect(c.tea).toEqual([{ name: I2.name }]);
    expect(c.teaCount).toBe(1);
    expect(c.noProjects).toBe(0);
    expect(c.results).toBe(0);
  });

  it('industry with sector, counties, projects and co-occurring industries', async () => {
    const r = await gql(
      api.url,
      `{ industry(id: "${I4.id}") { id name candidate aliases economicSector section { code } countyCount projectCount cooccurringCount
          counties { code name county { code } mentions } projects { name } cooccurring(orderBy: COUNT) { industry { id } sharedCount } } }`,
    );
    expect(r.body.errors).toBeUndefined();
    const i = r.body.data.industry;
    expect(i).toMatchObject({ id: I4.id, candidate: true, economicSector: null, section: null, countyCount: 2, projectCount: 1, cooccurringCount: 1 });
    expect(i.counties.map((c: any) => c.county.code).sort()).toEqual([C.code, D.code]);
    expect(i.counties.map((c: any) => c.code)).toEqual(i.counties.map((c: any) => c.county.code));
    expect(i.counties.find((c: any) => c.code === C.code).name).toBe(C.name);
    expect(i.projects).toEqual([{ name: '康养小镇项目' }]);
    expect(i.cooccurring).toEqual([{ industry: { id: I1.id }, sharedCount: 1 }]);
  });

  it('root lists page, sort and filter by name; count fields count under the same filter', async () => {
    const all = await gql(api.url, `{ countyCount counties(orderBy: CODE, direction: DESC, limit: 2, offset: 1) { code } }`);
    expect(all.body.data).toEqual({ countyCount: 4, counties: [{ code: C.code }, { code: B.code }] });
    const past = await gql(api.url, `{ countyCount counties(offset: 50) { code } }`);
    expect(past.body.data).toEqual({ countyCount: 4, counties: [] });
    const named = await gql(
      api.url,
      `{ counties(filter: { name: "乙" }) { code } countyCount(filter: { name: "乙" }) industries(filter: { name: "茶叶" }) { id countyCount } industryCount(filter: { name: "茶叶" }) }`,
    );
    expect(named.body.data).toEqual({ counties: [{ code: B.code }], countyCount: 1, industries: [{ id: I2.id, countyCount: 2 }], industryCount: 1 });
    const ind = await gql(api.url, `{ industries(filter: { economicSector: SECONDARY }) { id } industryCount(filter: { economicSector: SECONDARY }) }`);
    expect(ind.body.data).toEqual({ industries: [{ id: I3.id }], industryCount: 1 });
    const projects = await gql(api.url, `{ projectCount projects(orderBy: INVESTMENT, direction: DESC) { name county { code } } }`);
    expect(projects.body.data.projects.map((p: any) => p.name)).toEqual(['康养小镇项目', '食用菌产业园项目']);
    expect(projects.body.data.projectCount).toBe(2);
    const targets = await gql(api.url, `{ targetCount(filter: { redacted: true }) targets(filter: { redacted: true }) { county { code } document { id } } }`);
    expect(targets.body.data).toEqual({ targetCount: 1, targets: [{ county: { code: B.code }, document: { id: 'fx-b' } }] });
    const combined = await gql(
      api.url,
      `{ goals: targetCount(filter: { redacted: false, kind: GOAL }) cResults: targets(filter: { county: "${C.code}", kind: RESULT }) { county { code } }
         named: targetCount(filter: { name: "地区" }) byId: targetCount(filter: { name: "gdp", year: 2099 }) inDoc: targets(filter: { document: "fx-c" }) { kind } all: targetCount }`,
    );
    expect(combined.body.errors).toBeUndefined();
    expect(combined.body.data).toEqual({ goals: 1, cResults: [{ county: { code: C.code } }], named: 3, byId: 0, inDoc: [{ kind: 'RESULT' }], all: 3 });
    const agencies = await gql(api.url, `{ agencyCount(filter: { name: "发展" }) }`);
    expect(agencies.body.data.agencyCount).toBe(1);
    const docs = await gql(
      api.url,
      `{ documentCount(filter: { kind: "政府工作报告" }) documents(filter: { kind: "政府工作报告" }, orderBy: TITLE) { id sentenceCount sentences(limit: 1) { index text document { id } } } }`,
    );
    expect(docs.body.data.documentCount).toBe(3);
    expect(docs.body.data.documents).toHaveLength(3);
    expect(docs.body.data.documents[0].sentences[0].index).toBe(0);
    const named2 = await gql(api.url, `{ indicators { id } indicatorCount plans { name } planCount enterpriseCount }`);
    expect(named2.body.data).toEqual({ indicators: [{ id: 'gdp' }], indicatorCount: 1, plans: [{ name: '十四五规划' }], planCount: 1, enterpriseCount: 1 });
  });

  it('a list without its count field runs no count statement', async () => {
    const statements: string[] = [];
    const read = graph.read;
    graph.read = ((q, o) => (statements.push(q.cypher), read(q, o))) as Graph['read'];
    try {
      const r = await gql(api.url, `{ counties { code } industryRecurrence { id } search(query: "食用菌") { score } }`);
      expect(r.body.errors).toBeUndefined();
    } finally {
      graph.read = read;
    }
    expect(statements).toHaveLength(3);
    for (const s of statements) expect(s).not.toMatch(/count\(\*\) AS total/);
  });

  it('nested lists are cut in the statement: their limit and offset are parameters of the Cypher', async () => {
    const seen: Array<{ cypher: string; params: Record<string, unknown> }> = [];
    const read = graph.read;
    graph.read = ((q, o) => (seen.push(q), read.call(graph, q, o))) as Graph['read'];
    try {
      const r = await gql(api.url, '{ counties(limit: 10) { code documents(limit: 1, offset: 0) { id } documentCount } plans(limit: 5) { documents(limit: 1, offset: 1) { id } } }');
      expect(r.body.errors).toBeUndefined();
      for (const c of r.body.data.counties) expect(c.documents.length).toBeLessThanOrEqual(1);
    } finally {
      graph.read = read;
    }
    const paged = seen.filter((q) => /SKIP toInteger\(\$offset\) LIMIT toInteger\(\$limit\)/.test(q.cypher) && Array.isArray(q.params.keys));
    expect(paged.map((q) => [q.params.offset, q.params.limit])).toEqual(expect.arrayContaining([[0, 1], [1, 1]]));
  });

  it('a nested query costs a bounded number of Cypher round trips (no N+1)', async () => {
    const Q = `{ counties(limit: 10) { code industryCount industries(limit: 10) { name industry { name section { name } counties(limit: 5) { county { name } } } evidenceCount evidence(limit: 2) { snippet document { title } } } projects { industry { name } } } }`;
    reads = 0;
    const r = await gql(api.url, Q);
    expect(r.body.errors).toBeUndefined();
    // counties, county→industries and its count, sectors, industry→counties, county-industry evidence
    // and its count, documents, projects, project→industry: one statement per field, whatever the parents.
    expect(reads).toBeLessThanOrEqual(10);
  });
});

describe('errors and limits', () => {
  it('rejects a page larger than the maximum', async () => {
    const r = await gql(api.url, `{ counties(limit: 1000) { code } }`);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.body.errors![0]!.message).toMatch(/between 0 and 100/);
  });
  it('rejects deep queries', async () => {
    let q = 'id';
    for (let i = 0; i < 6; i++) q = `county { documents { ${q} } }`;
    const r = await gql(api.url, `{ document(id: "fx-a") { ${q} } }`);
    expect(codes(r)).toEqual(['DEPTH_LIMIT_EXCEEDED']);
    expect(r.body.errors![0]!.message).toMatch(/maximum depth 12/);
  });
  it('rejects too many aliases', async () => {
    const fields = Array.from({ length: 20 }, (_, i) => `a${i}: county(code: "1") { code }`).join(' ');
    expect(codes(await gql(api.url, `{ ${fields} }`))).toContain('ALIAS_LIMIT_EXCEEDED');
  });
  it('rejects too many directives', async () => {
    const fields = Array.from({ length: 12 }, () => '@include(if: true)').join(' ');
    expect(codes(await gql(api.url, `{ county(code: "1") ${fields} { code } }`))).toContain('DIRECTIVE_LIMIT_EXCEEDED');
  });
  it('rejects costly queries, counting limits passed as variables', async () => {
    const Q = `query($n: Int) { counties(limit: $n) { industries(limit: $n) { evidence(limit: $n) { snippet } } } }`;
    const r = await gql(api.url, Q, { n: 100 });
    expect(codes(r)).toEqual(['COST_LIMIT_EXCEEDED']);
    expect((await gql(api.url, Q, { n: 5 })).body.errors).toBeUndefined();
  });
  it('rejects oversized documents and too many tokens', async () => {
    const big = await gql(api.url, `{ county(code: "1") { code } } # ${'x'.repeat(20_000)}`);
    expect(codes(big)).toContain('QUERY_TOO_LARGE');
    const tokens = await gql(api.url, `{ county(code: "1") { ${'a '.repeat(3500)} } }`);
    expect(codes(tokens)).toContain('TOKEN_LIMIT_EXCEEDED');
  });
  it('argument strings are data, never Cypher or Lucene', async () => {
    const before = (await gql(api.url, '{ countyCount documentCount }')).body.data;
    const nasty = ['"}) DETACH DELETE n //', "' OR 1=1 --", '`) MATCH (n) DETACH DELETE n //', 'a\u0000b', '*:*', 'name:食用菌 OR text:*', '\\', '"', ')', '} RETURN 1 //'];
    for (const s of nasty) {
      const r = await gql(
        api.url,
        `query($s: String!, $id: ID!) {
          county(code: $id) { code } industry(id: $id) { id }
          countyCount(filter: { name: $s, province: $s }) counties(filter: { name: $s, province: $s }) { code }
          industryCount(filter: { name: $s, sector: "A" }) industries(filter: { name: $s, sector: "A" }) { id }
          searchCount(query: $s) search(query: $s) { score }
          indicators(filter: { name: $s }) { id } compareTargetsCount(indicator: $s) compareTargets(indicator: $s) { code }
          industryRecurrenceCount(filter: { name: $s, documentKind: $s }) industryRecurrence(filter: { name: $s, documentKind: $s }) { id }
          similarCountyCount(code: $id) similarCounties(code: $id) { code }
          industryCooccurrenceCount(industryId: $id) industryCooccurrence(industryId: $id) { id }
        }`,
        { s, id: s },
      );
      expect(r.body.errors, s).toBeUndefined();
      expect(r.body.data.county).toBeNull();
      expect(r.body.data.countyCount).toBe(0);
      expect(r.body.data.counties).toEqual([]);
      expect(r.body.data.indicators).toEqual([]);
    }
    expect((await gql(api.url, '{ countyCount documentCount }')).body.data).toEqual(before);
  });
});

describe('ingestDocument', () => {
  const M = `mutation($t: String!, $m: DocumentMetadataInput) { ingestDocument(text: $t, metadata: $m) { id status document { id title } } }`;
  it('refuses without the bearer token, and with a wrong one', async () => {
    expect(codes(await gql(api.url, M, { t: '文本' }))).toEqual(['UNAUTHENTICATED']);
    const wrong = await gql(api.url, M, { t: '文本' }, { authorization: 'Bearer nope' });
    expect(codes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(wrong.body)).not.toContain(TOKEN);
  });
  it('is read-only when no token is configured', async () => {
    const ro = await startServer({ graph, port: 0, token: '', log: () => {} });
    try {
      const r = await gql(ro.url, M, { t: '文本' }, { authorization: `Bearer ${TOKEN}` });
      expect(codes(r)).toEqual(['READ_ONLY']);
      expect(r.body.errors![0]!.message).toMatch(/XIANZHI_API_TOKEN/);
    } finally {
      await ro.close();
    }
  });
  it('ingests with the token, idempotently by id', async () => {
    const text = '戊县2023年政府工作报告。\n今年，全县大力发展食用菌产业，地区生产总值增长6.5%。\n';
    const m = { id: 'api-ingest-1', title: '戊县政府工作报告', kind: '政府工作报告', date: '2023', county: { code: '900005', name: '戊县', province: '河南省' } };
    const auth = { authorization: `Bearer ${TOKEN}` };
    const r1 = await gql(api.url, M, { t: text, m }, auth);
    expect(r1.body.errors).toBeUndefined();
    expect(r1.body.data.ingestDocument).toMatchObject({ id: 'api-ingest-1', status: 'written', document: { id: 'api-ingest-1', title: '戊县政府工作报告' } });
    const count = async () => (await gql(api.url, `{ documentCount(filter: { name: "api-ingest" }) documents(filter: { name: "api-ingest" }) { sentenceCount } }`)).body.data;
    const once = await count();
    await gql(api.url, M, { t: text, m }, auth);
    expect(await count()).toEqual(once);
    expect(once.documentCount).toBe(1);
  });
});

describe('HTTP surface', () => {
  it('/health reports Neo4j up', async () => {
    const res = await fetch(new URL('/health', api.url));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', neo4j: 'up' });
  });
  it('GraphiQL at /graphql with the example queries', async () => {
    const page = await fetch(api.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('industryRecurrence');
  });
  it('every GraphiQL example query runs without errors', async () => {
    const ops = EXAMPLE_QUERIES.split(/\n(?=query |mutation )/).filter((p) => p.startsWith('query '));
    expect(ops.length).toBeGreaterThanOrEqual(7);
    for (const op of ops) {
      const r = await gql(api.url, op.replace(/^#.*$/gm, ''));
      expect(r.body.errors, op.slice(0, 40)).toBeUndefined();
    }
  });
  it('CORS is open for notebook clients', async () => {
    const res = await fetch(api.url, { method: 'OPTIONS', headers: { origin: 'http://localhost:8888', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
    expect(res.headers.get('access-control-allow-origin')).toMatch(/\*|http:\/\/localhost:8888/);
  });
});
