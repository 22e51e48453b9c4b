/**
 * Targets and results: an indicator with a figure (`地区生产总值年均增速达到8.5%以上`,
 * `新建5G基站285个`, `打造2个省级示范村`). Goals go to `facts.targets`, figures achieved to
 * `facts.results`.
 *
 * Goal or result: the clause's own tense cues first (`同比`, `预计完成`, `增长了` → result;
 * `力争`, `确保`, `到2025年` → goal), then a list opened by `主要预期目标是：`, then the sentence's
 * section (review/plan, ingest/structure.ts), then the sentences it continues (`；`) and the
 * section before it. A run of sentences joined by `；` shares its list, year and role: structure
 * cuts sentences at `；`, target lists are written that way.
 *
 * Per clause (split at ，；：), each quantity takes as indicator the text before it (back to the
 * previous quantity or the clause start) without lead words (`到2025年`, `力争`) and comparator
 * verbs (`突破`, `达到`); when that is only a verb (`打造`), the noun after the quantity joins it
 * (`打造` + `省级示范村`); when it is empty (`7%以上、力争8%`), it inherits the previous one.
 * `A、B分别增长x%、y%` and `城乡…分别…` give one target per indicator; `A、B两个产业集群均迈入百亿级`
 * and `打造A、B、C三大百亿产业链` one per item. Quantities that modify a noun (`总投资30亿元的…`,
 * `10亿元以上项目`) are not targets themselves. Indicators resolve to the catalogue
 * (ingest/indicators.ts) or stay uncatalogued when they read as a clean noun phrase; sentence
 * fragments are dropped.
 */
import type { Comparator, Document, Sentence, TargetFact } from '../model.ts';
import type { Stage } from '../stage.ts';
import { convertUnit, resolveIndicator, unitFamily } from '../indicators.ts';
import { chineseToNumber } from '../numbers.ts';
import { evidence } from './evidence.ts';
import { alternation, escapeRe } from './lexicon.ts';
import { mayHoldQuantity, quantities, type Found } from './quantities.ts';
import { sentenceSpans } from './projects.ts';
import { targetLexicon, type TargetLexicon } from './target-lexicon.ts';

type Role = 'target' | 'result';

interface Rules {
  lex: TargetLexicon;
  lead: RegExp;
  trail: RegExp;
  /** The last characters of the trailing verbs: `trail` can match only before one of them. */
  trailEnds: Set<string>;
  afterWords: RegExp;
  afterAtStart: RegExp;
  result: RegExp;
  resultSentence: RegExp;
  goal: RegExp;
  goalComparator: RegExp;
  plan: RegExp;
  listOpener: RegExp;
  growth: RegExp;
  growthTail: RegExp;
  annual: RegExp;
  qualifier: RegExp;
  rank: RegExp;
  thisYear: RegExp;
  nextYear: RegExp;
  planEnd: RegExp;
  projectAmount: RegExp;
  functionEnd: RegExp;
  from: RegExp;
  capacity: RegExp;
  distributive: RegExp;
  fragment: RegExp;
  baseline: RegExp;
  projectFact: RegExp;
  bare: Set<string>;
  countVerb: RegExp;
  countVerbStart: RegExp;
  enumeration: RegExp;
  classifiers: Set<string>;
  vague: Set<string>;
  pairs: RegExp | null;
  beforeComparators: Array<[string, Exclude<Comparator, null>]>;
}

