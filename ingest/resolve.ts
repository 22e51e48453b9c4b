/**
 * The last stage: one fact per canonical name. Facts of the same kind and name (or industry id)
 * are merged — evidence concatenated (capped), aliases united, the highest confidence kept —
 * so extractors may emit freely and the graph receives each entity once.
 */
import type { Document, Evidence } from './model.ts';
import type { Stage } from './stage.ts';

const MAX_EVIDENCE = 8;

interface Mergeable {
  confidence: number;
  evidence: Evidence[];
  aliases?: string[];
}

function mergeBy<T extends Mergeable>(items: T[], key: (t: T) => string): T[] {
  const out = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const prev = out.get(k);
    if (!prev) {
      out.set(k, { ...item, evidence: [...item.evidence], ...(item.aliases ? { aliases: [...item.aliases] } : {}) });
      continue;
    }
    prev.confidence = Math.max(prev.confidence, item.confidence);
    for (const e of item.evidence) {
      if (prev.evidence.length >= MAX_EVIDENCE) break;
      if (!prev.evidence.some((p) => p.start === e.start && p.end === e.end)) prev.evidence.push(e);
    }
    if (item.aliases) prev.aliases = [...new Set([...(prev.aliases ?? []), ...item.aliases])];
  }
  return [...out.values()];
}

/** The canonical form used to compare names: no spaces, quotes or book-title marks. */
export const canonical = (s: string) => s.normalize('NFKC').replace(/[\s"'“”‘’《》〈〉「」『』【】]/g, '');

export const resolve: Stage = {
  name: 'resolve',
  run(doc: Document): Document {
    const f = doc.facts;
    f.industries = mergeBy(f.industries, (i) => i.id);
    f.projects = mergeBy(f.projects, (p) => canonical(p.name));
    f.agencies = mergeBy(f.agencies, (a) => canonical(a.canonical || a.name));
    f.enterprises = mergeBy(f.enterprises, (e) => canonical(e.name));
    f.plans = mergeBy(f.plans, (p) => canonical(p.name));
    // Targets and results are facts about values: same indicator, value and year are one.
    const tkey = (t: { indicator: string; value: number | null; year: number | null; unit: string | null }) =>
      `${canonical(t.indicator)}|${t.value}|${t.unit}|${t.year}`;
    f.targets = mergeBy(f.targets, tkey);
    f.results = mergeBy(f.results, tkey);
    return doc;
  },
};
