/**
 * Industries: taxonomy terms in an industry context, and unknown `X产业` phrases as candidates.
 *
 * - match: taxonomy names and aliases as whole jieba tokens or token sequences, leftmost-longest
 *   over token starts. A term inside another word is no term (绿化工程 is not 化工, 风光带 not
 *   新能源). Two exceptions, both about how jieba glues words: a token made wholly of terms
 *   (牛羊猪) counts as those terms, and a term may end before its token ends when the rest is a
 *   nominal head (风电场, 不锈钢管, 化工企业: `heads` in the lexicon);
 * - context: an `any` term counts wherever it stands; an `industry` term (products such as 辣椒,
 *   杏, 牛; ambiguous words such as 养老, 体育) only when followed by an industry suffix
 *   (X产业, X种植, X之乡 …), preceded by a development verb (发展X), or inside an enumeration
 *   that ends in one (`黄花、杂粮、蔬菜、药材等产业板块`, `xx牛、食用菌产业`);
 * - count: once an industry is found, every whole-word occurrence of its terms (one-character
 *   terms only in context), uncapped; evidence keeps the first five;
 * - candidates: `X产业` whose X is a noun not in the taxonomy nor in the generic list, with a
 *   lower confidence and id `candidate:X`.
 * Word lists are data: `data/lexicons/industry-context.json`, checked against the schema below.
 */
import { z } from 'zod';
import type { Document, IndustryFact, WordBoundaries } from '../model.ts';
import { tagOf } from '../segment.ts';
import type { Stage } from '../stage.ts';
import { Dictionary } from '../dictionary.ts';
import { TermTable, type TableMatch } from '../term-table.ts';
import { industryTaxonomy, type IndustryEntry } from '../taxonomy.ts';
import { evidence } from '../evidence.ts';
import { inMask } from '../normalise.ts';
import { lexicon, alternation, escapeRe } from './lexicon.ts';

const words = z.array(z.string().min(1)).min(1);
const chars = z.array(z.string().length(1));
export const IndustryContextLexicon = z.object({
  _comment: z.string().optional(),
  terminal: words,
  suffix: words,
  suffixNotBefore: chars,
  notEnumEnd: z.array(z.string()),
  near: words,
  nearWindow: z.number().int().min(0).max(10),
  verbs: words,
  verbModifiers: words,
  quantityLead: z.array(z.string().min(1)),
  quantityUnits: words,
  enumEnd: z.array(z.string().min(1)),
  listEnds: z.array(z.string().min(1)),
  listLeadHeads: words,
  listLeadLinks: words,
  sectorWords: z.array(z.string().length(2).regex(/业$/)),
  sectorWordNotBefore: z.array(z.string().min(1)),
  modifierPrefixes: chars,
  links: chars.min(1),
  singleAfter: chars,
  heads: words,
  placeWords: words,
  generic: words,
});

const lex = lexicon('industry-context', IndustryContextLexicon);