let cached: Rules | null = null;
function rules(): Rules {
  if (cached) return cached;
  const lex = targetLexicon();
  const after = alternation(Object.keys(lex.comparators.after));
  const growth = alternation(lex.growthWords);
  const pairs = Object.keys(lex.pairs);
  cached = {
    lex,
    lead: new RegExp(`^(?:${lex.leadRe.join('|')}|[，、和及与])+`),
    trail: new RegExp(`(?:${alternation(lex.trailVerbs)})+$`),
    trailEnds: new Set(lex.trailVerbs.map((w) => w.slice(-1))),
    afterWords: new RegExp(`^(?:${after})`),
    afterAtStart: new RegExp(`^(?:${after})+[、和]?`),
    result: new RegExp(lex.resultCuesRe.join('|')),
    resultSentence: new RegExp(`^(?:${lex.resultSentenceCuesRe.join('|')})`),
    goal: new RegExp(alternation(lex.goalCues)),
    goalComparator: new RegExp(alternation(lex.goalComparators)),
    plan: new RegExp(alternation(lex.planCues)),
    listOpener: new RegExp(lex.listOpenersRe.join('|')),
    growth: new RegExp(growth),
    growthTail: new RegExp(`(?:${alternation(lex.annualAverageWords)})?(?:${growth})$`),
    annual: new RegExp(alternation(lex.annualAverageWords)),
    qualifier: new RegExp(alternation(lex.growthQualifiers)),
    rank: new RegExp(lex.rankRe.join('|')),
    thisYear: new RegExp(alternation(lex.thisYearWords)),
    nextYear: new RegExp(alternation(lex.nextYearWords)),
    planEnd: new RegExp(`(${alternation(Object.keys(lex.planPeriodEnds))}).?(?:期)?末`),
    projectAmount: new RegExp(alternation(lex.projectAmountWords)),
    functionEnd: new RegExp(`[${escapeRe(lex.functionEndings)}]$`),
    from: new RegExp(`(?:${alternation(lex.fromWords)})$`),
    capacity: new RegExp(`(?:${alternation(lex.capacityWords)})$`),
    distributive: new RegExp(alternation(lex.distributive)),
    fragment: new RegExp(lex.fragmentRe.join('|')),
    baseline: new RegExp(lex.baselineRe.join('|'), 'g'),
    projectFact: new RegExp(lex.projectFactRe.join('|')),
    bare: new Set(lex.bareMeasures),
    countVerb: new RegExp(alternation(lex.countVerbs)),
    countVerbStart: new RegExp(`^(?:${alternation(lex.countVerbs)})`),
    // `甲、乙、丙三大` / `甲、乙两个产业集群均迈入`: an enumeration counted before a figure.
    enumeration: new RegExp(
      `^(.*?)((?:[^、，]{1,12}、)+[^、，]{1,12}?)([0-9]+|[两二三四五六七八九十])(?:${alternation(lex.enumerationCounters)})` +
        `(?:([^、，]*?)(?:${alternation(lex.enumerationAll)})[^、，]*)?$`,
    ),
    classifiers: new Set(lex.classifiers),
    vague: new Set(lex.vagueChineseUnits),
    pairs: pairs.length ? new RegExp(`^(${alternation(pairs)})`) : null,
    beforeComparators: Object.entries(lex.comparators.before).sort((a, b) => b[0].length - a[0].length),
  };
  return cached;
}

/** Clause marks, Chinese and ASCII, as a table read per character. */
const CLAUSE_MARKS = new Uint8Array(65536);
for (const c of '，；：:;。！？!?,') CLAUSE_MARKS[c.charCodeAt(0)] = 1;
const isDigitAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};
/** An ASCII comma between a digit and three more is a thousands mark (`1,200`), no clause mark. */
const thousandsMark = (text: string, i: number) =>
  text.charCodeAt(i) === 44 && i > 0 && isDigitAt(text, i - 1) && isDigitAt(text, i + 1) && isDigitAt(text, i + 2) && isDigitAt(text, i + 3);

/** Clauses as [start, end) pairs, flat: split at clause marks (a thousands comma is none). */
function clauseBounds(text: string): number[] {
  const out: number[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const inside = CLAUSE_MARKS[text.charCodeAt(i)] === 0 || thousandsMark(text, i);
    if (inside && start < 0) start = i;
    else if (!inside && start >= 0) {
      out.push(start, i);
      start = -1;
    }
  }
  if (start >= 0) out.push(start, text.length);
  return out;
}
const CJK = /[\u4e00-\u9fff]/;
const RATE_UNITS = new Set(['%', '‰', '个百分点', '百分点', '倍']);
const NOT_NAME = /[^\u4e00-\u9fffA-Za-z]/g;
/** A year a figure is for; not a baseline (`在2022年基础上`, `比2020年`). */
const YEAR = /(?<![比较])(?:到|至)?(20\d\d|二〇[一二三四五六七八九〇]{2})年(?!(?:的)?基础)/g;
const CHINESE_COUNT = /^(?:[0-9]+|[两二三四五六七八九十]+)$/;

