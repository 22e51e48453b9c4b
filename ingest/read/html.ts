/**
 * A saved web page: the article only. @mozilla/readability (Firefox's reader view) finds the main
 * content over a linkedom DOM — navigation, breadcrumbs, share bars, scripts and footers fall away —
 * and the article's blocks become lines. The charset comes from a BOM, then the page's
 * `<meta charset>` / `http-equiv`, then detection (UTF-8, GB18030, UTF-16).
 */
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { decodeText } from './text.ts';
import { cleanTitle, isoDate, type SourceText } from './source.ts';

const CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;
/** Labels pages use for encodings iconv-lite knows under a wider name (GB18030 reads GB2312 and GBK). */
const ALIAS: Record<string, string> = { gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', gb_2312: 'gb18030', 'gb_2312-80': 'gb18030', cp936: 'gb18030', 'big5-hkscs': 'big5', 'utf8': 'utf-8' };

/** Decodes a page: a BOM wins, then the declared charset (when the bytes fit it), then detection. */
export function decodeHtml(bytes: Uint8Array, name: string): { text: string; encoding: string } {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const declared = hasBom ? undefined : CHARSET.exec(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'))?.[1]?.toLowerCase();
  if (declared) {
    const enc = ALIAS[declared] ?? declared;
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (enc === 'utf-8') {
      try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
      } catch {
        // declared UTF-8 but is not (a page re-saved by an editor): detect
      }
    } else if (iconv.encodingExists(enc)) {
      const text = iconv.decode(buf, enc);
      // A wrong declaration shows as replacement characters; then detection decides.
      if (!text.includes('\ufffd')) return { text, encoding: enc };
    }
  }
  return decodeText(bytes, name);
}

const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'BUTTON', 'SELECT', 'OPTION', 'TEXTAREA', 'NAV']);
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
/** Stands for a line break inside <pre> until the line is cut (U+2028, LINE SEPARATOR). */
const PRE_BREAK = '\u2028';

interface NodeLike { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<NodeLike> }

/**
 * The text of a DOM subtree as a reader sees it: one line per block, whitespace collapsed, and a
 * line break in the markup between two Chinese characters dropped (CSS Text's segment-break rule
 * for Chinese), so a paragraph the HTML source wraps stays one line.
 */
export function blockText(root: NodeLike): string {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    for (const part of line.split(PRE_BREAK)) {
      const t = part
        .replace(/[ \t\f\r]*\n\s*/g, (ws: string, at: number, all: string) => (CJK.test(all[at - 1] ?? '') && CJK.test(all[at + ws.length] ?? '') ? '' : ' '))
        .replace(/[ \t\f\r\n]+/g, ' ')
        .trim();
      if (t) lines.push(t);
    }
    line = '';
  };
  const walk = (n: NodeLike, pre: boolean) => {
    if (n.nodeType === 3) {
      const t = n.textContent ?? '';
      line += pre ? t.replace(/\r?\n/g, PRE_BREAK) : t;
      return;
    }
    if (n.nodeType !== 1 || SKIP.has(n.nodeName)) return;
    const block = BLOCK.has(n.nodeName);
    if (block) flush();
    const kids = n.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]!, pre || n.nodeName === 'PRE');
    if (n.nodeName === 'TD' || n.nodeName === 'TH') line += ' ';
    if (block) flush();
  };
  walk(root, false);
  flush();
  return lines.join('\n');
}

/** Page furniture a fallback strips when Readability finds no article: by element and by class/id. */
const FURNITURE = 'nav, header, footer, aside, form, script, style, noscript, [role=navigation], [role=banner], [role=contentinfo]';
const FURNITURE_NAME = /nav|menu|breadcrumb|crumb|share|footer|copyright|sidebar|toolbar|banner/i;

