/** The examples GraphiQL opens with at /graphql: one named operation per headline capability. */
export const EXAMPLE_QUERIES = /* GraphQL */ `# Xianzhi — county reports as a graph. Pick an operation with the ▶ button.
# Every list is a plain list taking limit (≤ 100) and offset; totals are separate count fields
# (counties → countyCount, industryRecurrence → industryRecurrenceCount, County.industries → County.industryCount).

query Counties {
  counties { code name industries { name } }
}

query Recurrence {
  industryRecurrenceCount(minCounties: 2)
  industryRecurrence(minCounties: 2, evidencePerCounty: 1, limit: 10) {
    id name
    industry { economicSector section { code name } }
    countyCount
    counties { code name mentions evidence { snippet sentence { text } } }
  }
}

query Cooccurrence($industry: ID = "新能源") {
  industryCooccurrenceCount(industryId: $industry)
  industryCooccurrence(industryId: $industry, orderBy: LIFT, limit: 10) { name sharedCount lift jaccard counties { name } }
}

query Rollups($industry: ID = "新能源", $code: ID = "140222") {
  industry(id: $industry) {
    name broader { name } narrower { name }
    countyCount(includeNarrower: true)
    counties(includeNarrower: true) { name documents mentions }
  }
  county(code: $code) { name industryMix { code name industryCount mentions } sections: industryMix(by: SECTION) { code name industryCount } }
}

query Similar($code: ID = "411726") {
  similarCounties(code: $code, metric: JACCARD, limit: 5) { code name score sharedCount shared { name } }
}

query CompareTargets($indicator: String = "gdp_growth") {
  indicators(filter: { name: $indicator }) { id name }
  compareTargetsCount(indicator: $indicator)
  compareTargets(indicator: $indicator, limit: 10) {
    code name redactedCount
    targets { kind value unit comparator year redacted document { title } }
  }
}

query Search($q: String = "新能源") {
  searchCount(query: $q)
  search(query: $q, limit: 10) {
    score matched type
    node {
      ... on Industry { id name }
      ... on County { code countyName: name }
      ... on Project { projectName: name investment }
      ... on Sentence { text document { title county { name } } }
    }
  }
}

query County($code: ID = "411726") {
  county(code: $code) {
    code name province city
    documentCount documents { title kind date }
    industryCount industries(limit: 5) { id name documents mentions evidence(limit: 1) { snippet } }
    projectCount projects(limit: 5) { name investment status }
    targetCount targets(limit: 5) { indicatorName value unit year kind redacted }
    agencies(limit: 5) { canonical }
    plans(limit: 5) { name }
    similar(limit: 3) { name score }
  }
}

query Lists {
  countyCount
  counties { code name province industryCount }
  industryCount(filter: { economicSector: SECONDARY })
  industries(filter: { economicSector: SECONDARY }, limit: 5) { name countyCount }
  projects(orderBy: INVESTMENT, direction: DESC, limit: 5) { name investment county { name } }
  targetCount(filter: { redacted: true })
  targets(filter: { redacted: true }, limit: 5) { indicatorName county { name } }
  agencyCount(filter: { name: "局" })
  agencies(filter: { name: "局" }, limit: 5) { canonical county { name } }
  documents { id title kind year county { name } }
}

# Needs the header {"Authorization": "Bearer <XIANZHI_API_TOKEN>"} (the Headers tab below),
# as does removeDocument(id: "example-1").
mutation Ingest {
  ingestDocument(text: "某某县2023年政府工作报告……", metadata: { id: "example-1", kind: "政府工作报告", date: "2023" }) {
    id status county counts { industries targets }
  }
}
`;
