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
import type { Document, ProjectFact, ProjectStatus, Sentence, Token } from '../model.ts';
import type { Stage } from '../stage.ts';
import { tokenize } from '../segment.ts';
import { evidence } from './evidence.ts';
import { z } from 'zod';
import { alternation, lexicon } from './lexicon.ts';
import { Literals, Suffixes } from './literals.ts';
import { allAreas, allCities, areaStem } from '../gazetteer.ts';

const words = z.array(z.string().min(1));
const chars = z.string().min(1);
const Status = z.enum(['planned', 'under_construction', 'completed', 'in_operation']);

/** The shape of `data/lexicons/projects.json` (its `_comment` says what each list is for). */
export const ProjectLexicon = z
  .object({
    _comment: z.string().optional(),
    heads: words,
    buildHeads: words,
    phases: words,
    weakHeads: words,
    notAfter: z.record(z.string(), z.string()),
    notBefore: z.record(z.string(), z.string()),
    boundaries: words,
    innerBoundaries: words,
    buildVerbs: words,
    buildAfter: words,
    generic: words,
    stop: words,
    strictHeads: words,
    weakStartStop: words,
    planLike: words,
    status: z.array(z.tuple([Status, words])),
    placeEnds: chars,
    shareEnds: chars,
    classifiers: chars,
    goalCues: words,
    listQuantifiers: words,
    foreign: words,
    investmentCues: words,
    capacityUnits: words,
    figureUnits: chars,
    quantityUnits: words,
    workBeforeHead: words,
    ownerNouns: words,
    ownHeads: words,
    listRanks: words,
    stopEnds: words,
    companyKinds: words,
    referenceHeads: words,
    sloganAfter: words,
    designationVerbs: words,
    sceneHeads: words,
  })
  .strict();
type ProjectLexicon = z.infer<typeof ProjectLexicon>;

interface Rules {
  lex: ProjectLexicon;
  head: Literals;
  /** Where a head may start (the scan for heads reads this first: one position in seventy starts one). */
  headGate: StartGate;
  /** Where a boundary word may start. */
  boundaryGate: StartGate;
  /** The characters `owner` and `goal` can match from: the anchored patterns run only after one. */
  ownerFirst: Uint8Array;
  goalFirst: Uint8Array;
  /** `lex.strictHeads`, `lex.weakStartStop`, `lex.planLike` as tables: which one a name starts or ends with. */
  strictAtStart: Literals;
  strictAtEnd: Suffixes;
  weakStartStopAtStart: Literals;
  planLikeAtEnd: Suffixes;
  headAtEnd: Suffixes;
  strongAtEnd: Suffixes;
  buildHeadAtEnd: Suffixes;
  phaseAtEnd: Suffixes;
  plainAtEnd: Suffixes;
  worksAtEnd: Suffixes;
  boundary: Literals;
  generic: RegExp;
  weak: Set<string>;
  stop: Set<string>;
  buildAfter: RegExp;
  /** `滨河路、学府路等12条市政道路建成通车`: a building word after the counted list a name ends in. */
  listBuilt: RegExp;
  buildVerb: RegExp;
  buildOnly: Set<string>;
  /** The generic words anywhere in a modifier. */
  genericAll: RegExp;
  foreign: RegExp;
  goal: RegExp;
  listEnd: RegExp;
  count: RegExp;
  listQuantifier: RegExp;
  place: RegExp;
  placeEnd: RegExp;
  shareEnd: RegExp;
  figure: RegExp;
  investment: RegExp;
  capacity: RegExp;
  workBeforeHead: Suffixes;
  leadingQuantity: RegExp;
  owner: RegExp;
  sloganAfter: RegExp;
  designation: RegExp;
  sceneAtEnd: Suffixes;
  ownAtEnd: Suffixes;
  leadingRanks: RegExp;
  worksOnly: RegExp;
  weakAtEnd: Suffixes;
  stopAtEnd: Suffixes;
}

const cls = (s: string) => `[${s.replace(/[\]\\^-]/g, '\\$&')}]`;
const NUM = '(?:[0-9]+|[xX]+|[一二两三四五六七八九十]+)';

function firstUnits(words: string[]): Uint8Array {
  const first = new Uint8Array(65536);
  for (const w of words) if (w) first[w.charCodeAt(0)] = 1;
  return first;
}

/** Where a list's shared part may start (`等`, a digit, a mask, a Chinese count): what `listEnd` begins with. */
const LIST_END_FIRST = new Uint8Array(65536);
for (const c of '等0123456789xX一二两三四五六七八九十') LIST_END_FIRST[c.charCodeAt(0)] = 1;
function mayEndList(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (LIST_END_FIRST[text.charCodeAt(k)] === 1) return true;
  return false;
}

/**
 * Which positions may start one of a list of words: the word's first unit, and for words longer
 * than one unit a hashed bit of the first two (false positives only, never a missed word).
 */
interface StartGate {
  first: Uint8Array;
  single: Uint8Array;
  pairs: Uint8Array;
}
const pairBit = (a: number, b: number) => Math.imul((a << 16) | b, 0x9e3779b1) >>> 16;
function startGate(words: string[]): StartGate {
  const gate = { first: firstUnits(words), single: new Uint8Array(65536), pairs: new Uint8Array(65536) };
  for (const w of words) {
    if (w.length === 1) gate.single[w.charCodeAt(0)] = 1;
    else if (w.length > 1) gate.pairs[pairBit(w.charCodeAt(0), w.charCodeAt(1))] = 1;
  }
  return gate;
}
/** The longest head at `i` (what `^(?:heads, longest first)` finds in `text.slice(i)`), or undefined. */
function headAt(r: Rules, text: string, i: number): string | undefined {
  return i < text.length && mayStartAt(r.headGate, text, i) ? r.head.at(text, i) : undefined;
}

