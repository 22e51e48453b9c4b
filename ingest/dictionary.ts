/**
 * A generic dictionary matcher (spaCy's PhraseMatcher, for us): leftmost-longest, non-overlapping
 * matches of known terms, with no regular expression.
 *
 * Every proper prefix of a term is kept in the same map as a marker, so finding the longest term
 * at a position walks forward one character at a time and stops at the first string that is not a
 * prefix of anything — usually after one or two lookups, however many terms (the place-name
 * dictionary holds ≈700 000) share the first character. Trying each term length from the longest
 * down, as before, cost a slice and a hash lookup per distinct length at every position.
 */
import { leftmostLongest } from './leftmost-longest.ts';

export interface DictMatch<T> {
  term: string;
  value: T;
  start: number;
  end: number;
}

/** Marks a string that is a proper prefix of some term but not a term itself. */
const PREFIX: unique symbol = Symbol('prefix');

export class Dictionary<T> {
  private map = new Map<string, T | typeof PREFIX>();
  private count = 0;

  /** Adds a term; the first value given for a term wins. */
  add(term: string, value: T): this {
    if (!term) return this;
    const prev = this.map.get(term);
    if (prev !== undefined && prev !== PREFIX) return this;
    this.map.set(term, value);
    this.count++;
    // Longest prefix first: once one is known, the shorter ones are too.
    for (let len = term.length - 1; len >= 1; len--) {
      const p = term.slice(0, len);
      if (this.map.has(p)) break;
      this.map.set(p, PREFIX);
    }
    return this;
  }

  get(term: string): T | undefined {
    const v = this.map.get(term);
    return v === PREFIX ? undefined : v;
  }

  has(term: string): boolean {
    const v = this.map.get(term);
    return v !== undefined && v !== PREFIX;
  }

  /** The terms, in the order they were added. */
  terms(): string[] {
    const out: string[] = [];
    for (const [k, v] of this.map) if (v !== PREFIX) out.push(k);
    return out;
  }

  get size(): number {
    return this.count;
  }

  /** The longest term starting at `i` (ending by `to`), or null. */
  longestAt(text: string, i: number, to = text.length): DictMatch<T> | null {
    let best: T | undefined;
    let bestEnd = -1;
    for (let end = i + 1; end <= to; end++) {
      const v = this.map.get(text.slice(i, end));
      if (v === undefined) break;
      if (v !== PREFIX) {
        best = v;
        bestEnd = end;
      }
    }
    return bestEnd < 0 ? null : { term: text.slice(i, bestEnd), value: best as T, start: i, end: bestEnd };
  }

  /** Leftmost-longest matches in `text` (from `from` to `to`). */
  matches(text: string, from = 0, to = text.length): Generator<DictMatch<T>> {
    return leftmostLongest((t, i, end) => this.longestAt(t, i, end), text, from, to);
  }
}
