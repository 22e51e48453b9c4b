import { pathToFileURL } from 'node:url';
import { startServer } from '../api/index.ts';
import { q, type Query } from '../graph/cypher.ts';
import { openGraph, type Graph } from '../graph/index.ts';
import { recordingGraph } from './examples.ts';

/**
 * GraphQL latency of the headline queries over real HTTP against the SAME Cypher run straight
 * through the driver, in one run. The Graph handed to the API records the statements one GraphQL
 * request makes; the driver side replays exactly those statements. Runs alternate (GraphQL,
 * driver, GraphQL …) so drift on a shared machine hits both sides alike; the ratio is of medians.
 *
 *   npx tsx bench/api-latency.ts [iterations=50]     (over the main graph; ingest seeds/ first)
 */

export interface Figures {
  p50: number;
  p95: number;
  mean: number;
}

export interface HeadlineLatency {
  name: string;
  /** Cypher statements one GraphQL request ran (1 per headline query; 2 for industryRecurrence: the ranking, then its counties). */
  statements: number;
  graphql: Figures;
  driver: Figures;
  /** graphql p50 ÷ driver p50 — the goal is ≤ 1.5. */
  ratio: number;
}

export interface ApiLatencyResult {
  iterations: number;
  queries: HeadlineLatency[];
  /** The largest ratio: the figure to hold against the 1.5 goal. */
  worstRatio: number;
}

/** One query per headline capability, asking only for what its single Cypher statement returns. */
export const HEADLINE_QUERIES: Record<string, string> = {
  industryRecurrence: `{ industryRecurrence(limit: 20, evidencePerCounty: 2) { id name countyCount
    counties { code name documents mentions evidence { snippet start end sentence { text } } } } }`,
  industryCooccurrence: `query($industry: ID!) { industryCooccurrence(industryId: $industry, limit: 20) { id name sharedCount lift jaccard counties { code name } } }`,
  similarCounties: `query($code: ID!) { similarCounties(code: $code, limit: 10) { code name score sharedCount shared { id name } } }`,
  compareTargets: `query($indicator: String!) { compareTargets(indicator: $indicator, limit: 20) { code name redactedCount
    targets { indicatorName value unit comparator year kind redacted } } }`,
  search: `query($q: String!) { search(query: $q, limit: 20) { score matched type node { ... on Industry { id name } ... on County { code countyName: name } ... on Project { projectName: name } ... on Sentence { text } } } }`,
};

const figures = (ms: number[]): Figures => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? NaN;
  const r = (x: number) => Math.round(x * 100) / 100;
  return { p50: r(at(0.5)), p95: r(at(0.95)), mean: r(s.reduce((a, b) => a + b, 0) / (s.length || 1)) };
};

/** Arguments that hit data: the most developed industry, a county with documents, a common indicator. */
async function variablesFor(graph: Graph): Promise<Record<string, unknown>> {
  const [c] = await graph.read(q('MATCH (c:County)-[:DEVELOPS]->() RETURN c.code AS code, count(*) AS n ORDER BY n DESC, code LIMIT 1'));
  const [i] = await graph.read(q('MATCH (:County)-[r:DEVELOPS]->(i:Industry) RETURN i.id AS id, i.name AS name, count(r) AS n ORDER BY n DESC, id LIMIT 1'));
  const [t] = await graph.read(q('MATCH (t:Target)-[:MEASURES]->(i:Indicator) RETURN i.name AS name, count(DISTINCT t.countyCode) AS n ORDER BY n DESC, name LIMIT 1'));
  const name = String(i?.name ?? '产业');
  return { code: c?.code ?? '000000', industry: i?.id ?? 'none', indicator: t?.name ?? '地区生产总值', q: name.replace(/产业$/, '') || name };
}

export async function benchApiLatency(opts: { graph: Graph; iterations?: number; warmup?: number }): Promise<ApiLatencyResult> {
  const iterations = opts.iterations ?? 50;
  const warmup = opts.warmup ?? 5;
  const graph = opts.graph;
  // The API's view of the graph: the same driver, with every read recorded while a request runs.
  const { proxy: recorded, state } = recordingGraph(graph);
  const api = await startServer({ graph: recorded, port: 0, token: '' });
  const vars = await variablesFor(graph);
  const queries: HeadlineLatency[] = [];
  try {
    for (const [name, doc] of Object.entries(HEADLINE_QUERIES)) {
      const variables = Object.fromEntries(Object.entries(vars).filter(([k]) => doc.includes(`$${k}`)));
      const body = JSON.stringify({ query: doc, variables });
      const viaHttp = async () => {
        const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body });
        const json = (await res.json()) as { errors?: Array<{ message: string }> };
        if (json.errors) throw new Error(`${name}: ${json.errors[0]!.message}`);
      };
      const statements: Query[] = (state.recording = []);
      await viaHttp();
      state.recording = null;
      const direct = async () => {
        for (const s of statements) await graph.read(s, { timeoutMs: 10_000 });
      };
      for (let i = 0; i < warmup; i++) await Promise.all([viaHttp(), direct()]);
      const g: number[] = [];
      const d: number[] = [];
      for (let i = 0; i < iterations; i++) {
        let t = performance.now();
        await viaHttp();
        g.push(performance.now() - t);
        t = performance.now();
        await direct();
        d.push(performance.now() - t);
      }
      const graphql = figures(g);
      const driver = figures(d);
      queries.push({ name, statements: statements.length, graphql, driver, ratio: Math.round((graphql.p50 / driver.p50) * 100) / 100 });
    }
  } finally {
    await api.close();
  }
  return { iterations, queries, worstRatio: Math.max(...queries.map((x) => x.ratio)) };
}

// Standalone: npx tsx bench/api-latency.ts [iterations]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { graph } = await openGraph({ log: (l) => console.error(l) });
  try {
    const r = await benchApiLatency({ graph, iterations: Number(process.argv[2] ?? 50) });
    console.log('query                  stmts  graphql p50/p95 ms   driver p50/p95 ms   ratio');
    for (const x of r.queries) {
      console.log(
        `${x.name.padEnd(22)} ${String(x.statements).padStart(5)}  ${`${x.graphql.p50} / ${x.graphql.p95}`.padEnd(19)} ${`${x.driver.p50} / ${x.driver.p95}`.padEnd(19)} ${x.ratio}`,
      );
    }
    console.log(`worst ratio ${r.worstRatio} (goal ≤ 1.5)`);
    console.log(JSON.stringify(r));
  } finally {
    await graph.close();
  }
}