/** Whether `s` starts with one of the words of `words` (`words.some((w) => s.startsWith(w))`). */
const startsWithAny = (words: Literals, s: string) => s.length > 0 && words.at(s, 0) !== undefined;

function mayStartAt(gate: StartGate, text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (gate.first[c] === 0) return false;
  return gate.single[c] === 1 || (i + 1 < text.length && gate.pairs[pairBit(c, text.charCodeAt(i + 1))] === 1);
}

let cached: Rules | null = null;
function rules(): Rules {
  if (cached) return cached;
  const lex = lexicon('projects', ProjectLexicon);
  const strong = [...lex.heads, ...lex.buildHeads];
  const unit = cls(lex.classifiers);
  cached = {
    lex,
    head: new Literals([...strong, ...lex.phases, ...lex.weakHeads]),
    headGate: startGate([...strong, ...lex.phases, ...lex.weakHeads]),
    boundaryGate: startGate(lex.boundaries),
    ownerFirst: firstUnits([...'等一二三四五六七八九十0123456789xX个家', ...lex.ownerNouns]),
    goalFirst: firstUnits(lex.goalCues),
    strictAtStart: new Literals(lex.strictHeads),
    strictAtEnd: new Suffixes(lex.strictHeads),
    weakStartStopAtStart: new Literals(lex.weakStartStop),
    planLikeAtEnd: new Suffixes(lex.planLike),
    headAtEnd: new Suffixes([...strong, ...lex.phases, ...lex.weakHeads]),
    strongAtEnd: new Suffixes(strong),
    buildHeadAtEnd: new Suffixes(lex.buildHeads),
    phaseAtEnd: new Suffixes(lex.phases),
    plainAtEnd: new Suffixes(lex.heads),
    worksAtEnd: new Suffixes([...lex.phases, ...lex.weakHeads]),
    boundary: new Literals(lex.boundaries),
    generic: new RegExp(`^(?:${alternation(lex.generic)}|[0-9.]+|[“”（）()—-])+$`),
    weak: new Set(lex.weakHeads),
    stop: new Set(lex.stop),
    buildVerb: new RegExp(alternation(lex.buildVerbs)),
    buildOnly: new Set(lex.buildHeads),
    buildAfter: new RegExp(`^(?:${alternation(lex.buildAfter)})`),
    listBuilt: new RegExp(`^(?:、[^，。；、]{1,12})*等[0-9一二三四五六七八九十两]+[条个处座所][^，。；、]{0,8}?(?:${alternation(lex.buildAfter)})`),
    genericAll: new RegExp(`(?:${alternation(lex.generic)}|[0-9.]+|[“”（）()—-])+`, 'g'),
    // A date or an office inside a name: a heading or a sentence, not a project (`2024年一季度重大项目`).
    foreign: new RegExp(`(?:${alternation(lex.foreign)})|[0-9]{4}年`),
    goal: new RegExp(`^(?:${alternation(lex.goalCues)})`),
    // Where a list's shared part starts: after `等` (and a count), or after a bare count (`远襄X所…`).
    listEnd: new RegExp(
      `等(?![级于同待])${NUM}?${unit}?|(?:[0-9]+|[xX]+)${unit}(?=[\u4e00-\u9fff])(?![和及与])|[一二两三四五六七八九十]+(?:大|${unit})(?=[\u4e00-\u9fff])`,
      'g',
    ),
    count: new RegExp(`^(?:${NUM}${unit}?|[个所条座家批](?=.))`),
    listQuantifier: new RegExp(`^等?(?:${alternation(lex.listQuantifiers)})`),
    place: new RegExp(
      `^[xX\u4e00-\u9fff]{1,4}?${cls(lex.placeEnds)}|^[县市][\u4e00-\u9fff]{0,3}?(?:中|院|校|馆)|(?:医院|卫生院|学校|中学|馆)$`,
    ),
    shareEnd: new RegExp(`${cls(lex.shareEnds)}$`),
    placeEnd: new RegExp(`${cls(lex.placeEnds)}$`),
    figure: new RegExp(`(?:[0-9]+|[xX]+)${cls(lex.figureUnits)}|以上|以下|[0-9xX]+(?:亿|万)元`),
    investment: new RegExp(`(?:${alternation(lex.investmentCues)})([0-9]+(?:\\.[0-9]+)?)(亿|万)元`),
    capacity: new RegExp(`([0-9]+(?:\\.[0-9]+)?)(千?)(${alternation(lex.capacityUnits)})`),
    workBeforeHead: new Suffixes(lex.workBeforeHead),
    // A name starts after a quantity (`打造15公里生态廊道`): the figure measures the works.
    // `白沙溪、中茶安化第一茶厂等龙头企业`: names of companies, not of works.
    // `打造“千年古镇”旅游品牌`: a slogan naming a brand, not a place being built.
    sloganAfter: new RegExp(`^”[\u4e00-\u9fff]{0,4}?(?:${alternation(lex.sloganAfter)})`),
    designation: new RegExp(`(?:${alternation(lex.designationVerbs)})(?:国家|省级)?(?:[0-9]A|A{3,5}|[一二三四五]A)级(?:旅游)?景区`, 'g'),
    sceneAtEnd: new Suffixes(lex.sceneHeads),
    owner: new RegExp(`^等?[一二三四五六七八九十0-9xX]*[个家]?(?:${alternation(lex.ownerNouns)})`),
    stopAtEnd: new Suffixes(lex.stopEnds),
    weakAtEnd: new Suffixes(lex.weakHeads),
    worksOnly: new RegExp(`^(?:${alternation([...lex.phases, ...lex.weakHeads, ...lex.workBeforeHead, ...lex.strictHeads, '保护'])})+$`),
    leadingRanks: new RegExp(`^(?:${alternation(lex.listRanks)})+`),
    ownAtEnd: new Suffixes(lex.ownHeads),
    leadingQuantity: new RegExp(`^(?:[0-9]+(?:\\.[0-9]+)?|[xX]+|[一二两三四五六七八九十百千万]+)(?:${alternation(lex.quantityUnits)})`),
  };
  return cached;
}

