/**
 * The industry taxonomy (`data/taxonomy/industries.json`) joined with GB/T 4754-2017
 * (`data/gbt4754-2017.json`): each entry gets its 门类 and 三次产业 tier from its 大类, and its
 * place in the hierarchy (`broader`, and the `narrower` entries that name it as theirs).
 * Both files are checked against the schemas below when they load; a bad entry fails naming
 * the file and the entry.
 */
import { z } from 'zod';
import { lexicon } from './extract/lexicon.ts';

export interface IndustryEntry {
  /** Canonical name; also the fact id. */
  name: string;
  aliases: string[];
  /** Id of the parent entry (光伏 → 新能源), or null for a top-level entry. */
  broader: string | null;
  division: string | null;
  section: string | null;
  tier: 1 | 2 | 3 | null;
  sei: string | null;
  /** `any`: the term alone names a sector; `industry`: only in an industry context. */
  context: 'any' | 'industry';
  /** Terms of an `any` entry that still need an industry context (装备, 电子 …). */
  contextual: string[];
  /** False for a grouping node of the hierarchy that is not matched in text (种植业). */
  match: boolean;
}

/** One entry of the taxonomy as the API and the graph see it. */
export interface IndustryNode {
  id: string;
  name: string;
  aliases: string[];
  broader: string | null;
  narrower: string[];
  tier: 1 | 2 | 3 | null;
  section: string | null;
  division: string | null;
  sei: string | null;
}

const term = z.string().min(1).refine((s) => s === s.trim() && !/[，。；、\s]/.test(s), 'a term has no spaces or punctuation');
const TaxonomyEntry = z
  .object({
    name: term,
    aliases: z.array(term).default([]),
    broader: term.optional(),
    division: z.string().regex(/^\d{2}$/, 'a GB/T 4754 大类 is two digits').optional(),
    sei: z.string().regex(/^[1-9]$/, 'a 战略性新兴产业 category is 1–9').optional(),
    context: z.enum(['any', 'industry']),
    contextual: z.array(term).default([]),
    match: z.boolean().default(true),
  })
  .strict();
export const IndustryTaxonomy = z.object({ _comment: z.string().optional(), entries: z.array(TaxonomyEntry).min(1) });
const Gbt4754 = z.object({
  divisions: z.array(z.object({ code: z.string(), section: z.string(), sector: z.union([z.literal(1), z.literal(2), z.literal(3)]) }).passthrough()),
}).passthrough();
const Sei2018 = z.object({ categories: z.array(z.object({ code: z.string(), name: z.string() })) }).passthrough();

const FILE = 'data/taxonomy/industries.json';

/**
 * Checks what a schema cannot: unique names, aliases owned by one entry, known division and
 * SEI codes, `broader` naming an entry, no cycles. @throws naming the file and the entry.
 */
