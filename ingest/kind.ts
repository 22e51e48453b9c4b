/**
 * Which kind of report a text is, the year its goals are for, and the date it gives — read from
 * the title, the first lines and how the text speaks, before structure and the extractors run
 * (structure reads `doc.year` to tell a `2023年工作回顾` from a `2024年重点工作`; targets read it for
 * 今年). A manifest's `meta.kind` / `meta.date` override what the text says (see toPrediction);
 * the file format's own title and date (`doc.sourceMeta`) stand in where the text says nothing.
 *
 * Cues are data (`data/lexicons/kinds.json`, checked by the schema below); the order of the kinds
 * there is the order they are tried, the most specific first.
 */
import { z } from 'zod';
import type { Document, DocumentKind } from './model.ts';
import type { Stage } from './stage.ts';
import { lexicon } from './extract/lexicon.ts';

export const KINDS = ['政府工作报告', '党代会报告', '经济工作会议讲话', '全会报告', '计划执行情况报告', '新闻报道', '其他'] as const satisfies readonly DocumentKind[];

const KindCues = z.object({
  /** Characters folded to their simplified form before cues are tried (traditional-character texts). */
  fold: z.record(z.string().length(1), z.string().length(1)),
  kinds: z.array(
    z.object({
      kind: z.enum(KINDS),
      /** Patterns (regular expressions) tried on the title and first lines. */
      head: z.array(z.string().min(1)),
      /** Patterns tried on the whole text: how it speaks. */
      body: z.array(z.string().min(1)).default([]),
    }),
  ),
  /** Cues tried on the whole text when the head and the body's opening say nothing; the kind with most wins. */
  weak: z.array(z.object({ kind: z.enum(KINDS), patterns: z.array(z.string().min(1)) })).default([]),
  /** Kinds whose goals are for the next year when delivered in these months or later (a December 经济工作会议 plans the next year). */
  nextYearFrom: z.object({ kinds: z.array(z.enum(KINDS)), month: z.number().int().min(1).max(12) }),
});
const cues = lexicon('kinds', KindCues);
const compiled = cues.kinds.map((k) => ({ kind: k.kind, head: k.head.map((p) => new RegExp(p)), body: k.body.map((p) => new RegExp(p)) }));
const FOLD = new Map(Object.entries(cues.fold));

const HAS_TRADITIONAL = new RegExp(`[${[...FOLD.keys()].join('')}]`);

/** Traditional characters of the cue words folded to simplified ones (length-preserving). */
export function fold(text: string): string {
  if (!HAS_TRADITIONAL.test(text)) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const f = FOLD.get(text[i]!);
    if (f) {
      out += text.slice(from, i) + f;
      from = i + 1;
    }
  }
  return from ? out + text.slice(from) : text;
}

/** Half-width punctuation read as its Chinese twin, for the patterns below. */
const toFull = (s: string) => s.replace(/:/g, '：').replace(/,/g, '，').replace(/\(/g, '（').replace(/\)/g, '）');

/** The title and first lines: up to the first body line (各位代表：, 同志们：) or ~300 characters. */
/** The last text `headOf` read and its head: the stage asks for the same text's head three times. */
let headRead: { text: string; head: string } | null = null;

export function headOf(text: string): string {
  if (headRead?.text === text) return headRead.head;
  const head = readHead(text);
  headRead = { text, head };
  return head;
}

function readHead(text: string): string {
  const out: string[] = [];
  let n = 0;
  for (let at = 0; at < text.length && out.length < 6 && n < 300; ) {
    const nl = text.indexOf('\n', at);
    const l = text.slice(at, nl < 0 ? text.length : nl).trim();
    at = nl < 0 ? text.length : nl + 1;
    if (!l) continue;
    out.push(l);
    n += l.length;
    if (/^(?:各位代表|同志们)/.test(l)) break;
  }
  return out.join('\n');
}

/** The kind of report: the first kind whose head or body patterns match; `其他` when none does. */
export function readKind(text: string, sourceTitle?: string): DocumentKind {
  const head = toFull(fold(`${sourceTitle ?? ''}\n${headOf(text)}`));
  for (const k of compiled) if (k.head.some((r) => r.test(head))) return k.kind;
  const body = toFull(fold(text.slice(0, 4000)));
  for (const k of compiled) if (k.body.some((r) => r.test(body))) return k.kind;
  // A passage from the middle of a report: the kind whose weak cues it holds most, if any.
  const whole = fold(text);
  let best: DocumentKind = '其他';
  let most = 0;
  for (const k of cues.weak) {
    let n = 0;
    for (const p of k.patterns) if (whole.includes(p)) n++;
    if (n > most) {
      most = n;
      best = k.kind;
    }
  }
  return best;
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** `二〇二一` → 2021; `十二` → 12, `二十八` → 28, `三十一` → 31. */
function cnNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[〇零一二三四五六七八九]{4}$/.test(s)) return Number([...s].map((c) => CN_DIGIT[c]).join(''));
  const m = /^([一二三])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || !s) return null;
  if (!m[2]) return m[3] ? CN_DIGIT[m[3]]! : null;
  return (m[1] ? CN_DIGIT[m[1]]! : 1) * 10 + (m[3] ? CN_DIGIT[m[3]]! : 0);
}

const NUM = '[\\d〇零一二三四五六七八九十]';
/** A full date: `2023年1月10日`, `二〇二一年九月二十八日`, `2024-03-26`. */
const DATE = new RegExp(`(${NUM}{4})\\s*年\\s*(${NUM}{1,3})\\s*月\\s*(?:(${NUM}{1,3})\\s*日)?|(20\\d\\d)[-/.](\\d{1,2})[-/.](\\d{1,2})`);

