import { itemsOf, totalOf, type Direction } from '../../graph/read/page.ts';
import * as c from '../../graph/read/counties.ts';
import * as e from '../../graph/read/entities.ts';
import * as ind from '../../graph/read/industries.ts';
import { industryRecurrence, industryRecurrenceCount } from '../../graph/read/recurrence.ts';
import { industryCooccurrence, industryCooccurrenceCount } from '../../graph/read/cooccurrence.ts';
import { similarCounties, similarCountyCount } from '../../graph/read/similarity.ts';
import { compareTargets, compareTargetsCount } from '../../graph/read/compare-targets.ts';
import { containsSearch, containsSearchCount, luceneQuery, needsContains, search, searchCount, searchTerms, SEARCH_LABELS, type SearchLabel } from '../../graph/read/search.ts';
import { boundedInt, pageOf, text, type PageArgs } from '../args.ts';
import type { ApiContext } from '../context.ts';
import type { Row } from '../loaders.ts';
import type { Query as Cypher } from '../../graph/index.ts';

/**
 * Root query resolvers: check arguments, build the query in graph/read, run it. Each list has a
 * count field beside it that runs its own (cheaper) statement, only when asked.
 */

type Filter = Record<string, any> | null | undefined;
type Args = PageArgs & { filter?: Filter; orderBy?: string; direction?: Direction };

const items = async (ctx: ApiContext, query: Cypher) => itemsOf<Row>(await ctx.read(query));
const total = async (ctx: ApiContext, query: Cypher) => totalOf(await ctx.read(query));

const TIERS: Record<string, number> = { PRIMARY: 1, SECONDARY: 2, TERTIARY: 3 };
const lower = (k: string | null | undefined) => (k ? (k.toLowerCase() as 'goal' | 'result') : null);

function industryFilter(f: Filter): ind.IndustryFilter {
  return {
    name: text('filter.name', f?.name),
    sector: text('filter.sector', f?.sector, 8),
    tier: f?.economicSector ? TIERS[f.economicSector] : null,
    candidates: f?.includeCandidates ?? true,
  };
}

// The filters of each list, shared by the list and its count field.
const countyFilter = (f: Filter) => ({ name: text('filter.name', f?.name), province: f?.province, city: f?.city });
const named = (f: Filter) => ({ ...f, name: text('filter.name', f?.name) });
const targetFilter = (f: Filter) => ({ ...named(f), kind: lower(f?.kind) });
const recurrenceFilter = (f: Filter) => ({
  ...industryFilter(f),
  province: text('filter.province', f?.province),
  kind: text('filter.documentKind', f?.documentKind),
  year: f?.year ?? null,
  narrower: Boolean(f?.includeNarrower),
});
const compareFilter = (f: Filter) => ({
  kind: lower(f?.kind),
  year: f?.year,
  measure: text('filter.measure', f?.measure),
  province: text('filter.province', f?.province),
  onlyWithTargets: f?.onlyWithTargets,
});
const minCounties = (a: { minCounties?: number | null }) => boundedInt('minCounties', a.minCounties, 2, 10_000);
const minShared = (a: { minShared?: number | null }) => boundedInt('minShared', a.minShared, 1, 10_000);
/** Null when nothing searchable is left: no hits, no query. */
const lucene = (query: string) => luceneQuery(String(text('query', query, 500)));
const labels = (types?: string[] | null): SearchLabel[] =>
  types?.length ? SEARCH_LABELS.filter((l) => types.includes(l.toUpperCase())) : [...SEARCH_LABELS];

type Recurrence = Args & { minCounties?: number; evidencePerCounty?: number };
type Cooccurrence = Args & { industryId: string; minShared?: number };
type Similar = Args & { code: string; metric: 'JACCARD' | 'COSINE'; minShared?: number; includeCandidates?: boolean };
type Compare = Args & { indicator: string };
type Search = PageArgs & { query: string; types?: string[] | null };
type Ctx = ApiContext;

