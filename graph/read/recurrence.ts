import { q, type Query } from '../cypher.ts';
import { INDUSTRY_FILTER, industryFilterParams, type IndustryFilter } from './industries.ts';
import type { Page } from './page.ts';

/**
 * Industry recurrence: industries ranked by how many distinct counties develop them. "Develops"
 * is read from the documents (county ←ABOUT– document –MENTIONS→ industry) rather than from the
 * precomputed DEVELOPS edge, so the document kind and year filters apply; with no filter the two
 * agree. Each industry comes with its counties and, per county, the first evidence sentences.
 */
export interface RecurrenceFilter extends IndustryFilter {
  province?: string | null;
  /** Document kind (`政府工作报告`, `讲话` …) and year the mentions must come from. */
  kind?: string | null;
  year?: number | null;
}

const AGGREGATE = `
  MATCH (c:County)<-[:ABOUT]-(d:Document)-[m:MENTIONS]->(n:Industry)
  WHERE ${INDUSTRY_FILTER}
    AND ($province IS NULL OR c.province = $province)
    AND ($kind IS NULL OR d.kind = $kind) AND ($year IS NULL OR d.year = $year)
  WITH n, c, collect(d) AS docs, sum(m.count) AS mentions
  WITH n, collect({county: c, docs: docs, mentions: mentions}) AS per
  WHERE size(per) >= $minCounties`;

const params = (f: RecurrenceFilter, minCounties: number) => ({
  ...industryFilterParams(f),
  province: f.province ?? null,
  kind: f.kind ?? null,
  year: f.year ?? null,
  minCounties,
});

export function industryRecurrence(f: RecurrenceFilter, minCounties: number, evidenceLimit: number, page: Page): Query {
  return q(
    `${AGGREGATE}
     WITH n, per ORDER BY size(per) DESC, n.name SKIP toInteger($offset) LIMIT toInteger($limit)
     CALL (n, per) {
       UNWIND per AS p
       WITH p, p.county AS pc ORDER BY p.mentions DESC, pc.code
       CALL (n, p) {
         UNWIND p.docs AS d
         MATCH (d)-[:HAS_SENTENCE]->(s:Sentence)-[e:EVIDENCE]->(n)
         WITH d, s, e ORDER BY d.id, s.index, e.start LIMIT toInteger($evidenceLimit)
         RETURN collect({start: e.start, end: e.end, snippet: e.snippet, documentId: e.documentId, sentence: s {.*}}) AS evidence
       }
       RETURN collect({county: pc {.*}, documents: size(p.docs), mentions: p.mentions, evidence: evidence}) AS counties
     }
     RETURN {industry: n {.*}, countyCount: size(per), counties: counties} AS item`,
    { ...params(f, minCounties), evidenceLimit, offset: page.offset, limit: page.limit },
  );
}

/** How many industries `industryRecurrence` ranks under the same filter (its count field). */
export function industryRecurrenceCount(f: RecurrenceFilter, minCounties: number): Query {
  return q(`${AGGREGATE} RETURN count(*) AS total`, params(f, minCounties));
}
