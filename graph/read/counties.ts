import { q, type Query } from '../cypher.ts';
import { byKeys } from './batch.ts';
import { NAME_FILTER, counted, listed, whereOf, type Direction, type Page } from './page.ts';

/** Counties with their industries (by DEVELOPS weight), for the walking skeleton and the API. */
export function countiesWithIndustries(): Query {
  return q(`MATCH (c:County)
            OPTIONAL MATCH (c)-[r:DEVELOPS]->(i:Industry)
            WITH c, r, i ORDER BY r.mentions DESC, i.name
            RETURN c.code AS code, c.name AS name, c.province AS province, c.city AS city,
                   [x IN collect(CASE WHEN i IS NULL THEN NULL ELSE {id: i.id, name: i.name, mentions: r.mentions, documents: r.documents} END) WHERE x IS NOT NULL] AS industries
            ORDER BY code`);
}

export interface CountyFilter {
  name?: string | null;
  province?: string | null;
  city?: string | null;
}

export const COUNTY_ORDER = {
  CODE: ['n.code'],
  NAME: ['n.name', 'n.code'],
  PROVINCE: ['n.province', 'n.city', 'n.code'],
  INDUSTRY_COUNT: ['COUNT { (n)-[:DEVELOPS]->() }', 'n.code'],
  DOCUMENT_COUNT: ['COUNT { (n)<-[:ABOUT]-() }', 'n.code'],
} as const;

// Only the conditions asked for: unfiltered, countyCount is Neo4j's label count.
const countyMatch = (f: CountyFilter) => ({
  match: `MATCH (n:County) ${whereOf([f.name != null && NAME_FILTER, f.province != null && 'n.province = $province', f.city != null && 'n.city = $city'])}`,
  params: { name: f.name ?? null, province: f.province ?? null, city: f.city ?? null },
});

export function countyList(f: CountyFilter, order: keyof typeof COUNTY_ORDER, dir: Direction, page: Page): Query {
  const { match, params } = countyMatch(f);
  return listed(match, COUNTY_ORDER[order], dir, 'n {.*}', params, page);
}

export function countyCount(f: CountyFilter): Query {
  const { match, params } = countyMatch(f);
  return counted(match, params);
}

export function countiesByCode(codes: readonly string[]): Query {
  return byKeys('MATCH (n:County {code: key}) RETURN key, n {.*} AS node', codes);
}

/** Each county's industries with the DEVELOPS weight (documents, mentions, confidence). */
export function industriesOfCounties(codes: readonly string[]): Query {
  return byKeys(
    `MATCH (:County {code: key})-[r:DEVELOPS]->(i:Industry)
     RETURN key, i {.*} AS industry, r.documents AS documents, r.mentions AS mentions, r.confidence AS confidence
     ORDER BY r.mentions DESC, i.name`,
    codes,
  );
}

export function documentsOfCounties(codes: readonly string[]): Query {
  return byKeys('MATCH (:County {code: key})<-[:ABOUT]-(n:Document) RETURN key, n {.*, ingestedAt: toString(n.ingestedAt)} AS node ORDER BY n.date, n.id', codes);
}

export function projectsOfCounties(codes: readonly string[]): Query {
  return byKeys('MATCH (:County {code: key})-[:HAS_PROJECT]->(n:Project) RETURN key, n {.*} AS node ORDER BY n.name', codes);
}

export function targetsOfCounties(codes: readonly string[]): Query {
  return byKeys('MATCH (n:Target {countyCode: key}) RETURN key, n {.*} AS node ORDER BY n.indicator, n.year, n.id', codes);
}

export function agenciesOfCounties(codes: readonly string[]): Query {
  return byKeys('MATCH (:County {code: key})-[:HAS_AGENCY]->(n:Agency) RETURN key, n {.*} AS node ORDER BY n.canonical', codes);
}

/** Plans or enterprises named in the county's documents; the label comes from this closed choice. */
export function mentionedByCounties(codes: readonly string[], label: 'Plan' | 'Enterprise'): Query {
  const l = label === 'Plan' ? 'Plan' : 'Enterprise';
  return byKeys(
    `MATCH (:County {code: key})<-[:ABOUT]-(:Document)-[:MENTIONS]->(n:${l})
     RETURN DISTINCT key, n {.*} AS node ORDER BY node.name`,
    codes,
  );
}
