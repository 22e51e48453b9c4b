/**
 * Enterprises: named companies and groups (`晋能控股集团`, `XX钻石股份有限公司`, `海乐电子`,
 * `中石油`). Four signals, from `data/lexicons/enterprises.json`:
 * - a name ending in a company suffix (集团, 股份有限公司, 公司) after a boundary word;
 * - the items of a list closed by `等…企业` (`山东黄金、四川鑫顺等企业`);
 * - a short name ending in a trade word (`北科种业`, `汉德生物`) where a list or a company
 *   context follows (`、`, `等`, `上市`, `二期`), or at the head of a project's name;
 * - national companies by their usual names (a general list).
 * Names that are only generic (`龙头企业`, `国有资产运营公司`) are dropped.
 */
import { z } from 'zod';
import type { Document, NamedFact } from '../model.ts';
import type { Stage } from '../stage.ts';
import { industryTaxonomy } from '../taxonomy.ts';
import { evidence } from './evidence.ts';
import { alternation, lexicon } from './lexicon.ts';
import { Literals, Scanner } from './literals.ts';
import { WordGate } from './word-gate.ts';
import { allAreas, allCities, allProvinces, areaStem } from '../gazetteer.ts';

const words = z.array(z.string().min(1));
const chars = z.string().min(1);

/** The shape of `data/lexicons/enterprises.json` (checked when it loads). */
export const EnterpriseLexicon = z.object({
  suffixes: words,
  suffixInner: words,
  trades: words,
  after: chars,
  listNouns: words,
  generic: words,
  known: words,
  provinces: words,
  boundaries: words,
  tradeNotBefore: z.record(z.string().min(1), words),
  leadChars: chars,
  regionalNotEnd: chars,
  knownTails: words,
  notInName: chars,
  projectCues: words,
  placeTails: chars,
  placeSuffixes: words,
  headNotIn: chars,
  headNotStart: words,
  cueDivisionsNot: words,
  parkHeads: words,
  afterTerm: chars,
  afterPowerTerm: chars,
  dealBefore: words,
  dealAfter: words,
  dealNotEnd: words,
  /** Names read from their company context alone (see `contextNames`). */
  context: z.object({
    productTradeChars: chars,
    notProductTrade: words,
    brandNot: words,
    listLeads: words,
    listAfter: words,
    listAfterWeak: words,
    listItemNot: words,
    productAfter: words,
    listing: words,
    subjectAfter: words,
  }),
});
type EnterpriseLexicon = z.infer<typeof EnterpriseLexicon>;

interface Rules {
  lex: EnterpriseLexicon;
  suffixed: RegExp;
  listed: RegExp;
  listNoun: Literals;
  known: Literals;
  knownTail: RegExp;
  fromProject: RegExp;
  /** Trade words and manufacturing terms, the first of which a project's head is stripped of. */
  trade: Literals;
  /** Trade words and manufacturing terms, found by a first-character scan. */
  tradeWords: Literals;
  tradeSet: Set<string>;
  suffix: RegExp;
  /** Tried only where a province's first character stands (the lookbehind is costly everywhere). */
  regional: Scanner;
  after: RegExp;
  generic: RegExp;
  boundary: RegExp;
  notInName: RegExp;
  /** Industry terms and project cues (`光伏…`, `年产…`): one at a position is a cue there. */
  cue: Literals;
  placeEnd: RegExp;
  headBad: RegExp;
  /** Any industry term (`辣椒…`): a name starting with one is an industry. */
  anyTerm: Literals;
  /** A park's head (`产业园`) and the terms that may stand before it (see `parkAt`). */
  parkHeads: Literals;
  parkTerms: Set<string>;
  longestParkTerm: number;
  afterTerm: RegExp;
  afterPowerTerm: RegExp;
  /** Terms of the power industries (光伏, 风电): a name ends in one only in the narrowest context. */
  powerEnd: RegExp;
  tradeEnd: RegExp;
  deal: RegExp;
  dealWord: RegExp;
  dealNot: RegExp;
  /** Which of the word lists below a sentence may hold (one pass over it, before any rule). */
  gate: WordGate;
  bits: { suffix: number; listNoun: number; trade: number; province: number; deal: number; known: number; listAfter: number; listLeads: number; productAfter: number };
  tradeNotBefore: Array<[string, string[]]>;
  /** The last characters of the boundary words, and the longest's length (see `leadsName`). */
  boundaryLast: Set<string>;
  longestBoundary: number;
}

