/**
 * A read-only dictionary for very large term lists (the ≈700 000 town and village names): the
 * terms sorted in one string, found by narrowing a sorted range one character at a time.
 *
 * Why not `Dictionary` (a Map): building a Map of that size costs seconds in every process (and
 * every worker), and each lookup slices and hashes a new string. Here the table is a few typed
 * arrays and one string that load from a binary cache file without parsing, and a lookup compares
 * character codes in place. Semantics match `Dictionary.longestAt`: the longest term at a position.
 */
import { readFileSync, writeFileSync, renameSync } from 'node:fs';

export interface TableMatch {
  /** Index of the term in the table (for its value). */
  index: number;
  term: string;
  start: number;
  end: number;
}

export class TermTable {
  /** For each first character, the index of the first term starting with it (65 537 entries). */
  private first: Int32Array;

  /**
   * @param blob the sorted terms, concatenated
   * @param offsets where term k starts in `blob` (n + 1 entries, the last one `blob.length`)
   */
  constructor(readonly blob: string, readonly offsets: Int32Array) {
    const n = offsets.length - 1;
    this.first = new Int32Array(65537);
    let k = 0;
    for (let c = 0; c <= 65536; c++) {
      while (k < n && blob.charCodeAt(offsets[k]!) < c) k++;
      this.first[c] = k;
    }
  }

  /** Builds a table from terms (any order, no duplicates): returns it and the sorted order. */
  static build(terms: string[]): { table: TermTable; order: number[] } {
    const order = sortedOrder(terms);
    const offsets = new Int32Array(terms.length + 1);
    let pos = 0;
    order.forEach((t, k) => {
      offsets[k] = pos;
      pos += terms[t]!.length;
    });
    offsets[terms.length] = pos;
    return { table: new TermTable(order.map((t) => terms[t]).join(''), offsets), order };
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  term(k: number): string {
    return this.blob.slice(this.offsets[k]!, this.offsets[k + 1]!);
  }

  /** Whether some term starts with the UTF-16 unit `code`. */
  startsWith(code: number): boolean {
    return this.first[code] !== this.first[code + 1];
  }

  /** The longest term starting at `i` (ending by `to`), or null. */
  longestAt(text: string, i: number, to = text.length): TableMatch | null {
    if (i >= to) return null;
    const { blob, offsets } = this;
    const c = text.charCodeAt(i);
    const best = longestIn(blob, offsets, text, i, to, this.first[c]!, this.first[c + 1]!, 1);
    const bestLen = best < 0 ? 0 : offsets[best + 1]! - offsets[best]!;
    return best < 0 ? null : { index: best, term: text.slice(i, i + bestLen), start: i, end: i + bestLen };
  }

  /**
   * Leftmost-longest matches in `text` (as `leftmostLongest` over `longestAt`). A position whose
   * character starts no term is passed over without a call: for a table of a few thousand terms
   * that is most positions of a report.
   */
  *matches(text: string, from = 0, to = text.length): Generator<TableMatch> {
    const first = this.first;
    for (let i = from; i < to; ) {
      const c = text.charCodeAt(i);
      if (first[c] === first[c + 1]) {
        i++;
        continue;
      }
      const hit = this.longestAt(text, i, to);
      if (hit) {
        yield hit;
        i = hit.end;
      } else i++;
    }
  }
}

/**
 * Indices of `terms` in code-unit order, a prefix before its extensions: what `longestAt` assumes.
 * Distinct terms are sorted natively (no comparator: the default order is code-unit order, and a
 * JavaScript callback per comparison cost most of a table's build) and mapped back to their index.
 */
function sortedOrder(terms: string[]): number[] {
  const index = new Map<string, number>();
  for (let i = 0; i < terms.length; i++) index.set(terms[i]!, i);
  if (index.size === terms.length) return [...terms].sort().map((t) => index.get(t)!);
  // Duplicates: a stable sort of the indices keeps them in input order.
  const order = terms.map((_, i) => i);
  order.sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
  return order;
}

/**
 * Binary cache of a table and one Int32 payload per term (a list of integers, for example the
 * county codes of a place name): `n, blobLength, payloadLength`, offsets, payload starts, payload,
 * then the blob as UTF-16LE. Returns null when the file is missing or does not add up.
 */
export function loadTable(file: string): { table: TermTable; starts: Int32Array; payload: Int32Array } | null {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return null;
  }
  if (buf.byteOffset % 4) buf = Buffer.from(buf); // typed-array views need 4-byte alignment
  if (buf.length < 12) return null;
  const [n, blobLength, payloadLength] = [buf.readInt32LE(0), buf.readInt32LE(4), buf.readInt32LE(8)];
  const ints = 3 + (n + 1) * 2 + payloadLength;
  if (buf.length !== ints * 4 + blobLength * 2) return null;
  const at = (k: number, len: number) => new Int32Array(buf.buffer, buf.byteOffset + k * 4, len);
  const offsets = at(3, n + 1);
  const starts = at(3 + n + 1, n + 1);
  const payload = at(3 + (n + 1) * 2, payloadLength);
  const blob = buf.toString('utf16le', ints * 4);
  return { table: new TermTable(blob, offsets), starts, payload };
}

export function saveTable(file: string, table: TermTable, starts: Int32Array, payload: Int32Array): void {
  const head = Buffer.alloc(12);
  head.writeInt32LE(table.size, 0);
  head.writeInt32LE(table.blob.length, 4);
  head.writeInt32LE(payload.length, 8);
  const bytes = (a: Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const tmp = `${file}.${process.pid}`;
  writeFileSync(tmp, Buffer.concat([head, bytes(table.offsets), bytes(starts), bytes(payload), Buffer.from(table.blob, 'utf16le')]));
  renameSync(tmp, file);
}

/**
 * The longest of the sorted terms [lo, hi) of `blob`/`offsets` that matches `text` from `i` (ending
 * by `to`), given that they all share text[i, i + d): its index, or -1. The terms are narrowed one
 * character at a time by two binary searches (first term whose character d is ≥ it, then > it).
 * `TermTable` starts at d = 1 from its first-character ranges, `PairedTable` at d = 2 from its pairs.
 */
export function longestIn(blob: string, offsets: Int32Array, text: string, i: number, to: number, lo: number, hi: number, d: number): number {
  let best = -1;
  // Invariant: terms in [lo, hi) share text[i, i + d) and are at least d long.
  for (; lo < hi; d++) {
    if (offsets[lo + 1]! - offsets[lo]! === d) {
      best = lo;
      lo++;
    }
    if (i + d >= to || lo >= hi) break;
    const ch = text.charCodeAt(i + d);
    let a = lo;
    let b = hi;
    while (a < b) {
      const m = (a + b) >> 1;
      if (blob.charCodeAt(offsets[m]! + d) < ch) a = m + 1;
      else b = m;
    }
    lo = a;
    b = hi;
    while (a < b) {
      const m = (a + b) >> 1;
      if (blob.charCodeAt(offsets[m]! + d) <= ch) a = m + 1;
      else b = m;
    }
    hi = a;
  }
  return best;
}
