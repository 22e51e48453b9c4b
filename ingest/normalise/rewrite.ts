/**
 * Rewriting a text while remembering where each new character came from, so that evidence in the
 * canonical text can be found in the reader's text (`Document.offsetMap`).
 *
 * A map is an `Int32Array` as long as the output: `map[i]` is the input offset of output unit `i`.
 * `null` stands for the identity (every transform that keeps lengths returns it, so plain text
 * never allocates a map).
 */

export type OffsetMap = Int32Array | null;

export interface Rewritten {
  text: string;
  map: OffsetMap;
}

/**
 * Builds an output from an input left to right: `keep` copies input up to an offset, `replace`
 * puts a string in place of input up to an offset, `drop` skips input. A replacement of another
 * length maps its units proportionally onto the input it replaces (exact at both ends).
 */
export class Rewriter {
  private parts: string[] = [];
  /** Segments [outStart, inStart, outLen, inLen] where lengths differ or input was dropped. */
  private uneven: number[] = [];
  private cursor = 0;
  private outLen = 0;

  constructor(private readonly input: string) {}

  /** Copies input from the cursor up to `to`. */
  keep(to: number): void {
    if (to <= this.cursor) return;
    this.parts.push(this.input.slice(this.cursor, to));
    this.outLen += to - this.cursor;
    this.cursor = to;
  }

  /** Replaces input from the cursor up to `to` with `s`. */
  replace(to: number, s: string): void {
    const inLen = to - this.cursor;
    if (s.length !== inLen) this.uneven.push(this.outLen, this.cursor, s.length, inLen);
    this.parts.push(s);
    this.outLen += s.length;
    this.cursor = to;
  }

  /** Skips input from the cursor up to `to`. */
  drop(to: number): void {
    if (to <= this.cursor) return;
    this.uneven.push(this.outLen, this.cursor, 0, to - this.cursor);
    this.cursor = to;
  }

  /** The rewritten text and its map (null when every offset stayed where it was). */
  finish(): Rewritten {
    this.keep(this.input.length);
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    if (this.uneven.length === 0) return { text, map: null };
    const map = new Int32Array(text.length);
    let out = 0;
    let shift = 0; // input offset − output offset in the even stretch being filled
    const u = this.uneven;
    for (let k = 0; k < u.length; k += 4) {
      const [o, i, ol, il] = [u[k]!, u[k + 1]!, u[k + 2]!, u[k + 3]!];
      for (; out < o; out++) map[out] = out + shift;
      for (let j = 0; j < ol; j++) map[out++] = i + Math.floor((j * il) / ol);
      shift = i + il - (o + ol);
    }
    for (; out < text.length; out++) map[out] = out + shift;
    return { text, map };
  }
}

/** `outer ∘ inner`: maps through `inner` (later text → earlier text), then `outer` (earlier → source). */
export function compose(outer: OffsetMap, inner: OffsetMap): OffsetMap {
  if (!inner) return outer;
  if (!outer) return inner;
  const out = new Int32Array(inner.length);
  const last = outer.length - 1;
  for (let i = 0; i < inner.length; i++) {
    const v = inner[i]!;
    out[i] = v <= last ? outer[v]! : outer[last]! + (v - last);
  }
  return out;
}
