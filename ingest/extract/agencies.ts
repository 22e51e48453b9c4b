/**
 * Agencies: government and public bodies with a specific function (`县农业农村局`, `教体局`,
 * `国务院扶贫办`, `县工信商务局`, `旗林草局`, `县畜牧兽医发展中心`). Every word list is in
 * `data/lexicons/agencies.json`; the rules, each with the id its evidence carries:
 * - `agencies.built`: `[level]function[tail]suffix` from a closed list of functions, full or short
 *   (`县市场监督管理局`, `市医保局`, `市海洋发展局`, `县营商环境建设监督局`);
 * - `agencies.merged`: several functions in one bureau (`县工信商务局`, `县文化体育广播电视和旅游局`,
 *   `县农业农村和科学技术局`);
 * - `agencies.abbreviation`: a known short form (`发改委`, `安委会`, `党校`);
 * - `agencies.short-compound`: a level and a run of one-character function morphemes
 *   (`县文广旅体局`, `县农科局`): only after a level, the run being otherwise too common;
 * - `agencies.sector`: a level, a sector and a development body (`县茶叶产业发展中心`,
 *   `县糖业发展办公室`, `县投资促进事务中心`);
 * - `agencies.zone`: the administrative committee of a development zone (`X经济技术开发区管委会`);
 * - `agencies.quoted` / `agencies.setup`: a body quoted or newly set up in the text.
 * Building the name from closed lists, or from a level character, is what keeps the left boundary
 * right: `提升县政务服务中心效能` gives `县政务服务中心`, never `提升县…`.
 */
import { z } from 'zod';
import type { AgencyFact, AgencyLevel, Document } from '../model.ts';
import type { Stage } from '../stage.ts';
import { evidence } from './evidence.ts';
import { alternation, lexicon } from './lexicon.ts';
import { Scanner } from './literals.ts';
import { WordGate } from './word-gate.ts';

const Level = z.enum(['国家', '省', '市', '县', '乡']);
const words = z.array(z.string().min(1));
const chars = z.string().min(1);

/** The shape of `data/lexicons/agencies.json` (checked when it loads). */
export const AgencyLexicon = z.object({
  levels: z.record(z.string().min(1), Level),
  levelWords: z.record(z.string().length(1), chars),
  levelWordsExcept: z.record(z.string().length(1), words),
  levelNotAfter: chars,
  abbreviations: z.record(z.string().min(2), z.string().min(2)),
  functions: words,
  functionForms: z.record(z.string().min(1), z.string().min(1)),
  suffixForms: z.record(z.string().min(1), z.string().min(1)),
  joiners: words,
  tails: words,
  suffixes: words,
  weakSuffixes: words,
  levelOnlySuffixes: words,
  weakFunctionEnds: words,
  notAfter: z.record(z.string().min(1), z.string()),
  shortMorphemes: chars,
  shortSuffixes: words,
  sectorTails: words,
  sectorNotIn: chars,
  facilities: words,
  zoneHeads: words,
  zoneSuffixes: words,
  zoneAfter: chars,
  quotedSuffixes: words,
  setupVerbs: words,
  noise: words,
  leading: words,
});
type AgencyLexicon = z.infer<typeof AgencyLexicon>;

interface Matchers {
  lex: AgencyLexicon;
  /** `[level]function…suffix` (sticky), tried where `levelledAt` lets a function word stand. */
  built: RegExp;
  /** `[level]abbreviation` (sticky), the same way. */
  abbr: RegExp;
  short: Scanner;
  sector: Scanner;
  zone: RegExp;
  zoneEnd: RegExp;
  fnSplit: RegExp;
  quoted: RegExp;
  setup: RegExp;
  facility: RegExp;
  noise: Set<string>;
  noiseTails: string[];
  leading: Set<string>;
  /** Which word and character lists a sentence holds (one pass over it, before any rule; see `bits`). */
  gate: WordGate;
  bits: {
    /** A last character of some suffix or abbreviation: a sentence without one names no body. */
    ends: number;
    /** The same per rule whose endings are fewer (局委办, 心会室局站): a sentence without one skips that scan. */
    shortEnds: number;
    quotedEnds: number;
    /** The words a rule's match holds: functions, abbreviations, sector tails, zone suffixes, setup verbs. */
    functions: number;
    abbreviations: number;
    sectorTails: number;
    zoneSuffixes: number;
    setupVerbs: number;
  };
  /** For each UTF-16 unit, which of a level, a function word, an abbreviation may start with it (`STARTS_*`). */
  starts: Uint8Array;
  longestLevel: number;
}

let cached: Matchers | null = null;

