import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { GraphDocument, GraphEvidence, GraphIndicator, GraphIndustryNode } from '../graph/model.ts';
import type { Document, Evidence } from './model.ts';
import { z } from 'zod';
import { lexicon } from './extract/lexicon.ts';
import { industryTaxonomy, type IndustryEntry } from './taxonomy.ts';

/**
 * The resolve step's last move: a processed `Document` becomes the `GraphDocument` that graph/
 * writes — keys normalised, sector codes named from the GB/T 4754-2017 and 战略性新兴产业 tables.
 */

const require = createRequire(import.meta.url);
const gbt = require('../data/gbt4754-2017.json') as {
  sections: Array<{ code: string; name: string }>;
  divisions: Array<{ code: string; name: string }>;
};
const sei = require('../data/sei-2018.json') as { categories: Array<{ code: string; name: string }> };

const sectionName = new Map(gbt.sections.map((s) => [s.code, s.name]));
const divisionName = new Map(gbt.divisions.map((d) => [d.code, d.name]));
const seiName = new Map(sei.categories.map((c) => [c.code, c.name]));

const section = (code: string | null | undefined) => (code ? { code, name: sectionName.get(code) ?? code } : null);
const division = (code: string | null | undefined) => (code ? { code, name: divisionName.get(code) ?? code } : null);
const seiCategory = (code: string | null | undefined) => (code ? { code, name: seiName.get(code) ?? code } : null);

let entries: Map<string, IndustryEntry> | null = null;
/** The taxonomy by id (an entry's id is its name). */
function taxonomyEntry(id: string): IndustryEntry | undefined {
  entries ??= new Map(industryTaxonomy().map((e) => [e.name, e]));
  return entries.get(id);
}

const broaderOf = (id: string) => {
  const b = taxonomyEntry(id)?.broader;
  return b && b !== id && taxonomyEntry(b) ? b : null;
};

/**
 * The broader industries above `ids` in the taxonomy, up to its top, that are not among `ids`
 * themselves (a cycle in the data stops the walk rather than looping).
 */
export function broaderIndustries(ids: string[]): GraphIndustryNode[] {
  const mentioned = new Set(ids);
  const out = new Map<string, GraphIndustryNode>();
  for (const id of ids) {
    const seen = new Set([id]);
    for (let b = broaderOf(id); b && !seen.has(b); b = broaderOf(b)) {
      seen.add(b);
      if (mentioned.has(b) || out.has(b)) continue;
      const e = taxonomyEntry(b)!;
      out.set(b, {
        id: e.name,
        name: e.name,
        aliases: e.aliases,
        tier: e.tier,
        candidate: false,
        section: section(e.section),
        division: division(e.division),
        sei: seiCategory(e.sei),
        broader: broaderOf(b),
      });
    }
  }
  return [...out.values()];
}

/**
 * The indicator catalogue as the graph needs it: id → canonical name, measure and unit, growth
 * twins (`gdp_growth`) included. Read leniently, so both the catalogue's first form
 * ({id, growth: 'gdp_growth', names}) and its full one ({id, name, measure, unit, names,
 * growth: {id, name}}) work; the targets extractor validates the file strictly.
 */
const IndicatorCatalogue = z.looseObject({
  indicators: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string().optional(),
      measure: z.string().optional(),
      unit: z.string().optional(),
      names: z.array(z.string()).optional(),
      growth: z.union([z.string(), z.looseObject({ id: z.string(), name: z.string().optional() })]).optional(),
    }),
  ),
});

let indicators: Map<string, GraphIndicator> | null = null;
export function catalogueIndicator(id: string | null | undefined): GraphIndicator | null {
  if (!id) return null;
  if (!indicators) {
    const r = IndicatorCatalogue.safeParse(lexicon('indicators'));
    if (!r.success) throw new Error(`data/lexicons/indicators.json: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`);
    indicators = new Map();
    for (const e of r.data.indicators) {
      const name = e.name ?? e.names?.[0] ?? e.id;
      indicators.set(e.id, { id: e.id, name, measure: e.measure ?? null, unit: e.unit ?? null });
      const g = typeof e.growth === 'string' ? { id: e.growth, name: undefined } : e.growth;
      if (g) indicators.set(g.id, { id: g.id, name: g.name ?? `${name}增速`, measure: 'growth', unit: '%' });
    }
  }
  return indicators.get(id) ?? null;
}

