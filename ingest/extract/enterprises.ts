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
import type { Document, NamedFact } from '../model.ts';
import type { Stage } from '../stage.ts';
import { evidence } from './evidence.ts';
import { alternation, lexicon } from './lexicon.ts';
import { Literals } from './literals.ts';

interface EnterpriseLexicon {
  suffixes: string[];
  trades: string[];
  after: string;
  listNouns: string[];
  generic: string[];
  known: string[];
  provinces: string[];
  boundaries: string[];
  tradeNotBefore: Record<string, string[]>;
}

interface Rules {
  lex: EnterpriseLexicon;
  suffixed: RegExp;
  traded: RegExp;
  listed: RegExp;
  known: Literals;
  knownTail: RegExp;
  fromProject: RegExp;
  trade: RegExp;
  suffix: RegExp;
  regional: RegExp;
  after: RegExp;
  generic: RegExp;
  boundary: RegExp;
}

let cached: Rules | null = null;
function rules(): Rules {
  if (cached) return cached;
  const lex = lexicon<EnterpriseLexicon>('enterprises');
  // Project boundaries (verbs, prepositions) also end the left side of a company's name.
  const { boundaries } = lexicon<{ boundaries: string[] }>('projects');
  const name = '[\\u4e00-\\u9fffA-Za-z]';
  // Where a short name may start: a list separator, a preposition, or a verb that takes a company.
  const lead = `(?<=^|[、，：“与同和及对在把将由的]|${lex.boundaries.join('|')})`;
  cached = {
    lex,
    suffixed: new RegExp(`(?<name>(?:[xX]{2,})?${name}{2,10}?(?:${alternation(lex.suffixes)}))`, 'g'),
    traded: new RegExp(`${lead}(?<name>(?:[xX]{2,})?[\\u4e00-\\u9fff]{2,6}?(?:${alternation(lex.trades)}))`, 'g'),
    listed: new RegExp(`(?<items>[^，。；：]{2,80}?)等(?:[0-9xX一二三四五六七八九十]+家)?[\\u4e00-\\u9fff“”]{0,8}?(?:${alternation(lex.listNouns)})`, 'g'),
    known: new Literals(lex.known),
    knownTail: new RegExp(`^(?:${alternation([...lex.trades, '物流', '集团', '公司'])})`),
    fromProject: new RegExp(`^((?:[xX]{2,})?[\\u4e00-\\u9fff]{2,4}?(?:${alternation(lex.trades)}))`),
    trade: new RegExp(alternation(lex.trades)),
    suffix: new RegExp(alternation(lex.suffixes)),
    regional: new RegExp(`${lead}(?:${alternation(lex.provinces)})[\\u4e00-\\u9fff]{2,6}(?<![路街区县市镇伸])(?=、|等)`, 'g'),
    after: new RegExp(lex.after),
    generic: new RegExp(`^(?:${alternation(lex.generic)}|${alternation(lex.trades)}|${alternation(lex.suffixes)}|[“”])+$`),
    boundary: new RegExp(alternation([...boundaries, ...lex.boundaries]), 'g'),
  };
  return cached;
}

/** The name after the rightmost boundary word (`深化与晋能控股集团` → `晋能控股集团`). */
function afterBoundary(s: string, r: Rules, minLeft: number): string {
  let cut = 0;
  for (const m of s.matchAll(r.boundary)) {
    const end = m.index! + m[0].length;
    if (s.length - end >= minLeft) cut = Math.max(cut, end);
  }
  return s.slice(cut);
}

interface Hit {
  start: number;
  end: number;
  name: string;
}

/** Adds a name that passes `ok` (a function, not a closure per sentence: see targets.ts). */
function push(out: Hit[], r: Rules, start: number, name: string): void {
  if (ok(name, r)) out.push({ start, end: start + name.length, name });
}

function ok(name: string, r: Rules): boolean {
  return name.length >= 2 && name.length <= 16 && !r.generic.test(name) && !/[的了“”]/.test(name);
}

/** Enterprise names in one sentence (sentence-relative spans). */
export function enterpriseSpans(text: string): Hit[] {
  const r = rules();
  const out: Hit[] = [];
  // Each pattern is tried only where the word it needs occurs (a cheap scan): most sentences
  // name no company, and the patterns' lazy runs are costly at every position.
  const suffixed = r.suffix.test(text);
  const listed = text.includes('等');
  for (const m of suffixed ? text.matchAll(r.suffixed) : []) {
    const raw = m.groups!.name!;
    const name = afterBoundary(raw, r, 2);
    push(out, r, m.index! + raw.length - name.length, name);
  }
  for (const m of listed ? text.matchAll(r.listed) : []) {
    const items = m.groups!.items!;
    const base = m.index!;
    let at = 0;
    const parts = items.split('、');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      const name = i === 0 ? afterBoundary(p, r, 2) : p;
      push(out, r, base + at + p.length - name.length, name.replace(/^[“]|[”]$/g, ''));
      at += p.length + 1;
    }
  }
  for (const m of r.trade.test(text) ? text.matchAll(r.traded) : []) {
    const raw = m.groups!.name!;
    const end = m.index! + raw.length;
    const name = afterBoundary(raw, r, 2);
    const rest = text.slice(end);
    const trade = Object.keys(r.lex.tradeNotBefore).find((t) => raw.endsWith(t));
    if (trade && r.lex.tradeNotBefore[trade]!.some((w) => rest.startsWith(w))) continue;
    if (r.after.test(rest)) push(out, r, end - name.length, name);
  }
  for (const m of listed || text.includes('、') ? text.matchAll(r.regional) : []) push(out, r, m.index!, m[0]);
  for (const m of r.known.matchAll(text)) {
    // `京东物流`, `华润电力`: a known name with its business line is the subsidiary named.
    const tail = r.knownTail.exec(text.slice(m.index + m[0].length));
    push(out, r, m.index!, m[0] + (tail?.[0] ?? ''));
  }
  return out;
}

/** The company at the head of a project's name (`力量钻石二期` → `力量钻石`). */
function fromProject(name: string, r: Rules): string | null {
  const m = r.fromProject.exec(name);
  return m && ok(m[1]!, r) && m[1]!.length < name.length ? m[1]! : null;
}

export const enterprises: Stage = {
  name: 'enterprises',
  run(doc: Document): Document {
    const r = rules();
    const byName = new Map<string, NamedFact>();
    const add = (name: string, ev: NamedFact['evidence'][number]) => {
      // `晋能控股集团` and `晋能控股` are one company: keep the first seen, alias the other.
      const same = [...byName.values()].find((f) => f.name.startsWith(name) || name.startsWith(f.name));
      if (same) {
        if (same.name !== name && !same.aliases!.includes(name)) same.aliases!.push(name);
        same.evidence.push(ev);
      } else byName.set(name, { name, aliases: [], confidence: 0.6, evidence: [ev] });
    };
    for (const s of doc.sentences) {
      for (const h of enterpriseSpans(s.text)) add(h.name, evidence(doc, s, s.start + h.start, s.start + h.end));
    }
    for (const p of doc.facts.projects ?? []) {
      const name = fromProject(p.name, r);
      if (name && p.evidence[0]) add(name, { ...p.evidence[0] });
    }
    doc.facts.enterprises = [...byName.values()];
    return doc;
  },
};
