/**
 * Targets and results: an indicator with a figure (`地区生产总值年均增速达到8.5%以上`,
 * `新建5G基站285个`, `打造2个省级示范村`). Goals in plan sentences go to `facts.targets`,
 * figures in review sentences (or plan sentences that report the past) to `facts.results`.
 *
 * Per clause (split at ，；：), each quantity takes as indicator the text before it (back to the
 * previous quantity or the clause start) without lead words (`到2025年`, `力争`) and comparator
 * verbs (`突破`, `达到`); when that is only a verb (`打造`), the noun after the quantity joins it
 * (`打造` + `省级示范村`); when it is empty (`分别增长x%、x%`), it inherits the previous one.
 * Quantities that modify a noun (`总投资30亿元的…`, `10亿元以上项目`) are not targets themselves.
 */
import type { Comparator, Document, Sentence, TargetFact } from '../model.ts';
import type { Stage } from '../stage.ts';
import { evidence } from './evidence.ts';
import { alternation, lexicon } from './lexicon.ts';
import { mayHoldQuantity, quantities, type Found } from './quantities.ts';
import { projectSpans } from './projects.ts';

interface TargetLexicon {
  classifiers: string[];
  lead: string[];
  trailVerbs: string[];
  growthWords: string[];
  comparators: { before: Record<string, Exclude<Comparator, null>>; after: Record<string, Exclude<Comparator, null>> };
  reviewCues: string[];
  planCues: string[];
}
interface IndicatorLexicon {
  indicators: Array<{ id: string; growth?: string; names: string[] }>;
}

interface Rules {
  lex: TargetLexicon;
  lead: RegExp;
  trail: RegExp;
  afterWords: RegExp;
  review: RegExp;
  plan: RegExp;
  growth: RegExp;
  names: Array<{ name: string; id: string; growth?: string }>;
}

let cached: Rules | null = null;
function rules(): Rules {
  if (cached) return cached;
  const lex = lexicon<TargetLexicon>('targets');
  const ind = lexicon<IndicatorLexicon>('indicators');
  const names = ind.indicators
    .flatMap((i) => i.names.map((name) => ({ name, id: i.id, growth: i.growth })))
    .sort((a, b) => b.name.length - a.name.length);
  cached = {
    lex,
    lead: new RegExp(`^(?:${lex.lead.join('|')}|[，、和及与])+`),
    trail: new RegExp(`(?:${alternation(lex.trailVerbs)})+$`),
    afterWords: new RegExp(`^(?:${alternation(Object.keys(lex.comparators.after))})`),
    review: new RegExp(lex.reviewCues.join('|')),
    plan: new RegExp(lex.planCues.join('|')),
    growth: new RegExp(alternation(lex.growthWords)),
    names,
  };
  return cached;
}

const CLAUSE = /[^，；：:;。！？]+/g;
const CJK = /[\u4e00-\u9fff]/;

/** What kind of sentence a figure in it would be: a goal, a result, or neither. */
function role(s: Sentence, r: Rules): 'target' | 'result' | null {
  if (s.section === 'review') return 'result';
  if (s.section === 'plan') return 'target';
  return r.plan.test(s.text) ? 'target' : null;
}

function comparatorOf(before: string, after: string, r: Rules): Comparator {
  const a = r.afterWords.exec(after)?.[0];
  if (a) return r.lex.comparators.after[a]!;
  for (const [w, c] of Object.entries(r.lex.comparators.before)) if (before.endsWith(w)) return c;
  return '=';
}

/** Year the goal is set for: an explicit `到2025年`, or the document year for `今年/全年/年内`. */
function yearOf(text: string, docYear: number | null): number | null {
  const y = /(?:到|至)?(20\d\d)年/.exec(text);
  if (y) return Number(y[1]);
  if (/十四五.?末/.test(text)) return 2025;
  if (docYear && /今年|全年|年内|年底前/.test(text)) return docYear;
  if (docYear && /明年/.test(text)) return docYear + 1;
  return null;
}

function clean(s: string, r: Rules): string {
  let t = s.trim().replace(r.lead, '');
  t = t.replace(/^[，、和及与]+|[，、和及与]+$/g, '');
  t = t.replace(r.trail, '');
  return t.replace(/[“”]/g, (q) => q).trim();
}

/** Is the quantity a modifier of a following noun (`30亿元的项目`, `10亿元以上项目`)? */
function modifier(after: string, q: Found, r: Rules): boolean {
  if (/^的/.test(after)) return true;
  if (r.lex.classifiers.includes(q.unit)) return false;
  return /^(?:以上|以下|左右)[\u4e00-\u9fff]/.test(after) && !/^(?:以上|以下|左右)(?:的)?[，。；]/.test(after);
}

/**
 * Chinese numerals count slogans far more often than goals (`四个意识`, `三个一批`, `第二个百年`):
 * one counts only after a building verb or a comparator (`至少打造一个…`), never in quotes.
 */
function slogan(clause: string, q: Found): boolean {
  const raw = clause.slice(q.start, q.end);
  if (/^[人民口员才]/.test(clause.slice(q.end)) && /人$/.test(q.unit)) return true; // `X万人民`
  if (/^[0-9xX]/.test(raw)) return false;
  const before = clause.slice(0, q.start);
  if (/[“第]$/.test(before) || /^[^”“]{0,6}”/.test(clause.slice(q.end))) return true;
  return !/(?:至少|不少于|达到|突破|超过|新增|新建|建成|打造|建设)$/.test(before);
}

