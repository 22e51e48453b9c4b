/**
 * Plans: named plans, strategies and campaigns (`“十四五”规划`, `“工业立市”战略`,
 * `《xx山革命老区振兴发展规划》`, `乡村振兴战略`, `安全生产专项整治三年行动`, `工业强县`).
 *
 * Every word list is in `data/lexicons/plans.json`; the rules, with the id their evidence carries:
 * - `plans.quoted`: a quoted slogan followed by a plan word (`“百园增效”三年行动`) or shaped like
 *   one (`“三个一批”`, `“拿地即开工”`, `“制造业当家”`);
 * - `plans.slogan`: the N字 strategies a county names itself by — a field and a verb of the
 *   unit (`工业强县`, `生态立旗`, `旅游兴市`, `以茶兴县`), quoted or not, one per item of a list;
 * - `plans.slogan-list`: a quoted list of short slogans after a strategy verb
 *   (`坚持“转型为纲、项目为王”`), kept whole;
 * - `plans.title`: a 《…》 title ending in 规划/方案/意见;
 * - `plans.unquoted`: an unquoted name ending in a plan word right after a verb (`深入实施乡村振兴战略`);
 * - `plans.counted`: a counted set after quoted parts (`…四大战略`);
 * - `plans.pairing`: a cooperation between two provinces by their short names (`粤桂协作`);
 * - `plans.named`: national plans every report may cite.
 * Half-width quotes (`"一镇一品"`) are read as the full-width pairs they stand for.
 */
import { z } from 'zod';
import type { Document, NamedFact } from '../model.ts';
import type { Stage } from '../stage.ts';
import { evidence } from './evidence.ts';
import { alternation, lexicon } from './lexicon.ts';
import { Literals } from './literals.ts';
import { WordGate } from './word-gate.ts';

const words = z.array(z.string().min(1));

/** The shape of `data/lexicons/plans.json` (checked when it loads). */
export const PlanLexicon = z.object({
  suffixes: words,
  unquotedSuffixes: words,
  campaignWords: words,
  badStart: words,
  lead: words,
  verbs: words,
  strategyVerbs: words,
  documents: words,
  named: words,
  notSlogans: words,
  generic: words,
  sloganShape: z.string().min(1),
  sloganNext: words,
  sloganVerbs: z.string().min(1),
  sloganUnits: z.string().min(1),
  sloganNotField: z.string().min(1),
  pairingChars: z.string().min(2),
  pairingWords: words,
  partOfName: z.string().min(1),
  regionSuffixes: words,
  regionVerbs: words,
  synonyms: z.record(z.string().min(1), z.string().min(1)),
});
type PlanLexicon = z.infer<typeof PlanLexicon>;

interface Rules {
  lex: PlanLexicon;
  quoted: RegExp;
  title: RegExp;
  unquoted: RegExp;
  named: Literals;
  shape: RegExp;
  slogan: RegExp;
  sloganWhole: RegExp;
  sloganEnd: RegExp;
  pairing: RegExp;
  lead: RegExp;
  strategyBefore: RegExp;
  notSlogans: Set<string>;
  generic: Set<string>;
  partOfName: RegExp;
  /** What an unquoted name must end in; tested first, as the unquoted pattern is costly. */
  unquotedEnd: Literals;
  regionEnd: RegExp;
  regionVerb: RegExp;
  /** Which of the word lists below a sentence may hold (one pass over it, before any rule). */
  gate: WordGate;
  bits: { unquotedEnd: number; named: number; sloganEnd: number; cooperation: number; quoteOpen: number; quoteClose: number; title: number; aid: number };
}

