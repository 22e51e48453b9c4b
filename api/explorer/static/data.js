import { fetchAll } from './api.js';

// What the matrix and the network are drawn from: every county, and each industry with the
// counties whose reports name it (industryRecurrence with minCounties 1 lists them all).

const COUNTIES = `query($limit: Int, $offset: Int, $withCount: Boolean!) {
  countyCount @include(if: $withCount)
  counties(orderBy: INDUSTRY_COUNT, direction: DESC, limit: $limit, offset: $offset) { code name province city industryCount }
}`;

const RECURRENCE = `query($limit: Int, $offset: Int, $withCount: Boolean!) {
  industryRecurrenceCount(minCounties: 1) @include(if: $withCount)
  industryRecurrence(minCounties: 1, evidencePerCounty: 0, limit: $limit, offset: $offset) {
    industry { id name candidate } countyCount counties(limit: 100) { code documents mentions }
  }
}`;

/** At national scale there are thousands of counties: the page draws the busiest ones. */
export const MAX_COUNTIES = 60;
export const MAX_INDUSTRIES = 200;

export async function loadOverview() {
  const [counties, recurrence] = await Promise.all([
    fetchAll(COUNTIES, 'counties', 'countyCount', {}, MAX_COUNTIES),
    fetchAll(RECURRENCE, 'industryRecurrence', 'industryRecurrenceCount', {}, MAX_INDUSTRIES),
  ]);
  const industries = recurrence.items.map((r) => ({ ...r.industry, countyCount: r.countyCount }));
  const cells = recurrence.items.flatMap((r) =>
    r.counties.map((c) => ({ industryId: r.industry.id, countyCode: c.code, mentions: c.mentions, documents: c.documents })),
  );
  return {
    counties: counties.items.slice(0, MAX_COUNTIES),
    countyTotal: counties.totalCount,
    industries,
    industryTotal: recurrence.totalCount,
    cells,
  };
}