function meta(document: { querySelector(s: string): { getAttribute(a: string): string | null } | null }, ...selectors: string[]): string | undefined {
  for (const s of selectors) {
    const v = document.querySelector(s)?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return undefined;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * Blocks that are links and little else (a side menu in a table cell, a related-links list):
 * Readability weighs link density for divs, but keeps the cells of a table-laid-out page.
 */
function dropLinkLists(root: { querySelectorAll(s: string): Iterable<{ textContent: string | null; querySelectorAll(s: string): Iterable<{ textContent: string | null }>; remove(): void }> }): void {
  for (const el of [...root.querySelectorAll('td, th, li, ul, ol, p, div')]) {
    const text = squash(el.textContent ?? '');
    if (!text || text.length > 200) continue;
    let links = 0;
    for (const a of el.querySelectorAll('a')) links += squash(a.textContent ?? '').length;
    if (links / text.length >= 0.6) el.remove();
  }
}

/**
 * Lines a county site puts around every article — its byline (发布时间：…, 来源：…, 浏览次数：…)
 * and its footer (版权所有, 主办/承办单位, 技术支持, 网站标识码, ICP备案) — dropped when short: in a
 * report such words stand inside sentences, not as lines of their own.
 */
const BYLINE = /^(?:发布(?:时间|日期)|信息来源|来源|浏览(?:次数)?|点击(?:数|量|率)?|阅读(?:数|量)|作者|责任编辑|编辑|字号|打印)[:：]/;
const FOOTER = /版权所有|技术支持[:：]|网站标识码|ICP备|主办单位[:：]|承办单位[:：]|^主办[:：]|^承办[:：]|【打印】|【关闭】|【打印本页】|【关闭窗口】/;
const furnitureLine = (line: string) => line.length <= 100 && (BYLINE.test(line) || FOOTER.test(line));

export function readHtml(bytes: Uint8Array, name: string): SourceText {
  const { text: html, encoding } = decodeHtml(bytes, name);
  const { document } = parseHTML(html);
  const declaredTitle = meta(document, 'meta[name="ArticleTitle" i]', 'meta[property="og:title"]', 'meta[name="og:title"]');
  const declaredDate = meta(document, 'meta[property="article:published_time"]', 'meta[name="article:published_time"]', 'meta[name="PubDate" i]', 'meta[name="publishdate" i]', 'meta[name="DC.date" i]', 'meta[name="date" i]');
  const pageTitle = document.querySelector('title')?.textContent ?? undefined;
  const headingText = new Map<string, string>();
  for (const h of document.querySelectorAll('h1, h2')) {
    const t = (h.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t && !headingText.has(squash(t))) headingText.set(squash(t), t);
  }
  const headings = [...headingText.keys()];
  // Readability changes the tree it reads; the fallback needs the original.
  const article = new Readability(parseHTML(html).document as unknown as Document).parse();
  let text = '';
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    dropLinkLists(content.body as never);
    text = blockText(content.body as unknown as NodeLike);
  }
  if (squash(text).length < 50) {
    for (const el of [...document.querySelectorAll(FURNITURE)]) el.remove();
    for (const el of [...document.querySelectorAll('[class], [id]')]) {
      if (FURNITURE_NAME.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) el.remove();
    }
    if (document.body) dropLinkLists(document.body as never);
    text = document.body ? blockText(document.body as unknown as NodeLike) : '';
  }
  text = text.split('\n').filter((l) => !furnitureLine(l)).join('\n');
  if (!squash(text)) throw new Error(`${name}: the web page holds no article text`);
  const title = cleanTitle(declaredTitle) ?? cleanTitle(article?.title) ?? cleanTitle(pageTitle);
  // Readability drops a headline (h1/h2) that repeats the page title; the headline is part of the
  // report, so the first such heading the article lost is put back as its first line.
  const lead = squash(text.slice(0, 300));
  const titles = [declaredTitle, article?.title, pageTitle].filter((t): t is string => Boolean(t)).map(squash);
  const lost = headings.find((h) => h.length >= 4 && !lead.includes(h) && titles.some((t) => t.includes(h) || h.includes(t)));
  if (lost) text = `${headingText.get(lost)}\n${text}`;
  const out: SourceText['meta'] = {};
  if (title) out.title = title;
  const date = isoDate(declaredDate) ?? isoDate(article?.publishedTime);
  if (date) out.date = date;
  return { text, encoding, meta: out };
}