function matchers(): Matchers {
  if (cached) return cached;
  const lex = lexicon('agencies', AgencyLexicon);
  const levels = alternation(Object.keys(lex.levels));
  // A level may be preceded by a masked or short place name only when it is a mask (`X省`):
  // a free CJK run there would swallow the verb before it.
  const level = `(?<level>(?:[xX]+)?(?:${levels}))?`;
  const fn = `(?:${alternation(lex.functions)})`;
  const joiner = `(?:${alternation(lex.joiners)})?`;
  const tails = `(?:${alternation(lex.tails)}){0,2}`;
  const suffix = `(?<suffix>${alternation(lex.suffixes)})`;
  // A match starts with a mask, a level or a function word: only there are the patterns tried.
  const levelStarts = ['x', 'X', ...Object.keys(lex.levels)].map((w) => w[0]!);
  const built = new RegExp(`${level}(?<fn>${fn}(?:${joiner}${fn}){0,4}${tails})${suffix}`, 'y');
  const abbreviations = Object.keys(lex.abbreviations);
  const abbr = new RegExp(`${level}(?<fn>${alternation(abbreviations)})`, 'y');
  const short = new Scanner(
    `(?<level>${levels})(?<fn>[${lex.shortMorphemes}]{2,5})(?<suffix>${alternation(lex.shortSuffixes)})`,
    levelStarts,
  );
  const han = `(?:(?![${lex.sectorNotIn}])[\\u4e00-\\u9fff])`;
  const sector = new Scanner(`(?<level>${levels})(?<fn>${han}{1,6}?(?<tail>${alternation(lex.sectorTails)}))`, levelStarts);
  const zone = new RegExp(
    `(?<=^|[${lex.zoneAfter}])(?<name>${han}{2,10}?(?:${alternation(lex.zoneHeads)})(?:${alternation(lex.zoneSuffixes)}))`,
    'g',
  );
  const q = alternation(lex.quotedSuffixes);
  const quoted = new RegExp(`“(?<name>[\\u4e00-\\u9fff]{2,12}(?:${q}))”`, 'g');
  const setup = new RegExp(`(?:${alternation(lex.setupVerbs)})(?<name>[\\u4e00-\\u9fff]{2,10}(?:${q}))`, 'g');
  const lastChars = new Set([...lex.suffixes, ...lex.shortSuffixes, ...lex.sectorTails, ...lex.zoneSuffixes, ...abbreviations].map((w) => w.slice(-1)));
  const gate = new WordGate();
  const bits = {
    ends: gate.addChars(lastChars),
    shortEnds: gate.addChars(lex.shortSuffixes.map((w) => w.slice(-1))),
    quotedEnds: gate.addChars(lex.quotedSuffixes.map((w) => w.slice(-1))),
    functions: gate.add(lex.functions),
    abbreviations: gate.add(abbreviations),
    sectorTails: gate.add(lex.sectorTails),
    zoneSuffixes: gate.add(lex.zoneSuffixes),
    setupVerbs: gate.add(lex.setupVerbs),
  };
  cached = {
    lex,
    built,
    abbr,
    short,
    sector,
    zone,
    zoneEnd: new RegExp(alternation(lex.zoneSuffixes)),
    fnSplit: new RegExp(`${fn}`, 'g'),
    quoted,
    setup,
    facility: new RegExp(`(?:${alternation(lex.facilities)})$`),
    noise: new Set(lex.noise),
    noiseTails: lex.noise.filter((n) => n.length >= 2),
    leading: new Set(lex.leading),
    gate,
    bits,
    starts: startTable([
      [STARTS_LEVEL, levelStarts],
      [STARTS_FUNCTION, lex.functions],
      [STARTS_ABBREVIATION, abbreviations],
    ]),
    longestLevel: Math.max(...Object.keys(lex.levels).map((l) => l.length)),
  };
  return cached;
}

const STARTS_LEVEL = 1;
const STARTS_FUNCTION = 2;
const STARTS_ABBREVIATION = 4;

/** A table of UTF-16 units: for each, the flags of the word lists with a word starting with it. */
function startTable(lists: Array<[number, string[]]>): Uint8Array {
  const t = new Uint8Array(65536);
  for (const [flag, words] of lists) for (const w of words) if (w) t[w.charCodeAt(0)]! |= flag;
  return t;
}

/**
 * Whether a `[level]word` match (built, abbreviation) may start at `i`: a word of the list `bit`
 * starts there, or a level does (a mask, or a level's first character) and a word may start
 * within the longest level's length after it. Elsewhere the sticky pattern cannot match.
 */
function levelledAt(m: Matchers, text: string, i: number, bit: number, flag: number): boolean {
  const c = text.charCodeAt(i);
  const starts = m.starts[c]!;
  if (starts === 0) return false;
  if ((starts & flag) !== 0 && m.gate.mayStartAt(text, i, bit)) return true;
  if ((starts & STARTS_LEVEL) === 0) return false;
  if (c === 0x78 || c === 0x58) return true;
  for (let k = 1; k <= m.longestLevel; k++) if (m.gate.mayStartAt(text, i + k, bit)) return true;
  return false;
}