let cached: Rules | null = null;
function rules(): Rules {
  if (cached) return cached;
  const lex = lexicon('enterprises', EnterpriseLexicon);
  // Project boundaries (verbs, prepositions) also end the left side of a company's name.
  const { boundaries } = lexicon<{ boundaries: string[] }>('projects');
  const name = '[\\u4e00-\\u9fffA-Za-z]';
  // Where a short name may start: a list separator, a preposition, or a verb that takes a company.
  const lead = `(?<=^|[${lex.leadChars}]|${lex.boundaries.join('|')})`;
  // Manufacturing and mining terms: what follows a company's name at the head of its project.
  const terms = industryTaxonomy()
    .filter((e) => e.tier === 2 && !lex.cueDivisionsNot.includes(e.division ?? ''))
    .flatMap((e) => [e.name, ...e.aliases])
    .filter((t) => t.length >= 2);
  // Any second-tier term (power included: `凯盛光伏在科创板上市`) may end a short name in company context.
  const secondTier = industryTaxonomy()
    .filter((e) => e.tier === 2)
    .flatMap((e) => [e.name, ...e.aliases])
    .filter((t) => t.length >= 2);
  const allTerms = industryTaxonomy().flatMap((e) => [e.name, ...e.aliases]).filter((t) => t.length >= 2);
  const gate = new WordGate();
  const bits = {
    suffix: gate.add(lex.suffixes),
    listNoun: gate.add(lex.listNouns),
    trade: gate.add([...lex.trades, ...secondTier]),
    province: gate.add(lex.provinces),
    deal: gate.add(lex.dealAfter),
    known: gate.add(lex.known),
    listAfter: gate.add([...lex.context.listAfter, ...lex.context.listAfterWeak]),
    listLeads: gate.add(lex.context.listLeads),
    productAfter: gate.add(lex.context.productAfter),
  };
  cached = {
    lex,
    // `集团化办学`, `公司化运营`: a way of running things, not a company.
    suffixed: new RegExp(`(?<name>(?:[xX]{2,})?${name}{2,10}?(?:${alternation(lex.suffixes)}))(?!化)`, 'g'),
    // A short name ends in a trade word or a manufacturing term (`晶拓钻石`, `海乐电子`).
    listed: new RegExp(`(?<items>[^，。；：]{2,80}?)等(?:[0-9xX一二三四五六七八九十]+家)?[\\u4e00-\\u9fff“”]{0,8}?(?:${alternation(lex.listNouns)})`, 'g'),
    listNoun: new Literals(lex.listNouns),
    known: new Literals(lex.known),
    knownTail: new RegExp(`^(?:${alternation([...lex.trades, ...lex.knownTails])})`),
    fromProject: new RegExp(`^((?:[xX]{2,})?[\\u4e00-\\u9fff]{2,4}?(?:${alternation(lex.trades)}))`),
    trade: new Literals([...lex.trades, ...terms]),
    tradeWords: new Literals([...lex.trades, ...secondTier]),
    tradeSet: new Set(lex.trades),
    suffix: new RegExp(alternation(lex.suffixes)),
    regional: new Scanner(
      `${lead}(?:${alternation(lex.provinces)})[\\u4e00-\\u9fff]{2,6}(?<![${lex.regionalNotEnd}])(?=、|等)`,
      lex.provinces.map((p) => p[0]!),
    ),
    after: new RegExp(lex.after),
    generic: new RegExp(`^(?:${alternation(lex.generic)}|${alternation(lex.trades)}|${alternation(lex.suffixes)}|[“”])+$`),
    boundary: new RegExp(alternation([...boundaries, ...lex.boundaries]), 'g'),
    notInName: new RegExp(`[${lex.notInName}]`),
    cue: new Literals([...terms, ...lex.projectCues, ...lex.trades]),
    placeEnd: new RegExp(`[${lex.placeTails}]$`),
    anyTerm: new Literals(allTerms),
    afterTerm: new RegExp(lex.afterTerm),
    afterPowerTerm: new RegExp(lex.afterPowerTerm),
    powerEnd: new RegExp(`(?:${alternation(secondTier.filter((t) => !terms.includes(t)))})$`),
    deal: new RegExp(`(?:${alternation(lex.dealBefore)})(?<name>(?:[xX]{2,})?[\\u4e00-\\u9fff]{2,8}?)(?:${alternation(lex.dealAfter)})`, 'g'),
    dealWord: new RegExp(alternation(lex.dealAfter)),
    dealNot: new RegExp(`(?:${alternation(lex.dealNotEnd)})$`),
    tradeEnd: new RegExp(`(?:${alternation(lex.trades)})$`),
    parkHeads: new Literals(lex.parkHeads),
    parkTerms: new Set(terms),
    longestParkTerm: Math.max(0, ...terms.map((t) => t.length)),
    headBad: new RegExp(`[${lex.headNotIn}]|^(?:${alternation(lex.headNotStart)})`),
    gate,
    bits,
    tradeNotBefore: Object.entries(lex.tradeNotBefore),
    boundaryLast: new Set(lex.boundaries.map((b) => b[b.length - 1]!)),
    longestBoundary: Math.max(0, ...lex.boundaries.map((b) => b.length)),
  };
  return cached;
}

