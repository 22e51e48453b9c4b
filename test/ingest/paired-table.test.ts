import { describe, expect, it } from 'vitest';
import { TermTable } from '../../ingest/term-table.ts';
import { PairedTable } from '../../ingest/paired-table.ts';

/** A small deterministic generator, so a failure reproduces. */
function rng(seed: number) {
  return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

describe('PairedTable', () => {
  it('finds what TermTable.longestAt finds, at every position and bound', () => {
    const rand = rng(7);
    const alphabet = '东西南北新和镇乡村山河aZ\uffff';
    const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    const terms = [...new Set(Array.from({ length: 400 }, () => word(1 + Math.floor(rand() * 5))))];
    const { table } = TermTable.build(terms);
    const paired = new PairedTable(table);
    for (let t = 0; t < 200; t++) {
      const text = word(30);
      for (let i = 0; i <= text.length; i++) {
        for (const to of [text.length, Math.min(text.length, i + 1), Math.min(text.length, i + 3)]) {
          expect(paired.longestAt(text, i, to)).toEqual(table.longestAt(text, i, to));
        }
      }
      expect([...paired.matches(text)]).toEqual([...table.matches(text)]);
    }
  });

  it('finds nothing in an empty table, and one-character terms alone', () => {
    expect(new PairedTable(TermTable.build([]).table).longestAt('东西', 0)).toBeNull();
    const one = new PairedTable(TermTable.build(['东', '西南']).table);
    expect(one.longestAt('东西', 0)?.term).toBe('东');
    expect(one.longestAt('西北', 0)).toBeNull();
    expect(one.longestAt('西南', 0)?.term).toBe('西南');
  });
});
