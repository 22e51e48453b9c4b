import { nameMatches, slice, type PageArgs } from '../args.ts';
import type { ApiContext } from '../context.ts';
import type { Row } from '../loaders.ts';

/**
 * Field resolvers of the object types. Each nested list asks a per-request DataLoader (one batched
 * query per field level) and pages the parent's list in memory; scalar fields read the node's
 * properties as they are.
 */

type Ctx = ApiContext;
type Named = PageArgs & { filter?: { name?: string | null } | null };
const node = (r: Row) => r.node as Row;
const TIER = { 1: 'PRIMARY', 2: 'SECONDARY', 3: 'TERTIARY' } as Record<number, string>;

/** Weighted county–industry pairs from either side, sorted by the asked weight. */
function weighted(rows: Row[], orderBy: string, nameOf: (r: Row) => string) {
  const sorted = [...rows];
  if (orderBy === 'DOCUMENTS') sorted.sort((a, b) => Number(b.documents) - Number(a.documents) || Number(b.mentions) - Number(a.mentions));
  else if (orderBy === 'NAME') sorted.sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'zh'));
  return sorted;
}

const evidencePage = (label: 'Project' | 'Target' | 'Agency' | 'Enterprise' | 'Plan') => async (p: Row, a: PageArgs, ctx: Ctx) =>
  slice((await ctx.loaders.evidence(label).load(String(p.id))).map((r) => r.evidence as Row), a, 5);

const documentsPage = (label: 'Project' | 'Agency' | 'Enterprise' | 'Plan') => async (p: Row, a: PageArgs, ctx: Ctx) =>
  slice((await ctx.loaders.mentioning(label).load(String(p.id))).map(node), a);

export const County = {
  documents: async (p: Row, a: PageArgs, ctx: Ctx) => slice((await ctx.loaders.countyDocuments.load(String(p.code))).map(node), a),
  industries: async (p: Row, a: Named & { orderBy: string }, ctx: Ctx) => {
    const rows = (await ctx.loaders.countyIndustries.load(String(p.code))).filter((r) =>
      nameMatches(a.filter?.name, (r.industry as Row).name),
    );
    const items = weighted(rows, a.orderBy, (r) => String((r.industry as Row).name)).map((r) => ({ ...r, county: p }));
    return slice(items, a);
  },
  industryCount: async (p: Row, _: unknown, ctx: Ctx) => (await ctx.loaders.countyIndustries.load(String(p.code))).length,
  projects: async (p: Row, a: Named, ctx: Ctx) =>
    slice((await ctx.loaders.countyProjects.load(String(p.code))).map(node).filter((n) => nameMatches(a.filter?.name, n.name)), a),
  targets: async (p: Row, a: Named & { kind?: string | null }, ctx: Ctx) =>
    slice(
      (await ctx.loaders.countyTargets.load(String(p.code)))
        .map(node)
        .filter((n) => nameMatches(a.filter?.name, n.indicator, n.indicatorId) && (!a.kind || n.kind === a.kind.toLowerCase())),
      a,
    ),
  agencies: async (p: Row, a: Named, ctx: Ctx) =>
    slice((await ctx.loaders.countyAgencies.load(String(p.code))).map(node).filter((n) => nameMatches(a.filter?.name, n.name, n.canonical)), a),
  plans: async (p: Row, a: Named, ctx: Ctx) =>
    slice((await ctx.loaders.countyPlans.load(String(p.code))).map(node).filter((n) => nameMatches(a.filter?.name, n.name)), a),
  enterprises: async (p: Row, a: Named, ctx: Ctx) =>
    slice((await ctx.loaders.countyEnterprises.load(String(p.code))).map(node).filter((n) => nameMatches(a.filter?.name, n.name)), a),
  similar: async (p: Row, a: PageArgs & { metric: 'JACCARD' | 'COSINE' }, ctx: Ctx) =>
    slice(await ctx.loaders.similar(a.metric).load(String(p.code)), a, 5),
};

export const CountyIndustry = {
  evidence: async (p: Row, a: PageArgs, ctx: Ctx) =>
    slice(
      (await ctx.loaders.countyIndustryEvidence.load(`${(p.county as Row).code}|${(p.industry as Row).id}`)).map((r) => r.evidence as Row),
      a,
      3,
    ),
};

