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

/** A word list found as its alternation (longest first) would find it. */
export class Literals extends Scanner {
  constructor(words: Iterable<string>) {
    const list = [...new Set(words)].filter(Boolean);
    super(list.length ? alternation(list) : '(?!)', list.map((w) => w[0]!));
  }
}
