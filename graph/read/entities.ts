import type { Query } from '../cypher.ts';
import { byKeys } from './batch.ts';
import { NAME_FILTER, counted, listed, listedByIndexedKey, whereOf, type Direction, type Page } from './page.ts';

/** Lists and look-ups of projects, targets, agencies, enterprises, plans, indicators and documents. */

export interface ProjectFilter {
  name?: string | null;
  county?: string | null;
  industry?: string | null;
  status?: string | null;
  minInvestment?: number | null;
}

export const PROJECT_ORDER = {
  NAME: ['n.name', 'n.id'],
  INVESTMENT: ['n.investment', 'n.id'],
  COUNTY: ['n.countyCode', 'n.name'],
} as const;

// Only the conditions asked for (see targetMatch).
const projectConditions = (f: ProjectFilter) => [
  f.name != null && 'toLower(n.name) CONTAINS toLower($name)',
  f.county != null && 'n.countyCode = $county',
  f.status != null && 'n.status = $status',
  f.minInvestment != null && 'n.investment >= $minInvestment',
  f.industry != null && 'EXISTS { (n)-[:IN_INDUSTRY]->(:Industry {id: $industry}) }',
];

const projectMatch = (f: ProjectFilter) => ({
  match: `MATCH (n:Project) ${whereOf(projectConditions(f))}`,
  params: { name: f.name ?? null, county: f.county ?? null, status: f.status ?? null, minInvestment: f.minInvestment ?? null, industry: f.industry ?? null },
});

export function projectList(f: ProjectFilter, order: keyof typeof PROJECT_ORDER, dir: Direction, page: Page): Query {
  const { match, params } = projectMatch(f);
  // Read in index order (project_investment): the first page without sorting every project.
  if (order === 'INVESTMENT') return listedByIndexedKey('Project', projectConditions(f), 'investment', dir, 'n {.*}', params, page);
  return listed(match, PROJECT_ORDER[order], dir, 'n {.*}', params, page);
}

export function projectCount(f: ProjectFilter): Query {
  const { match, params } = projectMatch(f);
  return counted(match, params);
}

export interface TargetFilter {
  /** Matches the indicator's id or name (contains). */
  name?: string | null;
  county?: string | null;
  kind?: 'goal' | 'result' | null;
  year?: number | null;
  redacted?: boolean | null;
  document?: string | null;
}

export const TARGET_ORDER = {
  INDICATOR: ['n.indicator', 'n.countyCode', 'n.id'],
  COUNTY: ['n.countyCode', 'n.indicator', 'n.id'],
  YEAR: ['n.year', 'n.indicator', 'n.id'],
  VALUE: ['n.value', 'n.id'],
} as const;

// Only the conditions asked for, so the planner can take an index (county, document, redacted):
// behind `$x IS NULL OR …` it scans every target.
const targetMatch = (f: TargetFilter) => ({
  match: `MATCH (n:Target) ${whereOf([
    f.name != null && '(n.indicatorId = $name OR toLower(n.indicator) CONTAINS toLower($name))',
    f.county != null && 'n.countyCode = $county',
    f.kind != null && 'n.kind = $kind',
    f.year != null && 'n.year = $year',
    f.redacted != null && 'n.redacted = $redacted',
    f.document != null && 'n.documentId = $document',
  ])}`,
  params: { name: f.name ?? null, county: f.county ?? null, kind: f.kind ?? null, year: f.year ?? null, redacted: f.redacted ?? null, document: f.document ?? null },
});

export function targetList(f: TargetFilter, order: keyof typeof TARGET_ORDER, dir: Direction, page: Page): Query {
  const { match, params } = targetMatch(f);
  return listed(match, TARGET_ORDER[order], dir, 'n {.*}', params, page);
}

export function targetCount(f: TargetFilter): Query {
  const { match, params } = targetMatch(f);
  return counted(match, params);
}

export interface AgencyFilter {
  name?: string | null;
  county?: string | null;
  level?: string | null;
}

export const AGENCY_ORDER = { NAME: ['n.canonical', 'n.id'], COUNTY: ['n.countyCode', 'n.canonical'] } as const;

const agencyConditions = (f: AgencyFilter) => [
  f.name != null && '(toLower(n.name) CONTAINS toLower($name) OR toLower(n.canonical) CONTAINS toLower($name))',
  f.county != null && 'n.countyCode = $county',
  f.level != null && 'n.level = $level',
];

const agencyMatch = (f: AgencyFilter) => ({
  match: `MATCH (n:Agency) ${whereOf(agencyConditions(f))}`,
  params: { name: f.name ?? null, county: f.county ?? null, level: f.level ?? null },
});

export function agencyList(f: AgencyFilter, order: keyof typeof AGENCY_ORDER, dir: Direction, page: Page): Query {
  const { match, params } = agencyMatch(f);
  // Read in index order (agency_name, on canonical): a name filter keeps most agencies, so the page fills early.
  if (order === 'NAME') return listedByIndexedKey('Agency', agencyConditions(f), 'canonical', dir, 'n {.*}', params, page);
  return listed(match, AGENCY_ORDER[order], dir, 'n {.*}', params, page);
}

export function agencyCount(f: AgencyFilter): Query {
  const { match, params } = agencyMatch(f);
  return counted(match, params);
}

