/**
 * Plans: named plans, strategies and campaigns (`“十四五”规划`, `“工业立市”战略`,
 * `《xx山革命老区振兴发展规划》`, `乡村振兴战略`, `安全生产专项整治三年行动`).
 *
 * Three signals, all from `data/lexicons/plans.json`: a quoted slogan followed by a plan word
 * (`“百园增效”三年行动`) or shaped like one (`“三个一批”`, `“人人持证、技能XX”`); a 《…》 title
 * ending in 规划/方案/意见; an unquoted name ending in a plan word right after a verb
 * (`深入实施乡村振兴战略`). National plans every report cites are a general list.
 */
import type { Document, NamedFact } from '../model.ts';
import type { Stage } from '../stage.ts';
import { evidence } from './evidence.ts';
import { alternation, lexicon } from './lexicon.ts';
import { Literals } from './literals.ts';

interface PlanLexicon {
  suffixes: string[];
  unquotedSuffixes: string[];
  campaignWords: string[];
  badStart: string[];
  verbs: string[];
  documents: string[];
  named: string[];
  notSlogans: string[];
  sloganShape: string;
}

interface Rules {
  lex: PlanLexicon;
  quoted: RegExp;
  title: RegExp;
  unquoted: RegExp;
  named: Literals;
  shape: RegExp;
  notSlogans: Set<string>;
  /** What an unquoted name must end in; tested first, as the unquoted pattern is costly. */
  unquotedEnd: RegExp;
}

let cached: Rules | null = null;
function rules(): Rules {
  if (cached) return cached;
  const lex = lexicon<PlanLexicon>('plans');
  const suffix = alternation(lex.suffixes);
  cached = {
    lex,
    // One or more adjacent quoted parts (`“生态优先”“工业立市”`) are handled one by one below.
    quoted: new RegExp(`(?<lead>[\\u4e00-\\u9fffxX]{0,6}?)“(?<body>[^“”]{2,16})”(?<suffix>${suffix})?`, 'g'),
    title: new RegExp(`《(?<body>[^《》]{2,40}?(?:${alternation(lex.documents)}))(?:（[^）]*）)?》`, 'g'),
    unquoted: new RegExp(
      `(?:${alternation(lex.verbs)})(?<body>[\\u4e00-\\u9fffxX]{2,14}?(?:${alternation(lex.unquotedSuffixes)}|(?:${alternation(lex.campaignWords)})工程))(?![\\u4e00-\\u9fff]{0,1}(?:项目|资金|中心|编制))`,
      'g',
    ),
    named: new Literals(lex.named),
    shape: new RegExp(lex.sloganShape),
    notSlogans: new Set(lex.notSlogans),
    unquotedEnd: new RegExp(`${alternation(lex.unquotedSuffixes)}|工程`),
  };
  return cached;
}

interface Hit {
  start: number;
  end: number;
  name: string;
}

/** Leading words that are not part of a plan's name (`坚持“…”`, `全面实施…`). */
const LEAD = /^(?:完成|编制|制定|深入|全面|大力|扎实|持续|加快|积极|继续|认真|切实|坚决|着力|统筹|常态化|高标准|高质量|开展|实施|推进|落实|做好|抓好|打好)+/;

/** `四大战略`, `十大行动`: a counted set of strategies is itself a plan. */
const COUNTED = /(?<=[”])[一二两三四五六七八九十]+大(?:战略|行动|工程|举措)/g;

/** Is the quote ending at `end` one of a chain (`”“`) closed by a counted set (`四大战略`)? */
function chained(text: string, end: number): boolean {
  const rest = text.slice(end);
  const m = /^(?:“[^“”]{1,16}”)*(?:[一二两三四五六七八九十]+大)?(?:战略|行动|工程)/.exec(rest);
  return !!m && /^“|^[一二两三四五六七八九十]+大/.test(rest);
}

/** Plan names in one sentence (sentence-relative spans). */
export function planSpans(text: string): Hit[] {
  const r = rules();
  const out: Hit[] = [];
  const quotes = text.includes('“');
  for (const m of quotes ? text.matchAll(r.quoted) : []) {
    const { body, suffix } = m.groups!;
    if (/[。；！？]/.test(body!)) continue;
    const start = m.index! + m[0].indexOf('“');
    if (suffix && !(r.notSlogans.has(body!) && !/战略|行动|计划/.test(suffix))) {
      out.push({ start, end: m.index! + m[0].length, name: `“${body}”${suffix}` });
    } else if (chained(text, m.index! + m[0].length) && !r.notSlogans.has(body!)) {
      // `“生态优先”“工业立市”…四大战略`: each quoted part of a counted set is a plan.
      out.push({ start, end: start + body!.length + 2, name: `“${body}”` });
    } else if (
      r.shape.test(body!) &&
      !/[、，]/.test(body!) &&
      !r.notSlogans.has(body!) &&
      !r.lex.badStart.some((w) => body!.startsWith(w)) &&
      !/[园城区馆路]$/.test(body!)
    ) {
      out.push({ start, end: start + body!.length + 2, name: `“${body}”` });
    }
  }
  for (const m of text.includes('《') ? text.matchAll(r.title) : []) {
    out.push({ start: m.index!, end: m.index! + m[0].length, name: m.groups!.body! });
  }
  for (const m of r.unquotedEnd.test(text) ? text.matchAll(r.unquoted) : []) {
    // The verb alternation may have matched early (`实施的产业倍增计划`): the name starts after 的.
    const body = m.groups!.body!.split(/[的了]/).pop()!.replace(LEAD, '');
    if (body.length < 4 || /[“”《》等]|作为/.test(body)) continue;
    if (body.endsWith('行动') && !/(?:三年|五年|专项|提升|提速|创建)行动$/.test(body) && body.length < 6) continue;
    if (r.lex.badStart.some((w) => body.startsWith(w))) continue;
    const start = m.index! + m[0].length - body.length;
    out.push({ start, end: start + body.length, name: body });
  }
  for (const m of text.includes('”') ? text.matchAll(COUNTED) : []) out.push({ start: m.index!, end: m.index! + m[0].length, name: m[0] });
  for (const m of r.named.matchAll(text)) out.push({ start: m.index, end: m.index + m[0].length, name: m[0] });
  return out;
}

/** The comparison key: quotes and the suffix-less core, so `“十四五”规划` and `十四五` merge. */
const key = (name: string) => name.replace(/[“”《》\s]/g, '');

export const plans: Stage = {
  name: 'plans',
  run(doc: Document): Document {
    const byKey = new Map<string, NamedFact>();
    for (const s of doc.sentences) {
      for (const h of planSpans(s.text)) {
        const k = key(h.name);
        const ev = evidence(doc, s, s.start + h.start, s.start + h.end);
        const known = byKey.get(k);
        if (known) known.evidence.push(ev);
        else byKey.set(k, { name: h.name, aliases: [], confidence: 0.6, evidence: [ev] });
      }
    }
    // `十四五` alone is subsumed by `“十四五”规划`: keep the longer, the shorter as an alias.
    const facts = [...byKey.values()];
    for (const f of facts) {
      const longer = facts.find(
        (g) => g !== f && (key(g.name).startsWith(key(f.name)) || key(g.name).endsWith(key(f.name))) && byKey.has(key(g.name)),
      );
      if (longer && byKey.has(key(f.name)) && key(f.name).length >= 2) {
        longer.aliases!.push(f.name);
        longer.evidence.push(...f.evidence);
        byKey.delete(key(f.name));
      }
    }
    doc.facts.plans = [...byKey.values()];
    return doc;
  },
};
