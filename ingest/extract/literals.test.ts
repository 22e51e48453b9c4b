import { describe, expect, it } from 'vitest';
import { Literals, Scanner, Suffixes } from './literals.ts';
import { alternation } from './lexicon.ts';

const words = ['项目', '工程', '产业园', '产业园区', '园区', '二期', '.+'];
const texts = ['实施产业园区建设项目二期工程', '园区', '无', '', '工程工程项目', '产业园区区.+项目', 'a.+b产业园'];

describe('Literals', () => {
  it('finds what a global alternation finds, at the same places', () => {
    const lit = new Literals(words);
    const re = new RegExp(alternation(words), 'g');
    for (const t of texts) {
      const want = [...t.matchAll(re)].map((m) => [m.index, m[0]]);
      expect([...lit.matchAll(t)].map((m) => [m.index, m[0]]), t).toEqual(want);
    }
  });

  it('prefers the longest word at a position and says whether any occurs', () => {
    const lit = new Literals(words);
    expect([...lit.matchAll('产业园区')].map((m) => m[0])).toEqual(['产业园区']);
    expect(lit.test('建设产业园')).toBe(true);
    expect(lit.test('建设产业')).toBe(false);
    expect(new Literals([]).test('anything')).toBe(false);
  });
});

describe('Scanner', () => {
  it('gives the matches, groups included, of the same pattern run globally', () => {
    const source = '(?<level>(?:[xX]+)?(?:县|市))?(?<fn>农业农村|教体)(?<suffix>局|委)';
    const scan = new Scanner(source, ['x', 'X', '县', '市', '农', '教']);
    const re = new RegExp(source, 'g');
    for (const t of ['县农业农村局和xx市教体局', '教体委', '农业农村', 'X县教体局县县农业农村委']) {
      const want = [...t.matchAll(re)].map((m) => [m.index, m[0], m.groups!.level ?? null]);
      expect([...scan.matchAll(t)].map((m) => [m.index, m[0], m.groups!.level ?? null]), t).toEqual(want);
    }
  });
});

describe('Suffixes', () => {
  it('finds the longest word a string ends in, as an end-anchored alternation would', () => {
    const sfx = new Suffixes(words);
    const re = new RegExp(`(?:${alternation(words)})$`);
    for (const t of [...texts, '产业园区', '物流园区', '二期工程', '项目x']) {
      const want = re.exec(t);
      const got = sfx.exec(t);
      expect(got ? [got.index, got[0]] : null, t).toEqual(want ? [want.index, want[0]] : null);
    }
    expect(sfx.strip('物流产业园区')).toBe('物流');
    expect(sfx.strip('物流')).toBe('物流');
  });
});
