import { createRequire } from 'node:module';
import type { GraphDocument, GraphEvidence } from '../graph/model.ts';
import type { Document, Evidence } from './model.ts';

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
    out.push({ sentence: e.sentence, start: e.start, end: e.end, snippet: e.snippet });
  }
  return out;
};

function yearOf(date: string | undefined): number | null {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : null;
}

/** Keeps the first fact per key, merging the evidence of later duplicates into it. */
function dedupe<T extends { evidence: Evidence[] }>(items: T[], key: (t: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const it of items) {
    const k = key(it);
    const seen = byKey.get(k);
    if (seen) seen.evidence = [...seen.evidence, ...it.evidence];
    else byKey.set(k, { ...it, evidence: [...it.evidence] });
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
  const date = doc.meta.date ?? doc.date;
  return {
    id: doc.id,
    file: doc.meta.file ?? null,
    title: doc.meta.title ?? doc.title ?? null,
    kind: doc.meta.kind ?? doc.kind ?? null,
    date: date ?? null,
    year: (doc.meta.date ? yearOf(doc.meta.date) : null) ?? doc.year ?? yearOf(date),
    contentHash: doc.contentHash ?? '',
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
      section: i.section ? { code: i.section, name: sectionName.get(i.section) ?? i.section } : null,
      division: i.division ? { code: i.division, name: divisionName.get(i.division) ?? i.division } : null,
      sei: i.sei ? { code: i.sei, name: seiName.get(i.sei) ?? i.sei } : null,
      confidence: i.confidence,
      evidence: evidence(i.evidence),
    })),
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
