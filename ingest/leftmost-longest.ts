/**
 * Leftmost-longest matching over any dictionary that can find its longest term at a position:
 * a match consumes its span, and scanning resumes where it ended.
 */
export function* leftmostLongest<M extends { end: number }>(
  longestAt: (text: string, i: number, to: number) => M | null,
  text: string,
  from: number,
  to: number,
): Generator<M> {
  for (let i = from; i < to; ) {
    const hit = longestAt(text, i, to);
    if (hit) {
      yield hit;
      i = hit.end;
    } else i++;
  }
}
