/**
 * Agencies: government and public bodies with a specific function (`县农业农村局`, `教体局`,
 * `国务院扶贫办`, `县政务服务中心`). A candidate is `[level]function suffix` built from the
 * lexicon `data/lexicons/agencies.json`, a known abbreviation (`发改委`, `安委会`, `党校`), or a
 * body set up or quoted in the text (`成立城市景观艺术委员会`, `“营商环境客服中心”`).
 * Building the name from a closed list of functions is what keeps the left boundary right:
 * `提升县政务服务中心效能` gives `县政务服务中心`, never `提升县…`.
 */
import type { AgencyFact, AgencyLevel, Document } from '../model.ts';
import type { Stage } from '../stage.ts';
import { evidence } from './evidence.ts';
import { alternation, lexicon } from './lexicon.ts';
import { Scanner } from './literals.ts';

interface AgencyLexicon {
  levels: Record<string, Exclude<AgencyLevel, null>>;
  abbreviations: Record<string, string>;
  functions: string[];
  suffixes: string[];
  weakSuffixes: string[];
  weakFunctionEnds: string[];
  notAfter: Record<string, string>;
  quotedSuffixes: string[];
  setupVerbs: string[];
  noise: string[];
  leading: string[];
}

interface Matchers {
  lex: AgencyLexicon;
  built: Scanner;
  abbr: Scanner;
  quoted: RegExp;
  setup: RegExp;
  /** A last character of some suffix or abbreviation: a sentence without one names no body. */
  ends: RegExp;
}

let cached: Matchers | null = null;

function matchers(): Matchers {
  if (cached) return cached;
  const lex = lexicon<AgencyLexicon>('agencies');
  // A level may be preceded by a masked or short place name only when it is a mask (`X省`):
  // a free CJK run there would swallow the verb before it.
  const level = `(?<level>(?:[xX]+)?(?:${alternation(Object.keys(lex.levels))}))?`;
  // A match starts with a mask, a level or a function word: only there are the patterns tried.
  const starts = (fns: string[]) => ['x', 'X', ...Object.keys(lex.levels), ...fns].map((w) => w[0]!);
  const built = new Scanner(`${level}(?<fn>${alternation(lex.functions)})(?<suffix>${alternation(lex.suffixes)})`, starts(lex.functions));
  const abbreviations = Object.keys(lex.abbreviations);
  const abbr = new Scanner(`${level}(?<fn>${alternation(abbreviations)})`, starts(abbreviations));
  const q = alternation(lex.quotedSuffixes);
  const quoted = new RegExp(`“(?<name>[\\u4e00-\\u9fff]{2,12}(?:${q}))”`, 'g');
  const setup = new RegExp(`(?:${alternation(lex.setupVerbs)})(?<name>[\\u4e00-\\u9fff]{2,10}(?:${q}))`, 'g');
  const lastChars = new Set([...lex.suffixes, ...Object.keys(lex.abbreviations)].map((w) => w.slice(-1)));
  const ends = new RegExp(`[${[...lastChars].join('')}]`);
  cached = { lex, built, abbr, quoted, setup, ends };
  return cached;
}

/** The level a prefix names (`县` → 县, `国务院` → 国家, `X省` → 省), or null. */
function levelOf(lex: AgencyLexicon, prefix: string | undefined): AgencyLevel {
  if (!prefix) return null;
  const p = prefix.replace(/^[xX]+/, '');
  return lex.levels[p] ?? null;
}

/** The canonical full name, without level: abbreviation lexicon first, else the name as written. */
function canonicalOf(lex: AgencyLexicon, bare: string): string {
  return lex.abbreviations[bare] ?? bare;
}

interface Hit {
  start: number;
  end: number;
  name: string;
  bare: string;
  level: AgencyLevel;
  confidence: number;
}

/** Candidate bodies in one sentence, overlapping ones included (resolved by the caller). */
function candidates(text: string): Hit[] {
  const { lex, built, abbr, quoted, setup, ends } = matchers();
  const out: Hit[] = [];
  // Every built or abbreviated name ends in one of a few characters: most sentences have none.
  const named = ends.test(text);
  for (const m of named ? built.matchAll(text) : []) {
    const { level, fn, suffix } = m.groups!;
    const end = m.index! + m[0].length;
    const next = text[end] ?? '';
    if (lex.notAfter[suffix!]?.includes(next)) continue;
    if (lex.weakSuffixes.includes(suffix!) && !lex.weakFunctionEnds.some((e) => fn!.endsWith(e))) continue;
    out.push({ start: m.index!, end, name: m[0], bare: fn! + suffix!, level: levelOf(lex, level), confidence: 0.8 });
  }
  for (const m of named ? abbr.matchAll(text) : []) {
    const { level, fn } = m.groups!;
    out.push({ start: m.index!, end: m.index! + m[0].length, name: m[0], bare: fn!, level: levelOf(lex, level), confidence: 0.9 });
  }
  for (const re of text.includes('“') ? [quoted, setup] : [setup]) {
    for (const m of text.matchAll(re)) {
      const name = m.groups!.name!;
      if (/^[以为在向把对]/.test(name)) continue; // a slogan (`以人民为中心`), not a body
      const start = m.index! + m[0].indexOf(name);
      out.push({ start, end: start + name.length, name, bare: name, level: null, confidence: 0.6 });
    }
  }
  return out;
}

/** Keeps the longest of overlapping hits (`县城乡综合行政执法局` over `综合行政执法局`). */
function longest(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Hit[] = [];
  for (const h of sorted) if (!kept.some((k) => k.start < h.end && h.start < k.end)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}

export const agencies: Stage = {
  name: 'agencies',
  run(doc: Document): Document {
    const { lex } = matchers();
    const noise = new Set(lex.noise);
    const leading = new Set(lex.leading);
    const byKey = new Map<string, AgencyFact>();
    for (const s of doc.sentences) {
      for (const h of longest(candidates(s.text))) {
        if (noise.has(h.bare) || leading.has(h.name) || leading.has(h.bare)) continue;
        if ([...noise].some((n) => h.bare.endsWith(n) && n.length >= 2 && !lex.abbreviations[h.bare])) continue;
        const canonical = canonicalOf(lex, h.bare);
        const key = `${h.level ?? ''}|${canonical}`;
        const ev = evidence(doc, s, s.start + h.start, s.start + h.end);
        const fact = byKey.get(key);
        if (fact) {
          fact.evidence.push(ev);
          if (h.name !== fact.name && !fact.aliases!.includes(h.name)) fact.aliases!.push(h.name);
          continue;
        }
        byKey.set(key, { name: h.name, canonical, level: h.level, aliases: [], confidence: h.confidence, evidence: [ev] });
      }
    }
    doc.facts.agencies = [...byKey.values()];
    return doc;
  },
};
