/**
 * The one `Document` type that every ingest stage reads and extends (spaCy's Doc, for us).
 *
 * Stages are `(doc: Document) => Document`; each fills the fields it owns and leaves the rest.
 * `graph/` receives `ExtractedDocument` (what `toExtracted(doc)` returns) and never sees stages.
 *
 * Offsets are UTF-16 code-unit offsets into `Document.text` (the normalised text), the same
 * indexing JavaScript strings use, so `text.slice(start, end)` gives the evidence back.
 */

/** Document kinds an analyst filters by (a closed list: ingest/kind.ts reads them from the text). */
export type DocumentKind = '政府工作报告' | '党代会报告' | '经济工作会议讲话' | '全会报告' | '计划执行情况报告' | '新闻报道' | '其他';

/** Metadata a manifest or the caller may declare; everything is optional. */
export interface DocumentMeta {
  /** File name (no directory), the stable handle of a document: `004_d7d2b8b6c071a4db.txt`. */
  file?: string;
  title?: string;
  kind?: DocumentKind;
  /** ISO date `YYYY-MM-DD`, or `YYYY-MM`, or `YYYY` where only the year is known. */
  date?: string;
  /** The declared county (manifest or `--county`). */
  county?: { name?: string; code?: string; province?: string; city?: string };
  /** True when the text masks the county's name (`xx县`, `X县`). */
  masked?: boolean;
}

/** Where a fact stands in the document. */
export interface Evidence {
  /** Index into `Document.sentences`. */
  sentence: number;
  /** Offsets into `Document.text` of the matched span. */
  start: number;
  end: number;
  /** The matched span or a short window around it, for display. */
  snippet: string;
  /** Id of the rule (lexicon entry or pattern) that produced the fact: `xianzhi extract --explain`. */
  rule?: string;
  /** For paged formats (PDF): the 1-based page the span starts on. */
  page?: number;
}

export type SectionKind = 'review' | 'plan' | 'other';

export interface Heading {
  text: string;
  /** 1 for `一、`, 2 for `（一）`, 3 for `1.`/`一是`/`第一`. */
  level: number;
  start: number;
  end: number;
  section: SectionKind;
}

export interface Sentence {
  index: number;
  text: string;
  start: number;
  end: number;
  /** Whether the sentence reports what was done (review) or says what will be done (plan). */
  section: SectionKind;
  /** Index into `Document.headings` of the innermost heading above, or -1. */
  heading: number;
}

export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

/**
 * jieba's word boundaries over a document's sentences (ingest/words.ts), found where they are asked
 * about. Offsets are the document's.
 */
export interface WordBoundaries {
  /** False when the document has no words at all (no sentence has text). */
  readonly segmented: boolean;
  startsAt(pos: number): boolean;
  endsAt(pos: number): boolean;
  /** The end of the word starting at `pos`, or -1. */
  endOf(pos: number): number;
  /** The start of the word ending at `pos`, or -1. */
  startOf(pos: number): number;
  /** The end of the word covering `pos`, or -1. */
  coverEnd(pos: number): number;
  /** Every word in order (segments the whole document). */
  tokens(): Token[];
}

/** A county as resolved: declared by manifest/CLI, read from the text, or inferred from place names. */
export interface CountyFact {
  name: string | null;
  code: string | null;
  province?: string | null;
  city?: string | null;
  /** How it was found. */
  source: 'declared' | 'text' | 'inferred';
  confidence: number;
  evidence: Evidence[];
  /** For an inference: the leading counties with their scores, best first. */
  candidates?: Array<{ name: string; code: string; score: number }>;
}

export interface IndustryFact {
  /** Taxonomy id (stable, ASCII-free is fine: the canonical name) or `candidate:<name>`. */
  id: string;
  name: string;
  aliases: string[];
  /** Id of the broader taxonomy entry (光伏 → 新能源), null at the top or for a candidate. */
  broader?: string | null;
  /** 1, 2 or 3 (三次产业), when known from the taxonomy. */
  tier?: 1 | 2 | 3 | null;
  /** GB/T 4754-2017 门类 code (A–T) and 大类 code (two digits), when known. */
  section?: string | null;
  division?: string | null;
  /** 战略性新兴产业 category code (1–9) when it applies. */
  sei?: string | null;
  /** 1 for a taxonomy match, lower for an unknown `X产业` candidate. */
  confidence: number;
  /** Occurrences in the text (evidence is capped for storage; this is not). */
  count?: number;
  evidence: Evidence[];
}

export type ProjectStatus = 'planned' | 'under_construction' | 'completed' | 'in_operation' | null;