/** A line break inside a sentence (copied from a PDF), with the page number between two pages (`- 2 -`). */
const LINE_BREAK = /[ \t]*\n(?:\s*[-—–]\s*\d{1,3}\s*[-—–][ \t]*\n)?\s*/g;
const IDENTITY = (i: number) => i;

/**
 * The sentence without its line breaks (`196.8亿\n元`, `规\n模以上`), and the offset in the
 * sentence of each offset in that text: figures and names read across the breaks.
 */
function joinLines(text: string): { text: string; at: (i: number) => number } {
  if (!text.includes('\n')) return { text, at: IDENTITY };
  const cuts: Array<[number, number]> = []; // [offset in the joined text, characters removed before it]
  let removed = 0;
  const joined = text.replace(LINE_BREAK, (m: string, offset: number) => {
    removed += m.length;
    cuts.push([offset + m.length - removed, removed]);
    return '';
  });
  return {
    text: joined,
    at: (i: number) => {
      let shift = 0;
      for (const [from, n] of cuts) if (i >= from) shift = n;
      return i + shift;
    },
  };
}

/** What the figures of one run of `；`-joined sentences share. */
interface Run {
  role: Role | null;
  year: number | null;
  list: boolean;
}

interface Context {
  planYear: number | null;
  /** Year the document was delivered in, when it differs from the plan year (a December meeting). */
  dateYear: number | null;
  run: Run | null;
  /** The last review/plan section seen: what an unmarked sentence most likely belongs to. */
  lastSection: Role | null;
}

function comparatorOf(before: string, after: string, r: Rules): Comparator {
  const a = r.afterWords.exec(after)?.[0];
  if (a) return r.lex.comparators.after[a]!;
  for (const [w, c] of r.beforeComparators) if (before.endsWith(w)) return c;
  return '=';
}

const yearNumber = (y: string) => (/^20/.test(y) ? Number(y) : chineseToNumber(y));

/** The last year a text names (`到2025年`, `二〇二五年`, `十四五末`), or null. */
function namedYear(text: string): number | null {
  let last: number | null = null;
  if (text.includes('年')) {
    YEAR.lastIndex = 0;
    for (let m = YEAR.exec(text); m !== null; m = YEAR.exec(text)) last = yearNumber(m[1]!);
  }
  const r = rules();
  // Every plan period's end is written with 末 (`十四五末`).
  const plan = text.includes('末') ? r.planEnd.exec(text)?.[1] : undefined;
  if (plan) last = r.lex.planPeriodEnds[plan]!;
  return last;
}

/** The year `今年/明年` stand for in this document. */
function relativeYear(text: string, ctx: Context): number | null {
  if (ctx.planYear == null) return null;
  const r = rules();
  if (r.thisYear.test(text)) return ctx.planYear;
  // A December meeting's plan year is already next year: its 明年 is the plan year.
  if (r.nextYear.test(text)) return ctx.dateYear != null && ctx.dateYear < ctx.planYear ? ctx.planYear : ctx.planYear + 1;
  return null;
}

/** The year in the headings above the sentence (`二、2023年主要预期目标`), innermost first. */
/** A heading's year, read once per heading text: every sentence below it asks. */
const headingYears = new Map<string, number | null>();

/** The last sentence's heading and its year: consecutive sentences mostly share a heading. */
let lastHeading: { headings: Document['headings']; heading: number; year: number | null } | null = null;

function headingYear(doc: Document, s: Sentence): number | null {
  if (lastHeading?.headings === doc.headings && lastHeading.heading === s.heading) return lastHeading.year;
  const year = headingYearOf(doc, s.heading);
  lastHeading = { headings: doc.headings, heading: s.heading, year };
  return year;
}

/**
 * The year of a heading or of the nearest heading above it of a higher level, and so on up
 * (`headings[h]`'s own year, else its parent's): remembered per heading of the current document,
 * as every run of sentences under a heading asks.
 */
function headingYearOf(doc: Document, heading: number): number | null {
  if (heading < 0) return null; // above the first heading
  if (headingMemo.headings !== doc.headings) headingMemo = { headings: doc.headings, years: [], parents: parentHeadings(doc.headings) };
  const years = headingMemo.years;
  const known = years[heading];
  if (known !== undefined) return known;
  const head = doc.headings[heading]!;
  let y = headingYears.get(head.text);
  if (y === undefined) {
    if (headingYears.size > 10000) headingYears.clear();
    headingYears.set(head.text, (y = namedYear(head.text)));
  }
  let year: number | null = y || null;
  if (!year) {
    const parent = headingMemo.parents[heading]!;
    year = parent >= 0 ? headingYearOf(doc, parent) : null;
  }
  years[heading] = year;
  return year;
}
let headingMemo: { headings: Document['headings']; years: Array<number | null>; parents: Int32Array } = { headings: [], years: [], parents: new Int32Array(0) };