export const Query = {
  county: (_: unknown, a: { code: string }, ctx: Ctx) => ctx.loaders.county.load(String(text('code', a.code, 32))),
  industry: (_: unknown, a: { id: string }, ctx: Ctx) => ctx.loaders.industry.load(String(text('id', a.id))),
  document: (_: unknown, a: { id: string }, ctx: Ctx) => ctx.loaders.document.load(String(text('id', a.id))),

  counties: (_: unknown, a: Args, ctx: Ctx) => items(ctx, c.countyList(countyFilter(a.filter), a.orderBy as keyof typeof c.COUNTY_ORDER, a.direction!, pageOf(a))),
  countyCount: (_: unknown, a: Args, ctx: Ctx) => total(ctx, c.countyCount(countyFilter(a.filter))),
  industries: (_: unknown, a: Args, ctx: Ctx) =>
    items(ctx, ind.industryList(industryFilter(a.filter), a.orderBy as keyof typeof ind.INDUSTRY_ORDER, a.direction!, pageOf(a))),
  industryCount: (_: unknown, a: Args, ctx: Ctx) => total(ctx, ind.industryCount(industryFilter(a.filter))),
  projects: (_: unknown, a: Args, ctx: Ctx) => items(ctx, e.projectList(named(a.filter), a.orderBy as keyof typeof e.PROJECT_ORDER, a.direction!, pageOf(a))),
  projectCount: (_: unknown, a: Args, ctx: Ctx) => total(ctx, e.projectCount(named(a.filter))),
  targets: (_: unknown, a: Args, ctx: Ctx) => items(ctx, e.targetList(targetFilter(a.filter), a.orderBy as keyof typeof e.TARGET_ORDER, a.direction!, pageOf(a))),
  targetCount: (_: unknown, a: Args, ctx: Ctx) => total(ctx, e.targetCount(targetFilter(a.filter))),
  agencies: (_: unknown, a: Args, ctx: Ctx) => items(ctx, e.agencyList(named(a.filter), a.orderBy as keyof typeof e.AGENCY_ORDER, a.direction!, pageOf(a))),
  agencyCount: (_: unknown, a: Args, ctx: Ctx) => total(ctx, e.agencyCount(named(a.filter))),
  documents: (_: unknown, a: Args, ctx: Ctx) => items(ctx, e.documentList(named(a.filter), a.orderBy as keyof typeof e.DOCUMENT_ORDER, a.direction!, pageOf(a))),
  documentCount: (_: unknown, a: Args, ctx: Ctx) => total(ctx, e.documentCount(named(a.filter))),
  indicators: (_: unknown, a: Args, ctx: Ctx) => items(ctx, e.namedList('Indicator', named(a.filter), a.orderBy as keyof typeof e.NAMED_ORDER, a.direction!, pageOf(a))),
  indicatorCount: (_: unknown, a: Args, ctx: Ctx) => total(ctx, e.namedCount('Indicator', named(a.filter))),
  enterprises: (_: unknown, a: Args, ctx: Ctx) => items(ctx, e.namedList('Enterprise', named(a.filter), a.orderBy as keyof typeof e.NAMED_ORDER, a.direction!, pageOf(a))),
  enterpriseCount: (_: unknown, a: Args, ctx: Ctx) => total(ctx, e.namedCount('Enterprise', named(a.filter))),
  plans: (_: unknown, a: Args, ctx: Ctx) => items(ctx, e.namedList('Plan', named(a.filter), a.orderBy as keyof typeof e.NAMED_ORDER, a.direction!, pageOf(a))),
  planCount: (_: unknown, a: Args, ctx: Ctx) => total(ctx, e.namedCount('Plan', named(a.filter))),

  industryRecurrence: async (_: unknown, a: Recurrence, ctx: Ctx) => {
    const scope = { filter: recurrenceFilter(a.filter), evidenceLimit: boundedInt('evidencePerCounty', a.evidencePerCounty, 3, 20) };
    // Each item carries what was asked, so RecurrentIndustry.counties reads the same counties.
    return (await items(ctx, industryRecurrence(scope.filter, minCounties(a), pageOf(a)))).map((i) => ({ ...i, scope }));
  },
  industryRecurrenceCount: (_: unknown, a: Recurrence, ctx: Ctx) => total(ctx, industryRecurrenceCount(recurrenceFilter(a.filter), minCounties(a))),
  industryCooccurrence: (_: unknown, a: Cooccurrence, ctx: Ctx) =>
    items(
      ctx,
      industryCooccurrence(String(text('industryId', a.industryId)), industryFilter(a.filter), minShared(a), a.orderBy as 'COUNT' | 'LIFT' | 'JACCARD', a.direction!, pageOf(a)),
    ),
  industryCooccurrenceCount: (_: unknown, a: Cooccurrence, ctx: Ctx) =>
    total(ctx, industryCooccurrenceCount(String(text('industryId', a.industryId)), industryFilter(a.filter), minShared(a))),
  similarCounties: (_: unknown, a: Similar, ctx: Ctx) =>
    items(ctx, similarCounties(String(text('code', a.code, 32)), a.metric, minShared(a), a.includeCandidates ?? true, pageOf(a))),
  similarCountyCount: (_: unknown, a: Similar, ctx: Ctx) => total(ctx, similarCountyCount(String(text('code', a.code, 32)), minShared(a), a.includeCandidates ?? true)),
  compareTargets: (_: unknown, a: Compare, ctx: Ctx) => items(ctx, compareTargets(String(text('indicator', a.indicator)), compareFilter(a.filter), pageOf(a))),
  compareTargetsCount: (_: unknown, a: Compare, ctx: Ctx) => total(ctx, compareTargetsCount(String(text('indicator', a.indicator)), compareFilter(a.filter))),
  search: async (_: unknown, a: Search, ctx: Ctx) => {
    const p = pageOf(a);
    const terms = searchTerms(String(text('query', a.query, 500)));
    if (terms && needsContains(terms)) return items(ctx, containsSearch(terms, labels(a.types), p));
    const l = lucene(a.query);
    return l ? items(ctx, search(l, labels(a.types), p)) : [];
  },
  searchCount: async (_: unknown, a: Search, ctx: Ctx) => {
    const terms = searchTerms(String(text('query', a.query, 500)));
    if (terms && needsContains(terms)) return total(ctx, containsSearchCount(terms, labels(a.types)));
    const l = lucene(a.query);
    return l ? total(ctx, searchCount(l, labels(a.types))) : 0;
  },
};
