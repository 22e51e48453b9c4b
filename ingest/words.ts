/**
 * jieba's word boundaries over a document, segmented piece by piece when first asked about.
 *
 * jieba cuts its input at five separators (space, tab, line break, `，` and `。`: cppjieba's
 * SPECIAL_SEPARATORS) and segments each piece on its own, so the words of a piece do not depend on
 * the text around it. A piece with its separator is a *chunk* here; segmenting the chunks one by
 * one gives exactly the words of one call over the whole text. The extractors ask about
 * boundaries only where a name or term they know occurs — about four chunks in ten — so the other
 * chunks are never segmented.
 *
 * As the segment stage always did, only words inside a sentence count; a word that jieba made
 * across a sentence's edge is replaced by the words of each sentence's part of it.
 */
import type { Sentence, Token, WordBoundaries } from './model.ts';

/** cppjieba's separators: each ends a piece and is a piece of its own. */
const isSeparator = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0xff0c || c === 0x3002;

const STARTS = 1;
const ENDS = 2;

/** Cuts `text` into tokens whose offsets are relative to `base` (ingest/segment.ts `tokenize`). */
export type Cut = (text: string, base: number) => Token[];

export class Words implements WordBoundaries {
  /** Per offset: STARTS when a word starts there, ENDS when one ends there. */
  private readonly flags: Uint8Array;
  /** At a word's start, its end; at a word's end, its start (a word may end where the next starts). */
  private readonly endOfStart: Int32Array;
  private readonly startOfEnd: Int32Array;
  /** Chunk `i` is [chunkEnds[i-1], chunkEnds[i]) (the first starts at 0). */
  private readonly chunkEnds: Int32Array;
  private readonly done: Uint8Array;
  private lastChunk = 0;
  readonly segmented: boolean;

  constructor(
    private readonly text: string,
    private readonly sentences: readonly Sentence[],
    private readonly cut: Cut,
  ) {
    const n = text.length;
    this.flags = new Uint8Array(n + 1);
    this.endOfStart = new Int32Array(n + 1);
    this.startOfEnd = new Int32Array(n + 1);
    const ends: number[] = [];
    for (let i = 0; i < n; i++) if (isSeparator(text.charCodeAt(i))) ends.push(i + 1);
    if (!ends.length || ends[ends.length - 1] !== n) ends.push(n);
    this.chunkEnds = Int32Array.from(ends);
    this.done = new Uint8Array(ends.length);
    // Every character of a sentence lies in some word: a document has words if a sentence has text.
    this.segmented = sentences.some((s) => s.end > s.start);
  }

  /** Whether a word starts at `pos`. */
  startsAt(pos: number): boolean {
    if (pos >= this.text.length || pos < 0) return false;
    this.ensure(pos);
    return (this.flags[pos]! & STARTS) !== 0;
  }

  /** Whether a word ends at `pos`. */
  endsAt(pos: number): boolean {
    if (pos <= 0 || pos > this.text.length) return false;
    this.ensure(pos - 1);
    return (this.flags[pos]! & ENDS) !== 0;
  }

  /** The end of the word starting at `pos`, or -1. */
  endOf(pos: number): number {
    return this.startsAt(pos) ? this.endOfStart[pos]! : -1;
  }

  /** The start of the word ending at `pos`, or -1. */
  startOf(pos: number): number {
    return this.endsAt(pos) ? this.startOfEnd[pos]! : -1;
  }

  /** The end of the word covering `pos` (starting at or before it, ending after it), or -1. */
  coverEnd(pos: number): number {
    if (pos < 0 || pos >= this.text.length) return -1;
    const c = this.ensure(pos);
    const from = c === 0 ? 0 : this.chunkEnds[c - 1]!;
    // Words never cross a chunk's edge, so the covering word starts inside this chunk.
    for (let j = pos; j >= from; j--) {
      if (this.flags[j]! & STARTS) {
        const end = this.endOfStart[j]!;
        return end > pos ? end : -1;
      }
    }
    return -1;
  }

  /** Every word, in order (segments the whole document). */
  tokens(): Token[] {
    const out: Token[] = [];
    for (let c = 0; c < this.done.length; c++) this.segmentChunk(c);
    const text = this.text;
    for (let i = 0; i < text.length; i++) {
      if (!(this.flags[i]! & STARTS)) continue;
      const end = this.endOfStart[i]!;
      out.push({ word: text.slice(i, end), tag: '', start: i, end });
    }
    return out;
  }

  /** The chunk holding `pos`, segmented. */
  private ensure(pos: number): number {
    const ends = this.chunkEnds;
    let c = this.lastChunk;
    // Questions come mostly in document order: try the last chunk and its successor first.
    if (!(pos < ends[c]! && (c === 0 || pos >= ends[c - 1]!))) {
      if (c + 1 < ends.length && pos >= ends[c]! && pos < ends[c + 1]!) c++;
      else {
        let lo = 0;
        let hi = ends.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (ends[mid]! <= pos) lo = mid + 1;
          else hi = mid;
        }
        c = lo;
      }
      this.lastChunk = c;
    }
    if (!this.done[c]) this.segmentChunk(c);
    return c;
  }

  private mark(start: number, end: number): void {
    this.flags[start]! |= STARTS;
    this.flags[end]! |= ENDS;
    this.endOfStart[start] = end;
    this.startOfEnd[end] = start;
  }

  /** Segments chunk `c` and keeps the words inside sentences (the parts of those across an edge). */
  private segmentChunk(c: number): void {
    if (this.done[c]) return;
    this.done[c] = 1;
    const from = c === 0 ? 0 : this.chunkEnds[c - 1]!;
    const to = this.chunkEnds[c]!;
    if (from >= to) return;
    const sentences = this.sentences;
    // The first sentence ending after the chunk's start.
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.end <= from) lo = mid + 1;
      else hi = mid;
    }
    if (lo === sentences.length || sentences[lo]!.start >= to) return;
    let k = lo;
    for (const t of this.cut(this.text.slice(from, to), from)) {
      while (k < sentences.length && sentences[k]!.end <= t.start) k++;
      if (k === sentences.length) break;
      const s = sentences[k]!;
      if (t.start >= s.start && t.end <= s.end) {
        this.mark(t.start, t.end);
        continue;
      }
      for (let j = k; j < sentences.length && sentences[j]!.start < t.end; j++) {
        const a = Math.max(t.start, sentences[j]!.start);
        const b = Math.min(t.end, sentences[j]!.end);
        if (a < b) for (const u of this.cut(this.text.slice(a, b), a)) this.mark(u.start, u.end);
      }
    }
  }
}