/** The leading noun right after a quantity (`省级示范村` in `2个省级示范村、46个…`). */
function nounAfter(after: string, r: Rules): string {
  const rest = after.replace(r.afterWords, '');
  const m = /^[“”\u4e00-\u9fffA-Za-z0-9]+/.exec(rest);
  return m ? m[0].replace(/^[的]/, '') : '';
}

function indicatorId(indicator: string, r: Rules): { id: string | null; growth: boolean } {
  const growth = r.growth.test(indicator);
  for (const n of r.names) if (indicator.includes(n.name)) return { id: growth && n.growth ? n.growth : n.id, growth };
  return { id: null, growth };
}

/** Targets (or results) in one sentence. */
export function targetsIn(doc: Document, s: Sentence, docYear: number | null): TargetFact[] {
  const r = rules();
  const out: TargetFact[] = [];
  let previous = ''; // the indicator an empty one inherits (`分别增长x%、x%`)
  if (!mayHoldQuantity(s.text)) return out;
  // A named project's investment (`实施X工程，总投资2.25亿元`) is a fact of the project, not a goal.
  // Project spans cost as much as the projects stage itself: found only once a figure is.
  // (No closures here: under tsx each named closure made per sentence costs a defineProperty.)
  let spans: ReturnType<typeof projectSpans> | null = null;
  let projectEnds: number[] = [];
  for (const c of s.text.matchAll(CLAUSE)) {
    const clause = c[0];
    const base = c.index!;
    const qs = quantities(clause).filter(
      (q) => !modifier(clause.slice(q.end), q, r) && !slogan(clause, q),
    );
    if (!qs.length) continue;
    if (!spans) {
      spans = projectSpans(s.text);
      projectEnds = /投资/.test(s.text) ? spans.map((p) => p.end) : [];
    }
    // An explicitly dated or modal clause keeps its year for every figure in it.
    const clauseYear = yearOf(s.text.slice(0, base + clause.length), docYear);
    const pastInClause = r.review.test(clause);
    let from = 0;
    let prevNoun = '';
    const firstVerb = qs.length ? clean(clause.slice(0, qs[0]!.start), r) : '';
    for (let i = 0; i < qs.length; i++) {
      const q: Found = qs[i]!;
      const rawBefore = clause.slice(from, q.start);
      const after = clause.slice(q.end, qs[i + 1]?.start ?? clause.length);
      let ind = clean(rawBefore, r);
      const noun = nounAfter(after, r);
      if (!ind && previous && noun.length < 2) {
        // `地区生产总值增长8%，到2025年突破70亿元`: the clause continues the previous indicator.
        ind = previous.replace(/(?:年均)?(?:增长|增速|提高)$/, '');
      } else if (!ind && previous && /^(?:大关|左右|以上)/.test(after)) {
        ind = previous.replace(/(?:年均)?(?:增长|增速|提高)$/, '');
      } else if (noun.length >= 2) {
        // `打造2个省级示范村`, `建成胡襄等5个乡镇污水处理厂`: the counted noun follows the figure.
        // After `2个省级示范村、`, the text before `46个` is the previous noun: reuse the verb.
        const repeats = i > 0 && (!CJK.test(ind) || (prevNoun !== '' && ind.startsWith(prevNoun)));
        const verb = repeats ? (firstVerb.length <= 4 ? firstVerb : '') : ind;
        ind = verb + noun;
      } else if (ind.replace(r.growth, '').length < 2 && previous) {
        ind = `${previous.replace(/(?:年均)?(?:增长|增速|提高)$/, '')}${ind}`;
      }
      from = q.end;
      prevNoun = noun;
      const at = base + q.start;
      if (/投资|规模/.test(ind) && /元$/.test(q.unit) && projectEnds.some((e) => e <= at && at - e <= 24)) continue;
      // …unless the clause counts the projects too (`新建日处理90吨污泥处置厂1座`): then it is a goal.
      // A figure inside a project's name (`源网荷3万千瓦储能项目`) is the project's capacity.
      if (qs.length === 1 && spans.some((p) => p.start <= at && at < p.end)) continue;
      if (!ind || ind.replace(/[^\u4e00-\u9fffA-Za-z]/g, '').length < 3 || /[“”]$/.test(ind)) continue;
      previous = ind;
      const id = indicatorId(ind, r);
      const start = s.start + base;
      out.push({
        indicator: ind,
        indicatorId: id.id,
        value: q.redacted ? null : q.value,
        unit: q.unit,
        comparator: comparatorOf(rawBefore.trim(), after, r),
        year: clauseYear,
        baseline: null,
        measure: id.growth || q.unit === '个百分点' ? 'growth' : 'level',
        redacted: q.redacted,
        text: clause,
        confidence: pastInClause ? 0.4 : 0.7,
        evidence: [evidence(doc, s, start + q.start, start + q.end)],
      });
    }
  }
  return out;
}

export const targets: Stage = {
  name: 'targets',
  run(doc: Document): Document {
    const r = rules();
    const docYear = Number((doc.meta.date ?? doc.date ?? '').slice(0, 4)) || null;
    for (const s of doc.sentences) {
      const kind = role(s, r);
      if (!kind) continue;
      for (const t of targetsIn(doc, s, docYear)) {
        // A plan sentence that reports the past (`累计`, `同比增长`) gives results, not goals.
        if (kind === 'target' && t.confidence < 0.5) doc.facts.results.push(t);
        else (kind === 'target' ? doc.facts.targets : doc.facts.results).push(t);
      }
    }
    return doc;
  },
};
