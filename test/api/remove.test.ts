import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../api/index.ts';
import { clearGraph, removeDocuments, writeDocuments, type Graph } from '../../graph/index.ts';
import { openTestGraph } from '../helpers/neo4j.ts';
import { dumpGraph } from '../reliability/support.ts';
import { COUNTIES, makeDocument, type FixtureIndustry } from './fixtures.ts';
import { codes, gql } from './http.ts';

/** Corrections: removing documents restores the graph exactly; the same text is not stored twice. */
const ENERGY = { id: 'rx:新能源', name: '新能源', tier: 2, section: { code: 'D', name: '电力' }, division: { code: '44', name: '电力生产' } };
const SOLAR: FixtureIndustry = { ...ENERGY, id: 'rx:光伏', name: '光伏', broader: ENERGY.id, count: 9 };
const energyNode = { ...ENERGY, aliases: [], candidate: false, sei: null, broader: null };
const TOKEN = 'remove-token-0123456789';
const { A, B, C } = COUNTIES;

const base = () => [
  makeDocument({ id: 'rx-a', county: A, kind: '政府工作报告', year: 2023, industries: ['I1', 'I2'], targets: [{ indicator: '地区生产总值', kind: 'goal', value: 7 }], plan: '十四五规划' }),
  makeDocument({ id: 'rx-b', county: B, kind: '政府工作报告', year: 2023, industries: ['I1'], project: { name: '茶园项目', investment: 3, industry: 'I1' } }),
];
// A new county, a new industry below a broader one, a fact shared with rx-a, a second document of 甲县.
const extra = () => [
  makeDocument({
    id: 'rx-c', county: C, kind: '讲话', year: 2022, industries: [SOLAR, 'I1'], broaderIndustries: [energyNode],
    targets: [{ indicator: '森林覆盖率', kind: 'goal', value: 60 }], agency: '县林业局', enterprise: '丙县光伏公司', plan: '十四五规划',
  }),
  makeDocument({ id: 'rx-a2', county: A, kind: '讲话', year: 2024, industries: ['I2', 'I3'], project: { name: '电子产业园', investment: 5, industry: 'I3' } }),
];

let graph: Graph;
beforeAll(async () => {
  graph = await openTestGraph({ fresh: true });
});
afterAll(async () => {
  await graph?.close();
});

describe('removeDocuments', () => {
  it('removes documents and everything only they supported: the graph is as before they came', async () => {
    await clearGraph(graph);
    await writeDocuments(graph, base());
    const before = await dumpGraph(graph);
    await writeDocuments(graph, extra());
    expect(await dumpGraph(graph)).not.toEqual(before);
    const r = await removeDocuments(graph, ['rx-c', 'rx-a2', 'no-such-document']);
    expect(r).toEqual({ removed: expect.arrayContaining(['rx-c', 'rx-a2']), missing: ['no-such-document'] });
    // Same nodes, edges and properties, DEVELOPS recomputed: 甲县's mentions of 茶叶 back to rx-a's alone.
    expect(await dumpGraph(graph)).toEqual(before);
  });

  it('keeps what another document still holds, and a broader industry while a narrower one stays', async () => {
    await clearGraph(graph);
    const [c] = extra();
    const d = makeDocument({ id: 'rx-d', county: B, kind: '讲话', year: 2022, industries: [SOLAR], broaderIndustries: [energyNode] });
    await writeDocuments(graph, [...base(), c!, d]);
    await removeDocuments(graph, ['rx-c']);
    const rows = await graph.read({ cypher: 'MATCH (n:Industry)-[:BROADER]->(b) RETURN n.id AS n, b.id AS b', params: {} });
    expect(rows).toEqual([{ n: SOLAR.id, b: ENERGY.id }]);
    const [{ plan }] = (await graph.read({ cypher: "MATCH (p:Plan {id: '十四五规划'}) RETURN count(p) AS plan", params: {} })) as Array<{ plan: number }>;
    expect(plan).toBe(1);
    const [{ county }] = (await graph.read({ cypher: 'MATCH (c:County {code: $c}) RETURN count(c) AS county', params: { c: C.code } })) as Array<{ county: number }>;
    expect(county).toBe(0);
    await removeDocuments(graph, ['rx-d']);
    expect(await graph.read({ cypher: 'MATCH (n:Industry) WHERE n.id STARTS WITH "rx:" RETURN n.id AS id', params: {} })).toEqual([]);
  });
});

describe('duplicates', () => {
  it('a document with the text of a stored one (another id) is reported and not stored; so is a second copy in one batch', async () => {
    await clearGraph(graph);
    const [a, b] = base();
    await writeDocuments(graph, [{ ...a!, textHash: 'same-text' }]);
    const before = await dumpGraph(graph);
    const r = await writeDocuments(graph, [{ ...a!, id: 'rx-a-gb18030', textHash: 'same-text' }]);
    expect(r).toEqual({ written: [], duplicates: [{ id: 'rx-a-gb18030', of: 'rx-a' }] });
    expect(await dumpGraph(graph)).toEqual(before);
    // Re-writing the same id is not a duplicate of itself.
    expect((await writeDocuments(graph, [{ ...a!, textHash: 'same-text' }])).written).toEqual(['rx-a']);
    const batch = await writeDocuments(graph, [{ ...b!, textHash: 'other' }, { ...b!, id: 'rx-b-copy', textHash: 'other' }]);
    expect(batch).toEqual({ written: ['rx-b'], duplicates: [{ id: 'rx-b-copy', of: 'rx-b' }] });
  });
});

describe('the removeDocument mutation', () => {
  let api: RunningServer;
  beforeAll(async () => {
    api = await startServer({ graph, port: 0, token: TOKEN, log: () => {} });
  });
  afterAll(async () => {
    await api?.close();
  });
  const M = 'mutation($id: ID!) { removeDocument(id: $id) }';

  it('needs the token, removes the document, and answers false for an unknown id', async () => {
    await clearGraph(graph);
    await writeDocuments(graph, base());
    expect(codes(await gql(api.url, M, { id: 'rx-a' }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(api.url, M, { id: 'rx-a' }, { authorization: 'Bearer wrong' }))).toEqual(['UNAUTHENTICATED']);
    const auth = { authorization: `Bearer ${TOKEN}` };
    expect((await gql(api.url, M, { id: 'rx-a' }, auth)).body).toEqual({ data: { removeDocument: true } });
    expect((await gql(api.url, M, { id: 'rx-a' }, auth)).body).toEqual({ data: { removeDocument: false } });
    const { body } = await gql(api.url, '{ documentCount countyCount }');
    expect(body.data).toEqual({ documentCount: 1, countyCount: 1 });
  });

  it('a read-only server refuses it', async () => {
    const ro = await startServer({ graph, port: 0, token: '', log: () => {} });
    try {
      expect(codes(await gql(ro.url, M, { id: 'rx-b' }, { authorization: `Bearer ${TOKEN}` }))).toEqual(['READ_ONLY']);
    } finally {
      await ro.close();
    }
  });
});