/** The date the head gives (`（2023年1月6日）`, `——2023年1月10日在…会议上`, `发布时间：2024-03-26`), ISO. */
export function readDate(head: string): string | null {
  const m = DATE.exec(head);
  if (!m) return null;
  const y = cnNumber(m[1] ?? m[4]!);
  const mo = cnNumber(m[2] ?? m[5]!);
  const d = m[3] ?? m[6] ? cnNumber(m[3] ?? m[6]!) : null;
  if (!y || y < 1949 || y > 2100 || !mo || mo > 12 || (d != null && (d < 1 || d > 31))) return null;
  return [String(y), String(mo).padStart(2, '0'), ...(d ? [String(d).padStart(2, '0')] : [])].join('-');
}

/** After a year: `2024年政府工作报告`, `…计划草案`, `2024年工作安排`: the year named as the plan's. */
const PLAN_AFTER = /^(?:[\u4e00-\u9fff]{0,6}政府工作报告|国民经济和社会发展计划草案|[\u4e00-\u9fff]{0,12}计划草案|(?:的)?(?:工作安排|重点工作|主要任务|工作总体要求|总体要求|主要预期目标|预期目标|目标任务|工作思路|主要工作))/;
/** After a year: `2023年工作回顾`, `…工作总结`: the year looked back on, so the plan is for the next. */
const REVIEW_AFTER = /^(?:[\u4e00-\u9fff]{0,4}工作回顾|[\u4e00-\u9fff]{0,4}主要工作回顾|工作总结)/;
/** Before a year: `总结2023年`, `过去的2023年` look back; `安排部署2024年` plans it. */
const REVIEW_BEFORE = /(?:总结|回顾|过去的|刚刚过去的)\s*$/;
const ARRANGE_BEFORE = /(?:安排部署|部署|谋划)\s*$/;
const YEAR = /(20\d\d)\s*年\s*/g;
/** National anchors a text dates itself by when it gives no year: 喜迎党的二十大 is 2022. */
const CONGRESS_ANCHOR = /(?:喜迎|迎接)党的(十九|二十|二十一)大/;
const ANCHOR_YEAR: Record<string, number> = { 十九: 2017, 二十: 2022, 二十一: 2027 };

/** What the years of a text say, in one pass over its `20xx年`. */
function yearsOf(t: string) {
  let planned: number | null = null;
  let arranged: number | null = null;
  let reviewed: number | null = null;
  const counts = new Map<number, number>();
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(t); m; m = YEAR.exec(t)) {
    const y = Number(m[1]);
    const end = m.index + m[0].length;
    const before = t.slice(Math.max(0, m.index - 6), m.index);
    const after = t.slice(end, end + 18);
    // A goal's year (到2025年) says when a goal falls due, and a span's first (由2016年的…), where a
    // change is measured from: neither is the year the text plans or looks back on.
    if (!/(?:到|至|由|从)\s*$/.test(before)) counts.set(y, (counts.get(y) ?? 0) + 1);
    if (planned == null && PLAN_AFTER.test(after)) planned = y;
    if (arranged == null && ARRANGE_BEFORE.test(before)) arranged = y;
    if (reviewed == null && (REVIEW_AFTER.test(after) || REVIEW_BEFORE.test(before))) reviewed = y;
  }
  // The year named most is often the one looked back on (a passage's 2022年 results); when the
  // next one is named too, that is the year being planned.
  let mostNamed = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
  if (mostNamed != null && counts.has(mostNamed + 1)) mostNamed += 1;
  return { planned, arranged, reviewed, mostNamed };
}

/**
 * The plan year: the year named as the plan's (title, plan heading, 安排部署…年); else the year
 * after the one looked back on; else the date's year (the next one for a 经济工作会议 or 全会 held
 * in December); else a national anchor; else the year named most often.
 */
export function readYear(text: string, kind: DocumentKind, date: string | null, fileDate: string | null = null): number | null {
  const head = yearsOf(fold(headOf(text)));
  if (head.planned) return head.planned;
  if (date) return yearOfDate(date, kind);
  // Without a date the whole text is read (a cost only such texts pay).
  const t = fold(text);
  const all = yearsOf(t);
  if (all.arranged) return all.arranged;
  if (all.planned && (!all.reviewed || all.planned > all.reviewed)) return all.planned;
  if (all.reviewed) return all.reviewed + 1;
  const anchor = CONGRESS_ANCHOR.exec(t);
  if (anchor) return ANCHOR_YEAR[anchor[1]!]!;
  // The file's own date (a PDF's CreationDate, a page's PubDate) is when the file was made — for a
  // converted or re-saved report, years after it was given — so it counts only where the text
  // names no year at all.
  return all.mostNamed ?? (fileDate ? yearOfDate(fileDate, kind) : null);
}

/** The plan year of a report given on `date`: the next one for a 经济工作会议 or 全会 held late in the year. */
function yearOfDate(date: string, kind: DocumentKind): number {
  const y = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) || 0;
  return cues.nextYearFrom.kinds.includes(kind) && month >= cues.nextYearFrom.month ? y + 1 : y;
}

export const kind: Stage = {
  name: 'kind',
  run(doc: Document): Document {
    const src = doc.sourceMeta;
    doc.kind = readKind(doc.text, src?.title);
    const head = fold(headOf(doc.text));
    const date = readDate(head);
    const fileDate = src?.date && /^\d{4}(-\d{2}(-\d{2})?)?/.test(src.date) ? src.date.slice(0, 10) : null;
    const shown = date ?? fileDate;
    if (shown) doc.date = shown;
    doc.year = readYear(doc.text, doc.kind, date, fileDate);
    return doc;
  },
};
