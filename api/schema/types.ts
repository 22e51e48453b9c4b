import { pageOf, slice, text, type PageArgs } from '../args.ts';
import type { NestedArgs, NestedList } from '../../graph/read/nested.ts';
import type { ApiContext } from '../context.ts';
import type { RecurrenceScope, Row } from '../loaders.ts';
import { countyIndustryKey } from '../../graph/read/evidence.ts';

/**
 * Field resolvers of the object types. Each nested list asks a per-request DataLoader (one batched
 * query per field level) whose statement cuts the page (graph/read/nested.ts); its count field is
 * a statement of its own under the same filter, run only when asked. Lists that come whole with
 * their parent (an analytic's counties or shared industries) are paged in memory.
 * Scalar fields read the node's properties as they are.
 */

type Ctx = ApiContext;
type Named = PageArgs & { filter?: { name?: string | null } | null };
const node = (r: Row) => r.node as Row;
const TIER = { 1: 'PRIMARY', 2: 'SECONDARY', 3: 'TERTIARY' } as Record<number, string>;

/** A list field and its count field over the same loaded, filtered list (lists that come whole from their parent's statement). */
function listAndCount<A>(load: (p: Row, a: A, ctx: Ctx) => Promise<Row[]>, defaultLimit = 20) {
  return {
    list: async (p: Row, a: A & PageArgs, ctx: Ctx) => slice(await load(p, a, ctx), a, defaultLimit),
    count: async (p: Row, a: A, ctx: Ctx) => (await load(p, a, ctx)).length,
  };
}

type ListArgs = Named & { orderBy?: string; kind?: string | null };

/**
 * A nested list cut in Cypher (graph/read/nested.ts) and its count field: the page and the
 * filter go into the statement, so a page of Plan.documents reads one page of documents.
 */
function nested(list: NestedList, keyOf: (p: Row) => unknown, defaultLimit = 20) {
  const args = (a: ListArgs): NestedArgs => ({
    name: text('filter.name', a.filter?.name),
    kind: a.kind ? a.kind.toLowerCase() : null,
    ...(a.orderBy ? { order: a.orderBy } : {}),
  });
  return {
    list: (p: Row, a: ListArgs, ctx: Ctx) => ctx.loaders.nested(list, args(a), pageOf(a, defaultLimit)).load(String(keyOf(p))),
    count: (p: Row, a: ListArgs, ctx: Ctx) => ctx.loaders.nestedCount(list, args(a)).load(String(keyOf(p))),
  };
}

const id = (p: Row) => p.id;
const code = (p: Row) => p.code;

/** documents, documentCount, evidence, evidenceCount of a node read from documents. */
function sourced(label: 'Project' | 'Agency' | 'Enterprise' | 'Plan') {
  const key = label.toLowerCase() as 'project' | 'agency' | 'enterprise' | 'plan';
  const d = nested(`${key}Documents`, id);
  const e = nested(`${key}Evidence`, id, 5);
  return { documents: d.list, documentCount: d.count, evidence: e.list, evidenceCount: e.count };
}

const countyDocuments = nested('countyDocuments', code);
const countyIndustriesList = nested('countyIndustries', code);
const countyIndustries = {
  list: async (p: Row, a: ListArgs, ctx: Ctx) => (await countyIndustriesList.list(p, a, ctx)).map((r) => ({ ...r, county: p })),
  count: countyIndustriesList.count,
};
const countyProjects = nested('countyProjects', code);
const countyTargets = nested('countyTargets', code);
const countyAgencies = nested('countyAgencies', code);
const countyPlans = nested('countyPlans', code);
const countyEnterprises = nested('countyEnterprises', code);