/** Per heading, the nearest heading before it of a higher level (a lower number), or -1: one pass with a stack. */
function parentHeadings(headings: Document['headings']): Int32Array {
  const parents = new Int32Array(headings.length);
  const open: number[] = [];
  for (let h = 0; h < headings.length; h++) {
    const level = headings[h]!.level;
    while (open.length && headings[open[open.length - 1]!]!.level >= level) open.pop();
    parents[h] = open.length ? open[open.length - 1]! : -1;
    open.push(h);
  }
  return parents;
}

function clean(s: string, r: Rules): string {
  let t = s.trim().replace(r.afterAtStart, '').replace(r.lead, '').replace(r.baseline, '');
  t = t.replace(/^[，、和及与]+|[，、和及与]+$/g, '');
  if (r.trailEnds.has(t.slice(-1))) t = t.replace(r.trail, '');
  return t.trim();
}

/** Is the quantity a modifier of a following noun (`30亿元的项目`, `10亿元以上项目`)? */
function modifier(after: string, q: Found, r: Rules): boolean {
  // `30亿元的项目`, `年屠宰加工30万只山羊的屠宰厂`: the figure describes what follows.
  if (/^的/.test(after)) return true;
  if (r.classifiers.has(q.unit)) return false;
  if (/^[\u4e00-\u9fff]{1,6}的/.test(after) && !/^(?:以上|左右|以内)/.test(after)) return true;
  return /^(?:以上|以下|左右)[\u4e00-\u9fff]/.test(after) && !/^(?:以上|以下|左右)(?:的)?[，。；]/.test(after);
}

/**
 * Chinese numerals count slogans far more often than goals (`四个意识`, `三个一批`, `第二个百年`).
 * An amount in a unit of measure (`三十万亩`, `百分之八`, `一千五百万人次`) is a figure; a count
 * (`一个`, `五家`) is one when it closes its clause (`新增学位二千四百个`) or the clause builds
 * something (`至少打造一个…`, `建设甲、乙两个…`), never in quotes or after 第.
 */
