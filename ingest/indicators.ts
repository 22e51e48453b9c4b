/**
 * The indicator catalogue (`data/lexicons/indicators.json`): the statistical indicators county
 * reports set goals for (地区生产总值, 一般公共预算收入, 城镇新增就业 …), each with a stable id, a
 * measure, a canonical unit and the synonyms texts use. Targets resolve their indicator here and
 * convert stated amounts to the catalogue's unit; the API gives `Indicator` nodes the canonical
 * name, measure and unit from it.
 */
import { z } from 'zod';
import { lexicon } from './extract/lexicon.ts';

export type IndicatorMeasure = 'level' | 'growth' | 'share' | 'per_capita' | 'count';
const measure = z.enum(['level', 'growth', 'share', 'per_capita', 'count']);

const EntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/, 'ids are lower-case ASCII words joined by _'),
  name: z.string().min(2),
  measure,
  unit: z.string().min(1),
  names: z.array(z.string().min(2)).min(1),
  growth: z.object({ id: z.string().regex(/^[a-z0-9_]+$/), name: z.string().min(2) }).optional(),
});

export const IndicatorLexiconSchema = z
  .object({
    _comment: z.string().optional(),
    indicators: z.array(EntrySchema).min(1),
    /** Families of units, each unit with its factor to the family's base. */
    units: z.record(z.string(), z.record(z.string(), z.number().positive())),
  })
  .superRefine((v, ctx) => {
    const ids = new Set<string>();
    const names = new Map<string, string>();
    v.indicators.forEach((e, i) => {
      for (const id of [e.id, e.growth?.id].filter(Boolean) as string[]) {
        if (ids.has(id)) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'id'], message: `id ${id} is used twice` });
        ids.add(id);
      }
      e.names.forEach((n, j) => {
        const other = names.get(n);
        if (other) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'names', j], message: `name ${n} is already a name of ${other}` });
        names.set(n, e.id);
      });
    });
  });

/** One catalogue entry; a growth twin (`gdp_growth`) is an entry of its own with `levelOf`. */
export interface IndicatorEntry {
  id: string;
  /** Canonical name: `地区生产总值`, `地区生产总值增速`. */
  name: string;
  measure: IndicatorMeasure;
  /** The catalogue's unit: `亿元`, `%`, `万亩`, `人`. */
  unit: string;
  /** Names a text uses for it (for a growth twin, the level's names). */
  synonyms: string[];
  /** For a growth twin: the id of the level it is the rate of change of. */
  levelOf?: string;
  /** For a level with a growth twin: the twin's id. */
  growthId?: string;
}

interface Catalogue {
  entries: IndicatorEntry[];
  byId: Map<string, IndicatorEntry>;
  /** Every synonym with its (level) entry, longest first. */
  names: Array<{ name: string; entry: IndicatorEntry }>;
  /** Unit → family and factor to the family's base. */
  units: Map<string, { family: string; factor: number }>;
}

const QUOTES = /[“”"‘’'《》]/g;

let cached: Catalogue | null = null;
function catalogue(): Catalogue {
  if (cached) return cached;
  const lex = lexicon('indicators', IndicatorLexiconSchema);
  const entries: IndicatorEntry[] = [];
  const names: Catalogue['names'] = [];
  for (const e of lex.indicators) {
    const level: IndicatorEntry = { id: e.id, name: e.name, measure: e.measure, unit: e.unit, synonyms: e.names };
    if (e.growth) level.growthId = e.growth.id;
    entries.push(level);
    if (e.growth) entries.push({ id: e.growth.id, name: e.growth.name, measure: 'growth', unit: '%', synonyms: e.names, levelOf: e.id });
    for (const name of e.names) names.push({ name, entry: level });
  }
  names.sort((a, b) => b.name.length - a.name.length);
  const units = new Map<string, { family: string; factor: number }>();
  for (const [family, members] of Object.entries(lex.units)) {
    for (const [unit, factor] of Object.entries(members)) units.set(unit, { family, factor });
  }
  cached = { entries, byId: new Map(entries.map((e) => [e.id, e])), names, units };
  return cached;
}

/** Every catalogue entry, growth twins included, in catalogue order. */
export const indicatorCatalogue = (): readonly IndicatorEntry[] => catalogue().entries;

/** The entry with this id (`gdp`, `gdp_growth`), or undefined. */
export const indicatorById = (id: string): IndicatorEntry | undefined => catalogue().byId.get(id);

/** The family a unit belongs to (`money` for 万元), or null for units the catalogue does not know. */
export const unitFamily = (unit: string | null): string | null => (unit ? catalogue().units.get(unit)?.family ?? null : null);

/**
 * `value` in `from` expressed in `to`, or null when the two are not of one family.
 * @example convertUnit(3000, '万元', '亿元') === 0.3; convertUnit(23, '亿斤', '万吨') === 115
 */
export function convertUnit(value: number, from: string, to: string): number | null {
  const units = catalogue().units;
  const a = units.get(from);
  const b = units.get(to);
  if (!a || !b || a.family !== b.family) return null;
  return Math.round(((value * a.factor) / b.factor) * 1e9) / 1e9;
}

/**
 * The catalogue entry an indicator's name stands for, given the target's unit and whether it
 * reads a rate of change: the longest synonym the name contains whose entry measures in the
 * target's unit (`重点项目完成投资` + 亿元 → project_investment, not key_projects). A growth reading
 * in % (or 倍, 翻一番) takes the entry's growth twin. Null when nothing fits.
 * @example resolveIndicator('地区生产总值增长', '%', true)?.id === 'gdp_growth'
 */
export function resolveIndicator(name: string, unit: string | null, growth: boolean): IndicatorEntry | null {
  // Reports name the same few dozen indicators again and again: each reading is found once.
  const key = `${growth ? 1 : 0}${unit ?? ''}\u0000${name}`;
  const known = resolved.get(key);
  if (known !== undefined) return known;
  if (resolved.size > 20000) resolved.clear();
  const entry = resolveUncached(name, unit, growth);
  resolved.set(key, entry);
  return entry;
}
const resolved = new Map<string, IndicatorEntry | null>();

function resolveUncached(name: string, unit: string | null, growth: boolean): IndicatorEntry | null {
  const cat = catalogue();
  name = name.replace(QUOTES, '');
  const family = unitFamily(unit);
  const rate = unit === '倍' || family === 'percent';
  for (const { name: n, entry } of cat.names) {
    if (!name.includes(n)) continue;
    if (rate && growth && entry.growthId) return cat.byId.get(entry.growthId)!;
    if (rate && (entry.measure === 'share' || entry.measure === 'growth')) return entry;
    if (!rate && family && family === unitFamily(entry.unit)) return entry;
  }
  return null;
}
