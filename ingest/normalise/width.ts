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

const cache = new Map<number, string>();

function mapChar(ch: string, c: number): string {
  if (c >= 0xff01 && c <= 0xff5e) return KEEP.has(ch) ? ch : String.fromCharCode(c - 0xfee0);
  if (c === 0x3000 || c === 0x00a0 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x202f) return ' ';
  let m = cache.get(c);
  if (m === undefined) {
    const n = ch.normalize('NFKC');
    m = n.length === 1 ? n : ch;
    cache.set(c, m);
  }
  return m;
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
    let m: string;
    if (c === 0x0d) m = raw.charCodeAt(i + 1) === 0x0a ? ' ' : '\n';
    else m = mapChar(raw[i]!, c);
    if (m === raw[i]) continue;
    out += raw.slice(runStart, i) + m;
    runStart = i + 1;
  }
  return runStart === 0 ? raw : out + raw.slice(runStart);
}