/** An enumerated item with a weak head: a proper-looking name in front (`力量钻石二期`). */
function listItem(name: string, r: Rules): boolean {
  const mod = modifier(name, r);
  return mod.length >= 4 && !r.figure.test(name) && !r.generic.test(mod.slice(0, 2)) && !startsWithAny(r.weakStartStopAtStart, mod);
}

/** Stops a name never crosses. */
const HARD = /[，。；：！？,;:!?\s]/;
/** `HARD` per UTF-16 unit, read where a name's edge is sought one character at a time. */
const HARD_UNITS = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) if (HARD.test(String.fromCharCode(c))) HARD_UNITS[c] = 1;
const hardAt = (text: string, k: number) => HARD_UNITS[text.charCodeAt(k)] === 1;
/** A project name found in a sentence, with the id of the rule that found it. */
export interface Span {
  start: number; // sentence-relative
  end: number;
  name: string;
  /** `projects.head:<head>`, `projects.list:<head>` (an 等-list) or `projects.shared:<head>` (`甲、乙…`). */
  rule: string;
}

/** Whether `owner` (`^等?[一…0-9xX]*[个家]?(?:ownerNouns)`) matches the text from `at`. */
const ownerAt = (text: string, at: number, r: Rules) => r.ownerFirst[text.charCodeAt(at)] === 1 && r.owner.test(text.slice(at));
/** Whether `goal` (`^(?:goalCues)`) matches the text from `at`. */
const goalAt = (text: string, at: number, r: Rules) => r.goalFirst[text.charCodeAt(at)] === 1 && r.goal.test(text.slice(at));

let companyWords: { suffixes: string[]; inner: string[]; notBrand: string[] } | null = null;

/**
 * Whether a company's suffix (有限公司, 集团), maybe after words of its name (投资发展), starts at `i`,
 * the name's brand before `word` (at `wordAt`) being no subject of a clause (我县, 全市).
 */
function companySuffixAt(text: string, i: number, wordAt: number): boolean {
  if (!companyWords) {
    const lex = lexicon<{ suffixes: string[]; suffixInner: string[]; context: { brandNot: string[] } }>('enterprises');
    companyWords = { suffixes: lex.suffixes, inner: lex.suffixInner, notBrand: lex.context.brandNot.filter((w) => w.length >= 2) };
  }
  if (companyWords.notBrand.some((w) => text.startsWith(w, wordAt - w.length))) return false;
  for (let at = i, hops = 0; hops < 4; hops++) {
    if (companyWords.suffixes.some((x) => text.startsWith(x, at))) return true;
    const w = companyWords.inner.find((x) => text.startsWith(x, at));
    if (!w) return false;
    at += w.length;
  }
  return false;
}

let placesWithJoints: Array<{ name: string; at: number }> | null = null;

/**
 * Whether the joint (和, 与, 及) at `i` is a character of a county's or city's name written there. A
 * name that starts with the joint (和田, 和龙) counts only before 至, 到 or its unit, as 和 starts
 * too many words (和田间, 和平) for its first character to say more.
 */