/**
 * The name after the rightmost boundary word (`深化与晋能控股集团` → `晋能控股集团`) that leaves at
 * least `minLeft` characters, and after the complement 好 of a verb (`服务好宏达化工` → `宏达化工`).
 */
function afterBoundary(s: string, r: Rules, minLeft: number): string {
  let cut = 0;
  const re = r.boundary;
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const end = m.index + m[0].length;
    if (s.length - end >= minLeft) cut = Math.max(cut, end);
  }
  if (cut > 0 && s[cut] === '好' && s.length - cut - 1 >= minLeft) cut++;
  return s.slice(cut);
}

/** The length of the run of `suffixInner` words (发展, 建设投资) right before the last `suffix` characters of `name`. */
function innerLength(name: string, suffix: number, r: Rules): number {
  let end = name.length - suffix;
  for (let found = true; found; ) {
    found = false;
    for (const w of r.lex.suffixInner) {
      if (end - w.length >= 2 && name.startsWith(w, end - w.length)) {
        end -= w.length;
        found = true;
        break;
      }
    }
  }
  return name.length - suffix - end;
}

/** The length of the company suffix `name` ends in (the longest), or 0. */
function suffixLength(name: string, r: Rules): number {
  let n = 0;
  for (const x of r.lex.suffixes) if (x.length > n && name.endsWith(x)) n = x.length;
  return n;
}

interface Hit {
  start: number;
  end: number;
  name: string;
  rule: string;
}

/** Adds a name that passes `ok` (a function, not a closure per sentence: see targets.ts). */
function push(out: Hit[], r: Rules, start: number, name: string, rule: string): void {
  if (ok(name, r)) out.push({ start, end: start + name.length, name, rule });
}

function ok(name: string, r: Rules): boolean {
  return name.length >= 2 && name.length <= 16 && !r.generic.test(name) && !r.notInName.test(name);
}

/** Whether a UTF-16 unit may stand in a name's stem (CJK, or the x of a mask). */
const isNameUnit = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || c === 0x78 || c === 0x58;
/** A character a name's stem may not hold (punctuation, digits, Latin apart from masks). */
const NOT_NAME = /[^\u4e00-\u9fffxX]/;

/**
 * Short names ending in a trade word or term (`海乐电子`, `晶拓钻石`): for each occurrence (the
 * words being ~900, a position is tried only where the gate lets a word's first pair stand), the
 * longest run of 2–6 name characters before it that starts where a name may start (after a
 * separator or a boundary word). Looking back from each word costs a few lookups where a lazy
 * pattern before the alternatives cost a scan. Appends the names that pass to `out`.
 */
function tradedNames(text: string, r: Rules, out: Hit[]): void {
  let from = 0;
  r.gate.eachWord(text, r.bits.trade, r.tradeWords, (word, t) => {
    const end = t + word.length;
    const rest = text.slice(end);
    if (!(r.tradeSet.has(word) ? r.after : r.afterTerm).test(rest)) return;
    const start = nameStartBefore(text, t, Math.max(from, t - 6), r);
    if (start < 0) return;
    from = end;
    tradedName(text.slice(start, end), end, rest, r, out);
  });
}

/**
 * The first `s` in [lo, t − 2] where a run of name characters up to `t` starts after a separator
 * or a boundary word (or the text's start), or −1.
 */
function nameStartBefore(text: string, t: number, lo: number, r: Rules): number {
  // The run must hold name characters only: it starts after the last other character before `t`.
  let s = t - 1;
  while (s >= lo && isNameUnit(text.charCodeAt(s))) s--;
  for (s = Math.max(lo, s + 1); s <= t - 2; s++) if (leadsName(text, s, r)) return s;
  return -1;
}

