/**
 * Projects: named undertakings (`大伟嘉二期5千头种猪场项目`, `李二口长城景区`, `和昌高速`).
 *
 * A name ends in a head word (`项目`, `工程`, `产业园`, `景区`, `高速` … from
 * `data/lexicons/projects.json`) and starts after the rightmost boundary word before it (a verb,
 * preposition or particle: `推进`, `实施`, `以`, `的`) or at punctuation. Coordinated names share
 * the head: `国华、盛风风力光伏项目` gives `国华风力光伏项目` and `盛风风力光伏项目`, and
 * `A、B、C等辣椒精深加工项目` gives one project per item. Names whose left part is only generic
 * (`重点项目`, `重大工业项目`) are dropped. Investment, capacity, status and industry come from
 * the name and the sentence around it.
 */
import type { Document, ProjectFact, ProjectStatus, Sentence } from '../model.ts';
import type { Stage } from '../stage.ts';
import { tokenize } from '../segment.ts';
import { evidence } from './evidence.ts';
import { alternation, lexicon } from './lexicon.ts';
import { Literals } from './literals.ts';

interface ProjectLexicon {
  heads: string[];
  weakHeads: string[];
  notAfter: Record<string, string>;
  boundaries: string[];
  generic: string[];
  stop: string[];
  strictHeads: string[];
  planLike: string[];
  innerBoundaries: string[];
  weakStartStop: string[];
  status: Array<[Exclude<ProjectStatus, null>, string[]]>;
}

interface Rules {
  lex: ProjectLexicon;
  head: Literals;
  headAtStart: RegExp;
  headAtEnd: RegExp;
  strongAtEnd: RegExp;
  boundary: RegExp;
  generic: RegExp;
  weak: Set<string>;
  stop: Set<string>;
  /** Non-global copies (`exec`/`test` from the start) and the generic words anywhere. */
  headOnce: RegExp;
  boundaryOnce: RegExp;
  genericAll: RegExp;
}

let cached: Rules | null = null;
function rules(): Rules {
  if (cached) return cached;
  const lex = lexicon<ProjectLexicon>('projects');
  const all = alternation([...lex.heads, ...lex.weakHeads]);
  cached = {
    lex,
    head: new Literals([...lex.heads, ...lex.weakHeads]),
    headAtStart: new RegExp(`^(?:${all})`),
    headAtEnd: new RegExp(`(?:${all})$`),
    strongAtEnd: new RegExp(`(?:${alternation(lex.heads)})$`),
    boundary: new RegExp(alternation(lex.boundaries), 'g'),
    generic: new RegExp(`^(?:${alternation(lex.generic)}|[0-9.]+|[“”（）()—-])+$`),
    weak: new Set(lex.weakHeads),
    stop: new Set(lex.stop),
    headOnce: new RegExp(all),
    boundaryOnce: new RegExp(alternation(lex.boundaries)),
    genericAll: new RegExp(`(?:${alternation(lex.generic)}|[0-9.]+|[“”（）()—-])+`, 'g'),
  };
  return cached;
}

/** A figure right after the name: the name is what a goal counts (`…项目不少于x个`). */
const GOAL = /^(?:不少于|不低于|达到?|超过)/;
/** Where a list's shared part starts: after `等` (and a count), or after a bare count (`远襄X所…`). */
const LIST_END = /等(?![级于同待])(?:[0-9]+|[xX]+|[一二两三四五六七八九十]+)?[个所条座处家项批]?|(?:[0-9]+|[xX]+)[个所条座处家](?=[\u4e00-\u9fff])|[一二两三四五六七八九十]+大(?=[\u4e00-\u9fff])/g;

/** An enumerated item with a weak head: a proper-looking name in front (`力量钻石二期`). */
function listItem(name: string, r: Rules): boolean {
  const mod = modifier(name, r);
  return mod.length >= 4 && !FIGURE.test(name) && !r.generic.test(mod.slice(0, 2)) && !r.lex.weakStartStop.some((w) => mod.startsWith(w));
}

/** Stops a name never crosses. */
const HARD = /[，。；：！？,;:!?\s]/;
/** A count between `等` and the shared head: `等XX个`, `等5条`. */
const COUNT = /^(?:[0-9]+|[xX]+|[一二两三四五六七八九十]+)?[个所条座家项批处]?/;
/** A place-like name that makes a weak head specific (`中原西路…改造`, `余河坡…治理`). */
const PLACE = /^[xX\u4e00-\u9fff]{1,4}?[路街河湖渠山村镇乡庄桥楼堡寺坡灌]|^[县市][\u4e00-\u9fff]{0,3}?(?:中|院|校|馆)|(?:医院|卫生院|学校|中学|馆)$/;
/** A count or size inside the name: a goal's figure, not a project (`3亿元以上项目`, `x家…搬迁`). */
const FIGURE = /(?:[0-9]+|[xX]+)(?:个|家|亩|条|所|座|处|项)|以上|以下|[0-9xX]+(?:亿|万)元/;

