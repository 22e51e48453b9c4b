import type { Query } from '../cypher.ts';
import { byKeys } from './batch.ts';
import { counted, listed, type Direction, type Page } from './page.ts';

export interface IndustryFilter {
  name?: string | null;
  /** GB/T 4754 门类 letter (`C`) or 大类 code (`13`). */
  sector?: string | null;
  /** 三次产业: 1, 2 or 3. */
  tier?: number | null;
  /** Include `candidate:` industries (X产业 phrases outside the taxonomy); default true. */
  candidates?: boolean | null;
}

export const INDUSTRY_ORDER = {
  COUNTY_COUNT: ['COUNT { (n)<-[:DEVELOPS]-() }', 'n.name'],
  NAME: ['n.name'],
  ID: ['n.id'],
  SECTOR: ['n.sectionCode', 'n.divisionCode', 'n.name'],
} as const;

/** The industry filter on `n`, shared with recurrence. Matches names and aliases. */
export const INDUSTRY_FILTER = `($name IS NULL OR toLower(n.name) CONTAINS toLower($name) OR any(a IN coalesce(n.aliases, []) WHERE a CONTAINS $name))
  AND ($sector IS NULL OR n.sectionCode = $sector OR n.divisionCode = $sector)
  AND ($tier IS NULL OR n.tier = $tier)
  AND ($candidates OR NOT coalesce(n.candidate, false))`;

export function industryFilterParams(f: IndustryFilter) {
  return { name: f.name ?? null, sector: f.sector ?? null, tier: f.tier ?? null, candidates: f.candidates ?? true };
}

export function industryList(f: IndustryFilter, order: keyof typeof INDUSTRY_ORDER, dir: Direction, page: Page): Query {
  return listed(`MATCH (n:Industry) WHERE ${INDUSTRY_FILTER}`, INDUSTRY_ORDER[order], dir, 'n {.*}', industryFilterParams(f), page);
}

export function industryCount(f: IndustryFilter): Query {
  return counted(`MATCH (n:Industry) WHERE ${INDUSTRY_FILTER}`, industryFilterParams(f));
}

/** Industries by id, or else by one of their aliases (文旅 → 文化旅游); the id wins over an alias. */
export function industriesById(ids: readonly string[]): Query {
  // The aliases are scanned only for a key that is no id (an UNWIND of nothing, not a WHERE, so
  // the planner cannot fold the condition away and scan anyway).
  return byKeys(
    `OPTIONAL MATCH (byId:Industry {id: key})
     OPTIONAL CALL (key, byId) {
       UNWIND CASE WHEN byId IS NULL THEN [true] ELSE [] END AS missing
       MATCH (m:Industry) WHERE key IN m.aliases
       RETURN m ORDER BY coalesce(m.candidate, false), m.id LIMIT 1
     }
     WITH key, coalesce(byId, m) AS n WHERE n IS NOT NULL
     RETURN key, n {.*} AS node`,
    ids,
  );
}

/** The deepest taxonomy the roll-ups follow (BROADER hops). */
export const MAX_HIERARCHY_DEPTH = 8;

/** `n` and every industry below it (binds `family`, a list of nodes). */
export const FAMILY = `COLLECT { MATCH (i:Industry)-[:BROADER*0..${MAX_HIERARCHY_DEPTH}]->(n) RETURN i }`;

export function broaderOfIndustries(ids: readonly string[]): Query {
  return byKeys('MATCH (:Industry {id: key})-[:BROADER]->(n:Industry) RETURN key, n {.*} AS node', ids);
}

export function narrowerOfIndustries(ids: readonly string[]): Query {
  return byKeys('MATCH (n:Industry)-[:BROADER]->(:Industry {id: key}) RETURN key, n {.*} AS node ORDER BY n.name, n.id', ids);
}

export const INDUSTRY_COUNTY_ORDER = {
  MENTIONS: 'mentions DESC, documents DESC, c.code',
  DOCUMENTS: 'documents DESC, mentions DESC, c.code',
  NAME: 'c.name, c.code',
} as const;

