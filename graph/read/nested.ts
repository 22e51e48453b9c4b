import { q, type Query } from '../cypher.ts';
import { EVIDENCE_PROJECTION } from './evidence.ts';
import type { Page } from './page.ts';

/**
 * The nested lists of the API's types (County.documents, Plan.documents, Project.evidence …),
 * each cut in Cypher: for every parent key, a subquery orders the parent's items, skips the
 * offset and stops at the limit, so a page of Plan.documents reads a page of documents whatever
 * number cite 十四五, and the API's cost limit follows the database's work. Its count field is
 * its own statement over the same match. One statement per field level, all parents batched
 * (`UNWIND $keys AS key`). `$name` (the list's `filter.name`, null for none) and `$kind` are the
 * only inputs, always parameters; the texts below are fixed.
 */
interface Nested {
  /** Binds `n` (and more) for the parent `key`. */
  match: string;
  /** Sort expressions, each order a closed choice. */
  orders: Record<string, string>;
  /** The item returned. */
  project: string;
}

const NAME = '($name IS NULL OR toLower(n.name) CONTAINS toLower($name))';
const DOCUMENT = 'n {.*, ingestedAt: toString(n.ingestedAt)}';

const mentioning = (label: string): Nested => ({
  match: `MATCH (n:Document)-[:MENTIONS]->(:${label} {id: key})`,
  orders: { DEFAULT: 'n.id' },
  project: DOCUMENT,
});
const evidence = (label: string): Nested => ({
  match: `MATCH (s:Sentence)-[e:EVIDENCE]->(:${label} {id: key})`,
  orders: { DEFAULT: 'e.documentId, s.index, e.start' },
  project: EVIDENCE_PROJECTION,
});
const countyMentions = (label: string): Nested => ({
  match: `MATCH (:County {code: key})<-[:ABOUT]-(:Document)-[:MENTIONS]->(x:${label}) WITH DISTINCT x AS n WHERE ${NAME}`,
  orders: { DEFAULT: 'n.name, n.id' },
  project: 'n {.*}',
});

export const NESTED = {
  countyDocuments: { match: 'MATCH (:County {code: key})<-[:ABOUT]-(n:Document)', orders: { DEFAULT: 'n.date, n.id' }, project: DOCUMENT },
  countyIndustries: {
    match: 'MATCH (:County {code: key})-[r:DEVELOPS]->(n:Industry) WHERE ' + NAME,
    orders: { MENTIONS: 'r.mentions DESC, n.name, n.id', DOCUMENTS: 'r.documents DESC, r.mentions DESC, n.name, n.id', NAME: 'n.name, n.id' },
    project: '{industry: n {.*}, documents: r.documents, mentions: r.mentions, confidence: r.confidence}',
  },
  countyProjects: { match: `MATCH (:County {code: key})-[:HAS_PROJECT]->(n:Project) WHERE ${NAME}`, orders: { DEFAULT: 'n.name, n.id' }, project: 'n {.*}' },
  countyTargets: {
    match: `MATCH (n:Target {countyCode: key})
            WHERE ($name IS NULL OR toLower(n.indicator) CONTAINS toLower($name) OR n.indicatorId = $name) AND ($kind IS NULL OR n.kind = $kind)`,
    orders: { DEFAULT: 'n.indicator, n.year, n.id' },
    project: 'n {.*}',
  },
  countyAgencies: {
    match: 'MATCH (:County {code: key})-[:HAS_AGENCY]->(n:Agency) WHERE ($name IS NULL OR toLower(n.name) CONTAINS toLower($name) OR toLower(n.canonical) CONTAINS toLower($name))',
    orders: { DEFAULT: 'n.canonical, n.id' },
    project: 'n {.*}',
  },
  countyPlans: countyMentions('Plan'),
  countyEnterprises: countyMentions('Enterprise'),
  industryProjects: { match: 'MATCH (n:Project)-[:IN_INDUSTRY]->(:Industry {id: key})', orders: { DEFAULT: 'n.name, n.id' }, project: 'n {.*}' },
  documentSentences: { match: 'MATCH (n:Sentence {documentId: key})', orders: { DEFAULT: 'n.index' }, project: 'n {.*}' },
  projectDocuments: mentioning('Project'),
  agencyDocuments: mentioning('Agency'),
  enterpriseDocuments: mentioning('Enterprise'),
  planDocuments: mentioning('Plan'),
  projectEvidence: evidence('Project'),
  targetEvidence: evidence('Target'),
  agencyEvidence: evidence('Agency'),
  enterpriseEvidence: evidence('Enterprise'),
  planEvidence: evidence('Plan'),
} satisfies Record<string, Nested>;

export type NestedList = keyof typeof NESTED;
export interface NestedArgs {
  name?: string | null;
  kind?: string | null;
  order?: string;
}

const params = (a: NestedArgs) => ({ name: a.name ?? null, kind: a.kind ?? null });

/** A page of each parent's list: rows `{key, node}`, in order. */
export function nestedPage(list: NestedList, keys: readonly string[], a: NestedArgs, page: Page): Query {
  const l: Nested = NESTED[list];
  const order = l.orders[a.order ?? ''] ?? Object.values(l.orders)[0]!;
  return q(
    `UNWIND $keys AS key
     CALL (key) {
       ${l.match}
       WITH * ORDER BY ${order} SKIP toInteger($offset) LIMIT toInteger($limit)
       RETURN ${l.project} AS node
     }
     RETURN key, node`,
    { keys: [...keys], ...params(a), offset: page.offset, limit: page.limit },
  );
}

/** How many items each parent's list has under the same filter: rows `{key, total}`. */
export function nestedCount(list: NestedList, keys: readonly string[], a: NestedArgs): Query {
  const l: Nested = NESTED[list];
  return q(
    `UNWIND $keys AS key
     CALL (key) { ${l.match} RETURN count(*) AS total }
     RETURN key, total`,
    { keys: [...keys], ...params(a) },
  );
}
