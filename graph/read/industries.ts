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

export function industriesById(ids: readonly string[]): Query {
  return byKeys('MATCH (n:Industry {id: key}) RETURN key, n {.*} AS node', ids);
}

/** Each industry's counties with the DEVELOPS weight. */
export function countiesOfIndustries(ids: readonly string[]): Query {
  return byKeys(
    `MATCH (c:County)-[r:DEVELOPS]->(:Industry {id: key})
     RETURN key, c {.*} AS county, r.documents AS documents, r.mentions AS mentions, r.confidence AS confidence
     ORDER BY r.mentions DESC, c.code`,
    ids,
  );
}

/** How many counties develop each industry (a degree, read without walking the edges). */
export function countyCountsOfIndustries(ids: readonly string[]): Query {
  return byKeys('MATCH (n:Industry {id: key}) RETURN key, COUNT { (n)<-[:DEVELOPS]-() } AS total', ids);
}

export function projectsOfIndustries(ids: readonly string[]): Query {
  return byKeys('MATCH (n:Project)-[:IN_INDUSTRY]->(:Industry {id: key}) RETURN key, n {.*} AS node ORDER BY n.name', ids);
}

export function sectorsByCode(codes: readonly string[]): Query {
  return byKeys('MATCH (n:Sector {code: key}) RETURN key, n {.*} AS node', codes);
}
