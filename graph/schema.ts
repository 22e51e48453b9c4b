import { q, type Query } from './cypher.ts';
import type { Graph } from './driver.ts';

/**
 * Constraints (one per node key), lookup indexes and the full-text index, all `IF NOT EXISTS`
 * so applying them at every start is harmless.
 */
export const SCHEMA: Query[] = [
  ...(
    [
      ['County', 'code'],
      ['Document', 'id'],
      ['Sentence', 'id'],
      ['Industry', 'id'],
      ['Sector', 'code'],
      ['Project', 'id'],
      ['Target', 'id'],
      ['Indicator', 'id'],
      ['Agency', 'id'],
      ['Enterprise', 'id'],
      ['Plan', 'id'],
    ] as const
  ).map(([label, key]) => q(`CREATE CONSTRAINT ${label.toLowerCase()}_${key} IF NOT EXISTS FOR (n:${label}) REQUIRE n.${key} IS UNIQUE`)),
  q('CREATE INDEX county_name IF NOT EXISTS FOR (n:County) ON (n.name)'),
  q('CREATE INDEX county_province IF NOT EXISTS FOR (n:County) ON (n.province)'),
  q('CREATE INDEX industry_name IF NOT EXISTS FOR (n:Industry) ON (n.name)'),
  q('CREATE INDEX industry_tier IF NOT EXISTS FOR (n:Industry) ON (n.tier)'),
  q('CREATE INDEX project_name IF NOT EXISTS FOR (n:Project) ON (n.name)'),
  q('CREATE INDEX project_county IF NOT EXISTS FOR (n:Project) ON (n.countyCode)'),
  // projects(orderBy: INVESTMENT): read in index order, the first page without sorting every project.
  q('CREATE INDEX project_investment IF NOT EXISTS FOR (n:Project) ON (n.investment)'),
  q('CREATE INDEX target_indicator IF NOT EXISTS FOR (n:Target) ON (n.indicatorId)'),
  q('CREATE INDEX target_doc IF NOT EXISTS FOR (n:Target) ON (n.documentId)'),
  // A county's targets (compareTargets' page, County.targets): without it every look-up scans all targets.
  q('CREATE INDEX target_county IF NOT EXISTS FOR (n:Target) ON (n.countyCode)'),
  // Redacted targets (targets(filter: {redacted: true}), a few percent of them): a seek, not a scan.
  q('CREATE INDEX target_redacted IF NOT EXISTS FOR (n:Target) ON (n.redacted)'),
  q('CREATE INDEX sentence_doc IF NOT EXISTS FOR (n:Sentence) ON (n.documentId)'),
  // A document's evidence edges (a county's evidence for one industry): without it the read walks
  // every evidence edge of the industry, nationally tens of thousands, to keep a handful.
  q('CREATE INDEX evidence_doc IF NOT EXISTS FOR ()-[e:EVIDENCE]-() ON (e.documentId)'),
  q('CREATE INDEX document_kind IF NOT EXISTS FOR (n:Document) ON (n.kind)'),
  q('CREATE INDEX document_year IF NOT EXISTS FOR (n:Document) ON (n.year)'),
  q('CREATE INDEX document_hash IF NOT EXISTS FOR (n:Document) ON (n.contentHash)'),
  // Duplicates (the same report in another encoding or file): a seek per written document.
  q('CREATE INDEX document_text_hash IF NOT EXISTS FOR (n:Document) ON (n.textHash)'),
  q('CREATE INDEX agency_name IF NOT EXISTS FOR (n:Agency) ON (n.canonical)'),
  q('CREATE INDEX enterprise_name IF NOT EXISTS FOR (n:Enterprise) ON (n.name)'),
  q('CREATE INDEX plan_name IF NOT EXISTS FOR (n:Plan) ON (n.name)'),
  // Substring search for one-character queries (graph/read/search.ts: the cjk index cannot answer them).
  ...(['County', 'Industry', 'Project', 'Agency', 'Enterprise', 'Plan', 'Indicator'] as const).map((l) =>
    q(`CREATE TEXT INDEX ${l.toLowerCase()}_name_text IF NOT EXISTS FOR (n:${l}) ON (n.name)`),
  ),
  q('CREATE TEXT INDEX sentence_text IF NOT EXISTS FOR (n:Sentence) ON (n.text)'),
  // Chinese has no spaces: the cjk analyzer indexes character bigrams, so 食用菌 finds 食用菌产业.
  q(
    "CREATE FULLTEXT INDEX names IF NOT EXISTS FOR (n:County|Industry|Project|Agency|Enterprise|Plan|Indicator) ON EACH [n.name] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
  ),
  q(
    "CREATE FULLTEXT INDEX sentences IF NOT EXISTS FOR (n:Sentence) ON EACH [n.text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
  ),
];

let applied = new WeakSet<Graph>();

/** Applies the schema once per Graph and waits for the indexes to come online. */
export async function applySchema(graph: Graph): Promise<void> {
  if (applied.has(graph)) return;
  for (const s of SCHEMA) await graph.run(s);
  await graph.run(q('CALL db.awaitIndexes(300)'));
  applied.add(graph);
}

/** For tests that drop everything: forget that the schema was applied. */
export function forgetSchema(): void {
  applied = new WeakSet<Graph>();
}
