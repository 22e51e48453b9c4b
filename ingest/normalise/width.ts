/**
 * Width folding that keeps every offset valid: each UTF-16 unit maps to exactly one unit.
 *
 * - Full-width ASCII forms (`８．５％`, `ＡＢＣ`, `＋`) become half-width (`8.5%`), like NFKC.
 * - Chinese sentence punctuation stays full-width on purpose: `，；：！？（）` (and `。、` which have
 *   no half-width twin in NFKC's sense). `。；！？` end sentences, `，、` separate list items and
 *   clauses, `（一）` opens a level-2 heading; half-width `,` `:` `(` also occur inside numbers,
 *   times and ASCII names, so folding them would blur those boundaries.
 * - Ideographic space and no-break spaces become ' '; a CR becomes ' ' before LF, else LF.
 * - Other compatibility characters go through NFKC only when it yields a single unit (`①`→`1`);
 *   longer expansions (`㎡`→`m2`) are left alone to keep the length.
 */

/** Full-width forms that keep their meaning as Chinese punctuation (see above). */
const KEEP = new Set('，；：！？（）'.split(''));

/** Per code unit: 0 not yet looked at, 1 kept, else the unit it folds to (never 0 or 1). */
const folded = new Uint16Array(65536);

function fold(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return KEEP.has(String.fromCharCode(c)) ? c : c - 0xfee0;
  if (c === 0x3000 || c === 0x00a0 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x202f) return 0x20;
  const n = String.fromCharCode(c).normalize('NFKC');
  return n.length === 1 ? n.charCodeAt(0) : c;
}

function foldedUnit(c: number): number {
  let f = folded[c]!;
  if (f === 0) {
    const m = fold(c);
    f = folded[c] = m === c || m < 2 ? 1 : m;
  }
  return f;
}

/** Folds widths, preserving the length (see module comment). */
export function foldWidth(raw: string): string {
  let out = '';
  let runStart = 0; // copy untouched runs in one slice: linear and cheap for CJK/ASCII text
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x80 && c !== 0x0d) continue;
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogate halves: keep as they are
    let m: number;
    if (c === 0x0d) m = raw.charCodeAt(i + 1) === 0x0a ? 0x20 : 0x0a;
    else {
      m = foldedUnit(c);
      if (m === 1) continue;
    }
    out += raw.slice(runStart, i) + String.fromCharCode(m);
    runStart = i + 1;
  }
  return runStart === 0 ? raw : out + raw.slice(runStart);
}
