import DataLoader from 'dataloader';
import type { Graph, Query } from '../graph/index.ts';
import { groupByKey } from '../graph/read/batch.ts';
import * as counties from '../graph/read/counties.ts';
import * as entities from '../graph/read/entities.ts';
import { evidenceCountOfCountyIndustries, evidenceOfCountyIndustries } from '../graph/read/evidence.ts';
import * as industries from '../graph/read/industries.ts';
import { cooccurrenceOfIndustries } from '../graph/read/cooccurrence.ts';
import { similarCountOfCounties, similarToCounties, type SimilarityMetric } from '../graph/read/similarity.ts';
import { recurrenceCounties, type RecurrenceFilter } from '../graph/read/recurrence.ts';
import type { Page } from '../graph/read/page.ts';
import { nestedCount, nestedPage, type NestedArgs, type NestedList } from '../graph/read/nested.ts';

/** What `industryRecurrence` was asked, handed to its items so their counties follow the same filter. */
export interface RecurrenceScope {
  filter: RecurrenceFilter;
  evidenceLimit: number;
}

/**
 * The request's DataLoaders: every nested field asks its loader, which batches the keys of one
 * tick into ONE `UNWIND $keys` query. A nested query therefore costs one round trip per field
 * level, whatever the number of parents. Made per request, so nothing outlives it — no stale
 * data, and no dead state kept after Neo4j went away.
 */
export type Row = Record<string, unknown>;
export type Read = (query: Query) => Promise<Row[]>;

function many(read: Read, query: (keys: readonly string[]) => Query) {
  return new DataLoader<string, Row[]>(async (keys) => groupByKey(keys, await read(query(keys))));
}

function one(read: Read, query: (keys: readonly string[]) => Query) {
  return new DataLoader<string, Row | null>(async (keys) =>
    groupByKey(keys, await read(query(keys))).map((rows) => (rows[0]?.node as Row | undefined) ?? null),
  );
}

export function createLoaders(read: Read) {
  const similar = new Map<string, DataLoader<string, Row[]>>();
  const cooccurring = new Map<string, DataLoader<string, Row[]>>();
  const recurrence = new Map<string, DataLoader<string, Row[]>>();
  const industryCounties = new Map<string, DataLoader<string, Row[]>>();
  const industryCountyCount = new Map<string, DataLoader<string, number>>();
  const industryMix = new Map<string, DataLoader<string, Row[]>>();
  const nested = new Map<string, DataLoader<string, Row[]>>();
  const pairEvidence = new Map<string, DataLoader<string, Row[]>>();
  const nestedCounts = new Map<string, DataLoader<string, number>>();
  const memo = <K>(m: Map<string, K>, k: string, make: () => K): K => {
    let l = m.get(k);
    if (!l) m.set(k, (l = make()));
    return l;
  };
  return {
    county: one(read, counties.countiesByCode),
    industry: one(read, industries.industriesById),
    sector: one(read, industries.sectorsByCode),
    document: one(read, entities.documentsById),
    sentence: one(read, entities.sentencesById),
    /** A page of each industry's counties (with or without the industries below it), cut in Cypher. */
    industryCounties: (narrower: boolean, order: keyof typeof industries.INDUSTRY_COUNTY_ORDER, page: Page) =>
      memo(industryCounties, JSON.stringify([narrower, order, page]), () => many(read, (k) => industries.countiesOfIndustries(k, narrower, order, page))),
    industryCountyCount: (narrower: boolean) =>
      memo(industryCountyCount, String(narrower), () =>
        new DataLoader<string, number>(async (keys) =>
          groupByKey(keys, await read(industries.countyCountsOfIndustries(keys, narrower))).map((r) => Number(r[0]?.total ?? 0)),
        ),
      ),
    industryBroader: one(read, industries.broaderOfIndustries),
    industryNarrower: many(read, industries.narrowerOfIndustries),
    industryMix: (by: keyof typeof industries.INDUSTRY_GROUPING) => memo(industryMix, by, () => many(read, (k) => industries.industryMixOfCounties(k, by))),
    projectIndustry: one(read, entities.industryOfProjects),
    targetIndicator: one(read, entities.indicatorsOfTargets),
    documentCounties: many(read, entities.countiesOfDocuments),
    /** A page of each county–industry pair's evidence, cut in Cypher; and its count. */
    countyIndustryEvidence: (page: Page) => memo(pairEvidence, JSON.stringify(page), () => many(read, (k) => evidenceOfCountyIndustries(k, page))),
    countyIndustryEvidenceCount: new DataLoader<string, number>(async (keys) =>
      groupByKey(keys, await read(evidenceCountOfCountyIndustries(keys))).map((r) => Number(r[0]?.total ?? 0)),
    ),
    /** A page of a nested list (graph/read/nested.ts) for each parent: one statement per list, arguments and page. */
    nested: (list: NestedList, args: NestedArgs, page: Page) =>
      memo(nested, JSON.stringify([list, args, page]), () =>
        new DataLoader<string, Row[]>(async (keys) => groupByKey(keys, await read(nestedPage(list, keys, args, page))).map((rows) => rows.map((r) => r.node as Row))),
      ),
    /** The count field of a nested list, under the same filter. */
    nestedCount: (list: NestedList, args: NestedArgs) =>
      memo(nestedCounts, JSON.stringify([list, args]), () =>
        new DataLoader<string, number>(async (keys) => groupByKey(keys, await read(nestedCount(list, keys, args))).map((r) => Number(r[0]?.total ?? 0))),
      ),
    /** A page of each county's most similar counties: one statement per metric and page. */
    similar: (metric: SimilarityMetric, page: Page) =>
      memo(similar, JSON.stringify([metric, page]), () =>
        new DataLoader<string, Row[]>(async (keys) =>
          groupByKey(keys, await read(similarToCounties(keys, metric, page))).map((r) => (r[0]?.items as Row[]) ?? []),
        ),
      ),
    similarCount: new DataLoader<string, number>(async (keys) =>
      groupByKey(keys, await read(similarCountOfCounties(keys))).map((r) => Number(r[0]?.total ?? 0)),
    ),
    /** The counties (with evidence) of a page of recurrent industries: one statement per scope and page. */
    recurrenceCounties: (scope: RecurrenceScope, page: Page) =>
      memo(recurrence, JSON.stringify([scope, page]), () =>
        new DataLoader<string, Row[]>(async (keys) =>
          groupByKey(keys, await read(recurrenceCounties(keys, scope.filter, scope.evidenceLimit, page))).map((r) => (r[0]?.counties as Row[]) ?? []),
        ),
      ),
    cooccurring: (order: 'COUNT' | 'LIFT' | 'JACCARD') =>
      memo(cooccurring, order, () =>
        new DataLoader<string, Row[]>(async (keys) =>
          groupByKey(keys, await read(cooccurrenceOfIndustries(keys, order))).map((r) => (r[0]?.items as Row[]) ?? []),
        ),
      ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Binds a Graph and the per-query timeout into a `Read`. */
export function reader(graph: Graph, timeoutMs: number): Read {
  return (query) => graph.read(query, { timeoutMs });
}
