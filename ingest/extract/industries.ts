/**
 * Industries: taxonomy terms in an industry context, and unknown `X产业` phrases as candidates.
 *
 * - match: the dictionary of taxonomy names and aliases (leftmost-longest);
 * - context: an `any` term counts wherever it stands; an `industry` term (products such as 辣椒,
 *   杏, 牛; ambiguous words such as 养老, 体育) only when followed by an industry suffix
 *   (X产业, X种植, X之乡 …), preceded by a development verb (发展X), or inside an enumeration
 *   that ends in one (`黄花、杂粮、蔬菜、药材等产业板块`, `xx牛、食用菌产业`);
 * - candidates: `X产业` whose X is a noun not in the taxonomy nor in the generic list, with a
 *   lower confidence and id `candidate:X`.
 * Patterns are data: `data/lexicons/industry-context.json`.
 */
import { readFileSync } from 'node:fs';
import type { Document, IndustryFact } from '../model.ts';
import type { Stage } from '../stage.ts';
import { Dictionary, type DictMatch } from '../dictionary.ts';
import { TermTable } from '../term-table.ts';
import { industryTaxonomy, type IndustryEntry } from '../taxonomy.ts';
import { evidence } from '../evidence.ts';
import { inMask } from '../normalise.ts';

const lexicon = JSON.parse(readFileSync(new URL('../../data/lexicons/industry-context.json', import.meta.url), 'utf8')) as {
  terminal: string[];
  suffix: string[];
  verbs: string[];
  generic: string[];
};

const BOUNDARY = '，。；：、！？\\n';
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SUFFIX = lexicon.suffix.map(esc).join('|');
const SUFFIXES = new Set(lexicon.suffix);
/** Directly followed by an industry suffix (optionally after 等). `业` must not start 业务/业绩. */
const AFTER = new RegExp(`^等?(?:${SUFFIX})(?![务绩主])`);
/** A few words before a park or cluster: `辣椒现代农业产业园`, `金刚石超硬材料产业集群`. */
const NEAR = /^[^，。；：、！？\n]{0,4}?(?:产业园|产业集群|产业基地|产业带|产业链|示范园)/;
/** Inside an enumeration that ends in a suffix: `、杂粮、蔬菜、药材等产业板块`. */
const ENUM = new RegExp(`^(?:[、和及与][^${BOUNDARY}]{1,10}?){1,12}?等?[^${BOUNDARY}]{0,4}?(?:${SUFFIX})(?![务绩主])`);
const VERB = new RegExp(`(?:${lexicon.verbs.map(esc).join('|')})$`);
const GENERIC = new Set(lexicon.generic);
const TERMINAL = new RegExp(`(?:${lexicon.terminal.map(esc).join('|')})$`);
/** What may stand between two items of one enumeration: `风力、光伏`, `风力光伏`, `养老和托育`. */
const LINK = /^[、和及与]?$/;
const CJK = /[\u4e00-\u9fff]/;

interface Tagged {
  entry: IndustryEntry;
  contextual: boolean;
}

let dict: Dictionary<Tagged> | null = null;
function dictionary(): Dictionary<Tagged> {
  if (dict) return dict;
  dict = new Dictionary<Tagged>();
  for (const entry of industryTaxonomy()) {
    for (const term of [entry.name, ...entry.aliases]) {
      // A term that carries its own industry word (黄金采选, 畜牧养殖, 建筑业) needs no context.
      const selfEvident = term.length > 2 && TERMINAL.test(term);
      dict.add(term, { entry, contextual: !selfEvident && (entry.context === 'industry' || entry.contextual.includes(term)) });
    }
  }
  return dict;
}

let table: { table: TermTable; values: Tagged[] } | null = null;
/** The same terms as a sorted table for scanning whole documents: no string slice per position. */
function scanner() {
  if (table) return table;
  const d = dictionary();
  const terms = d.terms();
  const built = TermTable.build(terms);
  table = { table: built.table, values: built.order.map((i) => d.get(terms[i]!)!) };
  return table;
}

