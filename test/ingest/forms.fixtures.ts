/**
 * The seeds in the forms analysts receive them, made at test time from the plain text:
 * traditional characters (Debian's `opencc` CLI, so the fixture is not made by the library that
 * undoes it), half-width punctuation as copied from a web page, and text copied out of a PDF
 * (hard line breaks every 33–38 characters, paragraph indents, page numbers and a running header
 * between pages, often in the middle of a sentence).
 */
import { spawnSync } from 'node:child_process';

/** Simplified → traditional with an OpenCC config (`s2twp.json`, `s2hk.json`). @throws when the CLI is missing. */
export function toTraditional(text: string, config: 's2twp.json' | 's2hk.json'): string {
  const r = spawnSync('opencc', ['-c', config], { input: text, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error || r.status !== 0) {
    throw new Error(`opencc -c ${config} failed (${r.error?.message ?? r.stderr}): install Debian's opencc (bash scripts/install-system-deps.sh)`);
  }
  return r.stdout;
}

const HALF: Record<string, string> = { '，': ',', '；': ';', '：': ':', '（': '(', '）': ')', '！': '!', '？': '?', '“': '"', '”': '"' };

/**
 * Chinese punctuation as a web page's ASCII: `，；：（）！？“”` → `,;:()!?"`; with `everything`, also
 * `、` → `,`, `。` → `.` and `《》` → `<>`, as a page typed wholly in ASCII has it.
 */
export function toHalfWidth(text: string, everything = false): string {
  const out = text.replace(/[，；：（）！？“”]/g, (c) => HALF[c]!);
  return everything ? out.replace(/、/g, ',').replace(/。/g, '.').replace(/《/g, '<').replace(/》/g, '>') : out;
}

/** A small deterministic PRNG (mulberry32), so a failing fixture can be reproduced. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface WrapOptions {
  /** Characters per line, drawn per line from [min, max]. */
  min?: number;
  max?: number;
  /** Lines per page; a page number (and the header) stands between pages. */
  pageLines?: number;
  /** The running header printed at the top of every page after the first. */
  header?: string;
  /** Page number style: `— 1 —`, `- 1 -`, `第 1 页`. */
  pageNumber?: (n: number) => string;
  /** Indent each paragraph's first line with two ideographic spaces, as most PDFs print them. */
  indent?: boolean;
  seed?: number;
}

/**
 * Text as copied out of a PDF: each paragraph indented with two ideographic spaces and broken every
 * `min`–`max` characters (in the middle of words and numbers alike), a page number and a running
 * header between pages wherever the page ends.
 */
export function toHardWrapped(text: string, o: WrapOptions = {}): string {
  const { min = 33, max = 38, pageLines = 40, header = '政府工作报告', indent = true, seed = 1 } = o;
  const pageNumber = o.pageNumber ?? ((n: number) => `— ${n} —`);
  const rand = rng(seed);
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    const p = para.trim();
    if (!p) continue;
    let rest = (indent ? '\u3000\u3000' : '') + p;
    while (rest.length > 0) {
      const w = min + Math.floor(rand() * (max - min + 1));
      lines.push(rest.slice(0, w));
      rest = rest.slice(w);
    }
  }
  const out: string[] = [];
  let page = 1;
  lines.forEach((l, i) => {
    if (i > 0 && i % pageLines === 0) {
      out.push(pageNumber(page++));
      out.push(header);
    }
    out.push(l);
  });
  out.push(pageNumber(page));
  return out.join('\n') + '\n';
}