/** Whether `text` before `s` lets a trade-word name start there (the start, a lead character, a boundary word). */
function leadsName(text: string, s: number, r: Rules): boolean {
  if (s === 0 || r.lex.leadChars.includes(text[s - 1]!)) return true;
  // A boundary word ends at `s` only where one's last character stands before it (near the text's
  // start `startsWith` clamps a negative position to 0: those positions ask every word).
  if (s >= r.longestBoundary && !r.boundaryLast.has(text[s - 1]!)) return false;
  return r.lex.boundaries.some((b) => text.startsWith(b, s - b.length));
}

/** A trade-word name `raw` ending at `end`, followed by `rest`, when its context vouches for it. */
function tradedName(raw: string, end: number, rest: string, r: Rules, out: Hit[]): void {
  const name = afterBoundary(raw, r, 2);
  const trade = r.tradeNotBefore.find(([t]) => raw.endsWith(t));
  if (trade && trade[1].some((w) => rest.startsWith(w))) return;
  const context = r.tradeEnd.test(name) ? r.after : r.powerEnd.test(name) ? r.afterPowerTerm : r.afterTerm;
  // `做大做强特色食品`: a clause's verb in the brand makes it no name.
  if (context.test(rest) && !tradeOnly(name, r) && !clauseInBrand(name, r)) push(out, r, end - name.length, name, 'enterprises.traded');
}

/** Whether a name holds one of the words that show a brand is a clause (`做强`, `发展`, `打造`; two characters or more). */
function clauseInBrand(name: string, r: Rules): boolean {
  return contextRules(r).clauseWords.some((w) => name.includes(w));
}

/** Enterprise names in one sentence (sentence-relative spans). */
export function enterpriseSpans(text: string): Hit[] {
  const r = rules();
  const out: Hit[] = [];
  // Each pattern is tried only where the words it needs may occur (one pass over the sentence's
  // pairs): most sentences name no company, and the patterns' lazy runs are costly at every position.
  const bits = r.gate.mark(text);
  const suffixed = (bits & r.bits.suffix) !== 0 && r.suffix.test(text);
  // `…等…企业`: a list noun must follow some 等.
  const deng = text.indexOf('等');
  const listed = deng >= 0 && (bits & r.bits.listNoun) !== 0 && r.listNoun.test(text.slice(deng + 1));
  for (const m of suffixed ? text.matchAll(r.suffixed) : []) {
    const raw = m.groups!.name!;
    // A boundary word right before the suffix (`实施集团化`) leaves no name; one inside a name (建 of
    // 中国建材集团) leaves a one-character stem: no cut there.
    const own = suffixLength(raw, r);
    const inner = innerLength(raw, own, r);
    const suffix = own + inner;
    if (afterBoundary(raw, r, suffix).length === suffix) continue;
    const name = afterBoundary(raw, r, suffix + 2);
    // `我县建设公司`: words of a name after a clause's subject are the clause's verb.
    if (inner && badBrand(name.slice(0, -suffix), r, contextRules(r))) continue;
    push(out, r, m.index! + raw.length - name.length, name, 'enterprises.suffixed');
  }
  for (const m of listed ? text.matchAll(r.listed) : []) {
    const items = m.groups!.items!;
    const base = m.index!;
    let at = 0;
    const parts = items.split('、');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      const name = i === 0 ? afterBoundary(p, r, 2) : p;
      if (!isIndustryTerm(name, r)) push(out, r, base + at + p.length - name.length, name.replace(/^[“]|[”]$/g, ''), 'enterprises.listed');
      at += p.length + 1;
    }
  }
  if (bits & r.bits.trade) tradedNames(text, r, out);
  if ((bits & r.bits.province) !== 0 && (deng >= 0 || text.includes('、'))) {
    for (const m of r.regional.matchAll(text)) push(out, r, m.index!, m[0], 'enterprises.regional');
  }
  for (const m of (bits & r.bits.deal) !== 0 && r.dealWord.test(text) ? text.matchAll(r.deal) : []) {
    // `与星河实业签约`: the counterpart of a signing, when it is neither generic nor a place.
    const name = m.groups!.name!;
    if (r.dealNot.test(name) || r.headBad.test(name) || r.placeEnd.test(name) || tradeOnly(name, r)) continue;
    push(out, r, m.index! + m[0].indexOf(name), name, 'enterprises.deal');
  }
  contextNames(text, bits, r, out);
  if (bits & r.bits.known) knownNames(text, r, out);
  return out;
}

