/**
 * `TermTable.longestAt` with its first two characters looked up in a hash instead of searched.
 *
 * Why: over the ≈700 000 town and village names, the first step of a lookup is a binary search
 * across every term sharing the first character (thousands for 新, 东, 大), each probe a cache
 * miss in a multi-megabyte table; and most positions of a text start no term at all. Here the
 * terms sharing the first two characters are one precomputed range, found by one hash probe
 * (absent: no term longer than one character starts there), and the search goes on from the third
 * character as the table's own does. A bit per hashed pair, small enough to stay in cache, turns
 * most positions away before the hash (whose misses, in a table of megabytes, cost as much as the
 * search did). Same answers as `TermTable.longestAt`, always.
 */
import { longestIn, type TableMatch, type TermTable } from './term-table.ts';

export class PairedTable {
  /** Index of the one-character term per character, or -1. */
  private readonly single = new Int32Array(65536).fill(-1);
  /** Whether any term is one character long: else `single` (256 KB, mostly out of cache) is never read. */
  private hasSingles = false;
  /** Open-addressing hash: key (c0 << 16 | c1) + 1 (0 = empty) → range [lo, hi) of the terms starting with c0 c1. */
  private readonly keys: Float64Array;
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  private readonly shift: number;
  private readonly mask: number;
  /** Bit h(c0 c1) is set when some term starts with c0 c1 (16 bits per pair, at most 2^21 bits: 256 KB). */
  private readonly seen: Int32Array;
  private readonly filterShift: number;

  constructor(readonly table: TermTable) {
    const { blob, offsets } = table;
    const n = table.size;
    let pairs = 0;
    let last = -1;
    for (let k = 0; k < n; k++) {
      const len = offsets[k + 1]! - offsets[k]!;
      if (len < 2) continue;
      const key = pairKey(blob.charCodeAt(offsets[k]!), blob.charCodeAt(offsets[k]! + 1));
      if (key !== last) pairs++;
      last = key;
    }
    let bits = 4;
    while (1 << bits < pairs * 2) bits++;
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.keys = new Float64Array(1 << bits);
    this.lo = new Int32Array(1 << bits);
    this.hi = new Int32Array(1 << bits);
    let filterBits = 10;
    while (filterBits < 21 && 1 << filterBits < pairs * 16) filterBits++;
    this.filterShift = 32 - filterBits;
    this.seen = new Int32Array(1 << (filterBits - 5));
    let slot = -1;
    last = -1;
    for (let k = 0; k < n; k++) {
      const off = offsets[k]!;
      const len = offsets[k + 1]! - off;
      if (len === 1) {
        this.single[blob.charCodeAt(off)] = k;
        this.hasSingles = true;
        continue;
      }
      const key = pairKey(blob.charCodeAt(off), blob.charCodeAt(off + 1));
      if (key === last) {
        this.hi[slot] = k + 1;
        continue;
      }
      last = key;
      const h = filterHash(key, this.filterShift);
      this.seen[h >>> 5]! |= 1 << (h & 31);
      slot = this.slotOf(key);
      this.keys[slot] = key + 1;
      this.lo[slot] = k;
      this.hi[slot] = k + 1;
    }
  }

  /** The slot holding `key`, or the empty one where it would go. */
  private slotOf(key: number): number {
    let s = Math.imul(key, 0x9e3779b1) >>> this.shift;
    const stored = key + 1;
    while (this.keys[s] !== 0 && this.keys[s] !== stored) s = (s + 1) & this.mask;
    return s;
  }

  /** The longest term starting at `i` (ending by `to`), or null: what `TermTable.longestAt` returns. */
  longestAt(text: string, i: number, to = text.length): TableMatch | null {
    if (i >= to) return null;
    const c0 = text.charCodeAt(i);
    let best = this.hasSingles ? this.single[c0]! : -1;
    let bestLen = best < 0 ? 0 : 1;
    const key = i + 1 < to ? pairKey(c0, text.charCodeAt(i + 1)) : -1;
    const h = key < 0 ? 0 : filterHash(key, this.filterShift);
    if (key >= 0 && (this.seen[h >>> 5]! & (1 << (h & 31))) !== 0) {
      const slot = this.slotOf(key);
      if (this.keys[slot] !== 0) {
        const { blob, offsets } = this.table;
        const longer = longestIn(blob, offsets, text, i, to, this.lo[slot]!, this.hi[slot]!, 2);
        if (longer >= 0) {
          best = longer;
          bestLen = offsets[longer + 1]! - offsets[longer]!;
        }
      }
    }
    return best < 0 ? null : { index: best, term: text.slice(i, i + bestLen), start: i, end: i + bestLen };
  }

  /** Leftmost-longest matches in `text` (as `TermTable.matches`). */
  *matches(text: string, from = 0, to = text.length): Generator<TableMatch> {
    for (let i = from; i < to; ) {
      const hit = this.longestAt(text, i, to);
      if (hit) {
        yield hit;
        i = hit.end;
      } else i++;
    }
  }
}

/** Two UTF-16 code units as one unsigned 32-bit key (stored + 1 in a Float64Array: no value is lost). */
const pairKey = (c0: number, c1: number) => ((c0 << 16) | c1) >>> 0;
/** A second multiplicative hash (not the slots'), to the filter's bit. */
const filterHash = (key: number, shift: number) => Math.imul(key ^ (key >>> 15), 0x85ebca6b) >>> shift;