const BOUNDARY = '，。；：、！？\\n';
const NOT_AFTER = lex.suffixNotBefore.length ? `(?![${lex.suffixNotBefore.map(escapeRe).join('')}])` : '';
const SUFFIX = alternation(lex.suffix);
const SUFFIXES = new Set(lex.suffix);
const LINKS = lex.links.map(escapeRe).join('');
/** Directly followed by an industry suffix (optionally after 等). `业` must not start 业务/业绩. */
const MODIFIER = alternation(lex.verbModifiers);
// A sector word closes a short list too (牛羊等牧业, 罗非鱼等渔业).
const AFTER = new RegExp(`^等?(?:${MODIFIER})?(?:${alternation([...lex.suffix, ...lex.sectorWords, ...lex.listEnds])})${NOT_AFTER}`);
/** A few words before a park or cluster: `辣椒现代农业产业园`, `金刚石超硬材料产业集群`. */
const NEAR = new RegExp(`^[^${BOUNDARY}]{0,${lex.nearWindow}}?(?:${alternation(lex.near)})`);
/** Inside an enumeration that ends in a suffix: `、杂粮、蔬菜、药材等产业板块`. */
const ENUM_SUFFIX = alternation([...lex.suffix.filter((s) => !lex.notEnumEnd.includes(s)), ...lex.enumEnd]);
const NOT_ENUM_END = lex.notEnumEnd.length ? `(?<!${alternation(lex.notEnumEnd)})` : '';
// A line break right after a link is a PDF line break inside the enumeration (`、\n蜂产品`).
const ENUM = new RegExp(`^(?:[${LINKS}]\\n?[^${BOUNDARY}]{1,10}?){1,12}?等?[^${BOUNDARY}]{0,4}?(?:${ENUM_SUFFIX})${NOT_ENUM_END}${NOT_AFTER}`);
/** A list introduced by what it lists: `主导产业为A、B和C`, `三大特色产业：A、B、C`. */
const LIST_LEAD = new RegExp(`(?:${alternation(lex.listLeadHeads)})(?:${alternation(lex.listLeadLinks)})$`);
const VERB = new RegExp(`(?:${alternation(lex.verbs)})(?:${MODIFIER})?$`);
/** A quantity of production right after the term: `茶园3万亩`, `高粱15.8万亩`, `xx万头`. */
const QUANTITY_LEAD = lex.quantityLead.length ? `(?:${alternation(lex.quantityLead)})?` : '';
const QUANTITY = new RegExp(`^${QUANTITY_LEAD}[\\dxX.]+(?:${alternation(lex.quantityUnits)})`);
const GENERIC = new Set(lex.generic);
const TERMINAL = new RegExp(`(?:${alternation(lex.terminal)})$`);
/**
 * What may stand between two items of one enumeration: `风力、光伏`, `风力光伏`, `养老和托育`, and
 * each item with its own way of working (`榛子种植和林下中药材`, `肉牛养殖、绿色蔬菜`).
 */
const LINK = new RegExp(`^(?:(?:${alternation(lex.terminal)})?[${LINKS}]\\n?(?:${MODIFIER})?)?$`);
/** What may follow `发展X` for X to be the object itself: punctuation, a link, a figure. */
const AFTER_VERB = new RegExp(`^[，。；“”"\\d${LINKS}]`);
const SINGLE_AFTER = new Set([...lex.links, ...lex.singleAfter]);
const HEADS = new Set(lex.heads);
const PLACE_WORDS = new Set(lex.placeWords);
const SECTOR_WORDS = new Set(lex.sectorWords);
const MODIFIER_PREFIXES = new Set(lex.modifierPrefixes);
/** A sector word that heads an agency or company name (林业和草原局, X渔业有限公司) is no industry. */
const SECTOR_WORD_NAME = lex.sectorWordNotBefore.length ? new RegExp(`^(?:${alternation(lex.sectorWordNotBefore)})`) : null;
const CJK = /[\u4e00-\u9fff]/;
const HAN_WORD = /^[\u4e00-\u9fff]+$/;
const NOUN = /^n/;

interface Tagged {
  entry: IndustryEntry;
  contextual: boolean;
}

let dict: Dictionary<Tagged> | null = null;
function dictionary(): Dictionary<Tagged> {
  if (dict) return dict;
  dict = new Dictionary<Tagged>();
  for (const entry of industryTaxonomy()) {
    if (!entry.match) continue;
    for (const term of [entry.name, ...entry.aliases]) {
      // A term that carries its own industry word (黄金采选, 畜牧养殖, 建筑业) needs no context,
      // unless the taxonomy says it does (深加工 alone is any product's processing).
      const selfEvident = (term.length > 2 && TERMINAL.test(term)) || SECTOR_WORDS.has(term);
      dict.add(term, { entry, contextual: entry.contextual.includes(term) || (!selfEvident && entry.context === 'industry') });
    }
  }
  return dict;
}

/**
 * Well-known enterprises whose names hold a sector word (中国石化, 中石油, 国家电网): read from the
 * enterprises lexicon, so a term inside one is a company, not the county's industry.
 */
