import { q, type Query } from '../cypher.ts';
import type { Page } from './page.ts';

/**
 * County similarity by industry profile (the set of industries a county DEVELOPS):
 *   JACCARD = |A∩B| / |A∪B|,   COSINE = |A∩B| / √(|A|·|B|)  (binary vectors).
 * Counties sharing fewer than `minShared` industries are left out; ties break by code.
 */
export type SimilarityMetric = 'JACCARD' | 'COSINE';

const KEEP = '($candidates OR NOT coalesce(i.candidate, false))';

/**
 * A county's industry-set size. With candidates it is the DEVELOPS degree, which Neo4j reads from
 * the node without touching the edges — every county sharing an industry needs one, so this
 * matters at national scale. `v` is a variable name from this file, never input.
 */
const SIZE = (v: 'a' | 'b') =>
  `CASE WHEN $candidates THEN COUNT { (${v})-[:DEVELOPS]->() } ELSE COUNT { (${v})-[:DEVELOPS]->(x:Industry) WHERE NOT coalesce(x.candidate, false) } END`;

// DEVELOPS only ever leaves a County: the other counties' label is not checked (thousands nationally).
const core = (code: string) => `
  MATCH (a:County {code: ${code}})
  WITH a, ${SIZE('a')} AS aSize
  MATCH (a)-[:DEVELOPS]->(i:Industry)<-[:DEVELOPS]-(b)
  WHERE b <> a AND ${KEEP}
  // The shared industries by name, so a page of them is the same on every call.
  WITH a, aSize, b, collect(i) AS shared
  WHERE size(shared) >= $minShared
  WITH b, shared, aSize, ${SIZE('b')} AS bSize, size(shared) AS inter
  WITH b, shared, aSize, bSize,
       CASE $metric WHEN 'COSINE' THEN toFloat(inter) / sqrt(toFloat(aSize * bSize))
                    ELSE toFloat(inter) / (aSize + bSize - inter) END AS score`;

const ITEM = `{county: b {.*}, score: score, sharedCount: size(shared), industryCount: bSize, baseIndustryCount: aSize,
  shared: COLLECT { UNWIND shared AS i WITH i ORDER BY i.name, i.id RETURN i {.*} }}`;

export function similarCounties(code: string, metric: SimilarityMetric, minShared: number, candidates: boolean, page: Page): Query {
  return q(
    `${core('$code')} WITH * ORDER BY score DESC, b.code SKIP toInteger($offset) LIMIT toInteger($limit) RETURN ${ITEM} AS item`,
    { code, metric, minShared: Math.max(1, minShared), candidates, offset: page.offset, limit: page.limit },
  );
}

/** How many counties `similarCounties` ranks for the same arguments (its count field). */
export function similarCountyCount(code: string, minShared: number, candidates: boolean): Query {
  return q(`${core('$code')} RETURN count(*) AS total`, { code, metric: 'JACCARD', minShared: Math.max(1, minShared), candidates });
}

/**
 * The same for many counties at once (nested `County.similar`): one page per key, so only the
 * page's counties are projected (a county shares an industry with nearly every other nationally:
 * projecting them all cost more than ranking them).
 */
export function similarToCounties(codes: readonly string[], metric: SimilarityMetric, page: Page): Query {
  return q(
    `UNWIND $keys AS key
     CALL (key) { ${core('key')}
       WITH * ORDER BY score DESC, b.code SKIP toInteger($offset) LIMIT toInteger($limit)
       RETURN collect(${ITEM}) AS items }
     RETURN key, items`,
    { keys: [...codes], metric, minShared: 1, candidates: true, offset: page.offset, limit: page.limit },
  );
}

/** How many counties `similarToCounties` ranks per key (`County.similarCount`). */
export function similarCountOfCounties(codes: readonly string[]): Query {
  return q(
    `UNWIND $keys AS key
     CALL (key) { ${core('key')} RETURN count(*) AS total }
     RETURN key, total`,
    { keys: [...codes], metric: 'JACCARD', minShared: 1, candidates: true },
  );
}