/** `京东物流`, `华润电力`: a known name with its business line is the subsidiary named. */
function knownNames(text: string, r: Rules, out: Hit[]): void {
  r.gate.eachWord(text, r.bits.known, r.known, (word, i) => {
    const tail = r.knownTail.exec(text.slice(i + word.length));
    push(out, r, i, word + (tail?.[0] ?? ''), 'enterprises.known');
  });
}

interface ContextRules {
  /** One-character products and materials a `X业` company name is made of (茶业, 锰业, 纸业). */
  productChars: Set<string>;
  notProductTrade: Set<string>;
  brandNot: RegExp;
  /** The words of `brandNot` of two characters or more (a clause's verbs, 全县, 龙头). */
  clauseWords: string[];
  /** `支持A、B、C做大做强`: a verb that takes companies, a list of short names, a company predicate (or a weaker one, group `weak`). */
  list: RegExp;
  listAfterWords: string[];
  listLeads: string[];
  provinces: Set<string>;
  /** `支持新疆中泰在…建设`: the short name after a company verb and a province (sticky). */
  subjectStem: RegExp;
  listItemNot: RegExp;
  /** Terms of the taxonomy (two characters or more) a product-named company ends in (早春枸杞). */
  terms: Set<string>;
  longestTerm: number;
  productAfter: string[];
  listing: Set<string>;
  /** County, city and province names without their unit (金川, 遵义, 宁夏). */
  places: Set<string>;
}

let contextCached: ContextRules | null = null;
function contextRules(r: Rules): ContextRules {
  if (contextCached) return contextCached;
  const c = r.lex.context;
  const all = industryTaxonomy().flatMap((e) => [e.name, ...e.aliases]);
  const terms = new Set(all.filter((t) => t.length >= 2));
  const places = new Set<string>();
  for (const a of allAreas()) places.add(areaStem(a.name));
  for (const n of [...allCities(), ...allProvinces()]) {
    places.add(n.name);
    places.add(n.name.replace(/(?:维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|省|市|盟)$/, ''));
  }
  for (const p of r.lex.provinces) places.add(p);
  const productChars = new Set([...all.filter((t) => t.length === 1), ...c.productTradeChars]);
  // A short name, a trade-word or product-业 name (`德信木业`), or one with its suffix (`宁夏红枸杞集团`).
  const item = `(?:[\\u4e00-\\u9fff]{2,10}(?:${alternation(r.lex.suffixes)})|[\\u4e00-\\u9fff]{2,6}(?:${alternation(r.lex.trades)}|[${[...productChars].join('')}]业)|(?:[xX]{2,}|[\\u4e00-\\u9fff]){2,4})`;
  contextCached = {
    productChars,
    notProductTrade: new Set(c.notProductTrade),
    brandNot: new RegExp(alternation(c.brandNot)),
    clauseWords: c.brandNot.filter((w) => w.length >= 2),
    list: new RegExp(`(?:${alternation(c.listLeads)})(?<items>${item}(?:、${item})+)(?:等(?:[0-9一二三四五六七八九十]+家)?(?:龙头|骨干|重点)?(?:企业)?)?(?=(?:${alternation(c.listAfter)})|(?<weak>${alternation(c.listAfterWeak)}))`, 'g'),
    listAfterWords: [...c.listAfter, ...c.listAfterWeak],
    listLeads: c.listLeads,
    provinces: new Set(r.lex.provinces),
    subjectStem: new RegExp(`[\\u4e00-\\u9fff]{2,4}?(?=${alternation(c.subjectAfter)})`, 'y'),
    listItemNot: new RegExp(`^(?:${alternation(c.listItemNot)})|(?:${alternation([...c.listItemNot, ...r.lex.dealNotEnd])})$`),
    terms,
    // Products are short words; a longer term (a whole industry's name) makes no brand's name.
    longestTerm: Math.min(5, Math.max(...[...terms].map((t) => t.length))),
    productAfter: c.productAfter,
    listing: new Set(c.listing),
    places,
  };
  return contextCached;
}

/** A brand ending in an administrative unit (`青山乡`) names a place's sector, not a company. */
const ADMIN_END = /[县镇乡村区市省州旗]$/;

/** Where a name may start: the sentence's start, a list separator or a boundary word before it. */
function nameStartsAt(text: string, s: number, r: Rules): boolean {
  return s === 0 || r.lex.leadChars.includes(text[s - 1]!) || r.lex.boundaries.some((b) => b.length <= s && text.startsWith(b, s - b.length));
}