interface Span {
  start: number; // sentence-relative
  end: number;
  name: string;
}

/** Start of the name ending in a head at `hs`: after the rightmost usable boundary word. */
function nameStart(
  text: string,
  floor: number,
  hs: number,
  r: Rules,
  inList = false,
): { start: number; cutBy: string | null; listEnd?: number; cuts: Array<{ at: number; word: string }> } {
  let i = hs;
  while (i > floor && !HARD.test(text[i - 1]!) && text[i - 1] !== '、') i--;
  const region = text.slice(i, hs);
  // `A、B等（XX个）重点工业项目`: whatever follows 等 is the list's shared descriptor.
  const lists = inList ? [] : [...region.matchAll(LIST_END)];
  const deng = lists[lists.length - 1];
  if (deng) return { start: i + deng.index! + deng[0].length, cutBy: '等', listEnd: i + deng.index!, cuts: [] };
  let start = i;
  let cutBy: string | null = null;
  const cuts: Array<{ at: number; word: string }> = [{ at: i, word: '' }];
  for (const m of region.matchAll(r.boundary)) {
    const end = i + m.index! + m[0].length;
    const left = hs - end;
    // A one-character boundary that would leave a one-character name is part of the name (和昌高速).
    if (/^[和与及]$/.test(m[0]) && left === 1) continue;
    if (inList && /^[和及与]$/.test(m[0])) continue; // list joints are split by the caller
    // 及 separates names only after a complete one (`辣椒农产品深加工及智慧物流产业园` is one
    // name, `道路及管网改造工程` too); 和/与 nearly always separate.
    if (m[0] === '及' && !r.headAtEnd.test(text.slice(0, i + m.index!))) continue;
    cuts.push({ at: end, word: m[0] });
    if (end >= start) {
      start = end;
      cutBy = m[0];
    }
  }
  return { start, cutBy, cuts: cuts.sort((a, b) => b.at - a.at) };
}

/**
 * Quotes around a name: `“国际医疗健康城”` keeps the name; a name that starts inside a slogan
 * (`一网两厂多节点”引江济淮配套工程`) starts after the closing quote.
 */
function unquote(name: string, next: string | undefined): string {
  if (name.startsWith('“') && !name.includes('”') && next === '”') return name.slice(1);
  if (name.includes('“') && !name.includes('”') && next === '”') return name.replace('“', ''); // 电商“双创园”
  const close = name.indexOf('”');
  if (close >= 0 && !name.slice(0, close).includes('“')) return name.slice(close + 1);
  return name;
}

/** The left part of a name without its heads: what must be specific. */
function modifier(name: string, r: Rules): string {
  let m = name;
  while (r.headAtEnd.test(m)) m = m.replace(r.headAtEnd, '');
  return m;
}

function specific(quotedName: string, r: Rules): boolean {
  if ((quotedName.match(/[“”]/g)?.length ?? 0) % 2) return false; // the boundary fell inside a slogan
  const name = quotedName.replace(/[“”]/g, '');
  if (r.stop.has(name) || name.length > 28 || name.includes('的') || FIGURE.test(name)) return false;
  // Unbalanced brackets or quotes: the boundary fell inside a heading or a slogan.
  if (/（/.test(name) !== /）/.test(name)) return false;
  const mod = modifier(name, r);
  if (mod.length < 2 || r.generic.test(mod)) return false;
  const head = name.slice(mod.length);
  const specificPart = mod.replace(r.genericAll, '');
  if (r.lex.strictHeads.some((h) => head.startsWith(h)) && specificPart.length < 3) return false;
  if (head.startsWith('工程') && r.lex.planLike.some((w) => mod.endsWith(w))) return false;
  if (r.weak.has(head) || [...r.weak].some((w) => head.endsWith(w) && !r.lex.heads.some((h) => head.endsWith(h)))) {
    return PLACE.test(mod) && !r.lex.weakStartStop.some((w) => mod.startsWith(w));
  }
  return true;
}

/** The shared tail of a coordinated list: `盛风风力光伏项目` minus a name as long as `国华`. */
function sharedTail(last: string, itemLength: number): string {
  const tokens = tokenize(last);
  let best = Math.min(itemLength, last.length - 1);
  let bestGap = Infinity;
  for (const t of tokens) {
    if (t.start === 0) continue;
    const gap = Math.abs(t.start - itemLength);
    if (gap < bestGap) {
      bestGap = gap;
      best = t.start;
    }
  }
  return last.slice(best);
}

