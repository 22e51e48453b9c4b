import { q, type Query } from '../cypher.ts';
import type { Page } from './page.ts';

/**
 * Target comparison: for one indicator (its id, or a part of its name: `一般公共预算收入`,
 * `森林覆盖率` …), every county's targets side by side. Counties without a matching target are kept
 * (with an empty list) unless `onlyWithTargets`, so a table shows who set nothing. Redacted targets
 * (values masked as XX in the source) come back with `redacted: true` and a null value.
 */
export interface CompareFilter {
  kind?: 'goal' | 'result' | null;
  year?: number | null;
  measure?: string | null;
  province?: string | null;
  onlyWithTargets?: boolean | null;
}

export function compareTargets(indicator: string, f: CompareFilter, page: Page): Query {
  return q(
    `OPTIONAL MATCH (ind:Indicator) WHERE ind.id = $indicator OR toLower(ind.name) CONTAINS toLower($indicator)
     WITH collect(ind) AS inds
     CALL (inds) {
       MATCH (c:County) WHERE $province IS NULL OR c.province = $province
       CALL (c, inds) {
         OPTIONAL MATCH (t:Target {countyCode: c.code})-[:MEASURES]->(i:Indicator)
         WHERE i IN inds AND ($kind IS NULL OR t.kind = $kind) AND ($year IS NULL OR t.year = $year)
           AND ($measure IS NULL OR t.measure = $measure)
         WITH t ORDER BY t.kind, t.year, t.id
         RETURN collect(t {.*}) AS targets
       }
       WITH c, targets WHERE NOT $onlyWithTargets OR size(targets) > 0
       WITH c, targets ORDER BY size(targets) = 0, c.code
       RETURN collect({county: c {.*}, targets: targets}) AS rows
     }
     RETURN [i IN inds | i {.*}] AS indicators, size(rows) AS total, rows[toInteger($offset)..toInteger($offset + $limit)] AS items`,
    {
      indicator,
      kind: f.kind ?? null,
      year: f.year ?? null,
      measure: f.measure ?? null,
      province: f.province ?? null,
      onlyWithTargets: f.onlyWithTargets ?? false,
      offset: page.offset,
      limit: page.limit,
    },
  );
}
