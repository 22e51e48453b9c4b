import { toPaged, type Direction } from '../../graph/read/page.ts';
import * as c from '../../graph/read/counties.ts';
import * as e from '../../graph/read/entities.ts';
import * as ind from '../../graph/read/industries.ts';
import { industryRecurrence } from '../../graph/read/recurrence.ts';
import { industryCooccurrence } from '../../graph/read/cooccurrence.ts';
import { similarCounties } from '../../graph/read/similarity.ts';
import { compareTargets } from '../../graph/read/compare-targets.ts';
import { luceneQuery, search, SEARCH_LABELS, type SearchLabel } from '../../graph/read/search.ts';
import { boundedInt, pageOf, text, type PageArgs } from '../args.ts';
import type { ApiContext } from '../context.ts';
import type { Row } from '../loaders.ts';

/** Root query resolvers: check arguments, build the query in graph/read, run it, shape the page. */

type Args = PageArgs & { filter?: Record<string, any> | null; orderBy?: string; direction?: Direction };

const page = (rows: Row[]) => {
  const p = toPaged<Row>(rows);
  return { totalCount: p.total, items: p.items };
};

const TIERS: Record<string, number> = { PRIMARY: 1, SECONDARY: 2, TERTIARY: 3 };
const lower = (k: string | null | undefined) => (k ? (k.toLowerCase() as 'goal' | 'result') : null);

function industryFilter(f: Record<string, any> | null | undefined): ind.IndustryFilter {
  return {
    name: text('filter.name', f?.name),
    sector: text('filter.sector', f?.sector, 8),
    tier: f?.economicSector ? TIERS[f.economicSector] : null,
    candidates: f?.includeCandidates ?? true,
  };
}

export const Query = {
  county: (_: unknown, a: { code: string }, ctx: ApiContext) => ctx.loaders.county.load(String(text('code', a.code, 32))),
  industry: (_: unknown, a: { id: string }, ctx: ApiContext) => ctx.loaders.industry.load(String(text('id', a.id))),
  document: (_: unknown, a: { id: string }, ctx: ApiContext) => ctx.loaders.document.load(String(text('id', a.id))),

  counties: async (_: unknown, a: Args, ctx: ApiContext) =>
    page(await ctx.read(c.countyList({ name: text('filter.name', a.filter?.name), province: a.filter?.province, city: a.filter?.city }, a.orderBy as keyof typeof c.COUNTY_ORDER, a.direction!, pageOf(a)))),
  industries: async (_: unknown, a: Args, ctx: ApiContext) =>
    page(await ctx.read(ind.industryList(industryFilter(a.filter), a.orderBy as keyof typeof ind.INDUSTRY_ORDER, a.direction!, pageOf(a)))),
  projects: async (_: unknown, a: Args, ctx: ApiContext) =>
    page(await ctx.read(e.projectList({ ...a.filter, name: text('filter.name', a.filter?.name) }, a.orderBy as keyof typeof e.PROJECT_ORDER, a.direction!, pageOf(a)))),
  targets: async (_: unknown, a: Args, ctx: ApiContext) =>
    page(
      await ctx.read(
        e.targetList({ ...a.filter, name: text('filter.name', a.filter?.name), kind: lower(a.filter?.kind) }, a.orderBy as keyof typeof e.TARGET_ORDER, a.direction!, pageOf(a)),
      ),
    ),
  agencies: async (_: unknown, a: Args, ctx: ApiContext) =>
    page(await ctx.read(e.agencyList({ ...a.filter, name: text('filter.name', a.filter?.name) }, a.orderBy as keyof typeof e.AGENCY_ORDER, a.direction!, pageOf(a)))),
  documents: async (_: unknown, a: Args, ctx: ApiContext) =>
    page(await ctx.read(e.documentList({ ...a.filter, name: text('filter.name', a.filter?.name) }, a.orderBy as keyof typeof e.DOCUMENT_ORDER, a.direction!, pageOf(a)))),
  indicators: async (_: unknown, a: Args, ctx: ApiContext) =>
    page(await ctx.read(e.namedList('Indicator', { name: text('filter.name', a.filter?.name) }, a.orderBy as keyof typeof e.NAMED_ORDER, a.direction!, pageOf(a)))),
  enterprises: async (_: unknown, a: Args, ctx: ApiContext) =>
    page(await ctx.read(e.namedList('Enterprise', { name: text('filter.name', a.filter?.name) }, a.orderBy as keyof typeof e.NAMED_ORDER, a.direction!, pageOf(a)))),
  plans: async (_: unknown, a: Args, ctx: ApiContext) =>
    page(await ctx.read(e.namedList('Plan', { name: text('filter.name', a.filter?.name) }, a.orderBy as keyof typeof e.NAMED_ORDER, a.direction!, pageOf(a)))),

  industryRecurrence: async (_: unknown, a: Args & { minCounties?: number; evidencePerCounty?: number }, ctx: ApiContext) => {
    const f = a.filter;
    const rows = await ctx.read(
      industryRecurrence(
        { ...industryFilter(f), province: text('filter.province', f?.province), kind: text('filter.documentKind', f?.documentKind), year: f?.year ?? null },
        boundedInt('minCounties', a.minCounties, 2, 10_000),
        boundedInt('evidencePerCounty', a.evidencePerCounty, 3, 20),
        pageOf(a),
      ),
    );
    return page(rows);
  },
  industryCooccurrence: async (_: unknown, a: Args & { industryId: string; minShared?: number }, ctx: ApiContext) =>
    page(
      await ctx.read(
        industryCooccurrence(
          String(text('industryId', a.industryId)),
          industryFilter(a.filter),
          boundedInt('minShared', a.minShared, 1, 10_000),
          a.orderBy as 'COUNT' | 'LIFT' | 'JACCARD',
          a.direction!,
          pageOf(a),
        ),
      ),
    ),
  similarCounties: async (_: unknown, a: Args & { code: string; metric: 'JACCARD' | 'COSINE'; minShared?: number; includeCandidates?: boolean }, ctx: ApiContext) =>
    page(
      await ctx.read(
        similarCounties(String(text('code', a.code, 32)), a.metric, boundedInt('minShared', a.minShared, 1, 10_000), a.includeCandidates ?? true, pageOf(a)),
      ),
    ),
  compareTargets: async (_: unknown, a: Args & { indicator: string }, ctx: ApiContext) => {
    const f = a.filter;
    const [row] = await ctx.read(
      compareTargets(
        String(text('indicator', a.indicator)),
        { kind: lower(f?.kind), year: f?.year, measure: text('filter.measure', f?.measure), province: text('filter.province', f?.province), onlyWithTargets: f?.onlyWithTargets },
        pageOf(a),
      ),
    );
    return { indicators: row?.indicators ?? [], totalCount: row?.total ?? 0, items: row?.items ?? [] };
  },
  search: async (_: unknown, a: PageArgs & { query: string; types?: string[] | null }, ctx: ApiContext) => {
    const p = pageOf(a);
    const lucene = luceneQuery(String(text('query', a.query, 500)));
    if (!lucene) return { totalCount: 0, items: [] };
    const labels: SearchLabel[] = a.types?.length
      ? SEARCH_LABELS.filter((l) => a.types!.includes(l.toUpperCase()))
      : [...SEARCH_LABELS];
    return page(await ctx.read(search(lucene, labels, p)));
  },
};