/**
 * The longest brand of 2–4 name characters ending at `end` that starts where a name may start and
 * is no clause or generic word (`推动华泰` gives way to `华泰`).
 */
function brandBefore(text: string, end: number, r: Rules, c: ContextRules): string | null {
  for (let s = Math.max(0, end - 4); s <= end - 2; s++) {
    const b = text.slice(s, end);
    if (!NOT_NAME.test(b) && nameStartsAt(text, s, r) && !badBrand(b, r, c)) return b;
  }
  return null;
}

/** A brand is a clause or a generic word, not a name (`大力发展`, `全县`, `绿色`). */
function badBrand(brand: string, r: Rules, c: ContextRules): boolean {
  return c.brandNot.test(brand) || r.generic.test(brand) || r.notInName.test(brand) || r.lex.boundaries.some((b) => b.length >= 2 && brand.startsWith(b));
}

/**
 * Companies known by their company context alone, where no trade word of the lexicon marks them:
 * - `enterprises.product-trade`: a brand and a product or material with 业 (`金川锰业`, `华泰纸业`),
 *   in the context a trade-word name needs (`、`, `扩大`, `上市` …);
 * - `enterprises.list`: the short names a company verb and a company predicate govern
 *   (`支持甲、乙、丙做大做强`), each neither a place, an industry nor a generic word;
 * - `enterprises.product-name`: a brand and a product of the taxonomy (`早春枸杞`) only before a
 *   company's predicate (`扩大精深加工`, `公司`, `上市`), the brand being no place (`宁夏枸杞`).
 * Each is looked up from a cheap anchor (`业`, `、` and a predicate, a predicate) backwards, a
 * word's anchor only where the gate's last mark (of `text`, giving `bits`) lets it occur.
 * Appends the names to `out`.
 */
function contextNames(text: string, bits: number, r: Rules, out: Hit[]): void {
  const c = contextRules(r);
  for (let i = text.indexOf('业'); i >= 2; i = text.indexOf('业', i + 1)) {
    const product = text[i - 1]!;
    if (!c.productChars.has(product) || c.notProductTrade.has(product + '业')) continue;
    if (!r.after.test(text.slice(i + 1))) continue;
    const brand = brandBefore(text, i - 1, r, c);
    if (!brand || startsWithWord(r.anyTerm, brand) || ADMIN_END.test(brand)) continue;
    const start = i - 1 - brand.length;
    out.push({ start, end: i + 1, name: text.slice(start, i + 1), rule: 'enterprises.product-trade' });
  }
  if ((bits & r.bits.listAfter) !== 0 && (bits & r.bits.listLeads) !== 0 && text.includes('、') && c.listAfterWords.some((w) => text.includes(w))) {
    for (const m of text.matchAll(c.list)) {
      const items = m.groups!.items!;
      const parts = items.split('、');
      if (!parts.every((p) => listItem(p, r, c) || companyShaped(p, r, c))) continue;
      // `支持协鑫集团、东方希望建设…`: a predicate any subject takes needs a company among the items.
      if (m.groups!.weak !== undefined && !parts.some((p) => companyShaped(p, r, c))) continue;
      let at = m.index! + m[0].indexOf(items);
      for (const p of parts) {
        out.push({ start: at, end: at + p.length, name: p, rule: 'enterprises.list' });
        at += p.length + 1;
      }
    }
  }
  // A verb, then a province (a set lookup), and only then a pattern, tried at that one position.
  const leads = (bits & r.bits.listLeads) !== 0;
  for (const w of leads ? c.listLeads : []) for (let p = r.gate.mayHold(w) ? text.indexOf(w) : -1; p >= 0; p = text.indexOf(w, p + 1)) {
    const at = p + w.length;
    const prov = c.provinces.has(text.slice(at, at + 3)) ? 3 : c.provinces.has(text.slice(at, at + 2)) ? 2 : 0;
    if (!prov) continue;
    c.subjectStem.lastIndex = at + prov;
    const m = c.subjectStem.exec(text);
    if (!m || !listItem(m[0], r, c)) continue;
    out.push({ start: at, end: at + prov + m[0].length, name: text.slice(at, at + prov + m[0].length), rule: 'enterprises.regional-subject' });
  }
  // A few native `indexOf` scans: a word-list scan per sentence cost more than all the rest.
  const products = (bits & r.bits.productAfter) !== 0;
  for (const w of products ? c.productAfter : []) for (let k0 = r.gate.mayHold(w) ? text.indexOf(w, 2) : -1; k0 >= 2; k0 = text.indexOf(w, k0 + 1)) {
    let k = k0;
    // `云朵核桃在新三板挂牌`: a listing may be preceded by where it is.
    if (c.listing.has(w)) {
      const at = text.lastIndexOf('在', k);
      if (at >= 0 && k - at <= 9 && !/[，。；、]/.test(text.slice(at, k))) k = at;
    }
    for (let len = Math.min(c.longestTerm, k - 2); len >= 2; len--) {
      if (!c.terms.has(text.slice(k - len, k))) continue;
      const brand = brandBefore(text, k - len, r, c);
      if (brand && !c.places.has(brand) && !r.placeEnd.test(brand) && !startsWithWord(r.anyTerm, brand)) {
        out.push({ start: k - len - brand.length, end: k, name: brand + text.slice(k - len, k), rule: 'enterprises.product-name' });
      }
      break;
    }
  }
}