/**
 * The matches of a sticky `[level]word` pattern `re` in `text`, as its global scan would give
 * them (leftmost, each resuming after the last), tried only where `levelledAt` allows.
 */
function levelledMatches(m: Matchers, re: RegExp, text: string, bit: number, flag: number): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  for (let i = 0; i < text.length; ) {
    if (!levelledAt(m, text, i, bit, flag)) {
      i++;
      continue;
    }
    re.lastIndex = i;
    const match = re.exec(text);
    if (match) {
      found.push(match);
      i += Math.max(1, match[0].length);
    } else i++;
  }
  return found;
}

/** The level a prefix names (`县` → 县, `国务院` → 国家, `X省` → 省), or null. */
function levelOf(lex: AgencyLexicon, prefix: string | undefined): AgencyLevel {
  if (!prefix) return null;
  const p = prefix.replace(/^[xX]+/, '');
  return lex.levels[p] ?? null;
}

/**
 * Whether the level character at `at` is no body's level: it starts a common word (`县城`, `市场`,
 * `旗舰`), or it is the whole unit (`全县…`).
 */
function levelIsWord(lex: AgencyLexicon, text: string, at: number, levelChar: string, rest: string): boolean {
  if (at > 0 && lex.levelNotAfter.includes(text[at - 1]!)) return true;
  const next = rest[0];
  if (!next || !lex.levelWords[levelChar]?.includes(next)) return false;
  return !lex.levelWordsExcept[levelChar]?.some((w) => rest.startsWith(w));
}

interface Hit {
  /** The canonical full name without level, when the rule knows it (built from its parts). */
  canonical?: string;
  start: number;
  end: number;
  name: string;
  bare: string;
  level: AgencyLevel;
  confidence: number;
  rule: string;
}

/** Candidate bodies in one sentence, overlapping ones included (resolved by the caller). */
function candidates(text: string): Hit[] {
  const m0 = matchers();
  const { lex } = m0;
  const out: Hit[] = [];
  // Every name ends in one of a few characters: most sentences have none. Each rule then runs only
  // where the words or characters its matches hold occur (the gate's one pass over the sentence).
  const bits = m0.gate.scan(text);
  if ((bits & m0.bits.ends) === 0) return out;
  for (const m of (bits & m0.bits.functions) !== 0 ? levelledMatches(m0, m0.built, text, m0.bits.functions, STARTS_FUNCTION) : []) {
    const { level, fn, suffix } = m.groups!;
    const end = m.index! + m[0].length;
    if (lex.notAfter[suffix!]?.includes(text[end] ?? '')) continue;
    if (lex.weakSuffixes.includes(suffix!) && !lex.weakFunctionEnds.some((e) => fn!.endsWith(e))) continue;
    if (!level && lex.levelOnlySuffixes.includes(suffix!)) continue;
    const parts = fn!.match(m0.fnSplit)?.length ?? 1;
    const rule = parts > 1 ? 'agencies.merged' : 'agencies.built';
    const canonical = fn!.replace(m0.fnSplit, (p) => lex.functionForms[p] ?? p) + (lex.suffixForms[suffix!] ?? suffix!);
    out.push({ start: m.index!, end, name: m[0], bare: fn! + suffix!, canonical, level: levelOf(lex, level), confidence: 0.8, rule });
  }
  for (const m of (bits & m0.bits.abbreviations) !== 0 ? levelledMatches(m0, m0.abbr, text, m0.bits.abbreviations, STARTS_ABBREVIATION) : []) {
    const { level, fn } = m.groups!;
    // `商务部门`, `办理`: the short form's last character begins another word.
    if (lex.notAfter[fn!.slice(-1)]?.includes(text[m.index! + m[0].length] ?? '')) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, name: m[0], bare: fn!, level: levelOf(lex, level), confidence: 0.9, rule: 'agencies.abbreviation' });
  }
  for (const m of (bits & m0.bits.shortEnds) !== 0 ? m0.short.matchAll(text) : []) {
    const { level, fn, suffix } = m.groups!;
    const end = m.index! + m[0].length;
    if (levelIsWord(lex, text, m.index!, level!, fn!) || lex.notAfter[suffix!]?.includes(text[end] ?? '')) continue;
    out.push({ start: m.index!, end, name: m[0], bare: fn! + suffix!, level: levelOf(lex, level), confidence: 0.7, rule: 'agencies.short-compound' });
  }
  for (const m of (bits & m0.bits.sectorTails) !== 0 ? m0.sector.matchAll(text) : []) {
    const { level, fn, tail } = m.groups!;
    if (levelIsWord(lex, text, m.index!, level!, fn!)) continue;
    // `县游客服务中心`, `县养老服务中心`: a facility that serves the public, not a body.
    if (m0.facility.test(fn!.slice(0, fn!.length - tail!.length))) continue;
    if (lex.notAfter[tail!.slice(-2)]?.includes(text[m.index! + m[0].length] ?? '')) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, name: m[0], bare: fn!, level: levelOf(lex, level), confidence: 0.6, rule: 'agencies.sector' });
  }
  if ((bits & m0.bits.zoneSuffixes) !== 0 && m0.zoneEnd.test(text)) {
    m0.zone.lastIndex = 0;
    for (let m = m0.zone.exec(text); m !== null; m = m0.zone.exec(text)) {
      const name = m.groups!.name!;
      out.push({ start: m.index!, end: m.index! + name.length, name, bare: name, level: null, confidence: 0.6, rule: 'agencies.zone' });
    }
  }
  if ((bits & m0.bits.quotedEnds) === 0) return out;
  if (text.includes('“')) quotedNames(m0.quoted, 'agencies.quoted', text, out);
  if (bits & m0.bits.setupVerbs) quotedNames(m0.setup, 'agencies.setup', text, out);
  return out;
}