export const Industry = {
  aliases: (p: Row) => p.aliases ?? [],
  candidate: (p: Row) => Boolean(p.candidate),
  section: (p: Row, _: unknown, ctx: Ctx) => (p.sectionCode ? ctx.loaders.sector.load(String(p.sectionCode)) : null),
  division: (p: Row, _: unknown, ctx: Ctx) => (p.divisionCode ? ctx.loaders.sector.load(String(p.divisionCode)) : null),
  economicSector: (p: Row) => TIER[Number(p.tier)] ?? null,
  countyCount: async (p: Row, _: unknown, ctx: Ctx) => (await ctx.loaders.industryCounties.load(String(p.id))).length,
  counties: async (p: Row, a: PageArgs & { orderBy: string }, ctx: Ctx) => {
    const rows = await ctx.loaders.industryCounties.load(String(p.id));
    return slice(weighted(rows, a.orderBy, (r) => String((r.county as Row).name)).map((r) => ({ ...r, industry: p })), a);
  },
  projects: async (p: Row, a: PageArgs, ctx: Ctx) => slice((await ctx.loaders.industryProjects.load(String(p.id))).map(node), a),
  cooccurring: async (p: Row, a: PageArgs & { orderBy: 'COUNT' | 'LIFT' | 'JACCARD' }, ctx: Ctx) =>
    slice(await ctx.loaders.cooccurring(a.orderBy).load(String(p.id)), a, 10),
};

export const Project = {
  county: (p: Row, _: unknown, ctx: Ctx) => (p.countyCode ? ctx.loaders.county.load(String(p.countyCode)) : null),
  industry: (p: Row, _: unknown, ctx: Ctx) => ctx.loaders.projectIndustry.load(String(p.id)),
  documents: documentsPage('Project'),
  evidence: evidencePage('Project'),
};

export const Target = {
  indicatorName: (p: Row) => p.indicator,
  indicator: (p: Row, _: unknown, ctx: Ctx) => ctx.loaders.targetIndicator.load(String(p.id)),
  kind: (p: Row) => String(p.kind).toUpperCase(),
  redacted: (p: Row) => Boolean(p.redacted),
  county: (p: Row, _: unknown, ctx: Ctx) => (p.countyCode ? ctx.loaders.county.load(String(p.countyCode)) : null),
  document: (p: Row, _: unknown, ctx: Ctx) => ctx.loaders.document.load(String(p.documentId)),
  evidence: evidencePage('Target'),
};

export const Agency = {
  canonical: (p: Row) => p.canonical ?? p.name,
  county: (p: Row, _: unknown, ctx: Ctx) => (p.countyCode ? ctx.loaders.county.load(String(p.countyCode)) : null),
  documents: documentsPage('Agency'),
  evidence: evidencePage('Agency'),
};

export const Enterprise = { documents: documentsPage('Enterprise'), evidence: evidencePage('Enterprise') };
export const Plan = { documents: documentsPage('Plan'), evidence: evidencePage('Plan') };

export const Document = {
  masked: (p: Row) => Boolean(p.masked),
  county: async (p: Row, _: unknown, ctx: Ctx) => node((await ctx.loaders.documentCounties.load(String(p.id))).find((r) => r.rel === 'ABOUT') ?? { node: null }),
  suggestedCounty: async (p: Row, _: unknown, ctx: Ctx) =>
    node((await ctx.loaders.documentCounties.load(String(p.id))).find((r) => r.rel === 'SUGGESTS_COUNTY') ?? { node: null }),
  sentences: async (p: Row, a: PageArgs, ctx: Ctx) => slice((await ctx.loaders.documentSentences.load(String(p.id))).map(node), a),
};

export const Sentence = {
  document: (p: Row, _: unknown, ctx: Ctx) => ctx.loaders.document.load(String(p.documentId)),
};

export const Evidence = {
  document: (p: Row, _: unknown, ctx: Ctx) => ctx.loaders.document.load(String(p.documentId)),
};

export const CountyTargets = {
  goals: (p: Row) => (p.targets as Row[]).filter((t) => t.kind === 'goal'),
  results: (p: Row) => (p.targets as Row[]).filter((t) => t.kind === 'result'),
  redactedCount: (p: Row) => (p.targets as Row[]).filter((t) => t.redacted).length,
};

export const SearchHit = {
  matched: (p: Row) => p.via,
  type: (p: Row) => String(p.label).toUpperCase(),
  node: (p: Row) => ({ ...(p.node as Row), __typename: p.label }),
};

export const SearchNode = { __resolveType: (n: Row) => n.__typename };
