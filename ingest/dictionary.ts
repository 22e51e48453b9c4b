/**
 * A generic dictionary matcher (spaCy's PhraseMatcher, for us): leftmost-longest, non-overlapping
 * matches of known terms. Lookups are by substring at each position for the few term lengths
 * the dictionary has, so a scan is O(text × distinct lengths) with no regular expression.
 */
export interface DictMatch<T> {
  term: string;
  value: T;
  start: number;
  end: number;
}

export class Dictionary<T> {
  private terms = new Map<string, T>();
  private lengths: number[] = [];
  private firsts = new Set<number>();

  /** Adds a term; the first value given for a term wins. */
  add(term: string, value: T): this {
    if (!term || this.terms.has(term)) return this;
    this.terms.set(term, value);
    this.firsts.add(term.charCodeAt(0));
    if (!this.lengths.includes(term.length)) this.lengths = [...this.lengths, term.length].sort((a, b) => b - a);
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

  /** Leftmost-longest matches in `text` (from `from` to `to`). */
  *matches(text: string, from = 0, to = text.length): Generator<DictMatch<T>> {
    for (let i = from; i < to; ) {
      let hit: DictMatch<T> | null = null;
      if (this.firsts.has(text.charCodeAt(i))) {
        for (const len of this.lengths) {
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
