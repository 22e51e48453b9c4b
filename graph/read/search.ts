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

const NAME_LABELS = SEARCH_LABELS.filter((l) => l !== 'Sentence');

/** Which indexes a set of types needs, and whether the names index needs its hits' labels checked. */
function scope(labels: readonly SearchLabel[]) {
  const names = NAME_LABELS.filter((l) => labels.includes(l));
  return { names: names.length > 0, everyName: names.length === NAME_LABELS.length, sentences: labels.includes('Sentence') };
}

const LABEL = '[l IN labels(node) WHERE l IN $known][0]';

/**
 * Hits of the indexes the types need, as `node, score, via`; `cutoff` (when bound) drops hits
 * scoring below it before anything is read from the nodes.
 */
function hits(labels: readonly SearchLabel[], cutoff: boolean): string {
  const s = scope(labels);
  const keep = cutoff ? ' WHERE cutoff IS NULL OR score >= cutoff' : '';
  const parts = [
    s.names && `CALL db.index.fulltext.queryNodes('names', $query) YIELD node, score${keep} RETURN node, score, 'NAME' AS via`,
    s.sentences && `CALL db.index.fulltext.queryNodes('sentences', $query) YIELD node, score${keep} RETURN node, score, 'SENTENCE' AS via`,
  ].filter(Boolean);
  return parts.length ? parts.join('\n    UNION ALL\n    ') : "UNWIND [] AS node RETURN node, 0.0 AS score, '' AS via";
}

export function search(lucene: string, labels: readonly SearchLabel[], page: Page): Query {
  const s = scope(labels);
  // When every type is asked for, no hit is filtered out after the index: the page's lowest score
  // (the cutoff) is then the (offset+limit)-th best of the two indexes' own top offset+limit, which
  // Lucene finds without materialising the rest; only hits scoring at least that much (the page and
  // its ties) have their labels and keys read for the ordering. Nationally a common term has
  // thousands of hits; the page needs a dozen.
  const windowed = s.everyName && s.sentences && page.offset + page.limit > 0;
  const cutoff = windowed
    ? `CALL () {
         CALL db.index.fulltext.queryNodes('names', $query, {limit: toInteger($offset) + toInteger($limit)}) YIELD score RETURN score
         UNION ALL
         CALL db.index.fulltext.queryNodes('sentences', $query, {limit: toInteger($offset) + toInteger($limit)}) YIELD score RETURN score
       }
       WITH score ORDER BY score DESC
       WITH collect(score)[toInteger($offset) + toInteger($limit) - 1] AS cutoff
       CALL (cutoff) {`
    : 'CALL {';
  return q(
    `${cutoff}
       ${hits(labels, windowed)}
     }
     WITH node AS n, score, via, ${LABEL} AS label
     WHERE label IN $labels
     WITH * ORDER BY score DESC, label, coalesce(n.id, n.code) SKIP toInteger($offset) LIMIT toInteger($limit)
     RETURN {label: label, score: score, via: via, node: n {.*}} AS item`,
    { query: lucene, known: [...SEARCH_LABELS], labels: [...labels], offset: page.offset, limit: page.limit },
  );
}

/**
 * How many hits `search` has for the same query and types (its count field): each index's hits
 * counted as they come, the names index's labels checked only when some of its types are left out.
 */
export function searchCount(lucene: string, labels: readonly SearchLabel[]): Query {
  const s = scope(labels);
  const names = s.everyName
    ? "CALL db.index.fulltext.queryNodes('names', $query) YIELD node RETURN count(*) AS names"
    : `CALL db.index.fulltext.queryNodes('names', $query) YIELD node WITH node WHERE ${LABEL} IN $labels RETURN count(*) AS names`;
  const sentences = "CALL db.index.fulltext.queryNodes('sentences', $query) YIELD node RETURN count(*) AS sentences";
  const counts = [s.names && { call: names, n: 'names' }, s.sentences && { call: sentences, n: 'sentences' }].filter((x) => !!x);
  return q(counts.length ? `${counts.map((c) => `CALL () { ${c.call} }`).join('\n')} RETURN ${counts.map((c) => c.n).join(' + ')} AS total` : 'RETURN 0 AS total', {
    query: lucene,
    known: [...SEARCH_LABELS],
    labels: [...labels],
  });
}

/**
 * One-character terms (菌, 牛): the cjk analyzer indexes character bigrams, so a lone character
 * only matches where it stands alone. Such queries are answered by substring search instead
 * (`CONTAINS` over names and sentence texts, each term required, helped by the text indexes),
 * bounded to CONTAINS_BOUND hits per type; names score 1, sentences 0.5.
 */
export const CONTAINS_BOUND = 1000;

/** The terms of a query (as `luceneQuery` splits them), or null when none is left. */
export function searchTerms(text: string): string[] | null {
  const terms = text
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .slice(0, 16);
  return terms.length ? terms : null;
}

/** Whether the index cannot answer the terms: one of them is a single character. */
export const needsContains = (terms: readonly string[]) => terms.some((t) => [...t].length === 1);

function containsHits(labels: readonly SearchLabel[]): string {
  const parts = NAME_LABELS.filter((l) => labels.includes(l)).map(
    (l) => `MATCH (n:${l}) WHERE n.name CONTAINS $first AND all(t IN $terms WHERE n.name CONTAINS t)
     RETURN n AS node, 1.0 AS score, 'NAME' AS via, '${l}' AS label LIMIT toInteger($bound)`,
  );
  if (labels.includes('Sentence')) {
    parts.push(`MATCH (n:Sentence) WHERE n.text CONTAINS $first AND all(t IN $terms WHERE n.text CONTAINS t)
     RETURN n AS node, 0.5 AS score, 'SENTENCE' AS via, 'Sentence' AS label LIMIT toInteger($bound)`);
  }
  // Each branch cut by its own LIMIT inside a subquery, so the bound holds per type.
  return parts.length
    ? parts.map((p) => `CALL () { ${p} } RETURN node, score, via, label`).join('\n     UNION ALL\n     ')
    : "UNWIND [] AS node RETURN node, 0.0 AS score, '' AS via, '' AS label";
}

export function containsSearch(terms: readonly string[], labels: readonly SearchLabel[], page: Page): Query {
  return q(
    `CALL () {
       ${containsHits(labels)}
     }
     WITH node AS n, score, via, label
     WITH * ORDER BY score DESC, label, coalesce(n.id, n.code) SKIP toInteger($offset) LIMIT toInteger($limit)
     RETURN {label: label, score: score, via: via, node: n {.*}} AS item`,
    { terms: [...terms], first: terms[0], bound: CONTAINS_BOUND, offset: page.offset, limit: page.limit },
  );
}

export function containsSearchCount(terms: readonly string[], labels: readonly SearchLabel[]): Query {
  return q(`CALL () { ${containsHits(labels)} } RETURN count(*) AS total`, { terms: [...terms], first: terms[0], bound: CONTAINS_BOUND });
}