export const County = {
  name: (p: Row) => p.name ?? p.code,
  documents: countyDocuments.list,
  documentCount: countyDocuments.count,
  industries: countyIndustries.list,
  industryCount: countyIndustries.count,
  projects: countyProjects.list,
  projectCount: countyProjects.count,
  targets: countyTargets.list,
  targetCount: countyTargets.count,
  agencies: countyAgencies.list,
  agencyCount: countyAgencies.count,
  plans: countyPlans.list,
  planCount: countyPlans.count,
  enterprises: countyEnterprises.list,
  enterpriseCount: countyEnterprises.count,
  // The page is cut in Cypher: nationally a county resembles nearly every other one.
  similar: (p: Row, a: PageArgs & { metric?: 'JACCARD' | 'COSINE' }, ctx: Ctx) =>
    ctx.loaders.similar(a.metric ?? 'JACCARD', pageOf(a, 5)).load(String(p.code)),
  // Similarity does not depend on the metric for who is in the list, only for the order.
  similarCount: (p: Row, _: unknown, ctx: Ctx) => ctx.loaders.similarCount.load(String(p.code)),
  industryMix: async (p: Row, a: { by?: 'ECONOMIC_SECTOR' | 'SECTION' | 'SEI' }, ctx: Ctx) =>
    (await ctx.loaders.industryMix(a.by ?? 'ECONOMIC_SECTOR').load(String(p.code))).map(node),
};

const pairKey = (p: Row) => countyIndustryKey(String((p.county as Row).code), String((p.industry as Row).id), Boolean(p.narrower));
const pairEvidence = {
  list: async (p: Row, a: PageArgs, ctx: Ctx) => (await ctx.loaders.countyIndustryEvidence(pageOf(a, 3)).load(pairKey(p))).map((r) => r.evidence as Row),
  count: (p: Row, _: unknown, ctx: Ctx) => ctx.loaders.countyIndustryEvidenceCount.load(pairKey(p)),
};

export const CountyIndustry = {
  id: (p: Row) => (p.industry as Row).id,
  name: (p: Row) => (p.industry as Row).name,
  evidence: pairEvidence.list,
  evidenceCount: pairEvidence.count,
};

export const IndustryCounty = {
  code: (p: Row) => (p.county as Row).code,
  name: (p: Row) => (p.county as Row).name ?? (p.county as Row).code,
  evidence: pairEvidence.list,
  evidenceCount: pairEvidence.count,
};

const industryProjects = nested('industryProjects', id);
const cooccurring = listAndCount(
  async (p: Row, a: { orderBy?: 'COUNT' | 'LIFT' | 'JACCARD' }, ctx: Ctx) => ctx.loaders.cooccurring(a.orderBy ?? 'LIFT').load(String(p.id)),
  10,
);

export const Industry = {
  aliases: (p: Row) => p.aliases ?? [],
  candidate: (p: Row) => Boolean(p.candidate),
  section: (p: Row, _: unknown, ctx: Ctx) => (p.sectionCode ? ctx.loaders.sector.load(String(p.sectionCode)) : null),
  division: (p: Row, _: unknown, ctx: Ctx) => (p.divisionCode ? ctx.loaders.sector.load(String(p.divisionCode)) : null),
  economicSector: (p: Row) => TIER[Number(p.tier)] ?? null,
  broader: (p: Row, _: unknown, ctx: Ctx) => ctx.loaders.industryBroader.load(String(p.id)),
  narrower: async (p: Row, _: unknown, ctx: Ctx) => (await ctx.loaders.industryNarrower.load(String(p.id))).map(node),
  // The page is cut in Cypher: nationally a common industry has ~2,000 counties.
  counties: async (p: Row, a: PageArgs & { orderBy?: 'MENTIONS' | 'DOCUMENTS' | 'NAME'; includeNarrower?: boolean | null }, ctx: Ctx) => {
    const narrower = Boolean(a.includeNarrower);
    const rows = await ctx.loaders.industryCounties(narrower, a.orderBy ?? 'MENTIONS', pageOf(a)).load(String(p.id));
    return rows.map((r) => ({ ...r, industry: p, narrower }));
  },
  // A degree without includeNarrower: too many counties to load just to count them.
  countyCount: (p: Row, a: { includeNarrower?: boolean | null }, ctx: Ctx) => ctx.loaders.industryCountyCount(Boolean(a.includeNarrower)).load(String(p.id)),
  projects: industryProjects.list,
  projectCount: industryProjects.count,
  cooccurring: cooccurring.list,
  cooccurringCount: (p: Row, _: unknown, ctx: Ctx) => cooccurring.count(p, {}, ctx),
};

export const Project = {
  county: (p: Row, _: unknown, ctx: Ctx) => (p.countyCode ? ctx.loaders.county.load(String(p.countyCode)) : null),
  industry: (p: Row, _: unknown, ctx: Ctx) => ctx.loaders.projectIndustry.load(String(p.id)),
  ...sourced('Project'),
};

