/**
 * What `graph/` accepts from a producer (the ingest pipeline, a synthetic corpus, a test):
 * one document and its facts, already resolved to keys. graph/ depends on nothing else.
 */

export interface GraphEvidence {
  /** Sentence index within the document. */
  sentence: number;
  /** Offsets into the document's normalised text. */
  start: number;
  end: number;
  snippet: string;
  /** For paged sources (PDF): the 1-based page. */
  page?: number;
}

export interface GraphCounty {
  code: string;
  name: string;
  province?: string | null;
  city?: string | null;
}

interface Fact {
  confidence: number;
  evidence: GraphEvidence[];
}

/** An industry node as the taxonomy describes it: what a mentioned industry and its broader ones share. */
export interface GraphIndustryNode {
  /** Taxonomy id, or `candidate:<name>` for an unknown `X产业` phrase. */
  id: string;
  name: string;
  aliases: string[];
  tier: number | null;
  candidate: boolean;
  /** GB/T 4754-2017 门类 and 大类, when known, and the 战略性新兴产业 category, when it applies. */
  section: { code: string; name: string } | null;
  division: { code: string; name: string } | null;
  sei: { code: string; name: string } | null;
  /** The id of the broader industry (光伏 → 新能源), when the taxonomy gives one. */
  broader?: string | null;
}

/** A mentioned industry: its taxonomy node, with the document's evidence and count. */
export interface GraphIndustry extends Fact, GraphIndustryNode {
  /**
   * Occurrences in the document's text (MENTIONS.count, summed into DEVELOPS.mentions). Evidence
   * is capped for storage, so this is not `evidence.length`; absent: the evidence's length.
   */
  count?: number;
}

export interface GraphProject extends Fact {
  name: string;
  /** Normalised name: the project's key within its county. */
  key: string;
  investment: number | null;
  capacityValue: number | null;
  capacityUnit: string | null;
  status: string | null;
  industry: string | null;
}

/** A catalogue indicator (data/lexicons/indicators.json): the Indicator node's canonical name, measure and unit. */
export interface GraphIndicator {
  id: string;
  name: string;
  measure: string | null;
  unit: string | null;
}

export interface GraphTarget extends Fact {
  indicator: string;
  indicatorId: string | null;
  /** The catalogue's entry for `indicatorId`, when it has one: the Indicator node becomes canonical. */
  catalogue?: GraphIndicator | null;
  value: number | null;
  unit: string | null;
  comparator: string | null;
  year: number | null;
  baseline: number | null;
  measure: string | null;
  redacted: boolean;
  /** `goal` for what the document sets out to reach, `result` for what it reports done. */
  kind: 'goal' | 'result';
}

export interface GraphAgency extends Fact {
  name: string;
  canonical: string;
  level: string | null;
}

export interface GraphNamed extends Fact {
  name: string;
  key: string;
}

export interface GraphDocument {
  id: string;
  file: string | null;
  title: string | null;
  kind: string | null;
  date: string | null;
  year: number | null;
  contentHash: string;
  /**
   * sha256 of the normalised text: the same report in another encoding or file has the same one,
   * and is a duplicate of the stored document rather than a second copy. Absent: not checked.
   */
  textHash?: string;
  masked: boolean;
  encoding: string | null;
  chars: number;
  county: (GraphCounty & { source: string; confidence: number }) | null;
  /** For masked documents: the county the place names point to, with the names as evidence. */
  countySuggestion: (GraphCounty & { confidence: number; evidence: string[] }) | null;
  sentences: Array<{ index: number; text: string; section: string; start: number; end: number }>;
  industries: GraphIndustry[];
  /**
   * The broader industries of the mentioned ones, up to the top of the hierarchy, that the
   * document does not mention itself: written (with their BROADER edges) so a roll-up reaches
   * 新能源 from 光伏 alone.
   */
  broaderIndustries?: GraphIndustryNode[];
  projects: GraphProject[];
  targets: GraphTarget[];
  agencies: GraphAgency[];
  enterprises: GraphNamed[];
  plans: GraphNamed[];
}
