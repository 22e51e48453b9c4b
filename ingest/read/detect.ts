/**
 * Which reader a file needs, decided from its first bytes (magic numbers), never from its name:
 * a report saved as `.txt` that is really a PDF, or a web page saved as `.doc`, is still read right.
 */

export type Format = 'pdf' | 'docx' | 'doc' | 'html' | 'text';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

/** Formats people drop into a folder of reports by mistake: refused with what they look like (the words `xianzhi ingest` has always used). */
const FOREIGN: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['gzip archive', [0x1f, 0x8b]],
  ['7z archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['WebP/RIFF media', [0x52, 0x49, 0x46, 0x46]],
];

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** `bytes` contains `needle` (a latin1 string) anywhere: for names in a ZIP directory or an OLE one. */
function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}
const WORD_PART = Buffer.from('word/document.xml', 'latin1');
// OLE directory entries name their streams in UTF-16LE; Word files have a `WordDocument` stream.
const WORD_STREAM = Buffer.from('WordDocument', 'utf16le');

/** The first 2 KB as lower-case ASCII, BOM and NUL bytes dropped (so UTF-16 pages are sniffed too). */
function head(bytes: Uint8Array): string {
  return Buffer.from(bytes.subarray(0, 2048)).toString('latin1').replace(/^\xef\xbb\xbf|^\xff\xfe|^\xfe\xff/, '').replace(/\0/g, '').toLowerCase();
}

const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>)/;

/** The first byte that is not a BOM, whitespace or a NUL (UTF-16's high bytes), or -1. */
function firstSignificant(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 2048);
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) ? 2 : 0;
  for (; i < n; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0x00) return b;
  }
  return -1;
}

/** True when the bytes start like a web page (doctype, `<html>`, `<head>`, `<meta>`, `<title>`). */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  // A report starts with a character, a page with `<`: most files are decided on one byte.
  return firstSignificant(bytes) === 0x3c && HTML_START.test(head(bytes));
}

/**
 * The format of `bytes`. @throws naming the file when it is a known non-report format (an image, an
 * archive, a spreadsheet).
 */
export function detectFormat(bytes: Uint8Array, name = '<bytes>'): Format {
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, ZIP)) {
    if (contains(bytes, WORD_PART)) return 'docx';
    throw new Error(`${name}: not a text file (looks like a ZIP archive, and not a Word .docx document)`);
  }
  if (startsWith(bytes, OLE)) {
    if (contains(bytes, WORD_STREAM)) return 'doc';
    throw new Error(`${name}: not a text file (looks like an OLE document, and not a Word .doc: .xls or .ppt?)`);
  }
  for (const [what, sig] of FOREIGN) {
    if (startsWith(bytes, sig)) throw new Error(`${name}: not a text file (looks like a ${what})`);
  }
  if (looksLikeHtml(bytes)) return 'html';
  return 'text';
}