let companies: TermTable | null = null;
function companyTable(): TermTable {
  companies ??= TermTable.build(lexicon<{ known?: string[] }>('enterprises').known ?? []).table;
  return companies;
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

/**
 * Whether the term at [start, end) stands in an industry context. `wholeWord`: the term is known
 * to start a jieba token (or a token made of terms, 牛羊), so it is no word's tail.
 */
export function inIndustryContext(text: string, start: number, end: number, wholeWord = false): boolean {
  const after = text.slice(end, end + 60);
  const single = end - start === 1;
  // A one-character term (牛, 杏, 菌) must not be the tail of a longer word (蜗牛, 银杏).
  if (single && !wholeWord && start > 0 && CJK.test(text[start - 1]!) && !SINGLE_AFTER.has(text[start - 1]!)) return false;
  if (AFTER.test(after)) return true;
  if (!single && NEAR.test(after)) return true;
  if (QUANTITY.test(after)) return true;
  if (single) return ENUM.test(after);
  if (ENUM.test(after)) return true;
  return VERB.test(text.slice(Math.max(0, start - 5), start)) && AFTER_VERB.test(after);
}

/** A term that ends where a token ends, or a nominal head short of it (风电|场, 化工|企业). */
function endsWell(text: string, words: WordBoundaries, end: number): boolean {
  if (words.endsAt(end)) return true;
  const tokenEnd = words.coverEnd(end);
  return tokenEnd > end && tokenEnd - end <= 2 && HEADS.has(text.slice(end, tokenEnd));
}

/** The longest term at token start `p` that ends well, or null. */
function longestWhole(scan: TermTable, text: string, words: WordBoundaries, p: number, to: number): TableMatch | null {
  let m = scan.longestAt(text, p, to);
  while (m && !endsWell(text, words, m.end)) m = m.end - 1 > p ? scan.longestAt(text, p, m.end - 1) : null;
  return m && !beforePlaceWord(text, words, m.end) ? m : null;
}

/** Whether the word after `end` makes the term part of a place name (化工/路). */
function beforePlaceWord(text: string, words: WordBoundaries, end: number): boolean {
  if (!words.startsAt(end)) return false;
  const next = words.endOf(end);
  return next > end ? PLACE_WORDS.has(text.slice(end, next)) : false;
}

/**
 * Terms of two characters or more that tile the next two or three tokens exactly where jieba cut
 * across them (玉/米制/种 is 玉米 and 制种), or null: the first term must end inside a token.
 */
function acrossTokens(scan: TermTable, text: string, words: WordBoundaries, p: number, end: number): TableMatch[] | null {
  let to = end;
  for (let k = 0; k < 2 && to < text.length && words.startsAt(to); k++) {
    to = words.endOf(to);
    const parts = tiling(scan, text, p, to);
    if (parts && parts[0]!.end > end && !words.endsAt(parts[0]!.end) && parts.every((m) => m.end - m.start >= 2)) return parts;
  }
  return null;
}

/** The terms that tile the token [p, end) exactly (牛羊猪 → 牛, 羊, 猪), or null. */
function tiling(scan: TermTable, text: string, p: number, end: number): TableMatch[] | null {
  const out: TableMatch[] = [];
  for (let i = p; i < end; ) {
    const m = scan.longestAt(text, i, end);
    if (!m) return null;
    out.push(m);
    i = m.end;
  }
  return out.length > 1 ? out : null;
}

/**
 * Whole-word term matches in document order (all positions when the document has no words). Only
 * where a term starts (or starts one character in, behind a modifier) are jieba's words asked for.
 */
function* wholeMatches(doc: Document, scan: TermTable): Generator<TableMatch> {
  const text = doc.text;
  const words = doc.words;
  if (!words?.segmented) {
    yield* scan.matches(text);
    return;
  }
  const n = text.length;
  let covered = 0;
  for (let p = 0; p < n; p++) {
    if (p < covered) continue;
    const termStart = scan.startsWith(text.charCodeAt(p));
    const modifier = MODIFIER_PREFIXES.has(text[p]!);
    // Most positions start no term: nothing to match, tile or unwrap, and no word to look up.
    if (!termStart && !modifier) continue;
    if (!(termStart && scan.longestAt(text, p, n)) && !(modifier && scan.longestAt(text, p + 1, n))) continue;
    if (!words.startsAt(p)) continue;
    const end = words.endOf(p);
    if (!termStart && end - p < 3) continue;
    let m = longestWhole(scan, text, words, p, Math.min(n, p + 24));
    // A product behind a one-character modifier glued on by jieba (黄小米, 红高粱): the term must
    // fill the rest of the token.
    if (!m && end - p >= 3 && modifier) {
      const inner = scan.longestAt(text, p + 1, end);
      if (inner && inner.end === end) m = inner;
    }
    if (m) {
      covered = m.end;
      yield m;
      continue;
    }
    const parts = end - p > 1 ? tiling(scan, text, p, end) : null;
    if (parts) {
      covered = end;
      yield* parts;
      continue;
    }
    const across = acrossTokens(scan, text, words, p, end);
    if (across) {
      covered = across[across.length - 1]!.end;
      yield* across;
    }
  }
}

interface Found {
  fact: IndustryFact;
  entry: IndustryEntry | null;
}

function addFact(facts: Map<string, Found>, doc: Document, entry: IndustryEntry | null, name: string, start: number, end: number, confidence: number, rule: string): IndustryFact {
  const id = entry ? entry.name : `candidate:${name}`;
  let found = facts.get(id);
  if (!found) {
    found = {
      entry,
      fact: {
        id,
        name: entry ? entry.name : name,
        aliases: entry ? [...entry.aliases] : [],
        broader: entry?.broader ?? null,
        tier: entry?.tier ?? null,
        section: entry?.section ?? null,
        division: entry?.division ?? null,
        sei: entry?.sei ?? null,
        confidence,
        count: 0,
        evidence: [],
      },
    };
    facts.set(id, found);
  }
  const f = found.fact;
  const surface = doc.text.slice(start, end);
  if (surface !== f.name && !f.aliases.includes(surface)) f.aliases.push(surface);
  if (f.evidence.length < 5 && !f.evidence.some((e) => e.start === start)) {
    const e = evidence(doc, start, end);
    e.rule = rule;
    f.evidence.push(e);
  }
  f.confidence = Math.max(f.confidence, confidence);
  return f;
}

/** `X产业` phrases whose X is unknown: the noun word right before a word starting 产业. */
function candidates(doc: Document, facts: Map<string, Found>, known: Dictionary<Tagged>): void {
  const words = doc.words;
  if (!words?.segmented) return;
  const text = doc.text;
  for (let p = text.indexOf('产业'); p >= 0; p = text.indexOf('产业', p + 1)) {
    if (!words.startsAt(p)) continue;
    const end = words.endOf(p);
    if (end - p < 2) continue;
    const from = words.startOf(p);
    if (from < 0 || p - from < 2) continue;
    const x = text.slice(from, p);
    const tag = tagOf(x);
    if (!NOUN.test(tag) || tag === 'ns' || tag === 'nr') continue;
    if (!HAN_WORD.test(x) || GENERIC.has(x) || known.has(x) || inMask(doc.masks, from, p)) continue;
    // A word made wholly of known terms (服装鞋帽) is those terms, already read by the scan.
    if (tiling(scanner().table, text, from, p)) continue;
    // Split by jieba but known whole: 文化/产业 is the term 文化产业, 循环/经济/产业 the generic 循环经济.
    if (known.has(x + text.slice(p, end)) || known.has(`${x}产业`)) continue;
    const before = words.startOf(from);
    if (before >= 0 && (GENERIC.has(text.slice(before, from) + x) || known.has(text.slice(before, from) + x))) continue;
    // `X型产业` (数字型产业, 资源型产业) is the industry X when X is a known term.
    const typed = x.endsWith('型') ? known.get(x.slice(0, -1)) : undefined;
    if (typed) {
      const f = addFact(facts, doc, typed.entry, x.slice(0, -1), from, p - 1, 1, `industries.typed:${typed.entry.name}`);
      f.count = (f.count ?? 0) + 1;
    } else {
      const f = addFact(facts, doc, null, x, from, end, 0.5, 'industries.candidate');
      f.count = (f.count ?? 0) + 1;
    }
  }
}

/** What closes a counted enumeration of industries: `三大特色产业`, `等主导产业`, `四大产业集群`. */
const COUNTED_CLOSE = new RegExp(`(?:[一二两三四五六七八九十]+大|等)(?:${alternation(lex.generic)})*(?:产业集群|产业)`, 'g');
const CLAUSE_BREAK = new Set([...'，。；：！？\n,;:!?']);
/** The generic words of two characters or more, which no enumerated industry holds. */
const GENERIC_WORDS = lex.generic.filter((g) => g.length >= 2);
/** Verbs before the first item of such an enumeration (`做强`, `围绕`), besides the context verbs. */
const ENUM_LEADS = new RegExp(`^.*(?:${alternation([...lex.verbs, '围绕', '聚焦', '巩固', '提升', '打造', '依托', '推动', '加快', '建设', '实施', '推进', '抓好', '突出', '形成', '构建', '做好'])})`);

/**
 * `做强沙田柚、百香果、食用菌三大特色产业`: a counted enumeration of industries names every item an
 * industry, so an item the taxonomy lacks, beside one it has, is a candidate (`industries.enumeration`).
 * Items are two to five Han characters, none generic, in a list of two or more.
 */
function enumerationCandidates(doc: Document, facts: Map<string, Found>, known: Dictionary<Tagged>): void {
  const text = doc.text;
  if (!text.includes('大') && !text.includes('等')) return;
  COUNTED_CLOSE.lastIndex = 0;
  for (let m = COUNTED_CLOSE.exec(text); m; m = COUNTED_CLOSE.exec(text)) {
    const end = m.index;
    let from = end;
    while (from > 0 && end - from < 60 && !CLAUSE_BREAK.has(text[from - 1]!)) from--;
    const parts = text.slice(from, end).split(/[、和及与]/);
    if (parts.length < 2) continue;
    const first = parts[0]!.replace(ENUM_LEADS, '').replace(/^(?:我|全|本)[县市区旗州盟镇乡]/, '');
    const items = [first, ...parts.slice(1)];
    const starts: number[] = [];
    let at = from + parts[0]!.length - first.length;
    for (const p of items) {
      starts.push(at);
      at += p.length + 1;
    }
    if (!items.some((p) => known.has(p))) continue;
    items.forEach((p, i) => {
      if (known.has(p) || p.length < 2 || p.length > 5 || !HAN_WORD.test(p) || GENERIC.has(p) || inMask(doc.masks, starts[i]!, starts[i]! + p.length)) return;
      // An item made of known terms (服装鞋帽), opening with one (文旅开发 is 文旅's work) or holding a
      // generic word is read elsewhere or no industry.
      const table = scanner().table;
      if (tiling(table, text, starts[i]!, starts[i]! + p.length) || table.longestAt(text, starts[i]!, starts[i]! + p.length)) return;
      if (GENERIC_WORDS.some((g) => p.includes(g))) return;
      const f = addFact(facts, doc, null, p, starts[i]!, starts[i]! + p.length, 0.5, 'industries.enumeration');
      f.count = (f.count ?? 0) + 1;
    });
  }
}

/**
 * Whether two terms side by side with no link make one enumeration: short items (风力光伏, 牛羊)
 * or kin in the hierarchy (风力光伏发电: siblings under 新能源), or a short term before one that carries
 * its own industry word (建材家居产业). Two unrelated longer terms are two
 * words (地热/资源综合利用, 新能源汽车/电子水泵).
 */
function juxtaposable(last: { m: TableMatch; t: Tagged }, m: TableMatch, t: Tagged): boolean {
  if (m.end - m.start <= 2 && last.m.end - last.m.start <= 2) return true;
  // A short term glued to a term that carries its own industry word shares that word
  // (建材家居产业 is 建材 and 家居产业).
  if (last.m.end - last.m.start <= 2 && m.end - m.start > 2 && TERMINAL.test(m.term) && !t.contextual) return true;
  const a = last.t.entry;
  const b = t.entry;
  return a.broader != null && (a.broader === b.broader || a.broader === b.name || b.broader === a.name);
}

export const industries: Stage = {
  name: 'industries',
  run(doc: Document): Document {
    const text = doc.text;
    const d = dictionary();
    const facts = new Map<string, Found>();
    // Every whole-word occurrence, for the counts: entry → occurrences outside context too.
    const occurrences = new Map<IndustryEntry, number>();
    // Chains of terms joined by 、/和/及 or nothing are one enumeration: if one member is an
    // industry in context (光伏 is, 风力 alone is not), so are the others (`风力、光伏`).
    type Link = { m: TableMatch; t: Tagged; ok: boolean };
    let chain: Link[] = [];
    const flush = () => {
      const first = chain[0];
      const accepted = chain.some((c) => c.ok) || (first !== undefined && LIST_LEAD.test(text.slice(Math.max(0, first.m.start - 12), first.m.start)));
      for (const { m, t } of chain) {
        if (accepted) addFact(facts, doc, t.entry, m.term, m.start, m.end, 1, `industries.term:${t.entry.name}`);
        // One-character terms (牛, 茶) are words of too many kinds to count outside context.
        if (accepted || m.end - m.start > 1) occurrences.set(t.entry, (occurrences.get(t.entry) ?? 0) + 1);
      }
      chain = [];
    };
    const scan = scanner();
    const named = [...companyTable().matches(text)];
    let k = 0;
    for (const m of wholeMatches(doc, scan.table)) {
      if (inMask(doc.masks, m.start, m.end)) continue;
      while (k < named.length && named[k]!.end <= m.start) k++;
      if (k < named.length && named[k]!.start < m.end) continue;
      const t = scan.values[m.index]!;
      const last = chain[chain.length - 1];
      // A term that is also an industry suffix (精深加工, 智能制造) right after another term is that
      // term's suffix (半夏精深加工 is 半夏, 不锈钢智能制造产业园 is 不锈钢), not an industry of its own.
      if (last && last.m.end === m.start && (SUFFIXES.has(m.term) || SUFFIXES.has(t.entry.name))) {
        last.ok = true;
        continue;
      }
      // `A、B等C` with A, B, C all terms, the items linked (not glued: 吨椒食品 is a company): C names
      // the kind the list belongs to (核桃、花椒等木本油料), so the list and C are one enumeration.
      const gap = last ? text.slice(last.m.end, m.start) : '';
      if (last && gap === '等' && chain.length >= 2 && chain.every((c, i) => i === 0 || c.m.start > chain[i - 1]!.m.end)) {
        for (const c of chain) c.ok = true;
        chain.push({ m, t, ok: true });
        continue;
      }
      if (last && (!LINK.test(gap) || (last.m.end === m.start && !juxtaposable(last, m, t)))) flush();
      if (SECTOR_WORD_NAME && SECTOR_WORDS.has(m.term) && SECTOR_WORD_NAME.test(text.slice(m.end, m.end + 4))) continue;
      chain.push({ m, t, ok: !t.contextual || inIndustryContext(text, m.start, m.end, doc.words?.segmented ?? false) });
    }
    flush();
    for (const { fact, entry } of facts.values()) if (entry) fact.count = Math.max(occurrences.get(entry) ?? 0, fact.evidence.length);
    candidates(doc, facts, d);
    enumerationCandidates(doc, facts, d);
    doc.facts.industries = [...facts.values()].map((f) => f.fact);
    return doc;
  },
};
