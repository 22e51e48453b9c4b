/**
 * The industry taxonomy (`data/taxonomy/industries.json`) joined with GB/T 4754-2017
 * (`data/gbt4754-2017.json`): each entry gets its 门类 and 三次产业 tier from its 大类.
 */
import { readFileSync } from 'node:fs';

export interface IndustryEntry {
  /** Canonical name; also the fact id. */
  name: string;
  aliases: string[];
  division: string | null;
  section: string | null;
  tier: 1 | 2 | 3 | null;
  sei: string | null;
  /** `any`: the term alone names a sector; `industry`: only in an industry context. */
  context: 'any' | 'industry';
  /** Terms of an `any` entry that still need an industry context (装备, 电子 …). */
  contextual: string[];
  /** The broader entry's name (光伏 → 新能源), when the taxonomy gives one. */
  broader?: string | null;
}

const read = (rel: string) => JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8'));

let cache: IndustryEntry[] | null = null;

export function industryTaxonomy(): IndustryEntry[] {
  if (cache) return cache;
  const gbt = read('../data/gbt4754-2017.json') as { divisions: Array<{ code: string; section: string; sector: 1 | 2 | 3 }> };
  const divisions = new Map(gbt.divisions.map((d) => [d.code, d]));
  const raw = read('../data/taxonomy/industries.json') as { entries: Array<Partial<IndustryEntry> & { name: string }> };
  const seen = new Set<string>();
  cache = raw.entries.map((e) => {
    if (seen.has(e.name)) throw new Error(`data/taxonomy/industries.json: duplicate entry '${e.name}'`);
    seen.add(e.name);
    const div = e.division ? divisions.get(e.division) : undefined;
    if (e.division && !div) throw new Error(`data/taxonomy/industries.json: '${e.name}' has unknown division ${e.division}`);
    return {
      name: e.name,
      aliases: e.aliases ?? [],
      division: e.division ?? null,
      section: div?.section ?? null,
      tier: div?.sector ?? null,
      sei: e.sei ?? null,
      context: e.context === 'any' ? 'any' : 'industry',
      contextual: e.contextual ?? [],
      broader: e.broader ?? null,
    };
  });
  return cache;
}

/** Every name and alias, for the segmenter's user dictionary. */
export function taxonomyTerms(): string[] {
  return industryTaxonomy().flatMap((e) => [e.name, ...e.aliases]);
}
