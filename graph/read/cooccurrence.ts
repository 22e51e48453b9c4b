import { q, type Query } from '../cypher.ts';
import { INDUSTRY_FILTER, industryFilterParams, type IndustryFilter } from './industries.ts';
import type { Direction, Page } from './page.ts';

/**
 * Co-occurrence: for industry X, every other industry Y developed by a county that develops X.
 * With N counties that develop anything, |X| and |Y| the counties of each and |X∩Y| the shared ones:
 *   lift    = |X∩Y|·N / (|X|·|Y|)   (> 1: more often together than by chance)
 *   jaccard = |X∩Y| / |X∪Y|
 */
export const COOCCURRENCE_ORDER = {
  COUNT: ['shared', 'lift DESC', 'n.name'],
  LIFT: ['lift', 'shared DESC', 'n.name'],
  JACCARD: ['jaccard', 'shared DESC', 'n.name'],
} as const;

// DEVELOPS only ever runs County → Industry, so neither end's label is checked (nationally the
// walk from X's counties meets ~20k edges).
const core = (id: string) => `
  MATCH (x:Industry {id: ${id}})<-[:DEVELOPS]-(c)
  WITH x, collect(c) AS xc
  CALL () { MATCH (k:County) WHERE EXISTS { (k)-[:DEVELOPS]->() } RETURN count(k) AS universe }
  UNWIND xc AS c
  MATCH (c)-[:DEVELOPS]->(n)
  WHERE n <> x
  WITH x, size(xc) AS xCount, universe, n, collect(c) AS counties
  // The filter per industry, after grouping: once per candidate row would read n's properties per county.
  WITH x, xCount, universe, n, counties, size(counties) AS shared, COUNT { (n)<-[:DEVELOPS]-() } AS nCount
  WHERE shared >= $minShared AND ${INDUSTRY_FILTER}
  WITH n, counties, shared, nCount, xCount,
       toFloat(shared * universe) / (xCount * nCount) AS lift,
       toFloat(shared) / (xCount + nCount - shared) AS jaccard`;

const ITEM = `{industry: n {.*}, sharedCount: shared, industryCounties: nCount, baseCounties: xCount,
  lift: lift, jaccard: jaccard, counties: [c IN counties | c {.*}]}`;

export function industryCooccurrence(
  id: string,
  f: IndustryFilter,
  minShared: number,
  order: keyof typeof COOCCURRENCE_ORDER,
  dir: Direction,
  page: Page,
): Query {
  const [first, ...rest] = COOCCURRENCE_ORDER[order];
  const orderBy = [`${first} ${dir === 'ASC' ? 'ASC' : 'DESC'}`, ...rest].join(', ');
  return q(
    `${core('$id')} WITH * ORDER BY ${orderBy} SKIP toInteger($offset) LIMIT toInteger($limit) RETURN ${ITEM} AS item`,
    { ...industryFilterParams(f), id, minShared, offset: page.offset, limit: page.limit },
  );
}

/** How many industries `industryCooccurrence` lists for the same arguments (its count field). */
export function industryCooccurrenceCount(id: string, f: IndustryFilter, minShared: number): Query {
  return q(`${core('$id')} RETURN count(*) AS total`, { ...industryFilterParams(f), id, minShared });
}

/** The same for many industries at once (nested `Industry.cooccurring`): every pair, by key. */
export function cooccurrenceOfIndustries(ids: readonly string[], order: keyof typeof COOCCURRENCE_ORDER): Query {
  const [first, ...rest] = COOCCURRENCE_ORDER[order];
  return q(
    `UNWIND $keys AS key
     CALL (key) { ${core('key')}
       WITH * ORDER BY ${[`${first} DESC`, ...rest].join(', ')}
       RETURN collect(${ITEM}) AS items }
     RETURN key, items`,
    { ...industryFilterParams({}), keys: [...ids], minShared: 1 },
  );
}
