/**
 * Normalisation that keeps every offset valid: each UTF-16 unit maps to exactly one unit, so
 * `normalised.length === raw.length` and an offset into one is an offset into the other.
 *
 * - Full-width ASCII forms (`８．５％`, `ＡＢＣ`, `＋`) become half-width (`8.5%`), like NFKC.
 * - Chinese sentence punctuation stays full-width on purpose: `，；：！？（）` (and `。、` which have
 *   no half-width twin in NFKC's sense). `。；！？` end sentences, `，、` separate list items and
 *   clauses, `（一）` opens a level-2 heading; half-width `,` `:` `(` also occur inside numbers,
 *   times and ASCII names, so folding them would blur those boundaries.
 * - Ideographic space and no-break spaces become ' '; a CR becomes ' ' before LF, else LF.
 * - Other compatibility characters go through NFKC only when it yields a single unit (`①`→`1`);
 *   longer expansions (`㎡`→`m2`) are left alone to keep the length.
 * Masks (`xx`, `X`, `x.x%`, `XXXX年`, `××`) are recorded as ranges of the normalised text.
 */
import type { Document } from './model.ts';
import type { Stage } from './stage.ts';

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

/** Normalises text, preserving its length (see module comment). */
export function normaliseText(raw: string): string {
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

/**
 * Redaction marks: runs of x/X (not inside an ASCII word: `Xbox`, `TEXT` are not masks),
 * optionally with a masked decimal part (`x.x`), and runs of ×× / ** / ＊＊.
 */
const MASK = /(?<![A-Za-z])[xX]{1,8}(?:\.[xX]{1,4})?(?![A-Za-z])|[×*]{2,}/g;

/** Ranges of `text` that are masks. */
export function findMasks(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(MASK)) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

/** True when [start, end) overlaps a mask. Masks are sorted by start. */
export function inMask(masks: Array<{ start: number; end: number }>, start: number, end: number): boolean {
  let lo = 0;
  let hi = masks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (masks[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < masks.length && masks[lo]!.start < end;
}

/** Why a text cannot hold facts (no Chinese at all, or mostly masks), or null when it can. */
export function unusableText(text: string, masks: Array<{ start: number; end: number }>): string | null {
  if (!/[\u4e00-\u9fff]/.test(text)) return 'no Chinese text: nothing to extract';
  const visible = text.replace(/\s+/g, '').length;
  const masked = masks.reduce((n, m) => n + (m.end - m.start), 0);
  if (visible && masked / visible > 0.5) return `mostly masked (${Math.round((100 * masked) / visible)}% of the text): little to extract`;
  return null;
}

export const normalise: Stage = {
  name: 'normalise',
  run(doc: Document): Document {
    doc.text = normaliseText(doc.text);
    doc.masks = findMasks(doc.text);
    // Such a file is still ingested (it is text), but the user must hear why it yields no facts.
    const unusable = unusableText(doc.text, doc.masks);
    if (unusable) doc.diagnostics.push({ stage: 'normalise', level: 'warning', message: unusable });
    return doc;
  },
};
