/**
 * The GraphQL schema. Every list is a plain list, paginated the same way: `limit` (default 20, at
 * most MAX_PAGE_SIZE) and `offset` (default 0); every list that can be sorted takes `orderBy` and
 * `direction`, and lists a `filter` with `name`. Totals are separate count fields, named after
 * the list — `counties` → `countyCount`, `industryRecurrence` → `industryRecurrenceCount`,
 * `County.projects` → `County.projectCount` — taking the list's filter arguments (not its page),
 * so a client that does not ask for a total never pays for one.
 */
export const typeDefs = /* GraphQL */ `
"""Sort direction."""
enum Direction { ASC DESC }

"""三次产业: primary (农林牧渔), secondary (工业, 建筑), tertiary (服务业)."""
enum EconomicSector { PRIMARY SECONDARY TERTIARY }

enum TargetKind {
  "what a document sets out to reach"
  GOAL
  "what a document reports as done"
  RESULT
}

enum SimilarityMetric {
  "|A∩B| / |A∪B| over the counties' industry sets"
  JACCARD
  "|A∩B| / √(|A|·|B|) over the counties' industry sets (binary vectors)"
  COSINE
}

enum CooccurrenceOrder { COUNT LIFT JACCARD }
enum CountyOrder { CODE NAME PROVINCE INDUSTRY_COUNT DOCUMENT_COUNT }
enum IndustryOrder { COUNTY_COUNT NAME ID SECTOR }
enum ProjectOrder { NAME INVESTMENT COUNTY }
enum TargetOrder { INDICATOR COUNTY YEAR VALUE }
enum AgencyOrder { NAME COUNTY }
enum NamedOrder { NAME MENTIONS }
enum DocumentOrder { DATE TITLE ID }
enum WeightOrder { MENTIONS DOCUMENTS NAME }

"How County.industryMix groups a county's industries."
enum IndustryGrouping {
  "三次产业: PRIMARY, SECONDARY, TERTIARY"
  ECONOMIC_SECTOR
  "GB/T 4754-2017 门类 (A–T)"
  SECTION
  "战略性新兴产业 category (1–9); industries outside them are left out"
  SEI
}

enum SearchType { COUNTY INDUSTRY PROJECT AGENCY ENTERPRISE PLAN INDICATOR SENTENCE }
enum SearchMatch { NAME SENTENCE }

type Query {
  "One county by its GB/T 2260 code, e.g. 411726."
  county(code: ID!): County
  counties(filter: CountyFilter, orderBy: CountyOrder = CODE, direction: Direction = ASC, limit: Int = 20, offset: Int = 0): [County!]!
  countyCount(filter: CountyFilter): Int!
  "One industry by its taxonomy id (or candidate:<name>), or by one of its aliases (文旅 → 文化旅游)."
  industry(id: ID!): Industry
  industries(filter: IndustryFilter, orderBy: IndustryOrder = COUNTY_COUNT, direction: Direction = DESC, limit: Int = 20, offset: Int = 0): [Industry!]!
  industryCount(filter: IndustryFilter): Int!
  projects(filter: ProjectFilter, orderBy: ProjectOrder = NAME, direction: Direction = ASC, limit: Int = 20, offset: Int = 0): [Project!]!
  projectCount(filter: ProjectFilter): Int!
  targets(filter: TargetFilter, orderBy: TargetOrder = INDICATOR, direction: Direction = ASC, limit: Int = 20, offset: Int = 0): [Target!]!
  targetCount(filter: TargetFilter): Int!
  agencies(filter: AgencyFilter, orderBy: AgencyOrder = NAME, direction: Direction = ASC, limit: Int = 20, offset: Int = 0): [Agency!]!
  agencyCount(filter: AgencyFilter): Int!
  documents(filter: DocumentFilter, orderBy: DocumentOrder = DATE, direction: Direction = ASC, limit: Int = 20, offset: Int = 0): [Document!]!
  documentCount(filter: DocumentFilter): Int!
  document(id: ID!): Document
  "Indicators by name or id; indicators(filter: {name: X}) are exactly the indicators compareTargets(indicator: X) compares."
  indicators(filter: NameFilter, orderBy: NamedOrder = NAME, direction: Direction = ASC, limit: Int = 20, offset: Int = 0): [Indicator!]!
  indicatorCount(filter: NameFilter): Int!
  enterprises(filter: NameFilter, orderBy: NamedOrder = NAME, direction: Direction = ASC, limit: Int = 20, offset: Int = 0): [Enterprise!]!
  enterpriseCount(filter: NameFilter): Int!
  plans(filter: NameFilter, orderBy: NamedOrder = NAME, direction: Direction = ASC, limit: Int = 20, offset: Int = 0): [Plan!]!
  planCount(filter: NameFilter): Int!

  "Industries ranked by the number of distinct counties that develop them, with those counties and evidence sentences."
  industryRecurrence(filter: RecurrenceFilter, minCounties: Int = 2, evidencePerCounty: Int = 3, limit: Int = 20, offset: Int = 0): [RecurrentIndustry!]!
  industryRecurrenceCount(filter: RecurrenceFilter, minCounties: Int = 2): Int!
  "For one industry, the industries developed by the same counties, with counts, lift and Jaccard."
  industryCooccurrence(industryId: ID!, filter: IndustryFilter, minShared: Int = 1, orderBy: CooccurrenceOrder = LIFT, direction: Direction = DESC, limit: Int = 20, offset: Int = 0): [Cooccurrence!]!
  industryCooccurrenceCount(industryId: ID!, filter: IndustryFilter, minShared: Int = 1): Int!
  "The counties most alike to one county by industry profile, with the industries they share."
  similarCounties(code: ID!, metric: SimilarityMetric = JACCARD, minShared: Int = 1, includeCandidates: Boolean = true, limit: Int = 20, offset: Int = 0): [SimilarCounty!]!
  similarCountyCount(code: ID!, minShared: Int = 1, includeCandidates: Boolean = true): Int!
  "For one indicator — a catalogue id (gdp, gdp_growth …: exactly that indicator) or else part of a name (a search) — every county's targets side by side, counties with a target first; redacted ones marked. The indicators matched: indicators(filter: {name: indicator})."
  compareTargets(indicator: String!, filter: CompareTargetsFilter, limit: Int = 20, offset: Int = 0): [CountyTargets!]!
  "How many counties compareTargets lists."
  compareTargetsCount(indicator: String!, filter: CompareTargetsFilter): Int!
  "Full-text search over names (counties, industries, projects, agencies, enterprises, plans, indicators) and sentences. Terms are ANDed; no query syntax."
  search(query: String!, types: [SearchType!], limit: Int = 20, offset: Int = 0): [SearchHit!]!
  searchCount(query: String!, types: [SearchType!]): Int!
}

type Mutation {
  """
  Ingests one report's text (idempotent by id: the same id replaces that document's facts).
  Needs 'Authorization: Bearer <XIANZHI_API_TOKEN>'; without a configured token the API is read-only.
  """
  ingestDocument(text: String!, metadata: DocumentMetadataInput): IngestResult!
  """
  Removes a document and everything only it supported (its sentences, targets, evidence; facts,
  indicators, sectors and counties nothing else holds), recomputing its county's DEVELOPS edges.
  true when it was there. Needs the token, as ingestDocument.
  """
  removeDocument(id: ID!): Boolean!
}

input NameFilter { "case-insensitive substring of the name" name: String }
input CountyFilter { name: String, province: String, city: String }
input IndustryFilter {
  name: String
  "GB/T 4754-2017 门类 letter (C) or 大类 code (13)"
  sector: String
  economicSector: EconomicSector
  "include candidate industries (X产业 phrases outside the taxonomy); default true"
  includeCandidates: Boolean
}
input RecurrenceFilter {
  name: String
  sector: String
  economicSector: EconomicSector
  includeCandidates: Boolean
  province: String
  "document kind the mentions come from, e.g. 政府工作报告"
  documentKind: String
  "document year the mentions come from"
  year: Int
  "count a county for an industry when it develops the industry or one below it in the hierarchy (光伏, 风电 → 新能源); default false"
  includeNarrower: Boolean
}
input ProjectFilter { name: String, county: ID, industry: ID, status: String, minInvestment: Float }
input TargetFilter { "indicator id or part of its name" name: String, county: ID, kind: TargetKind, year: Int, redacted: Boolean, document: ID }
input AgencyFilter { name: String, county: ID, level: String }
input DocumentFilter { "part of the title or id" name: String, county: ID, kind: String, year: Int, masked: Boolean }
input CompareTargetsFilter { kind: TargetKind, year: Int, measure: String, province: String, onlyWithTargets: Boolean }
input DocumentMetadataInput {
  "document id; the same id replaces the earlier version"
  id: ID
  file: String
  title: String
  kind: String
  date: String
  masked: Boolean
  county: CountyInput
}
input CountyInput { code: String, name: String, province: String, city: String }

type County {
  code: ID!
  "the county's name (its code when no document named it)"
  name: String!
  province: String
  city: String
  documents(limit: Int = 20, offset: Int = 0): [Document!]!
  documentCount: Int!
  "the industries the county develops, each with its name and id and the weight of the evidence"
  industries(orderBy: WeightOrder = MENTIONS, filter: NameFilter, limit: Int = 20, offset: Int = 0): [CountyIndustry!]!
  industryCount(filter: NameFilter): Int!
  projects(filter: NameFilter, limit: Int = 20, offset: Int = 0): [Project!]!
  projectCount(filter: NameFilter): Int!
  targets(filter: NameFilter, kind: TargetKind, limit: Int = 20, offset: Int = 0): [Target!]!
  targetCount(filter: NameFilter, kind: TargetKind): Int!
  agencies(filter: NameFilter, limit: Int = 20, offset: Int = 0): [Agency!]!
  agencyCount(filter: NameFilter): Int!
  plans(filter: NameFilter, limit: Int = 20, offset: Int = 0): [Plan!]!
  planCount(filter: NameFilter): Int!
  enterprises(filter: NameFilter, limit: Int = 20, offset: Int = 0): [Enterprise!]!
  enterpriseCount(filter: NameFilter): Int!
  similar(metric: SimilarityMetric = JACCARD, limit: Int = 5, offset: Int = 0): [SimilarCounty!]!
  "the county's industries grouped by 三次产业, 门类 or 战略性新兴产业 category, most mentions first"
  industryMix(by: IndustryGrouping = ECONOMIC_SECTOR): [IndustryGroup!]!
  "counties sharing at least one industry with this one"
  similarCount: Int!
}

"An industry a county develops (County.industries): the industry's id and name, how many of the county's documents name it, how often, and where."
type CountyIndustry {
  id: ID!
  name: String!
  industry: Industry!
  county: County!
  "how many of the county's documents name the industry"
  documents: Int!
  "how often the county's documents name it: every occurrence in the text (evidence is capped, this is not)"
  mentions: Int!
  confidence: Float
  evidence(limit: Int = 3, offset: Int = 0): [Evidence!]!
  "stored evidence sentences (at most 5 per document): not a count of occurrences, see mentions"
  evidenceCount: Int!
}

"A county developing an industry (Industry.counties): the county's code and name, and the same weights."
type IndustryCounty {
  code: ID!
  name: String!
  county: County!
  industry: Industry!
  documents: Int!
  mentions: Int!
  confidence: Float
  evidence(limit: Int = 3, offset: Int = 0): [Evidence!]!
  evidenceCount: Int!
}

type Sector { code: ID!, name: String, "门类 or 大类" level: String }

"One group of County.industryMix."
type IndustryGroup {
  "PRIMARY/SECONDARY/TERTIARY, a 门类 letter, or a 战略性新兴产业 category code"
  code: ID!
  name: String
  "how many of the group's industries the county develops"
  industryCount: Int!
  "their mentions (occurrences in the county's documents), summed"
  mentions: Int!
}

type Industry {
  id: ID!
  name: String!
  aliases: [String!]!
  candidate: Boolean!
  "GB/T 4754-2017 门类"
  section: Sector
  "GB/T 4754-2017 大类"
  division: Sector
  economicSector: EconomicSector
  "战略性新兴产业 category"
  seiCode: String
  seiName: String
  "the industry above this one in the taxonomy (光伏 → 新能源)"
  broader: Industry
  "the industries directly below this one"
  narrower: [Industry!]!
  "counties developing the industry; includeNarrower: or one below it (weights summed over them)"
  counties(includeNarrower: Boolean = false, orderBy: WeightOrder = MENTIONS, limit: Int = 20, offset: Int = 0): [IndustryCounty!]!
  "counties that develop the industry (includeNarrower: or one below it)"
  countyCount(includeNarrower: Boolean = false): Int!
  projects(limit: Int = 20, offset: Int = 0): [Project!]!
  projectCount: Int!
  cooccurring(orderBy: CooccurrenceOrder = LIFT, limit: Int = 10, offset: Int = 0): [Cooccurrence!]!
  cooccurringCount: Int!
}

type Project {
  id: ID!
  name: String!
  county: County
  industry: Industry
  "investment in 亿元 when stated"
  investment: Float
  capacityValue: Float
  capacityUnit: String
  status: String
  documents(limit: Int = 20, offset: Int = 0): [Document!]!
  documentCount: Int!
  evidence(limit: Int = 5, offset: Int = 0): [Evidence!]!
  evidenceCount: Int!
}

type Target {
  id: ID!
  "the indicator as written"
  indicatorName: String!
  indicator: Indicator
  value: Float
  unit: String
  comparator: String
  year: Int
  baseline: Float
  measure: String
  "true when the source masks the value (XX)"
  redacted: Boolean!
  kind: TargetKind!
  confidence: Float
  county: County
  document: Document
  evidence(limit: Int = 5, offset: Int = 0): [Evidence!]!
  evidenceCount: Int!
}

"""
What a target measures. Canonical indicators come from the catalogue (data/lexicons/indicators.json:
id gdp, gdp_growth, fiscal_revenue …, with its name, measure and unit); the others are named as
the text wrote them (id = that name).
"""
type Indicator {
  id: ID!
  name: String!
  "true for a catalogue indicator"
  canonical: Boolean!
  "level, growth, share, per_capita or count (catalogue indicators)"
  measure: String
  "the catalogue's unit: 亿元, %, 万人 …"
  unit: String
}

type Agency {
  id: ID!
  name: String!
  canonical: String!
  level: String
  county: County
  documents(limit: Int = 20, offset: Int = 0): [Document!]!
  documentCount: Int!
  evidence(limit: Int = 5, offset: Int = 0): [Evidence!]!
  evidenceCount: Int!
}

type Enterprise {
  id: ID!
  name: String!
  documents(limit: Int = 20, offset: Int = 0): [Document!]!
  documentCount: Int!
  evidence(limit: Int = 5, offset: Int = 0): [Evidence!]!
  evidenceCount: Int!
}
type Plan {
  id: ID!
  name: String!
  documents(limit: Int = 20, offset: Int = 0): [Document!]!
  documentCount: Int!
  evidence(limit: Int = 5, offset: Int = 0): [Evidence!]!
  evidenceCount: Int!
}

type Document {
  id: ID!
  title: String
  kind: String
  date: String
  year: Int
  file: String
  masked: Boolean!
  chars: Int
  sentenceCount: Int
  "the county the document is about (declared or found in the text)"
  county: County
  "for masked documents: the county the place names point to"
  suggestedCounty: County
  sentences(limit: Int = 20, offset: Int = 0): [Sentence!]!
}

type Sentence { id: ID!, index: Int!, text: String!, section: String, start: Int, end: Int, document: Document! }

"Where a fact was read: the sentence, offsets into the document's normalised text, the snippet, and for a PDF the page (1-based; null for other formats)."
type Evidence { document: Document!, sentence: Sentence!, start: Int!, end: Int!, snippet: String!, page: Int }

type RecurrentIndustry {
  id: ID!
  name: String!
  industry: Industry!
  "distinct counties whose documents (after the filters) name the industry"
  countyCount: Int!
  "the counties, most mentions first"
  counties(limit: Int = 20, offset: Int = 0): [RecurrenceCounty!]!
}
type RecurrenceCounty {
  code: ID!
  name: String!
  county: County!
  documents: Int!
  mentions: Int!
  "the first evidence sentences (evidencePerCounty)"
  evidence: [Evidence!]!
}

type Cooccurrence {
  id: ID!
  name: String!
  industry: Industry!
  "counties developing both industries"
  sharedCount: Int!
  "counties developing this industry"
  industryCounties: Int!
  "counties developing the industry asked about"
  baseCounties: Int!
  lift: Float!
  jaccard: Float!
  "the shared counties"
  counties(limit: Int = 20, offset: Int = 0): [County!]!
}

type SimilarCounty {
  code: ID!
  name: String!
  county: County!
  score: Float!
  sharedCount: Int!
  industryCount: Int!
  baseIndustryCount: Int!
  "the shared industries"
  shared(limit: Int = 20, offset: Int = 0): [Industry!]!
}

type CountyTargets {
  code: ID!
  name: String!
  county: County!
  "all of the county's matching targets (goals, then results)"
  targets(limit: Int = 20, offset: Int = 0): [Target!]!
  targetCount: Int!
  goals(limit: Int = 20, offset: Int = 0): [Target!]!
  results(limit: Int = 20, offset: Int = 0): [Target!]!
  redactedCount: Int!
}

union SearchNode = County | Industry | Project | Agency | Enterprise | Plan | Indicator | Sentence
type SearchHit { score: Float!, matched: SearchMatch!, type: SearchType!, node: SearchNode! }

type IngestResult {
  id: ID!
  "written, or duplicate: the same text as the stored document duplicateOf, not stored again"
  status: String!
  duplicateOf: ID
  county: String
  counts: IngestCounts!
  warnings: [String!]!
  document: Document
}
type IngestCounts { industries: Int!, projects: Int!, targets: Int!, results: Int!, agencies: Int!, enterprises: Int!, plans: Int! }
`;