const targetEvidence = nested('targetEvidence', id, 5);

export const Target = {
  indicatorName: (p: Row) => p.indicator,
  indicator: (p: Row, _: unknown, ctx: Ctx) => ctx.loaders.targetIndicator.load(String(p.id)),
  kind: (p: Row) => String(p.kind).toUpperCase(),
  redacted: (p: Row) => Boolean(p.redacted),
  county: (p: Row, _: unknown, ctx: Ctx) => (p.countyCode ? ctx.loaders.county.load(String(p.countyCode)) : null),
  document: (p: Row, _: unknown, ctx: Ctx) => ctx.loaders.document.load(String(p.documentId)),
  evidence: targetEvidence.list,
  evidenceCount: targetEvidence.count,
};

export const Agency = {
  canonical: (p: Row) => p.canonical ?? p.name,
  county: (p: Row, _: unknown, ctx: Ctx) => (p.countyCode ? ctx.loaders.county.load(String(p.countyCode)) : null),
  ...sourced('Agency'),
};

export const Indicator = { canonical: (p: Row) => Boolean(p.canonical) };

export const Enterprise = sourced('Enterprise');
export const Plan = sourced('Plan');

export const Document = {
  masked: (p: Row) => Boolean(p.masked),
  county: async (p: Row, _: unknown, ctx: Ctx) => node((await ctx.loaders.documentCounties.load(String(p.id))).find((r) => r.rel === 'ABOUT') ?? { node: null }),
  suggestedCounty: async (p: Row, _: unknown, ctx: Ctx) =>
    node((await ctx.loaders.documentCounties.load(String(p.id))).find((r) => r.rel === 'SUGGESTS_COUNTY') ?? { node: null }),
  sentences: nested('documentSentences', id).list,
};

export const Sentence = {
  document: (p: Row, _: unknown, ctx: Ctx) => ctx.loaders.document.load(String(p.documentId)),
};

export const Evidence = {
  document: (p: Row, _: unknown, ctx: Ctx) => ctx.loaders.document.load(String(p.documentId)),
  // Set only for paged sources (PDF); absent on the edge for the others.
  page: (p: Row) => (p.page == null ? null : Number(p.page)),
};

// Items of the analytics wrap an industry or a county: its id/code and name are also read directly.
const industryIdName = { id: (p: Row) => (p.industry as Row).id, name: (p: Row) => (p.industry as Row).name };
const countyCodeName = { code: (p: Row) => (p.county as Row).code, name: (p: Row) => (p.county as Row).name ?? (p.county as Row).code };

export const RecurrentIndustry = {
  ...industryIdName,
  // One batched statement for the page's industries, evidence only for the counties returned.
  counties: (p: Row, a: PageArgs, ctx: Ctx) =>
    ctx.loaders.recurrenceCounties(p.scope as RecurrenceScope, pageOf(a)).load(String((p.industry as Row).id)),
};
export const RecurrenceCounty = countyCodeName;
export const Cooccurrence = { ...industryIdName, counties: (p: Row, a: PageArgs) => slice(p.counties as Row[], a) };
export const SimilarCounty = { ...countyCodeName, shared: (p: Row, a: PageArgs) => slice(p.shared as Row[], a) };

const kindOf = (kind: string | null) => (p: Row) => (p.targets as Row[]).filter((t) => kind === null || t.kind === kind);
export const CountyTargets = {
  ...countyCodeName,
  targets: (p: Row, a: PageArgs) => slice(kindOf(null)(p), a),
  targetCount: (p: Row) => (p.targets as Row[]).length,
  goals: (p: Row, a: PageArgs) => slice(kindOf('goal')(p), a),
  results: (p: Row, a: PageArgs) => slice(kindOf('result')(p), a),
  redactedCount: (p: Row) => (p.targets as Row[]).filter((t) => t.redacted).length,
};

export const SearchHit = {
  matched: (p: Row) => p.via,
  type: (p: Row) => String(p.label).toUpperCase(),
  node: (p: Row) => ({ ...(p.node as Row), __typename: p.label }),
};

export const SearchNode = { __resolveType: (n: Row) => n.__typename };
