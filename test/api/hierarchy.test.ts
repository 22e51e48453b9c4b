import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../api/index.ts';
import { writeDocuments, type Graph } from '../../graph/index.ts';
import { openTestGraph } from '../helpers/neo4j.ts';
import { COUNTIES, makeDocument, type FixtureIndustry } from './fixtures.ts';
import { dataFrom, gql } from './http.ts';

/**
 * The industry hierarchy on hand-made documents: 新能源 with 光伏 and 风电 below it. 甲县 names 光伏
 * (14 times, 1 evidence), 乙县 风电, 丙县 新能源 itself, 丁县 nothing of it; so the roll-ups are
 * known exactly. 新能源 is in the graph because 甲县 names 光伏, before 丙县 is written.
 */
const SECTION_D = { code: 'D', name: '电力、热力、燃气及水生产和供应业' };
const DIV_44 = { code: '44', name: '电力、热力生产和供应业' };
const SEI_6 = { code: '6', name: '新能源产业' };
const ENERGY = { id: 'hx:新能源', name: '新能源', tier: 2, section: SECTION_D, division: DIV_44, sei: SEI_6, aliases: ['清洁能源'] } satisfies FixtureIndustry;
const SOLAR: FixtureIndustry = { id: 'hx:光伏', name: '光伏', tier: 2, section: SECTION_D, division: DIV_44, sei: SEI_6, aliases: ['光伏发电'], broader: ENERGY.id, count: 14 };
const WIND: FixtureIndustry = { id: 'hx:风电', name: '风电', tier: 2, section: SECTION_D, division: DIV_44, sei: SEI_6, aliases: ['风力发电'], broader: ENERGY.id };
const TEA: FixtureIndustry = { id: 'hx:茶叶', name: '茶叶', tier: 1, section: { code: 'A', name: '农、林、牧、渔业' }, division: { code: '01', name: '农业' }, count: 3 };
const energyNode = { ...ENERGY, candidate: false, broader: null };

let graph: Graph;
let api: RunningServer;
const { A, B, C, D } = COUNTIES;

beforeAll(async () => {
  graph = await openTestGraph({ fresh: true });
  await writeDocuments(graph, [makeDocument({ id: 'hx-a', county: A, kind: '政府工作报告', year: 2023, industries: [SOLAR, TEA], broaderIndustries: [energyNode] })]);
  await writeDocuments(graph, [
    makeDocument({ id: 'hx-b', county: B, kind: '政府工作报告', year: 2023, industries: [WIND], broaderIndustries: [energyNode] }),
    makeDocument({ id: 'hx-c', county: C, kind: '讲话', year: 2022, industries: [ENERGY] }),
    makeDocument({ id: 'hx-d', county: D, kind: '政府工作报告', year: 2023, industries: [TEA] }),
  ]);
  api = await startServer({ graph, port: 0, log: () => {} });
});
afterAll(async () => {
  await api?.close();
  await graph?.close();
});

const data = dataFrom(() => api.url);
const codes = (list: Array<{ code: string }>) => list.map((c) => c.code).sort();

describe('the industry hierarchy', () => {
  it('is in the graph: BROADER edges, and the broader industry written although only a narrower one was named', async () => {
    const rows = await graph.read({ cypher: 'MATCH (n:Industry)-[:BROADER]->(b:Industry) RETURN n.id AS n, b.id AS b ORDER BY n', params: {} });
    expect(rows).toEqual([
      { n: SOLAR.id, b: ENERGY.id },
      { n: WIND.id, b: ENERGY.id },
    ]);
    const { industry } = await data(`{ industry(id: "${SOLAR.id}") { broader { id name section { code } } narrower { id } } }`);
    expect(industry.broader).toEqual({ id: ENERGY.id, name: '新能源', section: { code: 'D' } });
    expect(industry.narrower).toEqual([]);
  });

  it('narrower lists the industries below; counties and countyCount roll up with includeNarrower', async () => {
    const { industry } = await data(`{ industry(id: "${ENERGY.id}") { broader { id } narrower { id name }
      countyCount own: counties { code mentions } all: countyCount(includeNarrower: true)
      rolled: counties(includeNarrower: true) { code name documents mentions evidence { snippet } } } }`);
    expect(industry.broader).toBeNull();
    expect(industry.narrower.map((i: any) => i.name)).toEqual(['光伏', '风电']);
    expect(industry.countyCount).toBe(1);
    expect(codes(industry.own)).toEqual([C.code]);
    expect(industry.all).toBe(3);
    expect(codes(industry.rolled)).toEqual([A.code, B.code, C.code].sort());
    // Most mentions first: 甲县's 14 occurrences of 光伏 count for 新能源.
    expect(industry.rolled[0]).toMatchObject({ code: A.code, name: A.name, documents: 1, mentions: 14 });
    // Its evidence is the 光伏 evidence in 甲县's document.
    expect(industry.rolled[0].evidence.map((e: any) => e.snippet)).toEqual(['光伏']);
  });

  it('mentions are occurrences, not evidence items', async () => {
    const { county } = await data(`{ county(code: "${A.code}") { industries { id mentions evidenceCount } } }`);
    expect(county.industries.find((i: any) => i.id === SOLAR.id)).toEqual({ id: SOLAR.id, mentions: 14, evidenceCount: 1 });
  });

  it('industryRecurrence with includeNarrower counts a county for the broader industry', async () => {
    const Q = `query($n: Boolean) { industryRecurrenceCount(filter: { includeNarrower: $n }, minCounties: 2)
      industryRecurrence(filter: { includeNarrower: $n }, minCounties: 2) { id countyCount counties { code mentions evidence { snippet } } } }`;
    const plain = await data(Q, { n: false });
    expect(plain.industryRecurrence.map((i: any) => i.id)).toEqual([TEA.id]);
    const rolled = await data(Q, { n: true });
    expect(rolled.industryRecurrenceCount).toBe(2);
    const energy = rolled.industryRecurrence.find((i: any) => i.id === ENERGY.id);
    expect(energy.countyCount).toBe(3);
    expect(codes(energy.counties)).toEqual([A.code, B.code, C.code].sort());
    for (const c of energy.counties) expect(c.evidence.length).toBeGreaterThan(0);
  });

  it('industry(id:) also takes an alias; the id wins', async () => {
    const { a, b, none } = await data(`{ a: industry(id: "清洁能源") { id } b: industry(id: "光伏发电") { id } none: industry(id: "没有这个") { id } }`);
    expect(a).toEqual({ id: ENERGY.id });
    expect(b).toEqual({ id: SOLAR.id });
    expect(none).toBeNull();
  });

  it('County.industryMix groups by 三次产业, 门类 and 战略性新兴产业', async () => {
    const { county } = await data(`{ county(code: "${A.code}") {
      sector: industryMix { code name industryCount mentions }
      section: industryMix(by: SECTION) { code name industryCount mentions }
      sei: industryMix(by: SEI) { code name industryCount mentions } } }`);
    expect(county.sector).toEqual([
      { code: 'SECONDARY', name: '第二产业', industryCount: 1, mentions: 14 },
      { code: 'PRIMARY', name: '第一产业', industryCount: 1, mentions: 3 },
    ]);
    expect(county.section).toEqual([
      { code: 'D', name: SECTION_D.name, industryCount: 1, mentions: 14 },
      { code: 'A', name: '农、林、牧、渔业', industryCount: 1, mentions: 3 },
    ]);
    expect(county.sei).toEqual([{ code: '6', name: '新能源产业', industryCount: 1, mentions: 14 }]);
  });
});
