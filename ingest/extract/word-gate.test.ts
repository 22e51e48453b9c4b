import { describe, expect, it } from 'vitest';
import { WordGate } from './word-gate.ts';
import { Literals } from './literals.ts';

describe('WordGate', () => {
  const gate = new WordGate();
  const places = gate.add(['产业园', '园区']);
  const single = gate.add(['县']);
  const units = gate.add(['二期', '三期']);

  it('never says no to a list or a word the text holds', () => {
    for (const t of ['建设产业园二期', '园区', '产', '', '三期工程园区']) {
      const bits = gate.mark(t);
      expect(gate.scan(t)).toBe(bits);
      for (const [bit, words] of [[places, ['产业园', '园区']], [units, ['二期', '三期']]] as const) {
        if (words.some((w) => t.includes(w))) expect(bits & bit, t).toBe(bit);
        for (const w of words) if (t.includes(w)) expect(gate.mayHold(w), `${t} ${w}`).toBe(true);
      }
      for (let i = 0; i < t.length; i++) if (t.startsWith('园区', i)) expect(gate.mayStartAt(t, i, places)).toBe(true);
    }
  });

  it('says no where no word of a list can be (collisions aside), and a one-unit word is always possible', () => {
    const bits = gate.mark('项目建设');
    expect(bits & places).toBe(0);
    expect(bits & units).toBe(0);
    expect(bits & single).toBe(single);
    expect(gate.mayHold('二期')).toBe(false);
    expect(gate.mayStartAt('二期项目', 1, units)).toBe(false);
  });

  it('answers a list of characters exactly, marked or scanned', () => {
    const g = new WordGate();
    const words = g.add(['园区']);
    const ends = g.addChars('局委');
    expect(g.scan('县农业局')).toBe(ends);
    expect(g.mark('局')).toBe(ends);
    expect(g.scan('园区')).toBe(words);
    expect(g.scan('')).toBe(0);
  });

  it('eachWord finds the words Literals.matchAll finds, leftmost and longest', () => {
    const words = ['产业园', '产业', '园区', '业园', '县'];
    const g = new WordGate();
    const bit = g.add(words);
    const lit = new Literals(words);
    for (const t of ['建设产业园区', '产业产业园', '县产业园园区县', '无关文字', '', '产']) {
      const found: Array<[number, string]> = [];
      g.eachWord(t, bit, lit, (w, i) => found.push([i, w]));
      expect(found, t).toEqual([...lit.matchAll(t)].map((m) => [m.index, m[0]]));
    }
  });
});