function slogan(clause: string, q: Found, r: Rules): boolean {
  const after = clause.slice(q.end);
  if (/^[人民口员才]/.test(after) && /人$/.test(q.unit)) return true; // `X万人民`
  const before = clause.slice(0, q.start);
  // A figure quoted with its noun names something (`“x%工作法”`, `“百亿产业集群”`); `“千亿级”` alone is a figure.
  if (/[“"][^”“"]{0,4}$/.test(before) && /^[^”“"\s]+[”"]/.test(after)) return true;
  // An ordinal or a place in a ranking (`第3位`, `排名前移至5位`) measures nothing.
  if (/第$/.test(before) || (q.unit === '位' && r.rank.test(clause))) return true;
  if (!q.chinese) return false;
  if (q.unit === '亿级') return false; // `“千亿级”汽车产业集群`
  if (/[“"第]$/.test(before) || /^[^”“"]{0,6}[”"]/.test(after)) return true;
  if (q.unit === '%' || q.unit === '倍') return false;
  if (r.vague.has(q.unit)) return true;
  if (!r.classifiers.has(q.unit.replace(/^[万亿]/, '')) && !r.classifiers.has(q.unit)) return false;
  if (/^(?:以上|左右|以内)?$/.test(after)) return false;
  return !r.countVerb.test(before);
}

/** The leading noun right after a quantity (`省级示范村` in `2个省级示范村、46个…`). */
function nounAfter(after: string, r: Rules): string {
  const rest = after.replace(r.afterWords, '');
  const m = /^[“"\u4e00-\u9fffA-Za-z0-9][“”"\u4e00-\u9fffA-Za-z0-9]*/.exec(rest);
  return m ? m[0].replace(/^的/, '').replace(/[和及与]$/, '') : '';
}

/**
 * The indicators a distributive head names (`城镇、农村常住居民人均可支配收入`): parallel short
 * modifiers share the last item's noun (城镇 + 常住居民人均可支配收入); `城乡X` is 城镇X and 农村X.
 */
function distribute(head: string, n: number, r: Rules): string[] | null {
  // 、 separates items; 和 only where 、 does not (及, 与 stand inside names: 普及率).
  let parts = head.split('、').filter(Boolean);
  if (parts.length === 1 && head.split('和').length === n) parts = head.split('和').filter(Boolean);
  if (parts.length === 1 && n === 2 && r.pairs) {
    const p = r.pairs.exec(head)?.[1];
    if (p) return r.lex.pairs[p]!.map((x) => x + head.slice(p.length));
  }
  if (parts.length !== n || n < 2) return null;
  const last = parts[n - 1]!;
  const mods = parts.slice(0, -1);
  const width = mods[0]!.length;
  if (mods.every((m) => m.length === width && m.length <= 4) && last.length > width + 1) {
    const shared = last.slice(width);
    return [...mods.map((m) => m + shared), last];
  }
  return parts;
}

/** A name that reads as a sentence fragment, not a noun phrase (`一天之内可以长到`, `但仅仅占到全市的`). */
function fragment(ind: string, r: Rules): boolean {
  if (ind.length > r.lex.maxIndicatorLength) return true;
  if (r.fragment.test(ind)) return true;
  if (r.functionEnd.test(ind)) return true;
  return ind.replace(NOT_NAME, '').length < 3;
}

/** Whether the clause's only goal cue is a year after 到 (`到2021年`), which a look back uses too. */
function onlyDeadline(clause: string, r: Rules): boolean {
  return /到(?:20|二〇)/.test(clause) && !r.goal.test(clause.replace(/到(?:20|二〇)/g, '　'));
}

function cueOf(clause: string, s: Sentence, r: Rules, ctx: Context): Role | null {
  // In a look back, a year reached (`增加到2021年的…`) is no goal unless a goal word says so.
  const goal = (r.goal.test(clause) && !(s.section === 'review' && onlyDeadline(clause, r))) || (s.section !== 'review' && r.goalComparator.test(clause));
  if (r.result.test(clause) && !goal) return 'result';
  if (goal) {
    // `到2020年` in a review of the past five years is not a goal.
    const y = namedYear(clause);
    if (!(y != null && ctx.planYear != null && y < ctx.planYear)) return 'target';
  }
  return null;
}

/** What kind of figure a clause holds: its own cue or the sentence's so far, its list, its section, the text before. */
function roleOf(cue: Role | null, s: Sentence, inList: boolean, sentenceRole: Role | null, ctx: Context): Role | null {
  if (cue) return cue;
  if (inList) return 'target';
  if (s.section === 'review') return 'result';
  if (s.section === 'plan') return 'target';
  return sentenceRole ?? ctx.run?.role ?? ctx.lastSection;
}

export interface FoundTarget {
  role: Role;
  fact: TargetFact;
}

interface Item {
  q: Found;
  ind: string;
  rule: string;
  rawBefore: string;
  after: string;
  /** The figure a `由X增加到Y` starts from. */
  baseline?: number | null;
}

/** Targets and results in one sentence; `ctx` carries what a `；`-run and the document share. */
export function targetsIn(doc: Document, s: Sentence, ctx: Context): FoundTarget[] {
  const r = rules();
  const out: FoundTarget[] = [];
  if (!mayHoldQuantity(s.text)) return out;
  const { text, at } = joinLines(s.text);
  const opener = r.listOpener.exec(text);
  const news = r.resultSentence.test(text);
  const sentenceRole: Role | null = s.section === 'other' && r.plan.test(text) ? 'target' : null;
  let runYear = ctx.run?.year ?? null;
  let hYear: number | null | undefined; // read once a figure needs it
  let previous = ''; // the indicator an empty one inherits (`7%以上、力争8%`)
  let previousParts: string[] | null = null;
  let cue: Role | null = null;
  let lastCount = ''; // a count of projects, whose amount a bare `总投资` is // the heads of the last `分别` (`…分别达到…，分别增长…`)
  // A named project's investment (`实施X工程，总投资2.25亿元`) is a fact of the project, not a goal.
  // Project spans cost as much as the projects stage itself: found only once a figure is.
  let spans: ReturnType<typeof sentenceSpans> | null = null;
  let projectEnds: number[] = [];
  // Clauses whose cue is not read yet: only a clause with a figure needs the cue so far.
  let cueFrom = 0;
  const bounds = clauseBounds(text);
  for (let k = 0; k < bounds.length; k += 2) {
    const base = bounds[k]!;
    const clause = text.slice(base, bounds[k + 1]!);
    const qs = figures(clause, r);
    const explicit = namedYear(clause);
    if (explicit != null) runYear = explicit;
    if (!qs.length) continue;
    // `力争到2027年，规模以上工业企业达到80家`: a cue holds for the clauses after it (the last one that has one).
    cue = latestCue(text, bounds, cueFrom, k, s, r, ctx) ?? cue;
    cueFrom = k + 2;
    if (!spans) {
      spans = sentenceSpans(s, text);
      projectEnds = /投资/.test(text) ? spans.map((p) => p.end) : [];
    }
    const inList = (opener != null && opener.index < base + clause.length) || (ctx.run?.list ?? false);
    const role = news ? 'result' : roleOf(cue, s, inList, sentenceRole, ctx);
    if (!role || r.projectFact.test(text.slice(0, base + clause.length))) continue;
    // Goals no cue dates are for the plan year.
    const year = explicit ?? runYear ?? relativeYear(text.slice(0, base + clause.length), ctx) ?? (hYear === undefined ? (hYear = headingYear(doc, s)) : hYear) ?? (role === 'target' ? ctx.planYear : null);
    // A figure for a year before the plan year is a result, whatever the section says (`2023年…` in a 2024 plan).
    const past = year != null && ctx.planYear != null && year < ctx.planYear && !r.goal.test(clause);
    const items = readItems(clause, qs, r, previous, previousParts);
    previousParts = items.parts ?? previousParts;
    for (const it of items.list) {
      const { q } = it;
      const at0 = base + q.start;
      // `安排市级重点项目220个，总投资2860亿元`: the amount of the projects just counted.
      const bare = r.bare.has(it.ind);
      if (bare && !lastCount) continue; // `X项目：总投资15亿元`: the project's own figure
      if (bare) it.ind = lastCount + it.ind;
      else if (r.projectAmount.test(it.ind) && /元$/.test(q.unit) && projectEnds.some((e) => e <= at0 && at0 - e <= 24)) continue;
      // A figure inside a project's name (`源网荷3万千瓦储能项目`) is the project's capacity.
      // A count is not (`建设甲镇、乙镇两个旅游特色小镇`).
      if (qs.length === 1 && !r.classifiers.has(q.unit) && spans.some((p) => p.start <= at0 && at0 < p.end)) continue;
      const fact = targetFact(doc, s, clause, [s.start + at(at0), s.start + at(at0 + q.end - q.start - 1) + 1], it, year, inList, r);
      if (!fact) continue;
      previous = it.ind;
      if (!bare) lastCount = r.classifiers.has(q.unit) && /项目$/.test(fact.indicator) ? fact.indicator : '';
      out.push({ role: past ? 'result' : role, fact });
    }
  }
  ctx.run = /[；;]$/.test(text) ? { role: out.at(-1)?.role ?? ctx.run?.role ?? null, year: runYear, list: opener != null || (ctx.run?.list ?? false) } : null;
  return out;
}

/**
 * The clause's quantities that are figures. A count right before another figure counts its items
 * (`两个十亿级产业`): the enumeration's, not a figure.
 */
function figures(clause: string, r: Rules): Found[] {
  const all = quantities(clause);
  if (!all.length) return all;
  const out: Found[] = [];
  for (let i = 0; i < all.length; i++) {
    const q = all[i]!;
    if (modifier(clause.slice(q.end), q, r) || slogan(clause, q, r)) continue;
    if (r.classifiers.has(q.unit) && all[i + 1]?.start === q.end) continue;
    if (describes(clause, q, all[i + 1], r)) continue;
    out.push(q);
  }
  return out;
}

/** The cue of the last clause in bounds [from, to] (pairs' indices) that has one, or null. */
function latestCue(text: string, bounds: number[], from: number, to: number, s: Sentence, r: Rules, ctx: Context): Role | null {
  for (let k = to; k >= from; k -= 2) {
    const c = cueOf(text.slice(bounds[k]!, bounds[k + 1]!), s, r, ctx);
    if (c) return c;
  }
  return null;
}

/** The indicator each quantity of a clause measures. */
function readItems(clause: string, qs: Found[], r: Rules, before: string, previousParts: string[] | null): { list: Item[]; parts: string[] | null } {
  let previous = before;
  const list: Item[] = [];
  const dist = r.distributive.exec(clause);
  let parts: string[] | null = null;
  if (dist) {
    const after = qs.filter((q) => q.start >= dist.index);
    const head = clean(clause.slice(0, dist.index), r);
    const verb = clean(clause.slice(dist.index + dist[0].length, after[0]?.start ?? dist.index), r);
    const heads = head ? distribute(head, after.length, r) : previousParts && previousParts.length === after.length ? previousParts : null;
    if (heads && after.length === qs.length) {
      parts = heads;
      qs.forEach((q, i) => {
        const a = clause.slice(q.end, qs[i + 1]?.start ?? clause.length);
        list.push({ q, ind: heads[i]! + verb, rule: 'targets.fenbie', rawBefore: clause.slice(dist.index, q.start), after: a });
      });
      return { list, parts };
    }
  }
  let from = 0;
  let prevNoun = '';
  let start: { value: number | null; ind: string } | null = null; // `由98亿元` before `增加到146亿元`
  const firstVerb = clean(clause.slice(0, qs[0]!.start), r);
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i]!;
    const rawBefore = clause.slice(from, q.start);
    const after = clause.slice(q.end, qs[i + 1]?.start ?? clause.length);
    let ind = clean(rawBefore, r);
    let rule = 'targets.figure';
    if (r.from.test(rawBefore) && qs[i + 1]) {
      start = { value: q.value, ind: clean(rawBefore.replace(r.from, ''), r) };
      from = q.end;
      continue;
    }
    if (start) {
      list.push({ q, ind: start.ind + ind, rule: 'targets.from-to', rawBefore, after, baseline: start.value });
      previous = start.ind;
      start = null;
      from = q.end;
      continue;
    }
    // A rate has no counted noun after it (`兑付率100%”作为…`).
    const noun = RATE_UNITS.has(q.unit) ? '' : nounAfter(after, r);
    const enumeration = qs.length === 1 ? r.enumeration.exec(rawBefore) : null;
    if (enumeration && sameCount(enumeration, r)) {
      // `打造咖啡、牛油果、甘蔗三大百亿产业链`, `冶金新材料、中医药两个产业集群均迈入百亿级`.
      const items = enumeration[2]!.split('、');
      // `培育甲、乙、丙三大…`: the verb before the first item is the enumeration's.
      const lead = r.countVerbStart.exec(items[0]!)?.[0] ?? '';
      items[0] = items[0]!.slice(lead.length);
      const verb = clean(enumeration[1]! + lead, r);
      const shared = enumeration[4] || noun;
      for (const item of items) {
        list.push({ q, ind: `${verb}${item}${shared}`, rule: 'targets.enumeration', rawBefore, after });
      }
      from = q.end;
      continue;
    }
    if (!ind && previous && (noun.length < 2 || /^(?:大关|左右|以上)/.test(after))) {
      // `地区生产总值增长8%，到2025年突破70亿元`: the clause continues the previous indicator
      // (a rate after a rate keeps its growth word: `增长9%以上、力争10%`).
      ind = RATE_UNITS.has(q.unit) ? previous : previous.replace(r.growthTail, '');
      rule = 'targets.continued';
    } else if (noun.length >= 2) {
      // `打造2个省级示范村`, `建成胡襄等5个乡镇污水处理厂`: the counted noun follows the figure.
      // After `2个省级示范村、`, the text before `46个` is the previous noun: reuse the verb.
      const repeats = i > 0 && (!CJK.test(ind) || (prevNoun !== '' && ind.startsWith(prevNoun)));
      const verb = repeats ? (firstVerb.length <= 4 ? firstVerb : '') : ind;
      ind = verb + noun;
      rule = 'targets.counted-noun';
    } else if (ind.replace(r.growth, '').replace(r.annual, '').replace(r.qualifier, '').length < 2 && previous) {
      ind = `${previous.replace(r.growthTail, '')}${ind}`;
      rule = 'targets.continued';
    }
    from = q.end;
    prevNoun = noun;
    if (ind) previous = ind;
    list.push({ q, ind, rule, rawBefore, after });
  }
  return { list, parts };
}

