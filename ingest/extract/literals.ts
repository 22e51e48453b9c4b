/**
 * Global-regex scans that skip the positions where no match can start.
 *
 * V8 tries a pattern at every position of the text, and an alternation of many words tries every
 * alternative there: over a report's sentences, a list of 40–80 words cost as much as a whole
 * extraction stage. When every match must start with one of a known set of characters, a table
 * lookup per character skips the ~90% of positions where none stands, and the pattern runs
 * (sticky) only at the others. Matches are the ones `text.matchAll(/pattern/g)` gives — leftmost,
 * each resuming after the last — provided the pattern never matches empty (a lookbehind still
 * sees the text before the position, as in a global scan).
 */
import { alternation } from './lexicon.ts';

export class Scanner {
  private readonly first = new Uint8Array(65536);
  private readonly sticky: RegExp;

  /** `firstChars`: every character a match can start with (a missing one loses its matches). */
  constructor(source: string, firstChars: Iterable<string>) {
    for (const c of firstChars) this.first[c.charCodeAt(0)] = 1;
    this.sticky = new RegExp(source, 'y');
  }

  *matchAll(text: string): Generator<RegExpExecArray> {
    const first = this.first;
    const re = this.sticky;
    for (let i = 0; i < text.length; ) {
      if (first[text.charCodeAt(i)] === 0) {
        i++;
        continue;
      }
      re.lastIndex = i;
      const m = re.exec(text);
      if (m) {
        yield m;
        i += Math.max(1, m[0].length);
      } else i++;
    }
  }

  /** Whether the pattern occurs in `text`. */
  test(text: string): boolean {
    for (const _ of this.matchAll(text)) return true;
    return false;
  }
}

/**
 * A word list found as its alternation (longest first) would find it: leftmost, longest at a
 * position, each match resuming after the last. The words form a trie over UTF-16 code units
 * (edges in one Map keyed by node and unit), gated by a first-unit table: a position costs one
 * array read, a candidate one lookup per matched unit. Comparing a position against every word
 * sharing its first character (路, 中, 厂 start dozens of heads) cost more than the rest of a stage.
 */
const pairHash = (a: number, b: number) => Math.imul((a << 16) | b, 0x9e3779b1) >>> 16;

export class Literals {
  /** The node after each first unit (0: no word starts with it). */
  private readonly starts = new Int32Array(65536);
  private readonly edges = new Map<number, number>();
  /** The word ending at each trie node, if any. */
  private readonly ends: Array<string | undefined> = [undefined];
  /** A hashed set of words' first two units: most candidates fail there, without a Map lookup. */
  private readonly pairs = new Uint8Array(65536);

  constructor(words: Iterable<string>) {
    for (const w of new Set(words)) {
      if (!w) continue;
      if (w.length > 1) this.pairs[pairHash(w.charCodeAt(0), w.charCodeAt(1))] = 1;
      let node = this.starts[w.charCodeAt(0)]!;
      if (node === 0) {
        node = this.ends.length;
        this.ends.push(undefined);
        this.starts[w.charCodeAt(0)] = node;
      }
      for (let k = 1; k < w.length; k++) {
        node = childOf(this.edges, this.ends, node, w.charCodeAt(k));
      }
      this.ends[node] = w;
    }
  }

  /** The longest word starting at `i`, or undefined. */
  at(text: string, i: number): string | undefined {
    let node = this.starts[text.charCodeAt(i)];
    if (!node) return undefined;
    let best = this.ends[node];
    if (i + 1 < text.length && this.pairs[pairHash(text.charCodeAt(i), text.charCodeAt(i + 1))] === 0) return best;
    for (let j = i + 1; j < text.length; j++) {
      const next = this.edges.get(node * 65536 + text.charCodeAt(j));
      if (next === undefined) break;
      node = next;
      const w = this.ends[node];
      if (w !== undefined) best = w;
    }
    return best;
  }

  *matchAll(text: string): Generator<RegExpExecArray> {
    const starts = this.starts;
    for (let i = 0; i < text.length; ) {
      const w = starts[text.charCodeAt(i)] === 0 ? undefined : this.at(text, i);
      if (w === undefined) {
        i++;
        continue;
      }
      const m = [w] as unknown as RegExpExecArray;
      m.index = i;
      m.input = text;
      yield m;
      i += w.length;
    }
  }

  /** The first match in `text`, or null. */
  first(text: string): RegExpExecArray | null {
    for (const m of this.matchAll(text)) return m;
    return null;
  }

  /** Whether one of the words occurs in `text`. */
  test(text: string): boolean {
    const starts = this.starts;
    for (let i = 0; i < text.length; i++) if (starts[text.charCodeAt(i)] !== 0 && this.at(text, i) !== undefined) return true;
    return false;
  }
}

/**
 * Which word of a list a string ends in, longest first (`/(?:a|b)$/` without the scan: V8 tries an
 * end-anchored alternation at every position of the string; this walks a trie of the reversed
 * words from the string's end, one lookup per matched character).
 */
export class Suffixes {
  private readonly last = new Uint8Array(65536);
  /** A trie over the words read backwards: edges keyed by node and UTF-16 unit. */
  private readonly edges = new Map<number, number>();
  private readonly ends: Array<string | undefined> = [undefined];

  constructor(words: Iterable<string>) {
    for (const w of new Set(words)) {
      if (!w) continue;
      this.last[w.charCodeAt(w.length - 1)] = 1;
      let node = 0;
      for (let k = w.length - 1; k >= 0; k--) {
        node = childOf(this.edges, this.ends, node, w.charCodeAt(k));
      }
      this.ends[node] = w;
    }
  }

  /** The longest listed word `s` ends in, with where it starts (as a RegExp match: `m[0]`, `m.index`). */
  exec(s: string): { 0: string; index: number } | null {
    if (!s || this.last[s.charCodeAt(s.length - 1)] === 0) return null;
    let node = 0;
    let best: string | undefined;
    for (let k = s.length - 1; k >= 0; k--) {
      const next = this.edges.get(node * 65536 + s.charCodeAt(k));
      if (next === undefined) break;
      node = next;
      const w = this.ends[node];
      if (w !== undefined) best = w;
    }
    return best === undefined ? null : { 0: best, index: s.length - best.length };
  }

  test(s: string): boolean {
    return this.exec(s) !== null;
  }

  /** `s` without the word it ends in (unchanged when it ends in none). */
  strip(s: string): string {
    const m = this.exec(s);
    return m ? s.slice(0, m.index) : s;
  }
}

/**
 * The child of trie node `node` by UTF-16 unit `unit`, made when missing (the tries of `Literals` and
 * `Suffixes`: nodes are numbers, edges one Map keyed by node × 65536 + unit, `ends[node]` the word
 * ending there).
 */
function childOf(edges: Map<number, number>, ends: Array<string | undefined>, node: number, unit: number): number {
  const key = node * 65536 + unit;
  let next = edges.get(key);
  if (next === undefined) {
    next = ends.length;
    ends.push(undefined);
    edges.set(key, next);
  }
  return next;
}
