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
import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';
import type { CountyFact, Document, Evidence } from '../model.ts';
import type { Stage } from '../stage.ts';
import { Dictionary } from '../dictionary.ts';
import { evidence } from '../evidence.ts';
import { inMask } from '../normalise.ts';
import {
  allAreas, allCities, allProvinces, areaByCode, areasByName, cityName, provinceName, townIndex, villageIndex, type Area,
} from '../gazetteer.ts';

const cues = JSON.parse(readFileSync(new URL('../../data/lexicon/county.json', import.meta.url), 'utf8')) as {
  after: string[];
  before: string[];
  commonWordFrequency: number;
  notPlaces: string[];
  weights: Record<'townFull' | 'townStem' | 'village' | 'longName' | 'cityMention' | 'provinceMention', number>;
};
const W = cues.weights;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A county-level suffix in a speaking position: the name is the text just before it. */
const SPEAKING = new RegExp(`(?:县|市|区|旗)(?=${cues.after.map(esc).join('|')})`, 'g');
/** Geographic feature characters that may follow a place stem inside one jieba token. */
const FEATURE = /[河湖江溪沟渠山岭峰塬川湾泉镇乡村街路桥]/;
const MASKED_COUNTY = /[xX×*]{1,4}(?:县|市|区|旗)/;

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

let placeDict: Dictionary<PlaceTerm> | null = null;
/** Towns (full and stem) and villages in one dictionary; built once, only for masked documents. */
function places(): Dictionary<PlaceTerm> {
  if (placeDict) return placeDict;
  const d = new Dictionary<PlaceTerm>();
  const t = townIndex();
  const zone = new RegExp(`(?:${cues.notPlaces.join('|')})$`);
  for (const [name, codes] of t.full) if (!zone.test(name)) d.add(name, { codes: [...codes], kind: 'townFull' });
  const everyday = commonWords();
  // Province and city names are regional cues (see regions()), not villages of the same name.
  for (const m of regionNames()) everyday.add(m);
  for (const [name, codes] of t.stem) if (name.length >= 2 && !everyday.has(name) && !zone.test(name)) d.add(name, { codes: [...codes], kind: 'townStem' });
  for (const [name, codes] of villageIndex()) if (!everyday.has(name) && !zone.test(name)) d.add(name, { codes, kind: 'village' });
  placeDict = d;
  return d;
}

function regionNames(): string[] {
  regions();
  return regionTerms;
}
let regionTerms: string[] = [];

/** Province and city short names (`河南`, `驻马店`) for the regional boost. */
let regionDict: Dictionary<{ province?: string; city?: string }> | null = null;
function regions() {
  if (regionDict) return regionDict;
  const d = new Dictionary<{ province?: string; city?: string }>();
  for (const p of allProvinces()) {
    const stem = p.name.replace(/(?:省|市|维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区)$/, '');
    d.add(p.name, { province: p.code }).add(stem, { province: p.code });
    regionTerms.push(p.name, stem);
  }
  for (const c of allCities()) {
    if (/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(c.name)) continue;
    const stem = c.name.replace(/(?:市|地区|盟)$/, '').replace(/(?:[\u4e00-\u9fff]{1,6}族)*自治州$/, '');
    d.add(c.name, { city: c.code });
    if (stem.length >= 2) d.add(stem, { city: c.code });
    regionTerms.push(c.name, stem);
  }
  regionDict = d;
  return d;
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
  const score = new Map<string, number>();
  const spans = new Map<string, Array<[number, number]>>();
  // A place name must start and end on word boundaries (jieba's): 代化 in 现代化, 信和 in 自信和担当
  // and 宜居乡 in 宜居乡村 are not the villages and towns of those names.
  const starts = new Set(doc.tokens.map((t) => t.start));
  const ends = new Set(doc.tokens.map((t) => t.end));
  const dict = places();
  // Only word starts can start a place name (see above), so look there and nowhere else.
  const candidates = starts.size ? [...starts].sort((a, b) => a - b) : Array.from({ length: text.length }, (_, i) => i);
  let next = 0;
  for (const at of candidates) {
    if (at < next) continue;
    const m = dict.longestAt(text, at);
    if (!m) continue;
    if (seen.has(m.term) || inMask(doc.masks, m.start, m.end)) continue;
    // …except that a stem may run into a feature word jieba glued to it (泌水河 is 泌 + 水河), unless
    // the stem already ends in one (美丽河 in 美丽河湖).
    if (starts.size && (!starts.has(m.start) || (!ends.has(m.end) && !(FEATURE.test(text[m.end] ?? '') && !FEATURE.test(m.term.at(-1)!))))) continue;
    seen.add(m.term);
    next = m.end;
    const { codes, kind } = m.value;
    // A bare stem counts only as a word of its own: not glued to a following 县/市 (another county).
    if (kind !== 'townFull' && /^[县市区]/.test(text[m.end] ?? '')) continue;
    const w = (W[kind] * (m.term.length >= 3 ? W.longName : 1)) / codes.length;
    for (const code of codes) {
      score.set(code, (score.get(code) ?? 0) + w);
      // Spans only: evidence objects are built for the few counties returned.
      const list = spans.get(code);
      if (!list) spans.set(code, [[m.start, m.end]]);
      else if (list.length < 8) list.push([m.start, m.end]);
    }
  }
  const provinces = new Set<string>();
  const cities = new Set<string>();
  for (const m of regions().matches(text)) {
    if (m.value.province) provinces.add(m.value.province);
    if (m.value.city) cities.add(m.value.city);
  }
  const ranked: Array<[string, number]> = [];
  for (const [code, s] of score) {
    const area = areaByCode(code);
    if (!area) continue;
    const boost = 1 + (cities.has(area.cityCode) ? W.cityMention : 0) + (provinces.has(area.provinceCode) ? W.provinceMention : 0);
    ranked.push([code, s * boost]);
  }
  ranked.sort((a, b) => b[1] - a[1]);
  return ranked.slice(0, limit).map(([code, s]) => {
    const e = (spans.get(code) ?? []).map(([a, b]) => evidence(doc, a, b, 6));
    return { area: areaByCode(code)!, score: s, terms: [...new Set(e.map((x) => text.slice(x.start, x.end)))], evidence: e };
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