/** `超十亿元企业5家`: an amount just before the noun another figure counts describes that noun. */
function describes(clause: string, q: Found, next: Found | undefined, r: Rules): boolean {
  if (!next || r.classifiers.has(q.unit) || !r.classifiers.has(next.unit)) return false;
  if (r.capacity.test(clause.slice(0, q.start))) return false;
  return /^[\u4e00-\u9fff]{1,8}$/.test(clause.slice(q.end, next.start));
}

/** Whether an enumeration's count (`三大`) matches its items (`咖啡、牛油果、甘蔗`). */
function sameCount(m: RegExpExecArray, r: Rules): boolean {
  if (!CHINESE_COUNT.test(m[3]!)) return false;
  const n = /^[0-9]/.test(m[3]!) ? Number(m[3]) : chineseToNumber(m[3]!.replace(/^两/, '二'));
  return n === m[2]!.split('、').length && !r.fragment.test(m[2]!);
}

function targetFact(doc: Document, s: Sentence, clause: string, span: [number, number], it: Item, year: number | null, inList: boolean, r: Rules): TargetFact | null {
  const { q } = it;
  let ind = it.ind;
  const growth = r.growth.test(ind) || q.unit === '倍';
  const entry = ind ? resolveIndicator(ind, q.unit, growth) : null;
  if (!ind || fragment(ind, r)) {
    // A catalogued name inside a fragment is the indicator (`…要确保脱贫人口人均纯收入增长`).
    const name = entry?.synonyms.filter((n) => ind.includes(n)).sort((a, b) => b.length - a.length)[0];
    if (!name) return null;
    ind = ind.slice(ind.indexOf(name));
    if (fragment(ind, r)) return null;
  }
  const normal = normalised(q, entry?.unit ?? null);
  const rule = inList && it.rule === 'targets.figure' ? 'targets.list-item' : it.rule;
  const fact: TargetFact = {
    indicator: ind,
    indicatorId: entry?.id ?? null,
    indicatorName: entry?.name ?? null,
    value: q.redacted ? null : q.value,
    unit: q.unit,
    // A size class (`百亿级`) is a floor.
    comparator: q.unit === '亿级' ? '>=' : comparatorOf(it.rawBefore.trim(), it.after, r),
    year,
    baseline: it.baseline ?? null,
    measure: measureOf(entry?.measure ?? null, growth, q.unit, r),
    annualAverage: r.annual.test(it.rawBefore) || r.annual.test(ind),
    normalised: normal,
    redacted: q.redacted,
    text: clause,
    confidence: 0.7,
    evidence: [evidence(doc, s, span[0], span[1], rule)],
  };
  return fact;
}

