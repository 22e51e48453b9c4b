/**
 * Word .docx: the body text through mammoth (paragraphs, lists and tables in reading order; headers,
 * footers and comments left out), the title and creation date from the package's core properties.
 */
import mammoth from 'mammoth';
import JSZip from 'jszip';
import { cleanTitle, isoDate, type SourceText } from './source.ts';

const xmlText = (xml: string, tag: string) => {
  const m = new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`).exec(xml);
  return m?.[1]?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
};

export async function readDocx(bytes: Uint8Array, name: string): Promise<SourceText> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer })).value;
  } catch (e) {
    throw new Error(`${name}: not a readable Word .docx document (${(e as Error).message})`);
  }
  // mammoth ends every paragraph with a blank line; one paragraph per line is what a text file has.
  const text = raw.replace(/\r\n?/g, '\n').replace(/\n{2,}/g, '\n').replace(/^\n+|\n+$/g, '');
  if (!text.trim()) throw new Error(`${name}: the Word document holds no text`);
  const meta: SourceText['meta'] = {};
  try {
    const core = await (await JSZip.loadAsync(buffer)).file('docProps/core.xml')?.async('string');
    if (core) {
      const title = cleanTitle(xmlText(core, 'dc:title'));
      const date = isoDate(xmlText(core, 'dcterms:created') ?? xmlText(core, 'dcterms:modified'));
      if (title) meta.title = title;
      if (date) meta.date = date;
    }
  } catch {
    // core properties are optional; the body was readable
  }
  return { text, encoding: 'docx', meta };
}