/** `茶叶、蔬菜等龙头企业`: the items of a list of companies' kinds are industries (taxonomy terms). */
function isIndustryTerm(name: string, r: Rules): boolean {
  return contextRules(r).terms.has(name);
}

/** An item of a governed list is a name: no place, industry, generic word or other clause. */
function listItem(p: string, r: Rules, c: ContextRules): boolean {
  return (
    ok(p, r) && !badBrand(p, r, c) && !c.places.has(p) && !r.placeEnd.test(p) && !c.listItemNot.test(p) && !tradeOnly(p, r) && !c.terms.has(p)
  );
}

/**
 * An item of a governed list shaped as a company's name by its end: a suffix (`宁夏红枸杞集团`), a
 * trade word (`八马茶业`) or a product with 业 (`天元锰业`), after a brand that is no clause or place.
 */
function companyShaped(p: string, r: Rules, c: ContextRules): boolean {
  const end = r.lex.suffixes.find((x) => p.endsWith(x)) ?? r.tradeEnd.exec(p)?.[0] ?? (p.endsWith('业') && c.productChars.has(p[p.length - 2]!) ? p.slice(-2) : undefined);
  if (!end) return false;
  const brand = p.slice(0, -end.length);
  return brand.length >= 2 && !badBrand(brand, r, c) && !c.places.has(brand) && !r.placeEnd.test(brand) && !startsWithWord(r.anyTerm, brand);
}

/** `精细磷化工`, `煤基新材料`: an industry (its modifiers and terms) is no company. */
function tradeOnly(name: string, r: Rules): boolean {
  if (startsWithWord(r.anyTerm, name)) return true;
  for (let i = 0; i < name.length - 1; i++) if (startsWithWord(r.cue, name, i)) return i === 0 || r.generic.test(name.slice(0, i)) || i < 2;
  return false;
}

/** The county's own name without its unit (`克东县` → `克东`), where a company's plant is named by it. */
function countyStem(doc: Document): string | null {
  const n = doc.facts.county?.name ?? doc.meta.county?.name;
  return n && n.length >= 3 ? n.slice(0, -1) : null;
}

/** Whether `head` is a place: it ends like one, or the text writes it as one (`董浜镇`). */
function isPlace(doc: Document, head: string, r: Rules): boolean {
  if (r.placeEnd.test(head)) return true;
  // Each look-up scans the whole text: remembered for the text at hand.
  if (placesSeen.text !== doc.text) placesSeen = { text: doc.text, heads: new Map() };
  let place = placesSeen.heads.get(head);
  if (place === undefined) placesSeen.heads.set(head, (place = writtenAsPlace(doc.text, head, r.lex.placeSuffixes)));
  return place;
}
let placesSeen: { text: string; heads: Map<string, boolean> } = { text: '', heads: new Map() };

/** Whether `text` holds `head` followed by one of `suffixes` (one scan for the head, not one per suffix). */
function writtenAsPlace(text: string, head: string, suffixes: string[]): boolean {
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
    const end = at + head.length;
    if (suffixes.some((s) => text.startsWith(s, end))) return true;
  }
  return false;
}

/** Whether a word of `words` starts at `i` of `s` (`/^(?:…)/` on `s.slice(i)`, by the trie). */
function startsWithWord(words: Literals, s: string, i = 0): boolean {
  return words.at(s, i) !== undefined;
}

/** `s` without its first word of `words` (`s.replace(/…/, '')` for their alternation). */
function withoutFirst(words: Literals, s: string): string {
  const m = words.first(s);
  return m ? s.slice(0, m.index) + s.slice(m.index + m[0].length) : s;
}