/** Whether the term at [start, end) stands in an industry context. */
export function inIndustryContext(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 60);
  const single = end - start === 1;
  // A one-character term (牛, 杏, 菌) must not be the tail of a longer word (蜗牛, 银杏).
  if (single && start > 0 && CJK.test(text[start - 1]!) && !/[、和及与展大强]/.test(text[start - 1]!)) return false;
  if (AFTER.test(after)) return true;
  if (!single && NEAR.test(after)) return true;
  if (single) return ENUM.test(after);
  if (ENUM.test(after)) return true;
  return VERB.test(text.slice(Math.max(0, start - 2), start)) && /^[，。；、和及与]/.test(after);
}

function addFact(facts: Map<string, IndustryFact>, doc: Document, entry: IndustryEntry | null, name: string, start: number, end: number, confidence: number): void {
  const id = entry ? entry.name : `candidate:${name}`;
  let f = facts.get(id);
  if (!f) {
    f = {
      id,
      name: entry ? entry.name : name,
      aliases: entry ? [...entry.aliases] : [],
      tier: entry?.tier ?? null,
      section: entry?.section ?? null,
      division: entry?.division ?? null,
      sei: entry?.sei ?? null,
      confidence,
      evidence: [],
    };
    facts.set(id, f);
  }
  const surface = doc.text.slice(start, end);
  if (surface !== f.name && !f.aliases.includes(surface)) f.aliases.push(surface);
  if (f.evidence.length < 5) f.evidence.push(evidence(doc, start, end));
  f.confidence = Math.max(f.confidence, confidence);
}

/** `X产业` phrases whose X is unknown: the noun token right before 产业. */
function candidates(doc: Document, facts: Map<string, IndustryFact>, known: Dictionary<Tagged>): void {
  const tokens = doc.tokens;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word.startsWith('产业')) continue;
    const prev = tokens[i - 1]!;
    if (prev.end !== t.start || prev.word.length < 2 || !/^n/.test(prev.tag) || prev.tag === 'ns' || prev.tag === 'nr') continue;
    const x = prev.word;
    if (!/^[\u4e00-\u9fff]+$/.test(x) || GENERIC.has(x) || known.has(x) || inMask(doc.masks, prev.start, prev.end)) continue;
    // Split by jieba but known whole: 文化/产业 is the term 文化产业, 循环/经济/产业 the generic 循环经济.
    if (known.has(x + t.word) || known.has(`${x}产业`)) continue;
    const before = tokens[i - 2];
    if (before && before.end === prev.start && (GENERIC.has(before.word + x) || known.has(before.word + x))) continue;
    // `X型产业` (数字型产业, 资源型产业) is the industry X when X is a known term.
    const typed = x.endsWith('型') ? known.get(x.slice(0, -1)) : undefined;
    if (typed) addFact(facts, doc, typed.entry, x.slice(0, -1), prev.start, prev.end - 1, 1);
    else addFact(facts, doc, null, x, prev.start, t.end, 0.5);
  }
}

export const industries: Stage = {
  name: 'industries',
  run(doc: Document): Document {
    const text = doc.text;
    const d = dictionary();
    const facts = new Map<string, IndustryFact>();
    // Chains of terms joined by 、/和/及 or nothing are one enumeration: if one member is an
    // industry in context (光伏 is, 风力 alone is not), so are the others (`风力、光伏`).
    let chain: Array<{ m: DictMatch<Tagged>; ok: boolean }> = [];
    const flush = () => {
      if (chain.some((c) => c.ok)) for (const { m } of chain) addFact(facts, doc, m.value.entry, m.term, m.start, m.end, 1);
      chain = [];
    };
    const scan = scanner();
    for (const hit of scan.table.matches(text)) {
      const m: DictMatch<Tagged> = { term: hit.term, value: scan.values[hit.index]!, start: hit.start, end: hit.end };
      if (inMask(doc.masks, m.start, m.end)) continue;
      const last = chain[chain.length - 1];
      // A term that is also an industry suffix (精深加工, 深加工) right after another term is that
      // term's suffix (半夏精深加工 is 半夏), not an industry of its own.
      if (last && last.m.end === m.start && SUFFIXES.has(m.term)) {
        last.ok = true;
        continue;
      }
      if (last && !LINK.test(text.slice(last.m.end, m.start))) flush();
      chain.push({ m, ok: !m.value.contextual || inIndustryContext(text, m.start, m.end) });
    }
    flush();
    candidates(doc, facts, d);
    doc.facts.industries = [...facts.values()];
    return doc;
  },
};
