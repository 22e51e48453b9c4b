/**
 * Plain text in any encoding a county report comes in: UTF-8 (± BOM), UTF-16 LE/BE (± BOM),
 * GB18030/GBK; refusal of non-text. Everything here is linear in the file size.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { contentHash as hashContent } from '../content-hash.ts';

export interface Decoded {
  text: string;
  encoding: string;
  contentHash: string;
}

/** Magic numbers of formats people drop into a folder of reports by mistake. */
const MAGIC: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive (or .docx/.xlsx)', [0x50, 0x4b, 0x03, 0x04]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['gzip archive', [0x1f, 0x8b]],
  ['7z archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['OLE document (.doc/.xls)', [0xd0, 0xcf, 0x11, 0xe0]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['WebP/RIFF media', [0x52, 0x49, 0x46, 0x46]],
];

const startsWith = (b: Uint8Array, sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);

/** Share of characters that plausibly occur in a Chinese report (CJK, ASCII text, punctuation). */
function plausibility(text: string): number {
  const n = Math.min(text.length, 20000);
  if (n === 0) return 0;
  let good = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 ||
      (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
      (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
      (c >= 0xff00 && c <= 0xffef) || // full-width forms
      (c >= 0x2010 && c <= 0x206f) || // general punctuation (quotes, dashes, …)
      (c >= 0x2460 && c <= 0x24ff) // circled numbers ①
    ) good++;
  }
  return good / n;
}

/** Guesses UTF-16 byte order without a BOM from where the zero bytes sit (ASCII) or from plausibility. */
function utf16Order(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (b.length < 2 || b.length % 2) return null;
  const n = Math.min(b.length, 8192);
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.2 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.2 && oddZero < pairs * 0.05) return 'utf-16be';
  // Pure Chinese UTF-16 has few zero bytes: decide by which order reads as Chinese.
  const le = plausibility(new TextDecoder('utf-16le').decode(b.subarray(0, n)));
  const be = plausibility(new TextDecoder('utf-16be').decode(b.subarray(0, n)));
  if (Math.max(le, be) < 0.95) return null;
  return le >= be ? 'utf-16le' : 'utf-16be';
}

/**
 * Decodes bytes to text. `name` is only used in error messages.
 * @throws Error naming the file and the reason (empty, binary format, NUL bytes, undecodable).
 */
export function decodeBytes(bytes: Uint8Array, name = '<bytes>'): Decoded {
  return { ...decodeText(bytes, name), contentHash: hashContent(bytes) };
}

/** {@link decodeBytes} without the hash, for readers that hash the file themselves. */
export function decodeText(bytes: Uint8Array, name = '<bytes>'): { text: string; encoding: string } {
  const done = (text: string, encoding: string) => {
    if (!text.trim()) throw new Error(`${name}: the file holds no text (only whitespace)`);
    return { text, encoding };
  };
  if (bytes.length === 0) throw new Error(`${name}: the file is empty`);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return done(strictUtf8(bytes.subarray(3), name), 'utf-8-bom');
  if (startsWith(bytes, [0xff, 0xfe])) return done(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return done(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  for (const [what, sig] of MAGIC) {
    if (startsWith(bytes, sig)) throw new Error(`${name}: not a text file (looks like a ${what})`);
  }
  const hasNul = bytes.indexOf(0) >= 0;
  if (hasNul) {
    const order = utf16Order(bytes);
    if (order) return done(new TextDecoder(order).decode(bytes), order);
    throw new Error(`${name}: not a text file (contains NUL bytes)`);
  }
  // Node's own validator and decoder (simdutf): the same verdict and text as a fatal TextDecoder
  // (no BOM here: it was handled above), at a fraction of the cost per report.
  if (isUtf8(bytes)) return done(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), 'utf-8');
  // not UTF-8: try the Chinese legacy encoding, then BOM-less UTF-16
  const gb = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  const gbScore = gb.includes('\ufffd') ? 0 : plausibility(gb);
  if (gbScore >= 0.97) return done(gb, 'gb18030');
  const order = utf16Order(bytes);
  if (order) return done(new TextDecoder(order).decode(bytes), order);
  throw new Error(`${name}: not a text file (invalid as UTF-8, UTF-16 and GB18030)`);
}

function strictUtf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${name}: starts with a UTF-8 byte-order mark but is not valid UTF-8`);
  }
}