/** The bodies a quote or a setup verb names (the global pattern `re`'s `name`s), appended to `out`. */
function quotedNames(re: RegExp, rule: string, text: string, out: Hit[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const name = m.groups!.name!;
    if (/^[以为在向把对]/.test(name)) continue; // a slogan (`以人民为中心`), not a body
    const start = m.index + m[0].indexOf(name);
    out.push({ start, end: start + name.length, name, bare: name, level: null, confidence: 0.6, rule });
  }
}

const RULE_ORDER = ['agencies.merged', 'agencies.built', 'agencies.abbreviation', 'agencies.short-compound', 'agencies.sector', 'agencies.zone', 'agencies.quoted', 'agencies.setup'];

/** Keeps the longest of overlapping hits (`县城乡综合行政执法局` over `综合行政执法局`). */
function longest(hits: Hit[]): Hit[] {
  if (hits.length < 2) return hits;
  // On equal spans the rule that built the name from its parts speaks for it (rule ids).
  const rank = (h: Hit) => RULE_ORDER.indexOf(h.rule);
  const sorted = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || rank(a) - rank(b));
  const kept: Hit[] = [];
  for (const h of sorted) if (!kept.some((k) => k.start < h.end && h.start < k.end)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}

/** Whether a hit is a leading body or a look-alike (两委, 党组, 人民医院). */
function excluded(m: Matchers, h: Hit): boolean {
  if (m.noise.has(h.bare) || m.leading.has(h.name) || m.leading.has(h.bare)) return true;
  return !m.lex.abbreviations[h.bare] && m.noiseTails.some((n) => h.bare.endsWith(n));
}

/** The names a body goes by besides the one written: without its level, and in full. */
function aliasesOf(h: Hit, canonical: string): string[] {
  const prefix = h.name.slice(0, h.name.length - h.bare.length);
  return [...new Set([h.bare, canonical, prefix + canonical])].filter((n) => n !== h.name);
}

const OPEN = '（(';
const CLOSE = '）)';

export const agencies: Stage = {
  name: 'agencies',
  run(doc: Document): Document {
    const m = matchers();
    const byKey = new Map<string, AgencyFact>();
    for (const s of doc.sentences) {
      let prev: AgencyFact | null = null;
      let prevEnd = -1;
      for (const h of longest(candidates(s.text))) {
        if (excluded(m, h)) continue;
        const canonical = m.lex.abbreviations[h.bare] ?? h.canonical ?? h.bare;
        const key = `${h.level ?? ''}|${canonical}`;
        const ev = evidence(doc, s, s.start + h.start, s.start + h.end, h.rule);
        // `县投资促进事务中心（县投促中心）`: the short form in brackets is the same body.
        const inBrackets: boolean = prev !== null && h.start === prevEnd + 1 && OPEN.includes(s.text[prevEnd]!) && CLOSE.includes(s.text[h.end] ?? '');
        const fact: AgencyFact | undefined = inBrackets ? prev! : byKey.get(key);
        prevEnd = h.end;
        if (fact) {
          fact.evidence.push(ev);
          prev = fact;
          for (const a of [h.name, ...aliasesOf(h, canonical)]) if (a !== fact.name && !fact.aliases!.includes(a)) fact.aliases!.push(a);
          continue;
        }
        prev = { name: h.name, canonical, level: h.level, aliases: aliasesOf(h, canonical), confidence: h.confidence, evidence: [ev] };
        byKey.set(key, prev);
      }
    }
    doc.facts.agencies = [...byKey.values()];
    return doc;
  },
};
