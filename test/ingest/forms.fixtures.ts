/**
 * The seeds in the forms analysts receive them, made at test time from the plain text:
 * traditional characters (Debian's `opencc` CLI, so the fixture is not made by the library that
 * undoes it), half-width punctuation as copied from a web page, and text copied out of a PDF
 * (hard line breaks every 33–38 characters, paragraph indents, page numbers and a running header
 * between pages, often in the middle of a sentence).
 */
import { spawnSync } from 'node:child_process';

/** Simplified → traditional with an OpenCC config (`s2twp.json`, `s2hk.json`, `s2t.json`). @throws when the CLI is missing. */
export function toTraditional(text: string, config: 's2twp.json' | 's2hk.json' | 's2t.json'): string {
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

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A county site's article page around `text`: its first line as the headline, the rest as paragraphs. */
export function webPage(text: string, charset = 'utf-8'): string {
  const [first, ...rest] = text.split('\n').filter((l) => l.trim());
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="${charset}"><title>${esc(first!)}_县人民政府门户网站</title>
<meta name="PubDate" content="2022-01-10 09:00"><script src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; document.write("统计代码");</script><style>.nav li { float: left }</style></head>
<body><div class="top"><div class="logo">县人民政府门户网站</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjxq/">走进县情</a></li></ul>
<form class="search"><input name="q" placeholder="请输入关键词"><button>搜索</button></form></div>
<div class="position">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ghjh/">规划计划</a></div>
<div class="main"><div class="article"><h1 class="title">${esc(first!)}</h1>
<div class="info"><span>发布时间：2022-01-10</span><span>来源：县政府办公室</span><span>浏览次数：1024</span><a href="javascript:window.print()">【打印】</a></div>
<div class="TRS_Editor">
${rest.map((l) => `<p style="text-indent:2em">${esc(l.trim())}</p>`).join('\n')}
</div>
<div class="share bdsharebuttonbox">分享到：<a class="bds_weixin">微信</a><a class="bds_tsina">微博</a><a class="bds_qzone">QQ空间</a></div>
<div class="prev-next"><p>上一篇：<a href="/a.html">全县召开冬春农田水利建设工作会议</a></p><p>下一篇：<a href="/b.html">县领导调研光伏产业园项目建设</a></p></div></div>
<div class="side"><h3>热点信息</h3><ul><li><a href="/c.html">全县新能源汽车推广应用工作推进会召开</a></li><li><a href="/d.html">文化旅游产业发展大会举行</a></li></ul></div></div>
<div class="footer"><p>主办：县人民政府办公室　承办：县融媒体中心</p><p>网站标识码：6212250001　备案号：陇ICP备05000000号-1</p><p>技术支持：某某网络科技有限公司</p></div>
<script>$(function () { console.log("产业园 项目 800亿元"); });</script></body></html>`;
}
