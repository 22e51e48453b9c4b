/**
 * A generic dictionary matcher (spaCy's PhraseMatcher, for us): leftmost-longest, non-overlapping
 * matches of known terms. Lookups are by substring at each position for the few term lengths
 * terms starting with that character have, so a scan is O(text × few) with no regular expression.
 */
export interface DictMatch<T> {
  term: string;
  value: T;
  start: number;
  end: number;
}

export class Dictionary<T> {
  private terms = new Map<string, T>();
  /** Term lengths per first character, longest first: few lookups per position. */
  private lengths = new Map<number, number[]>();

  /** Adds a term; the first value given for a term wins. */
  add(term: string, value: T): this {
    if (!term || this.terms.has(term)) return this;
    this.terms.set(term, value);
    const first = term.charCodeAt(0);
    const ls = this.lengths.get(first);
    if (!ls) this.lengths.set(first, [term.length]);
    else if (!ls.includes(term.length)) {
      ls.push(term.length);
      ls.sort((a, b) => b - a);
    }
    return this;
  }

  get(term: string): T | undefined {
    return this.terms.get(term);
  }

  has(term: string): boolean {
    return this.terms.has(term);
  }

  get size(): number {
    return this.terms.size;
  }

  /** The longest term starting at `i` (ending by `to`), or null. */
  longestAt(text: string, i: number, to = text.length): DictMatch<T> | null {
    const lengths = this.lengths.get(text.charCodeAt(i));
    if (!lengths) return null;
    for (const len of lengths) {
      if (i + len > to) continue;
      const term = text.slice(i, i + len);
      const value = this.terms.get(term);
      if (value !== undefined) return { term, value, start: i, end: i + len };
    }
    return null;
  }

  /** Leftmost-longest matches in `text` (from `from` to `to`). */
  *matches(text: string, from = 0, to = text.length): Generator<DictMatch<T>> {
    for (let i = from; i < to; ) {
      let hit: DictMatch<T> | null = null;
      const lengths = this.lengths.get(text.charCodeAt(i));
      if (lengths) {
        for (const len of lengths) {
          if (i + len > to) continue;
          const term = text.slice(i, i + len);
          const value = this.terms.get(term);
          if (value !== undefined) {
            hit = { term, value, start: i, end: i + len };
            break;
          }
        }
      }
      if (hit) {
        yield hit;
        i = hit.end;
      } else i++;
    }
  }
}
