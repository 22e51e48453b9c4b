/**
 * PDF: the text layer through unpdf (Mozilla's pdf.js, packaged to run without a worker or canvas).
 * Lines stay as the PDF breaks them — joining them into sentences is normalisation's job, which
 * needs to see the breaks — and pages are joined by one newline, their starts kept in `pages`.
 */
import { getDocumentProxy } from 'unpdf';
import { cleanTitle, isoDate, type SourceText } from './source.ts';

/**
 * Fewer visible characters than this per page, on average, is a scan (an image per page, maybe a
 * stamped page number): there is nothing to extract from, and extracting from the stamps would
 * store an empty document as if it had been read.
 */
const MIN_CHARS_PER_PAGE = 16;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
/** A gap narrower than this share of the font size, next to a Chinese character, is layout, not a space. */
const AUTOSPACE_EM = 0.35;

interface Item { str: string; hasEOL: boolean; width: number; transform: number[] }

/**
 * A page's text, one PDF line per line. pdf.js turns gaps between glyph runs into ' ' items; word
 * processors put a narrow gap between Chinese and Latin runs ("autospace": `2021 年`), which is
 * spacing, not text, and would split `2021年` for every pattern downstream — so a whitespace item
 * narrower than a third of an em next to a Chinese character is dropped. A wide gap stays a space.
 */
function pageText(items: Item[]): string {
  let s = '';
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (!it.hasEOL && it.str.trim() === '' && it.str.length > 0) {
      const size = Math.hypot(it.transform[0] ?? 0, it.transform[1] ?? 0) || 1;
      const next = items[i + 1]?.str[0] ?? '';
      if (it.width < AUTOSPACE_EM * size && (CJK.test(s[s.length - 1] ?? '') || CJK.test(next))) continue;
    }
    s += it.str;
    if (it.hasEOL) s += '\n';
  }
  return s;
}

export async function readPdf(bytes: Uint8Array, name: string): Promise<SourceText> {
  let pdf;
  try {
    // pdf.js may take over the buffer it is given: hand it a copy, the caller's bytes stay usable.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (e) {
    const err = e as Error;
    if (err.name === 'PasswordException') throw new Error(`${name}: the PDF is password-protected; save an unprotected copy`);
    throw new Error(`${name}: not a readable PDF (${err.message})`);
  }
  try {
    const pageTexts: string[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const content = await (await pdf.getPage(p)).getTextContent();
      pageTexts.push(pageText(content.items.filter((it) => 'str' in it) as Item[]));
    }
    const visible = pageTexts.reduce((n, t) => n + t.replace(/\s+/g, '').length, 0);
    if (visible < MIN_CHARS_PER_PAGE * Math.max(1, pdf.numPages)) throw Object.assign(new Error(`${name}: no text layer — OCR it first`), { code: 'ENOTEXTLAYER' });
    const pages: number[] = [];
    let text = '';
    for (const t of pageTexts) {
      if (pages.length) text += '\n';
      pages.push(text.length);
      text += t.replace(/\n$/, '');
    }
    const info = ((await pdf.getMetadata().catch(() => null))?.info ?? {}) as Record<string, unknown>;
    const meta: SourceText['meta'] = {};
    const title = cleanTitle(typeof info.Title === 'string' ? info.Title : undefined);
    const date = isoDate(typeof info.CreationDate === 'string' ? info.CreationDate : undefined);
    if (title) meta.title = title;
    if (date) meta.date = date;
    return { text, pages, encoding: 'pdf', meta };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOTEXTLAYER') throw e;
    throw new Error(`${name}: not a readable PDF (${(e as Error).message})`);
  } finally {
    await pdf.loadingTask.destroy();
  }
}
