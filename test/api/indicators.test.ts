import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../api/index.ts';
import { writeDocuments, type Graph } from '../../graph/index.ts';
import { catalogueIndicator } from '../../ingest/to-graph.ts';
import { openTestGraph } from '../helpers/neo4j.ts';
import { COUNTIES, makeDocument } from './fixtures.ts';
import { dataFrom, gql } from './http.ts';

/**
 * Canonical indicators on hand-made documents: 甲县 sets a GDP level (70 亿元) and a GDP growth
 * goal (8.5%), 乙县 a growth goal only, 丙县 a forest-cover goal outside the catalogue's ids here.
 */
const GDP = { id: 'gdp', name: '地区生产总值', measure: 'level', unit: '亿元' };
const GDP_GROWTH = { id: 'gdp_growth', name: '地区生产总值增速', measure: 'growth', unit: '%' };
let graph: Graph;
let api: RunningServer;
const { A, B, C } = COUNTIES;

beforeAll(async () => {
  graph = await openTestGraph({ fresh: true });
  await writeDocuments(graph, [
    makeDocument({
      id: 'ix-a', county: A, kind: '政府工作报告', year: 2023, industries: ['I1'],
      targets: [
        { indicator: '地区生产总值', indicatorId: 'gdp', catalogue: GDP, kind: 'goal', value: 70, unit: '亿元', measure: 'level' },
        { indicator: '地区生产总值年均增长', indicatorId: 'gdp_growth', catalogue: GDP_GROWTH, kind: 'goal', value: 8.5 },
      ],
    }),
    makeDocument({
      id: 'ix-b', county: B, kind: '政府工作报告', year: 2023, industries: ['I1'],
      targets: [{ indicator: '生产总值增长', indicatorId: 'gdp_growth', catalogue: GDP_GROWTH, kind: 'goal', value: 9.5 }],
    }),
    makeDocument({
      id: 'ix-c', county: C, kind: '政府工作报告', year: 2023, industries: ['I1'],
      targets: [{ indicator: '地区生产总值占全市比重', kind: 'goal', value: 12 }],
    }),
  ]);
  api = await startServer({ graph, port: 0, log: () => {} });
});
afterAll(async () => {
  await api?.close();
  await graph?.close();
});

const data = dataFrom(() => api.url);
const Q = `query($i: String!) { indicators(filter: { name: $i }) { id name canonical measure unit }
  compareTargets(indicator: $i, filter: { onlyWithTargets: true, kind: GOAL }) { name targets { value unit indicator { id } } } }`;

describe('canonical indicators', () => {
  it('a catalogue id gives exactly that indicator’s targets, each in its own unit', async () => {
    const level = await data(Q, { i: 'gdp' });
    expect(level.indicators).toEqual([{ ...GDP, canonical: true }]);
    expect(level.compareTargets).toEqual([{ name: A.name, targets: [{ value: 70, unit: '亿元', indicator: { id: 'gdp' } }] }]);
    const growth = await data(Q, { i: 'gdp_growth' });
    expect(growth.compareTargets.map((c: any) => [c.name, c.targets.map((t: any) => t.value)])).toEqual([
      [A.name, [8.5]],
      [B.name, [9.5]],
    ]);
  });

  it('a name is still a search, over the canonical names and the names as written', async () => {
    const r = await data(Q, { i: '地区生产总值' });
    expect(r.indicators.map((i: any) => i.id).sort()).toEqual(['gdp', 'gdp_growth', '地区生产总值占全市比重']);
    expect(r.compareTargets.map((c: any) => c.name)).toEqual([A.name, B.name, C.name]);
    const other = r.indicators.find((i: any) => !i.canonical);
    expect(other).toEqual({ id: '地区生产总值占全市比重', name: '地区生产总值占全市比重', canonical: false, measure: null, unit: null });
  });

  it('the catalogue is read with growth twins (gdp → gdp_growth)', () => {
    expect(catalogueIndicator('gdp')).toMatchObject({ id: 'gdp' });
    expect(catalogueIndicator('gdp_growth')).toMatchObject({ id: 'gdp_growth', measure: 'growth', unit: '%' });
    expect(catalogueIndicator('no_such_indicator')).toBeNull();
  });
});