/** Items of a `、` (and 和/及/与) list ending just before `end`, back to a stop or a boundary. */
function itemsBefore(text: string, floor: number, end: number, r: Rules): Span[] {
  const items: Span[] = [];
  let j = end;
  while (j > floor) {
    let i = j;
    while (i > floor && !HARD.test(text[i - 1]!) && text[i - 1] !== '、') i--;
    const { start } = nameStart(text, floor, j, r, true);
    const s = Math.max(i, start);
    let piece = text.slice(s, j);
    // `云华山及仇池山`: 及/和/与 join items too.
    const parts = piece.replace(/及其/g, '及').split(/[及和与]/);
    let at = s;
    const spans: Span[] = [];
    for (const p of parts) {
      if (p) spans.push({ start: at, end: at + p.length, name: p });
      at += p.length + 1;
    }
    items.unshift(...spans);
    if (s > i || text[s - 1] !== '、') break; // cut by a boundary word, or a hard stop
    j = s - 1;
  }
  return items.filter((it) => it.name.length >= 2 && it.name.length <= 20);
}

function statusOf(s: Sentence, r: Rules): ProjectStatus {
  for (const [status, cues] of r.lex.status) if (cues.some((c) => s.text.includes(c))) return status;
  return s.section === 'review' ? 'completed' : s.section === 'plan' ? 'planned' : null;
}

/** Investment in 亿元 stated next to the name (`总投资21.18亿元的…`, `…，总投资5000万元`). */
function investmentNear(text: string, start: number, end: number): number | null {
  const window = text.slice(Math.max(0, start - 16), Math.min(text.length, end + 16));
  const m = /(?:总投资|投资|总规模)([0-9]+(?:\.[0-9]+)?)(亿|万)元/.exec(window);
  if (!m) return null;
  const v = Number(m[1]);
  return m[2] === '万' ? Math.round((v / 1e4) * 1e6) / 1e6 : v;
}

function capacityOf(name: string): { value: number; unit: string } | null {
  const m = /([0-9]+(?:\.[0-9]+)?)(千?)(万千瓦|千瓦|兆瓦|万吨|吨|万头|头|万羽|羽|万只|只)/.exec(name);
  if (!m) return null;
  const v = Number(m[1]) * (m[2] ? 1000 : 1);
  return { value: v, unit: m[3]! };
}

const terms = (i: { name: string; aliases?: string[] }) => [i.name, ...(i.aliases ?? [])].filter((t) => t.length >= 2);

function industryOf(doc: Document, name: string, s: Sentence): string | null {
  const inds = doc.facts.industries ?? [];
  for (const i of inds) if (terms(i).some((t) => name.includes(t))) return i.id;
  for (const i of inds) if (i.evidence.some((e) => e.sentence === s.index)) return i.id;
  return null;
}

/**
 * A head inside a longer name (`大伟嘉二期5千头种猪场项目`): another head follows within a few
 * characters, with no punctuation or boundary word in between.
 */
function midName(text: string, he: number, r: Rules): boolean {
  const ahead = text.slice(he, he + 12);
  const stop = ahead.search(/[，。；：、,;:！？\s]/);
  const window = stop >= 0 ? ahead.slice(0, stop) : ahead;
  const next = r.headOnce.exec(window);
  if (!next || next.index === 0) return false;
  // `人民医院新院区建设项目`: a work word right before the next head belongs to the name.
  const between = window.slice(0, next.index).replace(/(?:建设|改造|新建|改扩建|扩建)$/, '');
  return !r.boundaryOnce.test(between);
}

