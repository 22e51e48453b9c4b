/**
 * Legacy Word .doc (OLE compound file): the main body text through word-extractor (headers,
 * footers, footnotes and text boxes are separate streams and left out, as in the other readers).
 */
import WordExtractor from 'word-extractor';
import type { SourceText } from './source.ts';

export async function readDoc(bytes: Uint8Array, name: string): Promise<SourceText> {
  let body: string;
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // filterUnicode (on by default) turns “” ‘’ into ASCII quotes; reports mean the Chinese ones.
    body = doc.getBody({ filterUnicode: false });
  } catch (e) {
    throw new Error(`${name}: not a readable Word .doc document (${(e as Error).message})`);
  }
  const text = body.replace(/\r\n?/g, '\n').replace(/\n{2,}/g, '\n').replace(/^\n+|\n+$/g, '');
  if (!text.trim()) throw new Error(`${name}: the Word document holds no text`);
  return { text, encoding: 'doc', meta: {} };
}
