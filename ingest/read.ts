/**
 * Reading a report file into text: the format is told by the bytes (ingest/read/detect.ts), not the
 * file name, and each format has its reader in ingest/read/ — PDF text layer, Word .docx and .doc,
 * a web page's article, plain text in any encoding. `readSource` is the one entry.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { contentHash as hashContent } from './content-hash.ts';
import { detectFormat, type Format } from './read/detect.ts';
import { decodeBytes, type Decoded } from './read/text.ts';
import type { SourceText } from './read/source.ts';

export { decodeBytes, decodeText, type Decoded } from './read/text.ts';
export { detectFormat, type Format } from './read/detect.ts';

/** What `readSource` returns: the text as the file holds it, and how it was read. */
export interface Source extends SourceText {
  /** The reader that produced the text. */
  reader: Format;
  /** sha256 of the file's bytes, hex: recognises unchanged documents on re-ingest. */
  contentHash: string;
  /** What the format itself declares, and the reader: `Document.sourceMeta`. */
  sourceMeta: { title?: string; date?: string; reader: Format };
}

/**
 * Reads a report from its bytes with the reader its content calls for. `name` names the file in
 * errors. @throws naming the file: empty, not a report format, corrupt, or a PDF without text.
 */
export async function readBytes(bytes: Uint8Array, name = '<bytes>'): Promise<Source> {
  if (bytes.length === 0) throw new Error(`${name}: the file is empty`);
  const format = detectFormat(bytes, name);
  let read: SourceText;
  let hash: string;
  if (format === 'text') {
    // Plain text: the path every report took before the other readers, kept to one decode and one hash.
    const d = decodeBytes(bytes, name);
    read = { text: d.text, encoding: d.encoding, meta: {} };
    hash = d.contentHash;
  } else {
    hash = hashContent(bytes);
    read = await readFormat(format, bytes, name);
    // The text, not the container, is what the pipeline holds (UTF-16 in memory: 2 bytes a character).
    const max = maxFileBytes();
    if (read.text.length * 2 > max) throw tooLarge(name, 'its text is ', read.text.length * 2, max);
  }
  return { ...read, reader: format, contentHash: hash, sourceMeta: { ...read.meta, reader: format } };
}

async function readFormat(format: Exclude<Format, 'text'>, bytes: Uint8Array, name: string): Promise<SourceText> {
  // Each reader loads its library only when a file of its format comes: plain-text runs pay nothing.
  switch (format) {
    case 'pdf':
      return (await import('./read/pdf.ts')).readPdf(bytes, name);
    case 'docx':
      return (await import('./read/docx.ts')).readDocx(bytes, name);
    case 'doc':
      return (await import('./read/doc.ts')).readDoc(bytes, name);
    case 'html':
      return (await import('./read/html.ts')).readHtml(bytes, name);
  }
}

/** Reads a report from a file path or from bytes already in memory. */
export async function readSource(source: string | Uint8Array, name?: string): Promise<Source> {
  if (typeof source !== 'string') return readBytes(source, name);
  return readBytes(readFileChecked(source), name ?? source);
}

/**
 * Largest file read as one report, MB (XIANZHI_MAX_FILE_MB). Reports run to tens or hundreds of KB;
 * the pipeline is linear but holds the whole text (≈25× its size in memory) and one document is one
 * transaction, so a far larger file — usually a concatenation or a dump — is refused, not read.
 */
export function maxFileBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.XIANZHI_MAX_FILE_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : 10) * 1024 * 1024;
}

/**
 * PDF and Word files carry fonts and images besides their text: a report of 100 KB of text is
 * often a 5–30 MB PDF. They may be this many times the limit; their text is held to the limit.
 */
const CONTAINER_FACTOR = 10;
const CONTAINER_MAGIC = [Buffer.from('%PDF-'), Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0xd0, 0xcf, 0x11, 0xe0])];
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const tooLarge = (path: string, what: string, size: number, max: number) =>
  Object.assign(new Error(`${path}: too large to be one report (${what}${mb(size)}, limit ${mb(max)}; split it, or raise XIANZHI_MAX_FILE_MB)`), { code: 'ETOOLARGE' });

function isContainer(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(8);
    readSync(fd, head, 0, 8, 0);
    return CONTAINER_MAGIC.some((m) => head.subarray(0, m.length).equals(m));
  } finally {
    closeSync(fd);
  }
}

/**
 * A file's bytes. @throws Error naming the file when it is missing, a folder or too large.
 *
 * Synchronous on purpose: files are read by the CLI's loop and by extraction workers, between
 * CPU-bound documents, never on the API's event loop. Awaiting the thread pool there let the loop
 * go idle once per file, and V8 spends idle moments on memory-reducing collections: over 300
 * reports the awaits cost ~0.5 s, a sixth of the whole extraction.
 */
function readFileChecked(path: string): Buffer {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    const max = maxFileBytes();
    if (size > max && !(size <= max * CONTAINER_FACTOR && isContainer(path))) throw tooLarge(path, '', size, max);
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ETOOLARGE') throw e;
    throw new Error(`${path}: cannot read (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message})`);
  }
  return bytes;
}

/** Reads and decodes a plain-text file. @throws Error naming the file when it is missing, empty, too large or not text. */
export async function readText(path: string): Promise<Decoded> {
  return decodeBytes(readFileChecked(path), path);
}
