import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { readSource } from '../ingest/read.ts';
import { decodeBytes } from '../ingest/read/text.ts';

/**
 * Reading cost per format: the same reports as UTF-8 text, GBK text, a saved web page and — when
 * LibreOffice is installed — PDF, DOCX and DOC, each read with `readSource` (format detection
 * included). `text (decodeBytes)` is the plain decode every report went through before the other
 * readers: the `text` row must not be slower than it.
 */

export interface ReadingRow {
  format: string;
  files: number;
  /** Size of the files read, MB. */
  megabytes: number;
  /** Characters of text produced. */
  chars: number;
  msPerFile: number;
  /** Text produced per second, millions of characters. */
  mcharsPerSec: number;
}

export interface ReadingResult {
  rows: ReadingRow[];
  rounds: number;
  skipped?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const page = (text: string) => {
  const [first, ...rest] = text.split('\n').filter((l) => l.trim());
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(first ?? '')}</title></head><body>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li></ul><div class="crumbs">当前位置：首页 &gt; 政务公开</div>
<div class="article"><h1>${esc(first ?? '')}</h1>${rest.map((l) => `<p>${esc(l)}</p>`).join('\n')}</div>
<div class="share">分享到：微信 微博</div><div class="footer">主办：县人民政府办公室</div><script>var a = 1;</script></body></html>`;
};

async function time(files: string[], rounds: number, read: (bytes: Buffer, name: string) => Promise<number> | number, format: string): Promise<ReadingRow> {
  const data = files.map((f) => fs.readFileSync(f));
  // One untimed pass first: it loads the format's library and warms the JIT, which a long run pays once.
  for (let i = 0; i < data.length; i++) await read(data[i]!, files[i]!);
  let best = Infinity;
  let chars = 0;
  for (let r = 0; r < rounds; r++) {
    chars = 0;
    const t = performance.now();
    for (let i = 0; i < data.length; i++) chars += await read(data[i]!, files[i]!);
    best = Math.min(best, performance.now() - t);
  }
  const bytes = data.reduce((n, b) => n + b.length, 0);
  return {
    format,
    files: files.length,
    megabytes: +(bytes / 1e6).toFixed(3),
    chars,
    msPerFile: +(best / files.length).toFixed(2),
    mcharsPerSec: +(chars / 1e6 / (best / 1000)).toFixed(2),
  };
}

/** Measures reading over `texts` (UTF-8 report files). Conversions go to a temporary folder. */
export async function benchReading(texts: string[], opts: { rounds?: number; office?: boolean } = {}): Promise<ReadingResult> {
  const rounds = opts.rounds ?? 3;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xianzhi-reading-'));
  try {
    const dir = (f: string) => {
      const d = path.join(tmp, f);
      fs.mkdirSync(d, { recursive: true });
      return d;
    };
    const forms: Record<string, string[]> = { text: [], gbk: [], html: [] };
    for (const f of texts) {
      const name = path.basename(f);
      const text = fs.readFileSync(f, 'utf8');
      const t = path.join(dir('text'), name);
      fs.writeFileSync(t, text);
      forms.text!.push(t);
      const g = path.join(dir('gbk'), name);
      fs.writeFileSync(g, iconv.encode(text, 'gb18030'));
      forms.gbk!.push(g);
      const h = path.join(dir('html'), name.replace(/\.txt$/, '.html'));
      fs.writeFileSync(h, page(text));
      forms.html!.push(h);
    }
    let skipped: string | undefined;
    if (opts.office === false) skipped = 'PDF, DOCX and DOC not measured in a quick run (making them takes LibreOffice a minute)';
    else if (spawnSync('soffice', ['--version']).status === 0) {
      for (const to of ['pdf', 'docx', 'doc']) {
        spawnSync('soffice', [`-env:UserInstallation=file://${path.join(tmp, `profile-${to}`)}`, '--headless', '--infilter=Text (encoded):UTF8,,,', '--convert-to', to, '--outdir', dir(to), ...forms.text!], { timeout: 300_000 });
        forms[to] = fs.readdirSync(path.join(tmp, to)).filter((f) => f.endsWith(`.${to}`)).map((f) => path.join(tmp, to, f));
      }
    } else skipped = 'PDF, DOCX and DOC not measured: soffice (libreoffice-writer-nogui) is not installed';
    const rows: ReadingRow[] = [await time(forms.text!, rounds, (b, n) => decodeBytes(b, n).text.length, 'text (decodeBytes, the old path)')];
    for (const [format, files] of Object.entries(forms)) {
      if (!files.length) continue;
      rows.push(await time(files, rounds, async (b, n) => (await readSource(b, n)).text.length, format === 'gbk' ? 'text, GBK' : format));
    }
    return { rows, rounds, ...(skipped ? { skipped } : {}) };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The report's section: one row per format. */
export function readingMarkdown(r: ReadingResult): string[] {
  const lines = ['## Reading cost per format (`readSource`, bench/reading.ts)', '', `The seeds in each form, read from memory (after a warm-up pass, best of ${r.rounds} rounds; format detection included, extraction not).`, ''];
  lines.push('| format | files | MB | ms/file | M chars/s |', '|---|---|---|---|---|');
  for (const x of r.rows) lines.push(`| ${x.format} | ${x.files} | ${x.megabytes} | ${x.msPerFile} | ${x.mcharsPerSec} |`);
  if (r.skipped) lines.push('', r.skipped);
  lines.push('');
  return lines;
}

// `npx tsx bench/reading.ts seeds/*.txt` prints the table on its own.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const files = process.argv.slice(2);
  benchReading(files.length ? files : fs.readdirSync('seeds').filter((f) => f.endsWith('.txt')).map((f) => path.join('seeds', f))).then((r) => console.log(readingMarkdown(r).join('\n')));
}
