import { q, type Query } from '../cypher.ts';
import type { Page } from './page.ts';

/**
 * Full-text search over the `names` index (counties, industries, projects, agencies, enterprises,
 * plans, indicators) and the `sentences` index, both with the cjk analyzer (character bigrams).
 *
 * The input is never Lucene syntax: each whitespace-separated term is quoted as a phrase (so
 * `食用菌` matches its bigrams in order) and the terms are ANDed; quotes, backslashes and control
 * characters cannot escape the phrase. Returns null when nothing searchable is left.
 */
export function luceneQuery(text: string): string | null {
  const terms = text
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .split(/\s+/)
    .map((t) => t.replace(/[\\"]/g, (c) => `\\${c}`))
    .filter((t) => t.replace(/[\\"]/g, '').trim().length > 0)
    .slice(0, 16);
  return terms.length ? terms.map((t) => `"${t}"`).join(' AND ') : null;
}

export const SEARCH_LABELS = ['County', 'Industry', 'Project', 'Agency', 'Enterprise', 'Plan', 'Indicator', 'Sentence'] as const;
export type SearchLabel = (typeof SEARCH_LABELS)[number];

const MATCH = `
  CALL {
    CALL db.index.fulltext.queryNodes('names', $query) YIELD node, score RETURN node, score, 'NAME' AS via
    UNION ALL
    CALL db.index.fulltext.queryNodes('sentences', $query) YIELD node, score RETURN node, score, 'SENTENCE' AS via
  }
  WITH node AS n, score, via, [l IN labels(node) WHERE l IN $known][0] AS label
  WHERE label IN $labels`;

export function search(lucene: string, labels: readonly SearchLabel[], page: Page): Query {
  return q(
    `${MATCH} WITH * ORDER BY score DESC, label, coalesce(n.id, n.code) SKIP toInteger($offset) LIMIT toInteger($limit)
     RETURN {label: label, score: score, via: via, node: n {.*}} AS item`,
    { query: lucene, known: [...SEARCH_LABELS], labels: [...labels], offset: page.offset, limit: page.limit },
  );
}

/** How many hits `search` has for the same query and types (its count field). */
export function searchCount(lucene: string, labels: readonly SearchLabel[]): Query {
  return q(`${MATCH} RETURN count(*) AS total`, { query: lucene, known: [...SEARCH_LABELS], labels: [...labels] });
}
