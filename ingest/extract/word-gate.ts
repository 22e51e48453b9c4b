/**
 * Which words may occur in a sentence, from one pass over its pairs of adjacent characters.
 *
 * Most sentences hold none of the words a rule needs, and asking each rule (`indexOf` per word, an
 * alternation, a trie scan) costs a pass over the sentence per word or per rule. A word occurs
 * only where its first two UTF-16 units do: `scan` reads each pair of the sentence once, hashed,
 * and answers "may occur" for whole lists (a bit each) and for single words. The answers err only
 * towards "may" (hash collisions), so a rule run where the gate allows it finds what it found when
 * always run. A one-unit word has no pair: its list always "may occur"; a list of single characters
 * (`addChars`) is answered exactly, by a table of characters read in the same pass.
 */
const pairHash = (a: number, b: number) => Math.imul((a << 16) | b, 0x9e3779b1) >>> 16;

/**
 * At most 16 lists, for 16-bit tables: a stage reads its tables between other stages' work, and
 * the smaller they are the more of them the caches still hold.
 */
const MAX_LISTS = 16;

export class WordGate {
  /** For each hashed pair, the bits of the lists with a word starting with it. */
  private readonly lists = new Uint16Array(65536);
  /** For each UTF-16 unit, the bits of the lists with a word starting with it (`mayStartAt`'s first test). */
  private readonly firsts = new Uint16Array(65536);
  /** The bits of the lists holding a one-unit word. */
  private always = 0;
  /** For each UTF-16 unit, the bits of the character lists holding it (none registered: null). */
  private chars: Uint16Array | null = null;
  private count = 0;
  /** For each hashed pair, the number (1–255, then again) of the mark that last saw it; made by the first mark. */
  private seen: Uint8Array | null = null;
  private epoch = 0;

  /** Registers a word list; returns its bit in `scan`'s answer (at most 16 lists, of characters included). */
  add(words: Iterable<string>): number {
    if (this.count === MAX_LISTS) throw new Error(`WordGate: at most ${MAX_LISTS} lists`);
    const bit = 1 << this.count++;
    for (const w of words) {
      if (w.length > 0) this.firsts[w.charCodeAt(0)]! |= bit;
      if (w.length < 2) this.always |= bit;
      else this.lists[pairHash(w.charCodeAt(0), w.charCodeAt(1))]! |= bit;
    }
    return bit;
  }

  /** Registers a list of single characters; returns its bit (set in `scan`'s answer exactly when one occurs). */
  addChars(chars: Iterable<string>): number {
    if (this.count === MAX_LISTS) throw new Error(`WordGate: at most ${MAX_LISTS} lists`);
    const bit = 1 << this.count++;
    this.chars ??= new Uint16Array(65536);
    for (const c of chars) for (let k = 0; k < c.length; k++) this.chars[c.charCodeAt(k)]! |= bit;
    return bit;
  }

  /** The bits of the lists some word of which may occur in `text`. */
  scan(text: string): number {
    if (this.chars) return this.scanWithChars(text, this.chars);
    const lists = this.lists;
    let bits = this.always;
    let a = text.charCodeAt(0);
    for (let i = 1; i < text.length; i++) {
      const b = text.charCodeAt(i);
      bits |= lists[pairHash(a, b)]!;
      a = b;
    }
    return bits;
  }

  private scanWithChars(text: string, chars: Uint16Array): number {
    const lists = this.lists;
    let a = text.charCodeAt(0);
    let bits = this.always | (text.length > 0 ? chars[a]! : 0);
    for (let i = 1; i < text.length; i++) {
      const b = text.charCodeAt(i);
      bits |= lists[pairHash(a, b)]! | chars[b]!;
      a = b;
    }
    return bits;
  }

  /**
   * `scan`, remembering the text's pairs: `mayHold` then answers for single words of that same
   * text, until the next `mark`.
   */
  mark(text: string): number {
    const seen = (this.seen ??= new Uint8Array(65536));
    if (++this.epoch === 256) {
      seen.fill(0);
      this.epoch = 1;
    }
    const { lists, epoch } = this;
    let bits = this.always;
    let a = text.charCodeAt(0);
    for (let i = 1; i < text.length; i++) {
      const b = text.charCodeAt(i);
      const h = pairHash(a, b);
      bits |= lists[h]!;
      seen[h] = epoch;
      a = b;
    }
    if (this.chars) for (let i = 0; i < text.length; i++) bits |= this.chars[text.charCodeAt(i)]!;
    return bits;
  }

  /** Whether `word` may occur in the text last marked. */
  mayHold(word: string): boolean {
    return word.length < 2 || this.seen === null || this.seen[pairHash(word.charCodeAt(0), word.charCodeAt(1))] === this.epoch;
  }

  /** The first position from `from` on where a word of the list `bit` may start (`mayStartAt`), or −1. */
  nextStart(text: string, from: number, bit: number): number {
    const { firsts, lists, always } = this;
    for (let i = from; i < text.length; i++) {
      const a = text.charCodeAt(i);
      if ((firsts[a]! & bit) !== 0 && ((lists[pairHash(a, text.charCodeAt(i + 1))]! | always) & bit) !== 0) return i;
    }
    return -1;
  }

  /**
   * The words of `words` (the trie of the list `bit`) in `text`, leftmost and longest, each search
   * resuming after the last word: what `Literals.matchAll` finds, tried only where the gate lets a
   * word start. `visit` is called with each word and where it starts.
   */
  eachWord(text: string, bit: number, words: { at(text: string, i: number): string | undefined }, visit: (word: string, start: number) => void): void {
    for (let i = this.nextStart(text, 0, bit); i >= 0; ) {
      const word = words.at(text, i);
      if (word === undefined) {
        i = this.nextStart(text, i + 1, bit);
        continue;
      }
      visit(word, i);
      i = this.nextStart(text, i + word.length, bit);
    }
  }

  /** Whether a word of the list `bit` may start at `i` of `text` (any text, scanned or not). */
  mayStartAt(text: string, i: number, bit: number): boolean {
    const a = text.charCodeAt(i);
    if ((this.firsts[a]! & bit) === 0) return false;
    return ((this.lists[pairHash(a, text.charCodeAt(i + 1))]! | this.always) & bit) !== 0;
  }
}