/**
 * Whether a park's head stands at `i` of `s`, alone or after an industry term (`产业园`,
 * `食品产业园`): `/^(?:terms)?(?:parkHeads)/` on `s.slice(i)`, every term before it tried.
 */
function parkAt(s: string, i: number, r: Rules): boolean {
  if (startsWithWord(r.parkHeads, s, i)) return true;
  for (let len = 1; len <= r.longestParkTerm && i + len < s.length; len++) {
    if (r.parkTerms.has(s.slice(i, i + len)) && startsWithWord(r.parkHeads, s, i + len)) return true;
  }
  return false;
}

/**
 * The company at the head of a project's name: what stands before the first industry term, trade
 * word or project cue (`波司登智能制造产业园二期` → `波司登`, `海升年产20万吨…` → `海升`,
 * `飞鹤克东工厂…` → `飞鹤`, the county's name cut off), unless it is a place or generic.
 */
function fromProject(doc: Document, project: string, r: Rules): string | null {
  const name = project.replace(/^[0-9０-９]+[.、．]/, '');
  const m = r.fromProject.exec(name);
  if (m && !parkAt(name, m[1]!.length, r) && ok(m[1]!, r) && m[1]!.length < name.length && !tradeOnly(m[1]!, r) && !isPlace(doc, withoutFirst(r.trade, m[1]!), r)) return m[1]!;
  if (!/^[\u4e00-\u9fff]/.test(name)) return null;
  let head: string | null = null;
  for (let i = 2; i <= Math.min(6, name.length - 2); i++) {
    if (!/[\u4e00-\u9fff]/.test(name[i - 1]!)) return null;
    // `国土绿化工程`: 化工 inside 绿化工程 is no industry.
    if (startsWithWord(r.cue, name, i) && !name.startsWith('化工程', i)) {
      head = name.slice(0, i);
      break;
    }
  }
  if (!head) return null;
  const rest = name.slice(head.length);
  const cue = r.cue.at(rest, 0);
  if (parkAt(rest, 0, r) || (cue !== undefined && parkAt(rest, cue.length, r))) return null;
  const stem = countyStem(doc);
  const at = stem ? head.indexOf(stem) : -1;
  // `飞鹤克东工厂` is 飞鹤's plant in the county; `孟连咖啡…` is the county's own product.
  if (at >= 2) head = head.slice(0, at);
  else if (at === 0) return null;
  if (startsWithWord(r.cue, head) || startsWithWord(r.anyTerm, head) || r.headBad.test(head) || r.boundary.test(head) || isPlace(doc, head, r) || !ok(head, r)) {
    r.boundary.lastIndex = 0;
    return null;
  }
  r.boundary.lastIndex = 0;
  // `天元锰业电解金属锰…`: a product with 业 after the head is the company's name, not its project's.
  const c = contextRules(r);
  if (rest[1] === '业' && c.productChars.has(rest[0]!) && !c.notProductTrade.has(rest.slice(0, 2))) return head + rest.slice(0, 2);
  return head;
}

export const enterprises: Stage = {
  name: 'enterprises',
  run(doc: Document): Document {
    const r = rules();
    const byName = new Map<string, NamedFact>();
    const add = (name: string, ev: NamedFact['evidence'][number]) => {
      // `晋能控股集团` and `晋能控股`, `盐湖比亚迪` and `比亚迪` are one company: keep the first
      // seen, alias the other.
      const same = [...byName.values()].find(
        (f) => f.name.startsWith(name) || name.startsWith(f.name) || (name.length >= 3 && f.name.endsWith(name)) || (f.name.length >= 3 && name.endsWith(f.name)),
      );
      if (same) {
        if (same.name !== name && !same.aliases!.includes(name)) same.aliases!.push(name);
        same.evidence.push(ev);
      } else byName.set(name, { name, aliases: [], confidence: 0.6, evidence: [ev] });
    };
    for (const s of doc.sentences) {
      for (const h of enterpriseSpans(s.text)) add(h.name, evidence(doc, s, s.start + h.start, s.start + h.end, h.rule));
    }
    for (const p of doc.facts.projects ?? []) {
      const name = fromProject(doc, p.name, r);
      if (name && p.evidence[0]) add(name, { ...p.evidence[0], rule: 'enterprises.project-head' });
    }
    doc.facts.enterprises = [...byName.values()];
    return doc;
  },
};