/**
 * A page of each industry's counties with the weights, cut in the statement. With `narrower`,
 * a county counts when it develops the industry or one below it: `documents` are its documents
 * naming any of them, `mentions` their occurrences summed.
 */
export function countiesOfIndustries(ids: readonly string[], narrower = false, order: keyof typeof INDUSTRY_COUNTY_ORDER = 'MENTIONS', page: Page = { offset: 0, limit: 100 }): Query {
  const weights = narrower
    ? `WITH n, ${FAMILY} AS family
       MATCH (c:County)<-[:ABOUT]-(d:Document)-[m:MENTIONS]->(i:Industry) WHERE i IN family
       WITH c, count(DISTINCT d) AS documents, sum(m.count) AS mentions, max(m.confidence) AS confidence`
    : `MATCH (c:County)-[r:DEVELOPS]->(n)
       WITH c, r.documents AS documents, r.mentions AS mentions, r.confidence AS confidence`;
  return byKeys(
    `MATCH (n:Industry {id: key})
     CALL (n) {
       ${weights}
       ORDER BY ${INDUSTRY_COUNTY_ORDER[order]} SKIP toInteger($offset) LIMIT toInteger($limit)
       RETURN c, documents, mentions, confidence
     }
     RETURN key, c {.*} AS county, documents, mentions, confidence`,
    ids,
    { offset: page.offset, limit: page.limit },
  );
}

/** How many counties develop each industry (a degree, read without walking the edges); with `narrower`, the industry or one below it. */
export function countyCountsOfIndustries(ids: readonly string[], narrower = false): Query {
  if (narrower) {
    return byKeys(
      `MATCH (n:Industry {id: key})
       WITH key, ${FAMILY} AS family
       RETURN key, size(COLLECT { UNWIND family AS i MATCH (c:County)-[:DEVELOPS]->(i) RETURN DISTINCT c }) AS total`,
      ids,
    );
  }
  return byKeys('MATCH (n:Industry {id: key}) RETURN key, COUNT { (n)<-[:DEVELOPS]-() } AS total', ids);
}

/** The groupings of County.industryMix: which property of an industry groups it. */
export const INDUSTRY_GROUPING = {
  ECONOMIC_SECTOR: "CASE i.tier WHEN 1 THEN 'PRIMARY' WHEN 2 THEN 'SECONDARY' WHEN 3 THEN 'TERTIARY' END",
  SECTION: 'i.sectionCode',
  SEI: 'i.seiCode',
} as const;

/**
 * Each county's industries grouped by 三次产业, GB/T 4754 门类 or 战略性新兴产业 category: per group
 * how many of its industries the county develops and their mentions summed, most mentions first.
 * Industries outside the grouping (candidates, or not 战略性新兴) are left out.
 */
export function industryMixOfCounties(codes: readonly string[], by: keyof typeof INDUSTRY_GROUPING): Query {
  return byKeys(
    `MATCH (:County {code: key})-[r:DEVELOPS]->(i:Industry)
     WITH key, i, r, ${INDUSTRY_GROUPING[by]} AS code
     WHERE code IS NOT NULL
     WITH key, code, count(i) AS industryCount, sum(r.mentions) AS mentions, head(collect(i.seiName)) AS seiName
     OPTIONAL MATCH (s:Sector {code: code})
     RETURN key, {code: code, industryCount: industryCount, mentions: mentions,
                  name: CASE $by WHEN 'SEI' THEN seiName WHEN 'SECTION' THEN s.name
                                 ELSE {PRIMARY: '第一产业', SECONDARY: '第二产业', TERTIARY: '第三产业'}[code] END} AS node
     ORDER BY mentions DESC, code`,
    codes,
    { by },
  );
}

export function projectsOfIndustries(ids: readonly string[]): Query {
  return byKeys('MATCH (n:Project)-[:IN_INDUSTRY]->(:Industry {id: key}) RETURN key, n {.*} AS node ORDER BY n.name', ids);
}

export function sectorsByCode(codes: readonly string[]): Query {
  return byKeys('MATCH (n:Sector {code: key}) RETURN key, n {.*} AS node', codes);
}