let cached: Rules | null = null;
function rules(): Rules {
  if (cached) return cached;
  const lex = lexicon('plans', PlanLexicon);
  const suffix = alternation(lex.suffixes);
  // `工业强县`, `以茶兴县`: two characters of field, a verb, the unit the slogan is for.
  const field = `(?![${lex.sloganNotField}])[\\u4e00-\\u9fff](?![${lex.sloganNotField}])[\\u4e00-\\u9fff]`;
  const tail = `[${lex.sloganVerbs}][${lex.sloganUnits}]`;
  // Quoted, the field may also be `以` and a thing (`“以茶兴县”`); unquoted that reads prose.
  const slogan = `${field}${tail}`;
  const quotedSlogan = `(?:以[\\u4e00-\\u9fff]|${field})${tail}`;
  const gate = new WordGate();
  const bits = {
    unquotedEnd: gate.add([...lex.unquotedSuffixes, ...lex.regionSuffixes, '工程']),
    named: gate.add(lex.named),
    // `sloganEnd`'s pairs: a verb character, then a unit character.
    sloganEnd: gate.add([...lex.sloganVerbs].flatMap((v) => [...lex.sloganUnits].map((u) => v + u))),
    cooperation: gate.add(['协作']),
    // What the quoted, title, counted and pairing rules look for first, found in the same pass.
    quoteOpen: gate.addChars('“'),
    quoteClose: gate.addChars('”'),
    title: gate.addChars('《'),
    aid: gate.addChars('援'),
  };
  cached = {
    lex,
    // One or more adjacent quoted parts (`“生态优先”“工业立市”`) are handled one by one below.
    quoted: new RegExp(`“(?<body>[^“”]{2,30})”(?<suffix>${suffix})?`, 'g'),
    title: new RegExp(`《(?<body>[^《》]{2,40}?(?:${alternation(lex.documents)}))(?:（[^）]*）)?》`, 'g'),
    unquoted: new RegExp(
      `(?:${alternation(lex.verbs)})(?<body>[\\u4e00-\\u9fffxX]{2,14}?(?:${alternation([...lex.unquotedSuffixes, ...lex.regionSuffixes])}|(?:${alternation(lex.campaignWords)})工程))(?![\\u4e00-\\u9fff]{0,1}(?:项目|资金|中心|编制|[${lex.partOfName}]))`,
      'g',
    ),
    named: new Literals(lex.named),
    shape: new RegExp(lex.sloganShape),
    // Unquoted, the slogan must end where a word may end (`工业强县战略`, `工业强县、`), so that a
    // county named 兴县 or 富县 (`推动兴县经济`) reads as the place.
    slogan: new RegExp(`(?:${slogan})(?=[^\\u4e00-\\u9fff]|$|${alternation(lex.sloganNext)})`, 'g'),
    sloganWhole: new RegExp(`^(?:${quotedSlogan})$`),
    sloganEnd: new RegExp(`[${lex.sloganVerbs}][${lex.sloganUnits}]`),
    pairing: new RegExp(`[${lex.pairingChars}]{2}(?:东西部)?(?:${alternation(lex.pairingWords)})`, 'g'),
    lead: new RegExp(`^(?:${alternation(lex.lead)})+`),
    strategyBefore: new RegExp(`(?:${alternation(lex.strategyVerbs)})$`),
    notSlogans: new Set(lex.notSlogans),
    generic: new Set(lex.generic),
    partOfName: new RegExp(`^[${lex.partOfName}]`),
    unquotedEnd: new Literals([...lex.unquotedSuffixes, ...lex.regionSuffixes, '工程']),
    regionEnd: new RegExp(`(?:${alternation(lex.regionSuffixes)})$`),
    regionVerb: new RegExp(`(?:${alternation(lex.regionVerbs)})$`),
    gate,
    bits,
  };
  return cached;
}

interface Hit {
  start: number;
  end: number;
  name: string;
  rule: string;
  /** Another name the plan goes by (`“扩群增量”行动` → `扩群增量`). */
  alias?: string;
}

/** `四大战略`, `十大行动`: a counted set of strategies is itself a plan. */
const COUNTED = /(?<=[”])[一二两三四五六七八九十]+大(?:战略|行动|工程|举措)/g;

/** Is the quote ending at `end` one of a chain (`”“`) closed by a counted set (`四大战略`)? */
function chained(text: string, end: number): boolean {
  const rest = text.slice(end);
  const m = /^(?:“[^“”]{1,16}”)*(?:[一二两三四五六七八九十]+大)?(?:战略|行动|工程)/.exec(rest);
  return !!m && /^“|^[一二两三四五六七八九十]+大/.test(rest);
}

