/**
 * The targets lexicon (`data/lexicons/targets.json`) and its schema: the words with which
 * ingest/extract/targets.ts and quantities.ts read goals and results. Entries whose names end in
 * `Re` are RegExp sources (a year, a numbering); every other list is literal words.
 */
import { z } from 'zod';
import { lexicon } from './lexicon.ts';

const words = z.array(z.string().min(1)).min(1);
const comparator = z.enum(['>=', '<=', '=', '>', '<']);

export const TargetLexiconSchema = z.object({
  _comment: z.string().optional(),
  /** What may follow a number (a 万/亿 before any of them is read too: 万辆, 亿袋). */
  units: words,
  /** A unit is none when the next character makes a word of it (`xx项目`, `两个人`): unit → those characters. */
  unitNotBefore: z.record(z.string(), z.string()),
  /** A baseline inside an indicator (`在2022年基础上再`), dropped from its name (RegExp sources). */
  baselineRe: words,
  /** Units that count things (2个…, 5所…), after which the counted noun usually follows. */
  classifiers: words,
  /** Units that, after a Chinese numeral, are a manner of speaking, never a figure (一批, 二期). */
  vagueChineseUnits: words,
  /** Verbs after which a Chinese numeral with a classifier counts (至少打造一个…). */
  countVerbs: words,
  /** Words that open a clause and are not the indicator (time, modality): RegExp sources. */
  leadRe: words,
  /** Comparator and linking verbs before the number, dropped from the indicator's end. */
  trailVerbs: words,
  /** A rate of change. */
  growthWords: words,
  /** A figure after these is where a change starts (`由98亿元增加到146亿元`): the next one's baseline. */
  fromWords: words,
  /** A capacity before a counted facility is a figure of its own (`新建日处理90吨污泥处置厂1座`). */
  capacityWords: words,
  /** Words for the plan year (`今年`) and the year after it (`明年`). */
  thisYearWords: words,
  nextYearWords: words,
  /** Five-year plans by the year they end in (`到“十四五”末` → 2025). */
  planPeriodEnds: z.record(z.string(), z.number().int()),
  /** An amount of these near a named project is the project's (`实施X工程，总投资2.25亿元`). */
  projectAmountWords: words,
  /** Characters an indicator's name never ends in (function words): such a name is a fragment. */
  functionEndings: z.string().min(1),
  /** A ranking (`位居全市第3位`): a place, not a measurable figure (RegExp sources). */
  rankRe: words,
  /** Words that qualify a rate (`同比增长`) and name no indicator: the rate continues the one before. */
  growthQualifiers: words,
  /** Average annual rate (`年均增长`): marked `annualAverage` on the target. */
  annualAverageWords: words,
  comparators: z.object({ before: z.record(z.string(), comparator), after: z.record(z.string(), comparator) }),
  /** Past within a clause: the figure is a result even in a plan section (RegExp sources). */
  resultCuesRe: words,
  /** Past for the whole sentence from its start (`据介绍，…`, `此次…`): news of an event (RegExp sources). */
  resultSentenceCuesRe: words,
  /** Future within a clause, strong enough to make a goal even in a review section. */
  goalCues: words,
  /** Commitments that make a clause with a result cue a goal outside review sections (`同比增长不低于5%`). */
  goalComparators: words,
  /** Weaker goal cues: they decide a sentence that neither section nor neighbours decide. */
  planCues: words,
  /** Opens a list of goals: what follows it up to the sentence's `。` is goals. */
  listOpenersRe: words,
  /** Nouns after which `百亿` is a size class, as `百亿级` is (`三大百亿产业链`). */
  sizeClassNouns: words,
  /** Words that distribute several values over several indicators (`A、B分别增长x%、y%`); not 均, which stands in 人均. */
  distributive: words,
  /** Counters after the number of an enumeration (`甲、乙、丙三大…`, `甲、乙两个…`). */
  enumerationCounters: words,
  /** `均`/`都` after an enumerated noun: the one figure holds for each item (`…两个产业集群均迈入百亿级`). */
  enumerationAll: words,
  /** A compound naming two indicators at once (`城乡` → 城镇, 农村). */
  pairs: z.record(z.string(), z.array(z.string()).length(2)),
  /** What marks a sentence fragment, never an indicator's name (RegExp sources). */
  fragmentRe: words,
  /** A clause that states a project's own figures (`该项目…达产后可年产…`), not a goal (RegExp sources). */
  projectFactRe: words,
  /** Amounts that name no indicator of their own (`总投资`): after a count of projects they are its amount. */
  bareMeasures: words,
  /** The longest indicator name kept; longer ones are fragments. */
  maxIndicatorLength: z.number().int().positive(),
});
export type TargetLexicon = z.infer<typeof TargetLexiconSchema>;

export const targetLexicon = (): TargetLexicon => lexicon('targets', TargetLexiconSchema);
