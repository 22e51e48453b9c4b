import { q, type Query } from '../cypher.ts';
import { whereOf, type Page } from './page.ts';

/**
 * Target comparison: for one indicator (a catalogue id — `gdp`, `gdp_growth` — then exactly that
 * indicator; or else a part of its name, as a search: `一般公共预算收入`, `森林覆盖率` …), every
 * county's targets side by side. Counties without a matching target are kept
 * (with an empty list) unless `onlyWithTargets`, so a table shows who set nothing. Redacted targets
 * (values masked as XX in the source) come back with `redacted: true` and a null value.
 *
 * The indicators that match are exactly those of `indicators(filter: {name})` (the catalogue
 * indicator of that id, or else id equal or name containing). The counties with a matching target are found from the indicators (a few MEASURES
 * expansions), so only the page's counties have their targets read (by the Target.countyCode index).
 */
export interface CompareFilter {
  kind?: 'goal' | 'result' | null;
  year?: number | null;
  measure?: string | null;
  province?: string | null;
  onlyWithTargets?: boolean | null;
}

const INDICATORS = `
  OPTIONAL MATCH (exact:Indicator {id: $indicator}) WHERE exact.canonical
  OPTIONAL MATCH (ind:Indicator) WHERE exact IS NULL AND (ind.id = $indicator OR toLower(ind.name) CONTAINS toLower($indicator))
  WITH exact, collect(ind) AS found
  WITH CASE WHEN exact IS NULL THEN found ELSE [exact] END AS inds`;

/**
 * The target conditions that were asked for, on `t`: a condition per filter given (for `whereOf`),
 * so an unfiltered comparison pays for no property reads. Fixed texts, values as parameters.
 */
const targetConditions = (f: CompareFilter) => [f.kind != null && 't.kind = $kind', f.year != null && 't.year = $year', f.measure != null && 't.measure = $measure'];

/** Binds `inds`, `withCodes` (counties with a matching target) and `c`, every county kept. */
const COUNTIES = (f: CompareFilter) => `${INDICATORS}
  CALL (inds) {
    UNWIND inds AS i
    // MEASURES only ever leaves a Target.
    MATCH (i)<-[:MEASURES]-(t) ${whereOf(targetConditions(f))}
    RETURN collect(DISTINCT t.countyCode) AS withCodes
  }
  MATCH (c:County) WHERE ($province IS NULL OR c.province = $province) AND (NOT $onlyWithTargets OR c.code IN withCodes)`;

const params = (indicator: string, f: CompareFilter) => ({
  indicator,
  kind: f.kind ?? null,
  year: f.year ?? null,
  measure: f.measure ?? null,
  province: f.province ?? null,
  onlyWithTargets: f.onlyWithTargets ?? false,
});

export function compareTargets(indicator: string, f: CompareFilter, page: Page): Query {
  return q(
    `${COUNTIES(f)}
     WITH inds, c, NOT c.code IN withCodes AS empty ORDER BY empty, c.code SKIP toInteger($offset) LIMIT toInteger($limit)
     CALL (c, inds) {
       OPTIONAL MATCH (t:Target {countyCode: c.code})-[:MEASURES]->(i:Indicator)
       ${whereOf(['i IN inds', ...targetConditions(f)])}
       WITH t ORDER BY t.kind, t.year, t.id
       RETURN collect(t {.*}) AS targets
     }
     RETURN {county: c {.*}, targets: targets} AS item`,
    { ...params(indicator, f), offset: page.offset, limit: page.limit },
  );
}

/** How many counties `compareTargets` lists for the same arguments (its count field). */
export function compareTargetsCount(indicator: string, f: CompareFilter): Query {
  // Counties without a matching target are kept unless onlyWithTargets: then the count is of counties alone.
  if (!f.onlyWithTargets) return q(`MATCH (c:County) ${whereOf([f.province != null && 'c.province = $province'])} RETURN count(c) AS total`, { province: f.province ?? null });
  return q(`${COUNTIES(f)} RETURN count(c) AS total`, params(indicator, f));
}
