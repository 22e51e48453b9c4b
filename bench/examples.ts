import { EXAMPLE_QUERIES } from '../api/graphiql.ts';
import { q, type Query } from '../graph/cypher.ts';
import type { Graph } from '../graph/index.ts';

/**
 * What the latency benches share: the GraphiQL examples as named operations, the variables they
 * run with, and a Graph that records the Cypher a GraphQL request makes (so the driver side can
 * replay exactly that).
 */

export interface Operation {
  name: string;
  text: string;
}

/** The GraphiQL examples (api/graphiql.ts), split into named read operations. */
export function exampleOperations(doc: string = EXAMPLE_QUERIES): Operation[] {
  return doc
    .split(/\n(?=(?:query|mutation) )/)
    .filter((p) => /^query \w+/.test(p))
    .map((p) => ({ name: /^query (\w+)/.exec(p)![1]!, text: p.replace(/\n#[^\n]*$/gm, '') }));
}

/** Variables for the examples: a county with documents, the most developed industry. */
export async function exampleVariables(graph: Graph): Promise<Record<string, unknown>> {
  const [county] = await graph.read(q('MATCH (c:County)<-[:ABOUT]-(:Document) RETURN c.code AS code LIMIT 1'));
  const [industry] = await graph.read(q('MATCH (:County)-[r:DEVELOPS]->(i:Industry) RETURN i.id AS id, count(r) AS n ORDER BY n DESC LIMIT 1'));
  return { code: county?.code ?? '411726', industry: industry?.id ?? 'candidate:x', indicator: '地区生产总值', q: '光伏' };
}

/** Only the variables an operation declares. */
export function variablesOf(text: string, vars: Record<string, unknown>): Record<string, unknown> {
  const header = /^query \w+\(([^)]*)\)/.exec(text)?.[1] ?? '';
  return Object.fromEntries(Object.entries(vars).filter(([k]) => header.includes(`$${k}`)));
}

/** A Graph whose reads are also pushed to `state.recording` while it is set. */
export function recordingGraph(graph: Graph): { proxy: Graph; state: { recording: Query[] | null } } {
  const state = { recording: null as Query[] | null };
  const proxy = new Proxy(graph, {
    get(target, prop) {
      if (prop === 'read') {
        return (query: Query, opts?: { timeoutMs?: number }) => {
          state.recording?.push(query);
          return target.read(query, opts);
        };
      }
      const v = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { proxy, state };
}