/** The key that makes two spellings of one name the same node: NFKC, no quotes, brackets or spaces. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s"'“”‘’《》〈〉「」『』【】()（）]/g, '')
    .toLowerCase();
}

/** Evidence as graph/ takes it: one entry per span (extractors may report a span twice for one fact). */
const evidence = (list: Evidence[]): GraphEvidence[] => {
  const seen = new Set<string>();
  const out: GraphEvidence[] = [];
  for (const e of list) {
    const key = `${e.sentence}:${e.start}:${e.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ sentence: e.sentence, start: e.start, end: e.end, snippet: e.snippet, ...(e.page != null ? { page: e.page } : {}) });
  }
  return out;
};

function yearOf(date: string | undefined): number | null {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : null;
}

/** Keeps the first fact per key, merging the evidence of later duplicates into it. */
function dedupe<T extends { evidence: Evidence[]; count?: number }>(items: T[], key: (t: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const it of items) {
    const k = key(it);
    const seen = byKey.get(k);
    if (seen) {
      seen.evidence = [...seen.evidence, ...it.evidence];
      if (seen.count != null || it.count != null) seen.count = (seen.count ?? 0) + (it.count ?? 0);
    } else byKey.set(k, { ...it, evidence: [...it.evidence] });
  }
  return [...byKey.values()];
}

export function toGraphDocument(doc: Document): GraphDocument {
  const f = doc.facts;
  const county = f.county?.code
    ? {
        code: f.county.code,
        name: f.county.name ?? f.county.code,
        province: f.county.province ?? null,
        city: f.county.city ?? null,
        source: f.county.source,
        confidence: f.county.confidence,
      }
    : null;
  const s = f.countySuggestion;
  const suggestion = s?.code
      ? {
          code: s.code,
          name: s.name ?? s.code,
          province: s.province ?? null,
          city: s.city ?? null,
          confidence: s.confidence,
          evidence: s.evidence.map((e) => e.snippet),
        }
      : null;
  // The file's own title and date (HTML meta, PDF info, DOCX properties) only where the manifest and the text say none.
  const date = doc.meta.date ?? doc.date ?? doc.sourceMeta?.date;
  return {
    id: doc.id,
    file: doc.meta.file ?? null,
    title: doc.meta.title ?? doc.title ?? doc.sourceMeta?.title ?? null,
    kind: doc.meta.kind ?? doc.kind ?? null,
    date: date ?? null,
    year: (doc.meta.date ? yearOf(doc.meta.date) : null) ?? doc.year ?? yearOf(date),
    contentHash: doc.contentHash ?? '',
    // The normalised text's own hash: a GB18030 and a UTF-8 copy of one report share it.
    textHash: createHash('sha256').update(doc.text).digest('hex'),
    masked: Boolean(doc.meta.masked),
    encoding: doc.encoding ?? null,
    chars: doc.text.length,
    county,
    countySuggestion: suggestion,
    sentences: doc.sentences.map((x) => ({ index: x.index, text: x.text, section: x.section, start: x.start, end: x.end })),
    industries: dedupe(f.industries, (i) => i.id).map((i) => ({
      id: i.id,
      name: i.name,
      aliases: i.aliases,
      tier: i.tier ?? null,
      candidate: i.id.startsWith('candidate:'),
      section: section(i.section),
      division: division(i.division),
      sei: seiCategory(i.sei),
      broader: broaderOf(i.id),
      confidence: i.confidence,
      // Occurrences in the text: the extractor's count when it gives one (evidence is capped), else the evidence kept.
      count: Math.max(i.count ?? 0, evidence(i.evidence).length),
      evidence: evidence(i.evidence),
    })),
    broaderIndustries: broaderIndustries(f.industries.map((i) => i.id)),
    projects: dedupe(f.projects, (p) => nameKey(p.name)).map((p) => ({
      name: p.name,
      key: nameKey(p.name),
      investment: p.investment ?? null,
      capacityValue: p.capacity?.value ?? null,
      capacityUnit: p.capacity?.unit ?? null,
      status: p.status ?? null,
      industry: p.industry ?? null,
      confidence: p.confidence,
      evidence: evidence(p.evidence),
    })),
    targets: [
      ...f.targets.map((t) => ({ t, kind: 'goal' as const })),
      ...f.results.map((t) => ({ t, kind: 'result' as const })),
    ].map(({ t, kind }) => ({
      indicator: t.indicator,
      indicatorId: t.indicatorId ?? null,
      catalogue: catalogueIndicator(t.indicatorId),
      value: t.value,
      unit: t.unit,
      comparator: t.comparator,
      year: t.year,
      baseline: t.baseline ?? null,
      measure: t.measure ?? null,
      redacted: t.redacted,
      kind,
      confidence: t.confidence,
      evidence: evidence(t.evidence),
    })),
    agencies: dedupe(f.agencies, (a) => nameKey(a.canonical)).map((a) => ({
      name: a.name,
      canonical: a.canonical,
      level: a.level,
      confidence: a.confidence,
      evidence: evidence(a.evidence),
    })),
    enterprises: dedupe(f.enterprises, (e) => nameKey(e.name)).map((e) => ({
      name: e.name,
      key: nameKey(e.name),
      confidence: e.confidence,
      evidence: evidence(e.evidence),
    })),
    plans: dedupe(f.plans, (e) => nameKey(e.name)).map((e) => ({
      name: e.name,
      key: nameKey(e.name),
      confidence: e.confidence,
      evidence: evidence(e.evidence),
    })),
  };
}