/** Half-width quotes paired as full-width ones (`"一镇一品"` → `“一镇一品”`), same length. */
function fullQuotes(text: string): string {
  if (!text.includes('"')) return text;
  let open = true;
  return text.replace(/"/g, () => ((open = !open) ? '”' : '“'));
}

/** Whether a quoted body is a single slogan (no list, not a metaphor, not a place). */
function sloganLike(r: Rules, body: string): boolean {
  return (
    r.shape.test(body) &&
    !/[、，]/.test(body) &&
    !r.notSlogans.has(body) &&
    !r.lex.badStart.some((w) => body.startsWith(w)) &&
    !/[园城区馆路级]$/.test(body)
  );
}

/** The plans a quoted phrase names (sentence-relative spans), appended to `out`. */
function quotedPlans(r: Rules, text: string, m: RegExpExecArray, out: Hit[]): void {
  const { body, suffix } = m.groups!;
  if (/[。；！？]/.test(body!)) return;
  const start = m.index!;
  const end = start + m[0].length;
  const items = body!.split('、');
  // `“生态立县、工业强县、文旅兴县”战略`: each item is a strategy of its own.
  if (items.length > 1 && items.every((i) => r.sloganWhole.test(i) && !r.notSlogans.has(i))) {
    let at = start + 1;
    for (const i of items) {
      out.push({ start: at, end: at + i.length, name: i, rule: 'plans.slogan' });
      at += i.length + 1;
    }
    return;
  }
  if (items.length > 1) {
    // `坚持“转型为纲、项目为王、改革为要”`: a list of short slogans after a strategy verb is one plan.
    const short = items.every((i) => i.length >= 2 && i.length <= 6);
    if (short && (r.strategyBefore.test(text.slice(Math.max(0, start - 4), start)) || suffix)) {
      out.push({ start, end, name: `“${body}”${suffix ?? ''}`, rule: 'plans.slogan-list', alias: suffix ? body! : undefined });
    }
    return;
  }
  if (suffix && !(r.notSlogans.has(body!) && !/战略|行动|计划/.test(suffix))) {
    out.push({ start, end, name: `“${body}”${suffix}`, rule: 'plans.quoted', alias: body! });
  } else if (chained(text, end) && !r.notSlogans.has(body!)) {
    // `“生态优先”“工业立市”…四大战略`: each quoted part of a counted set is a plan.
    out.push({ start, end: start + body!.length + 2, name: `“${body}”`, rule: 'plans.quoted' });
  } else if (r.sloganWhole.test(body!) && !r.notSlogans.has(body!)) {
    out.push({ start, end: start + body!.length + 2, name: `“${body}”`, rule: 'plans.slogan' });
  } else if (sloganLike(r, body!)) {
    out.push({ start, end: start + body!.length + 2, name: `“${body}”`, rule: 'plans.quoted' });
  }
}

/** Plan names in one sentence (sentence-relative spans). */
export function planSpans(raw: string): Hit[] {
  const r = rules();
  const text = fullQuotes(raw);
  const out: Hit[] = [];
  // Each rule runs only where the words it needs may occur (one pass over the sentence's pairs);
  // the global patterns run by `exec` from the start, as `matchAll` would, without its copy of the pattern.
  const bits = r.gate.scan(text);
  if (bits & r.bits.quoteOpen) for (let m = firstMatch(r.quoted, text); m !== null; m = r.quoted.exec(text)) quotedPlans(r, text, m, out);
  if (bits & r.bits.title) {
    for (let m = firstMatch(r.title, text); m !== null; m = r.title.exec(text)) {
      out.push({ start: m.index, end: m.index + m[0].length, name: m.groups!.body!, rule: 'plans.title' });
    }
  }
  if ((bits & r.bits.unquotedEnd) !== 0 && r.unquotedEnd.test(text)) {
    for (let m = firstMatch(r.unquoted, text); m !== null; m = r.unquoted.exec(text)) unquotedPlan(r, m, out);
  }
  const quotedSpans = out.length;
  if ((bits & r.bits.sloganEnd) !== 0 && r.sloganEnd.test(text)) {
    for (let m = firstMatch(r.slogan, text); m !== null; m = r.slogan.exec(text)) {
      if (r.notSlogans.has(m[0])) continue;
      // Inside a quote the quoted rules have spoken (`“农业稳旗、工业强旗”战略` is one plan).
      if (out.slice(0, quotedSpans).some((h) => h.start <= m!.index && m!.index < h.end)) continue;
      out.push({ start: m.index, end: m.index + m[0].length, name: m[0], rule: 'plans.slogan' });
    }
  }
  if (((bits & r.bits.cooperation) !== 0 && text.includes('协作')) || (bits & r.bits.aid) !== 0) {
    for (let m = firstMatch(r.pairing, text); m !== null; m = r.pairing.exec(text)) {
      out.push({ start: m.index, end: m.index + m[0].length, name: m[0], rule: 'plans.pairing' });
    }
  }
  if (bits & r.bits.quoteClose) {
    for (let m = firstMatch(COUNTED, text); m !== null; m = COUNTED.exec(text)) {
      out.push({ start: m.index, end: m.index + m[0].length, name: m[0], rule: 'plans.counted' });
    }
  }
  if (bits & r.bits.named) namedPlans(r, text, out);
  return out.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
}

/** The first match of a global pattern in `text`, its scan started over (then `re.exec` gives the next). */
function firstMatch(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(text);
}

/** The plan an unquoted match names (`深入实施乡村振兴战略`), if it is one, appended to `out`. */
function unquotedPlan(r: Rules, m: RegExpExecArray, out: Hit[]): void {
  // The verb alternation may have matched early (`实施的产业倍增计划`): the name starts after 的.
  const body = m.groups!.body!.split(/[的了和与及、]/).pop()!.replace(r.lead, '');
  if (body.length < 4 || /[“”《》等局]|作为/.test(body) || r.generic.has(body)) return;
  if (body.endsWith('行动') && !/(?:三年|五年|专项|提升|提速|创建)行动$/.test(body) && body.length < 6) return;
  if (r.lex.badStart.some((w) => body.startsWith(w))) return;
  // `成为首都经济圈…`: a region is a strategy only where the text joins or builds it.
  const verb = m[0].slice(0, m[0].length - m.groups!.body!.length);
  if (r.regionEnd.test(body) && !r.regionVerb.test(verb)) return;
  const start = m.index + m[0].length - body.length;
  out.push({ start, end: start + body.length, name: body, rule: 'plans.unquoted' });
}

/** National plans named in `text` (the trie tried where the gate lets a name's first pair stand), appended to `out`. */
function namedPlans(r: Rules, text: string, out: Hit[]): void {
  r.gate.eachWord(text, r.bits.named, r.named, (name, i) => {
    const end = i + name.length;
    // `县乡村振兴局`: a plan's words inside a body's name are the body, not the plan.
    if (!r.partOfName.test(text.slice(end))) out.push({ start: i, end, name, rule: 'plans.named' });
  });
}

/** The comparison key: quotes and the suffix-less core, so `“十四五”规划` and `十四五` merge;
 * synonyms (`碳达峰碳中和` for `双碳`) share their plan's key. */
function key(name: string): string {
  const k = name.replace(/[“”《》\s]/g, '');
  return rules().lex.synonyms[k] ?? k;
}

export const plans: Stage = {
  name: 'plans',
  run(doc: Document): Document {
    const byKey = new Map<string, NamedFact>();
    for (const s of doc.sentences) {
      for (const h of planSpans(s.text)) {
        const k = key(h.name);
        const ev = evidence(doc, s, s.start + h.start, s.start + h.end, h.rule);
        const known = byKey.get(k);
        const aliases = h.alias ? [h.alias] : [];
        if (known) {
          known.evidence.push(ev);
          for (const a of [h.name, ...aliases]) if (a !== known.name && !known.aliases!.includes(a)) known.aliases!.push(a);
        } else byKey.set(k, { name: h.name, aliases, confidence: 0.6, evidence: [ev] });
      }
    }
    // `十四五` alone is subsumed by `“十四五”规划`: keep the longer, the shorter as an alias.
    // Keys computed once: this pairs every fact with every other, and `key` runs a regex.
    const facts = [...byKey.values()];
    const keys = facts.map((f) => key(f.name));
    facts.forEach((f, i) => {
      const kf = keys[i]!;
      const j = facts.findIndex((g, j) => g !== f && (keys[j]!.startsWith(kf) || keys[j]!.endsWith(kf)) && byKey.has(keys[j]!));
      if (j >= 0 && byKey.has(kf) && kf.length >= 2) {
        const longer = facts[j]!;
        longer.aliases!.push(f.name);
        longer.evidence.push(...f.evidence);
        byKey.delete(kf);
      }
    });
    doc.facts.plans = [...byKey.values()];
    return doc;
  },
};