function check(entries: z.infer<typeof TaxonomyEntry>[], divisions: Set<string>, sei: Set<string>): void {
  const names = new Map<string, string>();
  const fail = (name: string, msg: string): never => {
    throw new Error(`${FILE}: entry '${name}' ${msg}`);
  };
  for (const e of entries) {
    if (names.has(e.name)) fail(e.name, names.get(e.name) === e.name ? 'is listed twice' : `is also an alias of '${names.get(e.name)}'`);
    names.set(e.name, e.name);
  }
  for (const e of entries) {
    for (const a of e.aliases) {
      const owner = names.get(a);
      if (owner && owner !== e.name) fail(e.name, `has alias '${a}', which already names '${owner}'`);
      names.set(a, e.name);
    }
    for (const c of e.contextual) if (c !== e.name && !e.aliases.includes(c)) fail(e.name, `lists '${c}' as contextual but not as its name or an alias`);
    if (e.division && !divisions.has(e.division)) fail(e.name, `has unknown GB/T 4754 division ${e.division}`);
    if (e.sei && !sei.has(e.sei)) fail(e.name, `has unknown 战略性新兴产业 category ${e.sei}`);
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  for (const e of entries) {
    if (e.broader === undefined) continue;
    if (!byName.has(e.broader)) fail(e.name, `has broader '${e.broader}', which is not an entry`);
    const seen = new Set([e.name]);
    for (let up = byName.get(e.broader); up; up = up.broader ? byName.get(up.broader) : undefined) {
      if (seen.has(up.name)) fail(e.name, `is its own ancestor (${[...seen, up.name].join(' → ')})`);
      seen.add(up.name);
    }
  }
}

let cache: IndustryEntry[] | null = null;

/**
 * Checks a taxonomy in the file's shape (schema, then names, codes and hierarchy) and returns its
 * entries joined with GB/T 4754. @throws naming the file and the offending entry.
 */
export function parseTaxonomy(json: unknown): IndustryEntry[] {
  const gbt = lexicon('../gbt4754-2017', Gbt4754);
  const sei = lexicon('../sei-2018', Sei2018);
  const divisions = new Map(gbt.divisions.map((d) => [d.code, d]));
  const parsed = IndustryTaxonomy.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${FILE} does not match its schema: ${where.join('; ')}`);
  }
  const raw = parsed.data;
  check(raw.entries, new Set(divisions.keys()), new Set(sei.categories.map((c) => c.code)));
  return raw.entries.map((e) => {
    const div = e.division ? divisions.get(e.division) : undefined;
    return {
      name: e.name,
      aliases: e.aliases,
      broader: e.broader ?? null,
      division: e.division ?? null,
      section: div?.section ?? null,
      tier: div?.sector ?? null,
      sei: e.sei ?? null,
      context: e.context,
      contextual: e.contextual,
      match: e.match,
    };
  });
}

export function industryTaxonomy(): IndustryEntry[] {
  cache ??= parseTaxonomy(lexicon('../taxonomy/industries'));
  return cache;
}

/** Every name and alias, for the segmenter's user dictionary. */
export function taxonomyTerms(): string[] {
  return industryTaxonomy().flatMap((e) => (e.match ? [e.name, ...e.aliases] : []));
}

let nodes: { list: IndustryNode[]; byTerm: Map<string, IndustryNode> } | null = null;
function hierarchy() {
  if (nodes) return nodes;
  const entries = industryTaxonomy();
  const narrower = new Map<string, string[]>();
  for (const e of entries) if (e.broader) narrower.set(e.broader, [...(narrower.get(e.broader) ?? []), e.name]);
  const list = entries.map((e) => ({
    id: e.name,
    name: e.name,
    aliases: e.aliases,
    broader: e.broader,
    narrower: narrower.get(e.name) ?? [],
    tier: e.tier,
    section: e.section,
    division: e.division,
    sei: e.sei,
  }));
  const byTerm = new Map<string, IndustryNode>();
  for (const n of list) byTerm.set(n.id, n);
  for (const n of list) for (const a of n.aliases) if (!byTerm.has(a)) byTerm.set(a, n);
  nodes = { list, byTerm };
  return nodes;
}

/**
 * Every taxonomy entry with its place in the hierarchy: `broader` is the parent's id,
 * `narrower` the children's ids (direct children only; walk them for a whole subtree).
 * @example industryHierarchy().find((n) => n.id === '新能源')!.narrower // ['光伏', '风电', '储能', …]
 */
export function industryHierarchy(): IndustryNode[] {
  return hierarchy().list;
}

/** The entry whose id or alias is `s` (`文旅` → 文化旅游), or null. */
export function industryByIdOrAlias(s: string): IndustryNode | null {
  return hierarchy().byTerm.get(s.trim()) ?? null;
}

/** The ids of `id` and every entry below it (for roll-ups: 新能源 with 光伏, 风电 …). */
export function industrySubtree(id: string): string[] {
  const { byTerm } = hierarchy();
  const out: string[] = [];
  const walk = (n: IndustryNode | undefined) => {
    if (!n || out.includes(n.id)) return;
    out.push(n.id);
    for (const c of n.narrower) walk(byTerm.get(c));
  };
  walk(byTerm.get(id));
  return out;
}