/** Project names in one sentence (sentence-relative spans). */
export function projectSpans(text: string): Span[] {
  const r = rules();
  const out: Span[] = [];
  let floor = 0;
  const used = new Set<number>(); // item starts already named (a list may be seen twice)
  for (const m of r.head.matchAll(text)) {
    const hs = m.index!;
    if (hs < floor) continue;
    let he = hs + m[0].length;
    if (he < text.length && r.lex.notAfter[m[0]]?.includes(text[he]!)) continue;
    if (midName(text, he, r)) continue;
    // Adjacent heads belong to one name: `物流产业园项目`, `二期工程`.
    for (let n = r.headAtStart.exec(text.slice(he)); n; n = r.headAtStart.exec(text.slice(he))) he += n[0].length;
    const found = nameStart(text, floor, hs, r);
    const { cutBy, listEnd } = found;
    let start = found.start;
    let name = unquote(text.slice(start, he), text[he]);
    // A heading marker is not part of a name: `（二）聚力项目`, `一是…`.
    const marker = /^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]是)/.exec(name);
    if (marker) {
      start += marker[0].length;
      name = name.slice(marker[0].length);
    }
    // `乡镇卫生院疫情防控能力提升项目`: a boundary that also occurs inside names (提升, 建设) may
    // have cut too late; the next cut to the left is tried when the name is left generic.
    for (let k = 0; cutBy !== '等' && !specific(name, r) && k + 1 < found.cuts.length; k++) {
      if (!r.lex.innerBoundaries.includes(found.cuts[k]!.word)) break;
      start = found.cuts[k + 1]!.at;
      name = unquote(text.slice(start, he), text[he]);
    }
    floor = he;
    if (cutBy === '等') {
      // `A、B、C等XX个辣椒精深加工项目`: one project per item, sharing the descriptor.
      const descriptor = name.replace(COUNT, '');
      // `集医疗、医药、养老等为一体的…医院`: 等 closes a description, not a list of projects.
      if (/的|为/.test(descriptor)) continue;
      // `金刚石及其制品、生物医药等一批重大项目`: a list of kinds, not of named projects.
      if (/^等?(?:一批|各类|多个|一系列)/.test(text.slice(listEnd ?? start))) continue;
      const shared = specific(descriptor, r) ? descriptor : descriptor.replace(/^.*?((?:项目|工程)?)$/, '$1') || m[0];
      if (GOAL.test(text.slice(he))) continue; // `引入石化下游等项目不少于x个`: a goal's object
      for (const it of itemsBefore(text, 0, listEnd ?? start - 1, r)) {
        if (used.has(it.start)) continue;
        // `退化林修复、…三大绿化工程`: an item with only a weak head takes the list's strong one.
        const full = r.strongAtEnd.test(it.name) ? it.name : it.name + (r.headAtEnd.test(it.name) && !r.strongAtEnd.test(shared) ? '' : shared);
        // An enumerated item may end in a weak head (`力量钻石二期`): the list vouches for it.
        if (specific(full, r) || (r.headAtEnd.test(it.name) && listItem(it.name, r))) {
          out.push({ start: it.start, end: it.end, name: full });
          used.add(it.start);
        }
      }
      continue;
    }
    const coordinated = text[start - 1] === '、';
    if (GOAL.test(text.slice(he))) continue;
    if (specific(name, r)) out.push({ start, end: he, name });
    else continue;
    used.add(start);
    if (coordinated) {
      // `国华、盛风风力光伏项目`: earlier items without a head of their own share the tail.
      for (const it of itemsBefore(text, 0, start - 1, r)) {
        if (r.headAtEnd.test(it.name)) continue; // a name of its own, found at its own head
        // `国华、盛风…`: a short item is a fragment sharing the tail; a long one is a name of
        // its own (`汉德生物、…体育城等项目`), named by the list's `等` if any.
        if (it.name.length >= 4 && !/[路街河湖渠山村镇乡庄桥堡寺坡]$/.test(it.name)) continue;
        const full = it.name + sharedTail(name, it.name.length);
        if (specific(full, r)) {
          out.push({ start: it.start, end: it.end, name: full });
          used.add(it.start);
        }
      }
    }
  }
  return out;
}

/**
 * Works on one place named twice (`余河坡综合治理`, `余河坡城区内河治理`): same first three
 * characters (no mask) and the same weak head. Strong heads (项目, 产业园) name distinct projects
 * of one company or kind too often to merge.
 */
function sameProject(a: string, b: string): boolean {
  const head = a.slice(0, 3);
  const kind = /(?:治理|改造|修复|搬迁)$/.exec(a)?.[0];
  return !!kind && !/[xX]/.test(head) && a.length > 4 && b.startsWith(head) && b.endsWith(kind);
}

export const projects: Stage = {
  name: 'projects',
  run(doc: Document): Document {
    const r = rules();
    const byName = new Map<string, ProjectFact>();
    for (const s of doc.sentences) {
      for (const sp of projectSpans(s.text)) {
        const name = sp.name.replace(/^[“”]+|[“”]+$/g, '');
        const ev = evidence(doc, s, s.start + sp.start, s.start + sp.end);
        // `余河坡综合治理` and `余河坡城区内河治理`: one river's works named twice are one project.
        const known = byName.get(name) ?? [...byName.values()].find((f) => sameProject(f.name, name));
        if (known) {
          known.evidence.push(ev);
          continue;
        }
        byName.set(name, {
          name,
          investment: investmentNear(s.text, sp.start, sp.end),
          capacity: capacityOf(name),
          status: statusOf(s, r),
          industry: industryOf(doc, name, s),
          confidence: 0.6,
          evidence: [ev],
        });
      }
    }
    doc.facts.projects = [...byName.values()];
    return doc;
  },
};
