/** The examples GraphiQL opens with at /graphql: one named operation per headline capability. */
export const EXAMPLE_QUERIES = /* GraphQL */ `# Xianzhi — county reports as a graph. Pick an operation with the ▶ button.
# Every list takes limit (≤ 100) and offset and answers { totalCount items }.

query Recurrence {
  industryRecurrence(minCounties: 2, evidencePerCounty: 1, limit: 10) {
    totalCount
    items {
      industry { id name economicSector section { code name } }
      countyCount
      counties { county { code name } mentions evidence { snippet sentence { text } } }
    }
  }
}

query Cooccurrence($industry: ID = "新能源") {
  industryCooccurrence(industryId: $industry, orderBy: LIFT, limit: 10) {
    totalCount
    items { industry { name } sharedCount lift jaccard counties { name } }
  }
}

query Similar($code: ID = "411726") {
  similarCounties(code: $code, metric: JACCARD, limit: 5) {
    items { county { code name } score sharedCount shared { name } }
  }
}

query CompareTargets($indicator: String = "地区生产总值") {
  compareTargets(indicator: $indicator, limit: 10) {
    indicators { id name }
    items { county { name } redactedCount targets { kind value unit comparator year redacted document { title } } }
  }
}

query Search($q: String = "新能源") {
  search(query: $q, limit: 10) {
    totalCount
    items {
      score matched type
      node {
        ... on Industry { id name }
        ... on County { code countyName: name }
        ... on Project { projectName: name investment }
        ... on Sentence { text document { title county { name } } }
      }
    }
  }
}

query County($code: ID = "411726") {
  county(code: $code) {
    code name province city
    documents { items { title kind date } }
    industries(limit: 5) { totalCount items { industry { name } documents mentions evidence(limit: 1) { items { snippet } } } }
    projects(limit: 5) { totalCount items { name investment status } }
    targets(limit: 5) { totalCount items { indicatorName value unit year kind redacted } }
    agencies(limit: 5) { items { canonical } }
    plans(limit: 5) { items { name } }
    similar(limit: 3) { items { county { name } score } }
  }
}

query Lists {
  counties { totalCount items { code name province industryCount } }
  industries(filter: { economicSector: SECONDARY }, limit: 5) { totalCount items { name countyCount } }
  projects(orderBy: INVESTMENT, direction: DESC, limit: 5) { items { name investment county { name } } }
  targets(filter: { redacted: true }, limit: 5) { totalCount items { indicatorName county { name } } }
  agencies(filter: { name: "局" }, limit: 5) { totalCount items { canonical county { name } } }
  documents { items { id title kind year county { name } } }
}

# Needs the header {"Authorization": "Bearer <XIANZHI_API_TOKEN>"} (the Headers tab below).
mutation Ingest {
  ingestDocument(text: "某某县2023年政府工作报告……", metadata: { id: "example-1", kind: "政府工作报告", date: "2023" }) {
    id status county counts { industries targets }
  }
}
`;