function measureOf(catalogued: TargetFact['measure'] | null, growth: boolean, unit: string, r: Rules): TargetFact['measure'] {
  if (growth || unit === '个百分点' || unit === '倍') return 'growth';
  if (catalogued) return catalogued;
  if (unit === '%' || unit === '‰') return 'share';
  if (r.classifiers.has(unit) || r.classifiers.has(unit.replace(/^[万亿]/, ''))) return 'count';
  return 'level';
}

/** The stated amount in the catalogue's unit (money without an entry in 亿元); null when it does not convert. */
function normalised(q: Found, unit: string | null): TargetFact['normalised'] {
  if (q.value == null) return null;
  const to = unit ?? (unitFamily(q.unit) === 'money' ? '亿元' : null);
  if (!to) return null;
  const v = convertUnit(q.value, q.unit, to);
  return v == null ? null : { value: v, unit: to };
}

export const targets: Stage = {
  name: 'targets',
  run(doc: Document): Document {
    const planYear = doc.year ?? null;
    const dateYear = Number((doc.meta.date ?? doc.date ?? '').slice(0, 4)) || null;
    const ctx: Context = { planYear, dateYear, run: null, lastSection: null };
    for (const s of doc.sentences) {
      for (const { role, fact } of targetsIn(doc, s, ctx)) (role === 'target' ? doc.facts.targets : doc.facts.results).push(fact);
      if (s.section === 'review') ctx.lastSection = 'result';
      else if (s.section === 'plan') ctx.lastSection = 'target';
    }
    return doc;
  },
};
