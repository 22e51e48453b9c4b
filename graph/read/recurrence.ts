import { q, type Query } from '../cypher.ts';
import { FAMILY, INDUSTRY_FILTER, MAX_HIERARCHY_DEPTH, industryFilterParams, type IndustryFilter } from './industries.ts';
import type { Page } from './page.ts';

/**
 * Industry recurrence: industries ranked by how many distinct counties develop them.
 *
 * Two statements, so the cost follows the page and not the corpus: the ranking (industries with
 * their county counts, one page) and then, batched for the page's industries, their counties with
 * the weights and the first evidence sentences (`recurrenceCounties`).
 *
 * Without a document kind or year filter, "develops" is the precomputed DEVELOPS edge (county →
 * industry, with `documents` and `mentions`), so a county count is a degree look-up. With one,
 * it is read from the documents (county ←ABOUT– document –MENTIONS→ industry) that pass the
 * filter; the two agree when there is no filter (DEVELOPS is recomputed from the same walk).
 */
export interface RecurrenceFilter extends IndustryFilter {
  province?: string | null;
  /** Document kind (`政府工作报告`, `讲话` …) and year the mentions must come from. */
  kind?: string | null;
  year?: number | null;
  /** Count a county for an industry when it develops the industry or one below it (光伏 → 新能源). */
  narrower?: boolean | null;
}

/** Whether the filter needs the document walk (the choice picks one of two fixed statements). */
const byDocuments = (f: RecurrenceFilter) => f.kind != null || f.year != null || Boolean(f.narrower);

/** The mention edge's industry: `n` itself, or with `narrower` any industry below it. */
const below = (f: RecurrenceFilter) => (f.narrower ? `(:Industry)-[:BROADER*0..${MAX_HIERARCHY_DEPTH}]->` : '');

const DOC_FILTER = '($kind IS NULL OR d.kind = $kind) AND ($year IS NULL OR d.year = $year)';
const PROVINCE = '($province IS NULL OR c.province = $province)';

// Binds `n` and `countyCount`, the industries that pass the filters and `minCounties`.
const RANK_BY_EDGES = `
  MATCH (n:Industry) WHERE ${INDUSTRY_FILTER}
  WITH n, CASE WHEN $province IS NULL THEN COUNT { (n)<-[:DEVELOPS]-() }
               ELSE COUNT { (n)<-[:DEVELOPS]-(c:County) WHERE c.province = $province } END AS countyCount
  WHERE countyCount > 0 AND countyCount >= $minCounties`;

const RANK_BY_DOCUMENTS = (f: RecurrenceFilter) => `
  MATCH (c:County)<-[:ABOUT]-(d:Document)-[:MENTIONS]->${below(f)}(n:Industry)
  WHERE ${DOC_FILTER} AND ${PROVINCE}
  WITH n, count(DISTINCT c) AS countyCount
  WHERE countyCount >= $minCounties AND ${INDUSTRY_FILTER}`;

const rank = (f: RecurrenceFilter) => (byDocuments(f) ? RANK_BY_DOCUMENTS(f) : RANK_BY_EDGES);

const params = (f: RecurrenceFilter, minCounties: number) => ({
  ...industryFilterParams(f),
  province: f.province ?? null,
  kind: f.kind ?? null,
  year: f.year ?? null,
  minCounties,
});

/** One page of the ranking: `{industry, countyCount}` per industry, most counties first, ties by name. */
export function industryRecurrence(f: RecurrenceFilter, minCounties: number, page: Page): Query {
  return q(
    `${rank(f)}
     WITH n, countyCount ORDER BY countyCount DESC, n.name SKIP toInteger($offset) LIMIT toInteger($limit)
     RETURN {industry: n {.*}, countyCount: countyCount} AS item`,
    { ...params(f, minCounties), offset: page.offset, limit: page.limit },
  );
}

/** How many industries `industryRecurrence` ranks under the same filter (its count field). */
export function industryRecurrenceCount(f: RecurrenceFilter, minCounties: number): Query {
  return q(`${rank(f)} RETURN count(*) AS total`, params(f, minCounties));
}

// Per industry `n`: a page of its counties `c`, most mentions first, with `documents` and `mentions`.
// DEVELOPS only ever runs County → Industry: without a province the county's label is not checked.
const COUNTIES_BY_EDGES = (f: RecurrenceFilter) => `
  MATCH (n)<-[r:DEVELOPS]-(c${f.province == null ? '' : ':County WHERE c.province = $province'})
  WITH n, c, r.documents AS documents, r.mentions AS mentions
  ORDER BY mentions DESC, c.code SKIP toInteger($offset) LIMIT toInteger($limit)`;

const COUNTIES_BY_DOCUMENTS = (f: RecurrenceFilter) => `
  MATCH (n)<-${f.narrower ? `[:BROADER*0..${MAX_HIERARCHY_DEPTH}]-(:Industry)<-` : ''}[m:MENTIONS]-(d:Document)-[:ABOUT]->(c:County) WHERE ${DOC_FILTER} AND ${PROVINCE}
  WITH n, c, count(DISTINCT d) AS documents, sum(m.count) AS mentions
  ORDER BY mentions DESC, c.code SKIP toInteger($offset) LIMIT toInteger($limit)`;

/**
 * For many industries at once (the page of `industryRecurrence`): each one's page of counties with
 * the first `evidenceLimit` evidence sentences from the county's own documents (those that pass
 * the filter), in document order. A county's evidence is looked up per document through the
 * EVIDENCE.documentId index (about a hundred edges a document) and kept when it points at `n`:
 * walking the industry's own evidence edges instead costs thousands per national industry.
 */
export function recurrenceCounties(ids: readonly string[], f: RecurrenceFilter, evidenceLimit: number, page: Page): Query {
  return q(
    `UNWIND $keys AS key
     MATCH (n:Industry {id: key})
     WITH key, n, ${f.narrower ? FAMILY : '[n]'} AS family
     CALL (n, family) {
       ${byDocuments(f) ? COUNTIES_BY_DOCUMENTS(f) : COUNTIES_BY_EDGES(f)}
       CALL (n, c, family) {
         MATCH (c)<-[:ABOUT]-(d)${byDocuments(f) ? ` WHERE ${DOC_FILTER}` : ''}
         WITH d.id AS doc WHERE $evidenceLimit > 0
         MATCH (s)-[e:EVIDENCE]->(x) USING INDEX e:EVIDENCE(documentId) WHERE e.documentId = doc AND x IN family
         WITH e, s ORDER BY doc, s.index, e.start LIMIT toInteger($evidenceLimit)
         RETURN collect({start: e.start, end: e.end, snippet: e.snippet, page: e.page, documentId: e.documentId, sentence: properties(s)}) AS evidence
       }
       RETURN collect({county: properties(c), documents: documents, mentions: mentions, evidence: evidence}) AS counties
     }
     RETURN key, counties`,
    { keys: [...ids], province: f.province ?? null, kind: f.kind ?? null, year: f.year ?? null, evidenceLimit, offset: page.offset, limit: page.limit },
  );
}