function jointInPlace(text: string, i: number): boolean {
  placesWithJoints ??= [...new Set([...allAreas().map((a) => areaStem(a.name)), ...allCities().map((c) => areaStem(c.name))])]
    .filter((n) => n.length >= 2 && /[和与及]/.test(n))
    .map((name) => ({ name, at: name.search(/[和与及]/) }));
  return placesWithJoints.some(({ name, at }) => {
    const from = i - at;
    if (from < 0 || !text.startsWith(name, from)) return false;
    return at > 0 || name.length >= 3 || /[至到县市区州旗盟]/.test(text[from + name.length] ?? '');
  });
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
  while (i > floor && !hardAt(text, i - 1) && text[i - 1] !== '、') i--;
  const region = text.slice(i, hs);
  // `A、B等（XX个）重点工业项目`: whatever follows 等 is the list's shared descriptor.
  // (Matched with the head's first character, which the list's lookaheads may need to see.)
  // `三大`, `两个`, `三座` close a list only after a `、` (`甲、乙、丙三大煤矿`; `“九大工程”` is one name).
  const lists = inList || !mayEndList(text, i, hs)
    ? []
    : [...text.slice(i, hs + 1).matchAll(r.listEnd)].filter(
        (l) => l.index! + l[0].length <= region.length && (!/^[一二两三四五六七八九十]+[^一二两三四五六七八九十]$/.test(l[0]) || text[i - 1] === '、'),
      );
  const deng = lists[lists.length - 1];
  if (deng) return { start: i + deng.index! + deng[0].length, cutBy: '等', listEnd: i + deng.index!, cuts: [] };
  let start = i;
  let cutBy: string | null = null;
  const cuts: Array<{ at: number; word: string }> = [{ at: i, word: '' }];
  // The boundary words of the region, leftmost-longest (as `r.boundary.matchAll(region)`), read in place.
  for (let at = i; at < hs; ) {
    const word = mayStartAt(r.boundaryGate, text, at) ? r.boundary.at(region, at - i) : undefined;
    if (word === undefined) {
      at++;
      continue;
    }
    const wordAt = at;
    at += word.length;
    const end = at;
    const left = hs - end;
    const joint = word === '和' || word === '与' || word === '及';
    // A one-character boundary that would leave a one-character name is part of the name (和昌高速).
    if (joint && left === 1) continue;
    // So is a joint inside a place's name (兴和, 共和, 和林格尔): `青山至兴和铁路` is one name,
    // and a verb inside a company's registered name (`鑫源农牧发展有限公司…项目`).
    if (joint && jointInPlace(text, wordAt)) continue;
    if (wordAt - i >= 2 && companySuffixAt(text, end, wordAt) && !r.lex.boundaries.some((b) => text.startsWith(b, wordAt - b.length))) continue;
    if (inList && joint) continue; // list joints are split by the caller
    if (inList && left === 0 && r.weak.has(word)) continue; // an item's own works (`…检测中心扩建`)
    // 及 separates names only after a complete one (`辣椒农产品深加工及智慧物流产业园` is one
    // name, `道路及管网改造工程` too); 和/与 nearly always separate.
    if (word === '及' && !endsInHead(text.slice(0, wordAt), r)) continue;
    cuts.push({ at: end, word });
    if (end >= start) {
      start = end;
      cutBy = word;
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

/** Whether `s` ends in a head that stands as one (`…道路` does not end in `路`). */
function endsInHead(s: string, r: Rules): boolean {
  const h = r.headAtEnd.exec(s);
  return !!h && !(h.index > 0 && r.lex.notBefore[h[0]]?.includes(s[h.index - 1]!));
}

/** The left part of a name without its heads: what must be specific. */
function modifier(name: string, r: Rules): string {
  let m = name;
  while (r.worksAtEnd.test(m)) m = r.worksAtEnd.strip(m);
  // The name's own head, then heads that modify it (`物流产业园项目`); a head that would leave
  // nothing in front stays (`高铁小镇`), and so does a building's owner (`xx中心卫生院`).
  let h = r.strongAtEnd.exec(m);
  if (h && (h.index > 0 || m === name)) m = m.slice(0, h.index);
  for (h = r.plainAtEnd.exec(m); h && h.index >= 2; h = r.plainAtEnd.exec(m)) m = m.slice(0, h.index);
  return m;
}

/** How many `“` and `”` a name holds. */
function quoteMarks(s: string): number {
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x201c || c === 0x201d) n++;
  }
  return n;
}

/**
 * What `judge` says of each name so far: a pure function of the name (the rules are fixed), asked
 * of the same few names again and again (`项目`, `提升`, `老旧小区改造` after a boundary word: six
 * in seven heads of a report give a name that is no project).
 */
const specificNames = new Map<string, boolean>();
const bareNames = new Map<string, boolean>();
/** Past this many names a memo starts afresh: a long run's names stay bounded. */
const MEMO_LIMIT = 100_000;
function memo(names: Map<string, boolean>, name: string, r: Rules, judge: (name: string, r: Rules) => boolean): boolean {
  const known = names.get(name);
  if (known !== undefined) return known;
  if (names.size >= MEMO_LIMIT) names.clear();
  const v = judge(name, r);
  names.set(name, v);
  return v;
}

/** Whether a name names a project of its own (see `judgeSpecific`), remembered per name. */
function specific(quotedName: string, r: Rules): boolean {
  return memo(specificNames, quotedName, r, judgeSpecific);
}

function judgeSpecific(quotedName: string, r: Rules): boolean {
  const marks = quoteMarks(quotedName);
  if (marks % 2) return false; // the boundary fell inside a slogan
  const name = marks ? quotedName.replace(/[“”]/g, '') : quotedName;
  if (r.stop.has(name) || r.stopAtEnd.test(name) || name.length > 28 || name.includes('的') || r.figure.test(name) || r.foreign.test(name)) return false;
  // Unbalanced brackets or quotes: the boundary fell inside a heading or a slogan.
  if (/[（(]/.test(name) !== /[）)]/.test(name)) return false;
  const mod = modifier(name, r);
  let core = name;
  while (r.worksAtEnd.test(core)) core = r.worksAtEnd.strip(core);
  // `县医院搬迁`, `xx中心卫生院异地新建`: the county's (or a masked place's) own institution, worked on.
  if (core !== name && core !== mod && /^(?:[县市区旗]|[xX]{2,})$/.test(mod) && r.plainAtEnd.test(core)) return true;
  // `工业园区污水处理厂`: a park's own plant (not `产业园项目`, a generic one).
  const owner = r.plainAtEnd.exec(mod);
  if (owner?.index === 0 && mod.length >= 3 && core === name && !r.strictAtEnd.test(name)) return true;
  if (mod.length < 2 || r.generic.test(mod)) return false;
  const head = name.slice(mod.length);
  const specificPart = mod.replace(r.genericAll, '');
  // A quoted part is a proper name however short (`“三北”六期工程`).
  const quote = /“([^”]{2,})”/.exec(quotedName);
  const quoted = !!quote && mod.length > quote[1]!.length;
  if (!quoted && startsWithAny(r.strictAtStart, head) && specificPart.length < 3) return false;
  if (head.startsWith('工程') && r.planLikeAtEnd.test(mod)) return false;
  // An object with a head of its own, then its works (`新世纪大道打通提升`, `产业园二期`)
  // (`应急管理项目治理` has none: `项目治理` is one word).
  const own = r.strongAtEnd.exec(core);
  if (own && !r.lex.notAfter[own[0]]?.includes(name[core.length] ?? '')) return true;
  // Only a phase (`鑫泰新能源汽车轴承二期`): a proper-looking name of four characters or more.
  if (r.phaseAtEnd.test(name) && !r.headAtEnd.test(r.phaseAtEnd.strip(name))) return listItem(name, r);
  // Only work words (`中原西路积水点改造`): the works of a place.
  if (r.weakAtEnd.test(head)) {
    return r.place.test(mod) && !r.generic.test(mod.slice(0, 2)) && !startsWithAny(r.weakStartStopAtStart, mod);
  }
  return true;
}

/** A name left generic (`项目`, `重点项目`): an inner boundary may have cut it too late. */
function bare(name: string, r: Rules): boolean {
  return memo(bareNames, name, r, judgeBare);
}
function judgeBare(name: string, r: Rules): boolean {
  const mod = modifier(quoteMarks(name) ? name.replace(/[“”]/g, '') : name, r);
  return mod.length < 2 || r.generic.test(mod);
}

/** A name whose own head (works and phases aside) is one that needs a building clause. */
function needsBuilding(name: string, r: Rules): boolean {
  let core = name;
  while (r.worksAtEnd.test(core)) core = r.worksAtEnd.strip(core);
  // Works named after it (`上海路北伸`) are the building.
  return core === name && r.buildHeadAtEnd.test(core) && !r.plainAtEnd.test(core);
}

/** Whether the clause around a head could build it (the cheap test before the name is cut). */
function mayBuild(text: string, hs: number, he: number, r: Rules): boolean {
  let i = hs;
  while (i > 0 && !hardAt(text, i - 1)) i--;
  return r.buildVerb.test(text.slice(i, hs)) || r.buildAfter.test(text.slice(he)) || r.listBuilt.test(text.slice(he)) || /^[（(]?[0-9]/.test(text.slice(i, hs));
}

/** Where a name ends in a head that needs a building clause (`中心`, `楼`, `厂`): is there one? */
function built(text: string, start: number, he: number, r: Rules): boolean {
  let i = start;
  while (i > 0 && !hardAt(text, i - 1)) i--;
  // `在古勒巴格镇建设…的棉花仓储物流中心`: a building verb earlier in the clause will do.
  const before = text.slice(i, start);
  return r.buildVerb.test(before) || r.buildAfter.test(text.slice(he)) || r.listBuilt.test(text.slice(he));
}

/** jieba's words of a name, remembered: lists repeat their last item's name across sentences. */
const segmented = new Map<string, Token[]>();
function wordsOf(name: string): Token[] {
  let tokens = segmented.get(name);
  if (!tokens) {
    if (segmented.size > 10000) segmented.clear();
    tokens = tokenize(name);
    segmented.set(name, tokens);
  }
  return tokens;
}

/** The shared tail of a coordinated list: `盛风风力光伏项目` minus a name as long as `国华`. */
function sharedTail(last: string, item: string, r: Rules): string {
  const itemLength = item.length;
  // `尖冢镇、下堡寺镇蔬菜产业园`: items that are places share what follows the last place's suffix.
  const suffix = r.placeEnd.exec(item)?.[0];
  if (suffix) {
    const at = last.indexOf(suffix, 1);
    if (at > 0 && at < last.length - 2) return last.slice(at + 1);
  }
  const tokens = wordsOf(last);
  let best = Math.min(itemLength, last.length - 1);
  let bestGap = Infinity;
  // The tail starts at a word of its own (`风力|光伏项目`), not at a one-character one (`老王|集|敬老院`).
  for (const t of tokens) {
    if (t.start === 0 || (t.end - t.start < 2 && tokens.some((u) => u.start > 0 && u.end - u.start >= 2))) continue;
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
    while (i > floor && !hardAt(text, i - 1) && text[i - 1] !== '、') i--;
    const { start } = nameStart(text, floor, j, r, true);
    const s = Math.max(i, start);
    // `云华山及仇池山`: 及/和/与 (及其) join items too, but not inside a place's name (和林格尔).
    const spans: Span[] = [];
    let from = s;
    for (let k = s; k <= j; k++) {
      const joint = k < j && (text[k] === '及' || text[k] === '和' || text[k] === '与') && !jointInPlace(text, k);
      if (k < j && !joint) continue;
      if (k > from) spans.push({ start: from, end: k, name: text.slice(from, k), rule: 'projects.list' });
      from = k + (text.startsWith('及其', k) ? 2 : 1);
      if (text.startsWith('及其', k)) k++;
    }
    items.unshift(...spans);
    if (s > i || text[s - 1] !== '、') break; // cut by a boundary word, or a hard stop
    j = s - 1;
  }
  return items.filter((it) => it.name.length >= 2 && it.name.length <= 28);
}

function statusOf(s: Sentence, r: Rules): ProjectStatus {
  // Asked for each project of a sentence: the last sentence's answer is kept.
  const last = lastStatus;
  if (last.s === s && last.text === s.text && last.section === s.section) return last.status;
  lastStatus = { s, text: s.text, section: s.section, status: statusIn(s, r) };
  return lastStatus.status;
}
let lastStatus: { s: Sentence | null; text: string; section: Sentence['section'] | null; status: ProjectStatus } = { s: null, text: '', section: null, status: null };

function statusIn(s: Sentence, r: Rules): ProjectStatus {
  for (const [status, cues] of r.lex.status) if (cues.some((c) => s.text.includes(c))) return status;
  return s.section === 'review' ? 'completed' : s.section === 'plan' ? 'planned' : null;
}

/** Investment in 亿元 stated next to the name (`总投资21.18亿元的…`, `…，总投资5000万元`). */
function investmentNear(text: string, start: number, end: number, r: Rules): number | null {
  const window = text.slice(Math.max(0, start - 16), Math.min(text.length, end + 16));
  const m = r.investment.exec(window);
  if (!m) return null;
  const v = Number(m[1]);
  return m[2] === '万' ? Math.round((v / 1e4) * 1e6) / 1e6 : v;
}

function capacityOf(name: string, r: Rules): { value: number; unit: string } | null {
  const m = r.capacity.exec(name);
  if (!m) return null;
  const v = Number(m[1]) * (m[2] ? 1000 : 1);
  return { value: v, unit: m[3]! };
}

const terms = (i: { name: string; aliases?: string[] }) => [i.name, ...(i.aliases ?? [])].filter((t) => t.length >= 2);

/**
 * A project's industry: the first whose name or alias the project's name holds, else the first
 * with evidence in the project's sentence. The terms and sentences are gathered once per document.
 */
function industryIndex(doc: Document): (name: string, s: Sentence) => string | null {
  const inds = doc.facts.industries ?? [];
  // Each industry's terms grouped by first character: a name's terms are those starting at each
  // of its positions. (A Literals trie per document would cost more to build than it saves.)
  const byFirst = new Map<number, Array<{ term: string; rank: number }>>();
  inds.forEach((i, rank) => {
    for (const term of terms(i)) {
      const group = byFirst.get(term.charCodeAt(0));
      if (group) group.push({ term, rank });
      else byFirst.set(term.charCodeAt(0), [{ term, rank }]);
    }
  });
  const bySentence = new Map<number, string>();
  for (const i of inds) for (const e of i.evidence) if (!bySentence.has(e.sentence)) bySentence.set(e.sentence, i.id);
  return (name, s) => {
    let first = Infinity;
    for (let k = 0; k < name.length; k++) {
      const group = byFirst.get(name.charCodeAt(k));
      if (group) for (const g of group) if (g.rank < first && name.startsWith(g.term, k)) first = g.rank;
    }
    return first < Infinity ? inds[first]!.id : (bySentence.get(s.index) ?? null);
  };
}

/**
 * A head inside a longer name (`大伟嘉二期5千头种猪场项目`): another head follows within a few
 * characters, with no punctuation or boundary word in between.
 */
function midName(text: string, he: number, r: Rules): boolean {
  const ahead = text.slice(he, he + 12);
  // `…结构件项目（常熟高新区）。`: a place in brackets after a name is a note on it.
  const note = text[he] === '（' || text[he] === '(' ? /^[（(][^（）()]*[）)]/.exec(text.slice(he, he + 20)) : null;
  if (note && (he + note[0].length >= text.length || HARD.test(text[he + note[0].length]!))) return false;
  const stop = ahead.search(/[，。；：、,;:！？\s]/);
  const window = stop >= 0 ? ahead.slice(0, stop) : ahead;
  // The first head in the window (as `r.head.first(window)`): none, or one right here, and the name ends.
  let next = 0;
  while (next < window.length && !(mayStartAt(r.headGate, window, next) && r.head.at(window, next) !== undefined)) next++;
  if (next === 0 || next === window.length) return false;
  // `人民医院新院区建设项目`: a work word right before the next head belongs to the name.
  const between = r.workBeforeHead.strip(window.slice(0, next));
  return !r.boundary.test(between);
}

/**
 * The project names of a sentence of the document the projects stage last read, as
 * `projectSpans(text)` gives them: the targets stage asks again for the sentences with figures.
 * `text` is the sentence's text as the caller reads it (the spans are its offsets). Callers only
 * read the spans.
 */
export function sentenceSpans(s: Sentence, text: string): Span[] {
  const k = s.index;
  const known = lastDoc.sentences[k] === s && lastDoc.texts[k] === text ? lastDoc.spans[k] : undefined;
  return known ?? projectSpans(text);
}
/** The last document's sentences, by index: the text each one's spans were cut from, and the spans. */
const lastDoc: { sentences: Sentence[]; texts: string[]; spans: Span[][] } = { sentences: [], texts: [], spans: [] };

/** Project names in one sentence (sentence-relative spans). */
export function projectSpans(text: string): Span[] {
  const r = rules();
  const out: Span[] = [];
  const used = new Set<number>(); // item starts already named (a list may be seen twice)
  const st: SpanScan = { text, r, out, used, floor: 0 };
  // The heads, leftmost-longest (as `r.head.matchAll(text)`), each resuming after the last.
  for (let i = 0; i < text.length; ) {
    const head = mayStartAt(r.headGate, text, i) ? r.head.at(text, i) : undefined;
    if (head === undefined) {
      i++;
      continue;
    }
    const hs = i;
    i += head.length;
    if (hs < st.floor) continue;
    spansAtHead(st, head, hs);
  }
  designated(text, r, out, used);
  return out;
}

/** What the names found at each head of a sentence share: the sentence, its names so far, where the last one ended. */
interface SpanScan {
  text: string;
  r: Rules;
  out: Span[];
  used: Set<number>;
  /** Where the last name ended: a head before it is inside that name. */
  floor: number;
}

/**
 * The names ending in the head at `hs` (see `projectSpans`), added to `st.out`. A function of its
 * own, the scan over every position left small: V8 optimises that loop early in a run.
 */
function spansAtHead(st: SpanScan, head: string, hs: number): void {
  const { text, r, out, used } = st;
  let he = hs + head.length;
  if (he < text.length && r.lex.notAfter[head]?.includes(text[he]!)) return;
  if (hs > 0 && r.lex.notBefore[head]?.includes(text[hs - 1]!)) return;
  if (ownerAt(text, he, r) || (text[he] === '”' && r.sloganAfter.test(text.slice(he)))) return;
  // A head that needs a building clause, in a clause that builds nothing: no need to look further.
  if (r.buildOnly.has(head) && headAt(r, text, he) === undefined && !mayBuild(text, hs, he, r)) return;
  if (midName(text, he, r)) return;
  // Adjacent heads belong to one name: `物流产业园项目`, `二期工程`.
  for (let n = headAt(r, text, he); n !== undefined; n = headAt(r, text, he)) he += n.length;
  const found = nameStart(text, st.floor, hs, r);
  const { cutBy, listEnd } = found;
  let start = found.start;
  let name = unquote(text.slice(start, he), text[he]);
  // A heading marker is not part of a name (`（二）聚力项目`, `一是…`), nor is a quantity.
  const marker = /^(?:[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十]是|[0-9]+[.．、](?![0-9]))/.exec(name);
  if (marker) {
    start += marker[0].length;
    name = name.slice(marker[0].length);
  }
  // An item of a numbered list (`4.…冷链物流中心（…镇）：总投资…`) is a project list's entry.
  const numbered = !!marker && /^[0-9（(]/.test(marker[0]);
  // `乡镇卫生院疫情防控能力提升项目`: a boundary that also occurs inside names (提升, 建设) may
  // have cut too late; the next cut to the left is tried when the name is left generic.
  for (let k = 0; cutBy !== '等' && bare(name, r) && k + 1 < found.cuts.length; k++) {
    const inner = found.cuts[k]!;
    if (!r.lex.innerBoundaries.includes(inner.word)) break;
    // …but only with a name in front of it (`改扩建中小学` is no name).
    if (inner.at - inner.word.length - found.cuts[k + 1]!.at < 2) break;
    start = found.cuts[k + 1]!.at;
    name = unquote(text.slice(start, he), text[he]);
  }
  const quantity = r.leadingQuantity.exec(name);
  if (quantity) {
    start += quantity[0].length;
    name = name.slice(quantity[0].length);
  }
  st.floor = he;
  if (cutBy === '等') {
    // `A、B、C等XX个辣椒精深加工项目`: one project per item, sharing the descriptor.
    const descriptor = name.replace(r.count, '');
    // `集医疗、医药、养老等为一体的…医院`: 等 closes a description, not a list of projects.
    if (/的|为|了/.test(descriptor)) return; // (`目标、任务等作出了…`: a clause, not a descriptor)
    // `金刚石及其制品、生物医药等一批重大项目`: a list of kinds, not of named projects.
    if (r.listQuantifier.test(text.slice(listEnd ?? start))) return;
    // `白沙溪、…第一茶厂等龙头企业扩能提质`: a list of companies.
    if (ownerAt(text, listEnd ?? start, r)) return;
    // The items are the names: the descriptor is shared without its ranks (`重点`, `一批`).
    const shared = descriptor.replace(r.leadingRanks, '') || head;
    if (goalAt(text, he, r)) return; // `引入石化下游等项目不少于x个`: a goal's object
    for (const it of itemsBefore(text, 0, listEnd ?? start - 1, r)) {
      if (used.has(it.start)) continue;
      // `退化林修复、…三大绿化工程`: an item with only a weak head takes the list's strong one.
      // An item ending in a head that needs a building clause (`北湖路`) takes the shared one too.
      const full = r.plainAtEnd.test(it.name) ? it.name : it.name + (r.headAtEnd.test(it.name) && !r.strongAtEnd.test(it.name) && !r.strongAtEnd.test(shared) ? '' : shared);
      // An enumerated item may end in a weak head (`力量钻石二期`): the list vouches for it.
      if (specific(full, r) || (r.headAtEnd.test(it.name) && listItem(it.name, r))) {
        out.push({ start: it.start, end: it.end, name: full, rule: `projects.list:${head}` });
        used.add(it.start);
      }
    }
    return;
  }
  const coordinated = text[start - 1] === '、';
  if (goalAt(text, he, r)) return;
  // `“一网两厂多节点”引江济淮配套工程`: a slogan in front of a name is not part of it.
  // (A numbered slogan; `“茶乡花海”田园综合体` is named by its quote.)
  const slogan = /^“[^”]*[一二两三四五六七八九十百千万0-9][^”]*[一二两三四五六七八九十百千万0-9][^”]*”/.exec(name);
  if (slogan && specific(name.slice(slogan[0].length), r)) {
    start += slogan[0].length;
    name = name.slice(slogan[0].length);
  }
  if (!specific(name, r)) return;
  // `中心`, `楼`, `厂`: such a name is a project where the sentence builds it (`新建…中心`).
  if (needsBuilding(name, r) && !numbered && !built(text, start, he, r)) return;
  out.push({ start, end: he, name, rule: `projects.head:${head}` });
  used.add(start);
  if (coordinated) {
    // `国华、盛风风力光伏项目`: earlier items without a head of their own share the tail.
    for (const it of itemsBefore(text, 0, start - 1, r)) {
      if (r.plainAtEnd.test(it.name) || (r.headAtEnd.test(it.name) && !r.buildHeadAtEnd.test(it.name))) continue; // a name of its own
      // `北海路、学苑路供热主管网` share the tail after the same head; `西环路、县城第二水厂` do not.
      const own = r.buildHeadAtEnd.exec(it.name);
      if (own && !name.includes(own[0])) {
        if (specific(it.name, r)) {
          out.push({ start: it.start, end: it.end, name: it.name, rule: `projects.head:${own[0]}` });
          used.add(it.start);
        }
        continue;
      }
      // `国华、盛风…`: a short item is a fragment sharing the tail; a long one is a name of
      // its own (`汉德生物、…体育城等项目`), named by the list's `等` if any.
      // A long item shares only as a town or a street (`乳山口镇、…`); a river or a mountain
      // is a place of its own (`地苏地下河、…、红水河百里生态长廊`).
      if (it.name.length >= 4 && !r.shareEnd.test(it.name)) continue;
      // `历山、…、窦庄古城`: a head that belongs to one old place's name is not shared.
      if (r.ownAtEnd.test(name) && modifier(name, r).length <= 3) continue;
      const tail = sharedTail(name, it.name, r);
      // `县乡路、通村路、旅游路`: an item of the same kind as the last shares nothing with it.
      if (r.headAtEnd.test(it.name) && modifier(tail, r) === '') continue;
      const full = it.name + tail;
      if (specific(full, r)) {
        out.push({ start: it.start, end: it.end, name: full, rule: `projects.shared:${head}` });
        used.add(it.start);
      }
    }
  }
}

/**
 * `柳氏民居、湘峪古堡成功创建国家4A级旅游景区`: the places before a scenic-area grade are scenic
 * areas (`柳氏民居景区`), each of its own.
 */
function designated(text: string, r: Rules, out: Span[], used: Set<number>): void {
  if (!text.includes('级')) return;
  for (const d of text.matchAll(r.designation)) {
    const items = itemsBefore(text, 0, d.index!, r);
    for (const it of items) {
      if (used.has(it.start) || out.some((o) => o.start <= it.start && it.end <= o.end)) continue;
      if (it.name.length > 10 || r.generic.test(it.name)) continue;
      const name = r.sceneAtEnd.test(it.name) ? it.name : `${it.name}${r.lex.sceneHeads[0]}`;
      if (!specific(name, r)) continue;
      out.push({ start: it.start, end: it.end, name, rule: 'projects.designation' });
      used.add(it.start);
    }
  }
}

/**
 * Works on one place named twice (`余河坡综合治理`, `余河坡城区内河治理`): same first three
 * characters (no mask) and the same weak head. Strong heads (项目, 产业园) name distinct projects
 * of one company or kind too often to merge.
 */
function sameProject(a: string, b: string): boolean {
  const kind = worksKind(a);
  return !!kind && b.startsWith(a.slice(0, 3)) && b.endsWith(kind);
}

/** The kind of works `a` names, where another name could be the same works (see `sameProject`). */
function worksKind(a: string): string | undefined {
  const kind = /(?:治理|改造|修复|搬迁)$/.exec(a)?.[0];
  return kind && !/[xX]/.test(a.slice(0, 3)) && a.length > 4 ? kind : undefined;
}

/**
 * One project named short and in full (`娜允古城`, `娜允古城保护提升工程`): the short mention
 * joins the one full name that adds only works, phases or a generic head to it.
 */
function mergeMentions(facts: ProjectFact[], r: Rules): ProjectFact[] {
  const gone = new Set<ProjectFact>();
  // Every way of joining needs the longer name to start with the short one's first two
  // characters (see `shortFor`, `sameKind`): the candidates are looked up by them.
  const byLead = new Map<string, ProjectFact[]>();
  for (const f of facts) {
    const key = f.name.slice(0, 2);
    const group = byLead.get(key);
    if (group) group.push(f);
    else byLead.set(key, [f]);
  }
  for (const a of facts) {
    const head = r.strongAtEnd.exec(a.name);
    if (!head) continue;
    const lead = a.name.slice(0, head.index);
    const candidates = a.name.length >= 2 ? (byLead.get(a.name.slice(0, 2)) ?? []) : facts;
    const longer = candidates.filter(
      (b) =>
        b !== a &&
        !gone.has(b) &&
        b.name.length > a.name.length &&
        (b.name.startsWith(a.name)
          ? r.worksOnly.test(b.name.slice(a.name.length))
          : shortFor(a.name, lead, head[0], b.name, r) || sameKind(lead, head[0], b.name, r)),
    );
    if (longer.length !== 1) continue;
    longer[0]!.evidence.push(...a.evidence);
    gone.add(a);
  }
  return facts.filter((f) => !gone.has(f));
}

/**
 * `赤水河项目` for `赤水河流域（仁怀段）…治理项目`, `国台数智酿造基地` for `国台酒业数智酿造基地`:
 * the full name starts with the short one's lead and ends in its head, or is the short one with
 * the company's kind (`酒业`, `股份`) left out.
 */
function shortFor(short: string, lead: string, head: string, full: string, r: Rules): boolean {
  // Only a generic head makes a short reference (`赤水河项目`); `生物医药产业园` is a name of its own.
  if (r.lex.referenceHeads.includes(head) && lead.length >= 2 && full.startsWith(lead) && full.endsWith(head) && !/[xX]/.test(lead)) return true;
  for (let i = 2; i + 4 <= short.length; i++) {
    if (!full.startsWith(short.slice(0, i)) || !full.endsWith(short.slice(i))) continue;
    if (r.lex.companyKinds.includes(full.slice(i, full.length - (short.length - i)))) return true;
  }
  return false;
}

/** `历山景区` and `历山风景区`: one place, its head said shorter. */
function sameKind(lead: string, head: string, full: string, r: Rules): boolean {
  if (lead.length < 2 || !full.startsWith(lead)) return false;
  const other = full.slice(lead.length);
  return other.endsWith(head) && r.strongAtEnd.exec(other)?.index === 0;
}

export const projects: Stage = {
  name: 'projects',
  run(doc: Document): Document {
    const r = rules();
    // A new document: the last one's sentences are asked for no more.
    lastDoc.sentences = doc.sentences;
    lastDoc.texts = [];
    lastDoc.spans = [];
    const byName = new Map<string, ProjectFact>();
    // The facts `sameProject` could join a later name to, in the order they were named.
    const works: ProjectFact[] = [];
    const industry = industryIndex(doc);
    for (const s of doc.sentences) {
      const spans = projectSpans(s.text);
      lastDoc.texts[s.index] = s.text;
      lastDoc.spans[s.index] = spans;
      for (const sp of spans) {
        // A quote left open at either end is the slogan's, not the name's (`“国际医疗健康城”`).
        const name = (sp.name.match(/[“”]/g)?.length ?? 0) % 2 || /^“[^”]*”$/.test(sp.name) ? sp.name.replace(/^[“”]+|[“”]+$/g, '') : sp.name;
        const ev = evidence(doc, s, s.start + sp.start, s.start + sp.end, sp.rule);
        // `余河坡综合治理` and `余河坡城区内河治理`: one river's works named twice are one project.
        const known = byName.get(name) ?? works.find((f) => sameProject(f.name, name));
        if (known) {
          known.evidence.push(ev);
          continue;
        }
        const fact: ProjectFact = {
          name,
          investment: investmentNear(s.text, sp.start, sp.end, r),
          capacity: capacityOf(name, r),
          status: statusOf(s, r),
          industry: industry(name, s),
          confidence: 0.6,
          evidence: [ev],
        };
        byName.set(name, fact);
        if (worksKind(name)) works.push(fact);
      }
    }
    doc.facts.projects = mergeMentions([...byName.values()], r);
    return doc;
  },
};
