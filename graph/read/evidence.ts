import type { Query } from '../cypher.ts';
import { byKeys } from './batch.ts';
import { FAMILY } from './industries.ts';
import type { Page } from './page.ts';

/**
 * Evidence: the sentence a fact was read from, with offsets into the document's normalised text and
 * the snippet. Rows carry the sentence, so `Evidence.sentence` costs no further round trip.
 */

export const EVIDENCE_PROJECTION = `{start: e.start, end: e.end, snippet: e.snippet, page: e.page, documentId: e.documentId, sentence: s {.*}}`;

/** Evidence of nodes keyed by id; the label is a closed choice. */
export function evidenceOf(label: 'Project' | 'Target' | 'Agency' | 'Enterprise' | 'Plan' | 'Industry', ids: readonly string[]): Query {
  const l = { Project: 'Project', Target: 'Target', Agency: 'Agency', Enterprise: 'Enterprise', Plan: 'Plan', Industry: 'Industry' }[label];
  return byKeys(
    `MATCH (s:Sentence)-[e:EVIDENCE]->(:${l} {id: key})
     RETURN key, ${EVIDENCE_PROJECTION} AS evidence ORDER BY e.documentId, s.index, e.start`,
    ids,
  );
}

/**
 * Evidence that a county develops an industry: the industry's evidence in the county's own
 * documents. Keys are `code|industryId` strings, split here so they travel as one parameter;
 * a key starting with `+` (`+code|industryId`) also takes the evidence of the industries below it
 * (Industry.counties(includeNarrower: true)).
 */
export const countyIndustryKey = (code: string, industryId: string, narrower = false) => `${narrower ? '+' : ''}${code}|${industryId}`;

/** Binds `s` and `e`, the evidence of the pair `key` (see countyIndustryKey), per document `d`. */
const PAIR_EVIDENCE = `
     WITH key, key STARTS WITH '+' AS narrower, CASE WHEN key STARTS WITH '+' THEN substring(key, 1) ELSE key END AS pair
     WITH key, narrower, split(pair, '|')[0] AS code, substring(pair, size(split(pair, '|')[0]) + 1) AS id
     MATCH (:County {code: code})<-[:ABOUT]-(d:Document)
     MATCH (n:Industry {id: id})
     WITH d, CASE WHEN narrower THEN ${FAMILY} ELSE [n] END AS family
     // The document's evidence edges by index, per document (see graph/read/recurrence.ts).
     CALL (d, family) {
       WITH d.id AS docId
       MATCH (s:Sentence)-[e:EVIDENCE]->(x) USING INDEX e:EVIDENCE(documentId) WHERE e.documentId = docId AND x IN family
       RETURN s, e
     }`;

/** A page of each pair's evidence in document order, cut in the statement: rows `{key, evidence}`. */
export function evidenceOfCountyIndustries(keys: readonly string[], page: Page = { offset: 0, limit: 100 }): Query {
  return byKeys(
    `CALL (key) {
       ${PAIR_EVIDENCE}
       WITH d, s, e ORDER BY d.id, s.index, e.start SKIP toInteger($offset) LIMIT toInteger($limit)
       RETURN ${EVIDENCE_PROJECTION} AS evidence
     }
     RETURN key, evidence`,
    keys,
    { offset: page.offset, limit: page.limit },
  );
}

/** How much evidence each pair has: rows `{key, total}`. */
export function evidenceCountOfCountyIndustries(keys: readonly string[]): Query {
  return byKeys(`CALL (key) { ${PAIR_EVIDENCE} RETURN count(*) AS total } RETURN key, total`, keys);
}