/** Enterprises, plans and indicators: nodes with an id and a name; the label is a closed choice. */
export type NamedLabel = 'Enterprise' | 'Plan' | 'Indicator';
const NAMED: Record<NamedLabel, string> = { Enterprise: 'Enterprise', Plan: 'Plan', Indicator: 'Indicator' };

export const NAMED_ORDER = { NAME: ['n.name', 'n.id'], MENTIONS: ['COUNT { (n)<-[:MENTIONS|MEASURES]-() }', 'n.name'] } as const;

export function namedList(label: NamedLabel, f: { name?: string | null }, order: keyof typeof NAMED_ORDER, dir: Direction, page: Page): Query {
  return listed(`MATCH (n:${NAMED[label]}) WHERE ${filterOf(label)}`, NAMED_ORDER[order], dir, 'n {.*}', { name: f.name ?? null }, page);
}

export function namedCount(label: NamedLabel, f: { name?: string | null }): Query {
  return counted(`MATCH (n:${NAMED[label]}) WHERE ${filterOf(label)}`, { name: f.name ?? null });
}
const NAMED_FILTER_OR_ID = `(${NAME_FILTER} OR n.id = $name)`;
/** Indicators as compareTargets matches them: a catalogue id is that indicator alone, anything else a search. */
const INDICATOR_FILTER = `CASE WHEN $name IS NOT NULL AND EXISTS { MATCH (x:Indicator {id: $name}) WHERE x.canonical }
  THEN n.id = $name ELSE ${NAMED_FILTER_OR_ID} END`;
const filterOf = (label: NamedLabel) => (label === 'Indicator' ? INDICATOR_FILTER : NAMED_FILTER_OR_ID);

export function namedById(label: NamedLabel | 'Project' | 'Target' | 'Agency', ids: readonly string[]): Query {
  const l = { ...NAMED, Project: 'Project', Target: 'Target', Agency: 'Agency' }[label];
  return byKeys(`MATCH (n:${l} {id: key}) RETURN key, n {.*} AS node`, ids);
}

/** The documents that mention each node (plans, enterprises, projects …), by node id. */
export function documentsMentioning(label: 'Enterprise' | 'Plan' | 'Project' | 'Agency', ids: readonly string[]): Query {
  const l = { Enterprise: 'Enterprise', Plan: 'Plan', Project: 'Project', Agency: 'Agency' }[label];
  return byKeys(
    `MATCH (d:Document)-[m:MENTIONS]->(:${l} {id: key})
     RETURN key, d {.*, ingestedAt: toString(d.ingestedAt)} AS node ORDER BY d.id`,
    ids,
  );
}

export function indicatorsOfTargets(ids: readonly string[]): Query {
  return byKeys('MATCH (:Target {id: key})-[:MEASURES]->(n:Indicator) RETURN key, n {.*} AS node', ids);
}

export function industryOfProjects(ids: readonly string[]): Query {
  return byKeys('MATCH (:Project {id: key})-[:IN_INDUSTRY]->(n:Industry) RETURN key, n {.*} AS node', ids);
}

export interface DocumentFilter {
  /** Matches title or id (contains). */
  name?: string | null;
  county?: string | null;
  kind?: string | null;
  year?: number | null;
  masked?: boolean | null;
}

export const DOCUMENT_ORDER = { DATE: ['n.date', 'n.id'], TITLE: ['n.title', 'n.id'], ID: ['n.id'] } as const;

const documentMatch = (f: DocumentFilter) => ({
  match: `MATCH (n:Document) WHERE ($name IS NULL OR toLower(n.title) CONTAINS toLower($name) OR n.id CONTAINS $name)
       AND ($kind IS NULL OR n.kind = $kind) AND ($year IS NULL OR n.year = $year) AND ($masked IS NULL OR n.masked = $masked)
       AND ($county IS NULL OR EXISTS { (n)-[:ABOUT]->(:County {code: $county}) })`,
  params: { name: f.name ?? null, county: f.county ?? null, kind: f.kind ?? null, year: f.year ?? null, masked: f.masked ?? null },
});

export function documentList(f: DocumentFilter, order: keyof typeof DOCUMENT_ORDER, dir: Direction, page: Page): Query {
  const { match, params } = documentMatch(f);
  return listed(match, DOCUMENT_ORDER[order], dir, 'n {.*, ingestedAt: toString(n.ingestedAt)}', params, page);
}

export function documentCount(f: DocumentFilter): Query {
  const { match, params } = documentMatch(f);
  return counted(match, params);
}

export function documentsById(ids: readonly string[]): Query {
  return byKeys('MATCH (n:Document {id: key}) RETURN key, n {.*, ingestedAt: toString(n.ingestedAt)} AS node', ids);
}

/** The declared county and the suggested one (masked documents), per document. */
export function countiesOfDocuments(ids: readonly string[]): Query {
  return byKeys(
    `MATCH (:Document {id: key})-[r:ABOUT|SUGGESTS_COUNTY]->(c:County)
     RETURN key, type(r) AS rel, r.confidence AS confidence, r.evidence AS evidence, c {.*} AS node`,
    ids,
  );
}

export function sentencesOfDocuments(ids: readonly string[]): Query {
  return byKeys('MATCH (n:Sentence {documentId: key}) RETURN key, n {.*} AS node ORDER BY n.index', ids);
}

export function sentencesById(ids: readonly string[]): Query {
  return byKeys('MATCH (n:Sentence {id: key}) RETURN key, n {.*} AS node', ids);
}