export interface ProjectFact {
  name: string;
  /** Investment in 亿元 (元 figures converted), when stated. */
  investment?: number | null;
  /** Capacity as stated: value and unit (`{value: 3, unit: '万千瓦'}`). */
  capacity?: { value: number; unit: string } | null;
  status?: ProjectStatus;
  /** Industry id (matching an `IndustryFact.id`) when the project belongs to one. */
  industry?: string | null;
  confidence: number;
  evidence: Evidence[];
}

export type Comparator = '>=' | '<=' | '=' | '>' | '<' | null;

/** A goal (plan section) or a result (review section) with a measurable indicator. */
export interface TargetFact {
  /** The indicator as the text names it: `地区生产总值年均增速`. */
  indicator: string;
  /** Canonical indicator id, when known: `gdp_growth`, `gdp`, `fiscal_revenue` … */
  indicatorId?: string | null;
  value: number | null;
  unit: string | null;
  comparator: Comparator;
  year: number | null;
  baseline?: number | null;
  /** The indicator catalogue's canonical name for `indicatorId` (ingest/indicators.ts). */
  indicatorName?: string | null;
  /** `growth` for rates of change; `level`, `share`, `per_capita`, `count` as the catalogue measures. */
  measure?: 'growth' | 'level' | 'share' | 'per_capita' | 'count' | null;
  /** An average annual rate (`年均增长8%`), not one year's. */
  annualAverage?: boolean;
  /** The stated amount in the catalogue's unit (`3000万元` → 0.3 亿元); `value`/`unit` stay as stated. */
  normalised?: { value: number; unit: string } | null;
  redacted: boolean;
  /** The sentence span the target came from (also in evidence). */
  text?: string;
  confidence: number;
  evidence: Evidence[];
}

export type AgencyLevel = '国家' | '省' | '市' | '县' | '乡' | null;

export interface AgencyFact {
  /** As written: `工信局`. */
  name: string;
  /** Canonical full name: `工业和信息化局`. */
  canonical: string;
  level: AgencyLevel;
  aliases?: string[];
  confidence: number;
  evidence: Evidence[];
}

export interface NamedFact {
  name: string;
  aliases?: string[];
  confidence: number;
  evidence: Evidence[];
}

export interface Facts {
  /** The county the document speaks for (declared, or read from the text). */
  county: CountyFact | null;
  /** For masked documents: the county the place names point to, kept apart from `county`. */
  countySuggestion: CountyFact | null;
  industries: IndustryFact[];
  projects: ProjectFact[];
  targets: TargetFact[];
  results: TargetFact[];
  agencies: AgencyFact[];
  enterprises: NamedFact[];
  plans: NamedFact[];
}

/** A problem worth telling the user, with the stage that found it. */
export interface Diagnostic {
  stage: string;
  level: 'warning' | 'error';
  message: string;
}

export interface Document {
  /** Stable id: `sha256(file name)`-free; by default the file name without extension. */
  id: string;
  /** Path as given (may be absent for text posted through the API). */
  path?: string;
  meta: DocumentMeta;
  /** Raw bytes' detected encoding (`utf-8`, `utf-16le`, `gb18030` …). */
  encoding?: string;
  /** sha256 of the raw bytes, hex: recognises unchanged documents on re-ingest. */
  contentHash?: string;
  /** Normalised (canonical) text: all offsets point into it. */
  text: string;
  /** The text as the reader produced it, before normalisation (absent when identical to `text`). */
  source?: string;
  /**
   * Canonical offset → source offset, where normalisation changed lengths (see ingest/offsets.ts);
   * absent when every offset is the same in both.
   */
  offsetMap?: Int32Array;
  /** For paged formats (PDF): the source offset at which each page starts, page 1 first. */
  pages?: number[];
  /** Ranges of `text` that are masks (`xx`, `XX`, `x.x%`): redacted, never read as numbers or names. */
  masks: Array<{ start: number; end: number }>;
  title?: string;
  speaker?: string;
  date?: string;
  /** The kind of report, read from the text (a manifest's `meta.kind` overrides). */
  kind?: DocumentKind | null;
  /** The plan year: the year the document's goals are for (a manifest's date overrides). */
  year?: number | null;
  /** What the file format itself says (an HTML page's title and date, a PDF's or DOCX's properties). */
  sourceMeta?: { title?: string; date?: string; reader?: string };
  headings: Heading[];
  sentences: Sentence[];
  /** jieba's words (the segment stage); null before it, or for a document built without it. */
  words: WordBoundaries | null;
  facts: Facts;
  diagnostics: Diagnostic[];
}

/** An empty facts record, for stages to fill. */
export function emptyFacts(): Facts {
  return {
    county: null,
    countySuggestion: null,
    industries: [],
    projects: [],
    targets: [],
    results: [],
    agencies: [],
    enterprises: [],
    plans: [],
  };
}
