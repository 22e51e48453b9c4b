import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { contentHash } from '../../ingest/content-hash.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { decodeBytes, detectFormat, readSource, readText } from '../../ingest/read.ts';
import { blockText, decodeHtml } from '../../ingest/read/html.ts';
import { cleanTitle, isoDate } from '../../ingest/read/source.ts';
import { pageAt } from '../../ingest/offsets.ts';
import { parseHTML } from 'linkedom';
import { imageOnlyPdf } from './fixtures/image-pdf.ts';

const TEXT = '一、过去五年，全县地区生产总值增长８．５％，食用菌产业持续壮大。\n二、今后五年的目标任务。';

describe('decodeBytes', () => {
  it('reads plain UTF-8', () => {
    const r = decodeBytes(Buffer.from(TEXT, 'utf8'), 'a.txt');
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe(TEXT);
  });

  it('strips a UTF-8 byte-order mark', () => {
    const r = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'bom.txt');
    expect(r.encoding).toBe('utf-8-bom');
    expect(r.text).toBe(TEXT);
  });

  it('decodes GBK/GB18030', () => {
    const bytes = iconv.encode(TEXT, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const r = decodeBytes(bytes, 'gbk.txt');
    expect(r.encoding).toBe('gb18030');
    expect(r.text).toBe(TEXT);
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')]);
    expect(decodeBytes(le, 'le.txt')).toMatchObject({ encoding: 'utf-16le', text: TEXT });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')]);
    expect(decodeBytes(be, 'be.txt')).toMatchObject({ encoding: 'utf-16be', text: TEXT });
  });

  it('detects UTF-16 without a BOM, with or without ASCII', () => {
    const mixed = 'Report 2021: ' + TEXT;
    expect(decodeBytes(iconv.encode(mixed, 'utf-16le'), 'x.txt')).toMatchObject({ encoding: 'utf-16le', text: mixed });
    expect(decodeBytes(iconv.encode(mixed, 'utf-16be'), 'x.txt')).toMatchObject({ encoding: 'utf-16be', text: mixed });
    expect(decodeBytes(iconv.encode(TEXT, 'utf-16be'), 'y.txt')).toMatchObject({ encoding: 'utf-16be', text: TEXT });
  });

  it('refuses images, archives, NUL bytes and noise, naming the file', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => decodeBytes(png, 'pic.txt')).toThrow(/pic\.txt.*PNG/);
    expect(() => decodeBytes(Buffer.from('PK\x03\x04abc', 'latin1'), 'doc.docx')).toThrow(/doc\.docx.*ZIP/);
    expect(() => decodeBytes(Buffer.from([0x41, 0x00, 0x42, 0x43, 0x00, 0x00, 0x00, 0x44, 0x45]), 'nul.bin')).toThrow(/nul\.bin.*NUL/);
    const noise = Buffer.alloc(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = ((i * 7919) % 251) + 1; // no zero bytes, not text
    expect(() => decodeBytes(noise, 'noise.dat')).toThrow(/noise\.dat: not a text file/);
  });

  it('refuses an empty or blank file with a clear message', () => {
    expect(() => decodeBytes(new Uint8Array(0), 'empty.txt')).toThrow('empty.txt: the file is empty');
    expect(() => decodeBytes(Buffer.from('  \n\n'), 'blank.txt')).toThrow(/blank\.txt.*no text/);
  });

  it('hashes the raw bytes with sha256, salted with the extractor version (see ingest/content-hash.ts)', () => {
    const bytes = iconv.encode(TEXT, 'gbk');
    const hash = decodeBytes(bytes).contentHash;
    expect(hash).toBe(contentHash(bytes));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(decodeBytes(iconv.encode(`${TEXT}。`, 'gbk')).contentHash).not.toBe(hash);
  });

  it('decodes a large file in linear time', () => {
    const big = Buffer.from(TEXT.repeat(40000), 'utf8'); // ≈ 5 MB
    const t = Date.now();
    expect(decodeBytes(big).text.length).toBe(TEXT.length * 40000);
    expect(Date.now() - t).toBeLessThan(3000);
  });
});

describe('readText', () => {
  it('reads a file and names a missing one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xianzhi-read-'));
    const file = join(dir, 'gbk.txt');
    writeFileSync(file, iconv.encode(TEXT, 'gb18030'));
    expect((await readText(file)).text).toBe(TEXT);
    await expect(readText(join(dir, 'nope.txt'))).rejects.toThrow(/nope\.txt: cannot read \(no such file\)/);
  });
});

describe('detectFormat: by content, not by name', () => {
  it('tells PDF, DOCX, DOC, HTML and text apart from their first bytes', () => {
    expect(detectFormat(Buffer.from('%PDF-1.7\n...'), 'a.txt')).toBe('pdf');
    expect(detectFormat(Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('....[Content_Types].xml word/document.xml')]), 'a.zip')).toBe('docx');
    expect(detectFormat(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('Root Entry WordDocument', 'utf16le')]), 'a.txt')).toBe('doc');
    expect(detectFormat(Buffer.from('\ufeff<!DOCTYPE html><html><body>县</body></html>'), 'report.txt')).toBe('html');
    expect(detectFormat(Buffer.from('  <html lang="zh">'), 'x')).toBe('html');
    expect(detectFormat(Buffer.from('<meta charset="gbk"><title>t</title>'), 'x')).toBe('html');
    expect(detectFormat(Buffer.from('<?xml version="1.0"?>\n<!-- saved -->\n<html>'), 'x')).toBe('html');
    expect(detectFormat(Buffer.from('<html>', 'utf16le'), 'x')).toBe('html');
  });

  it('keeps text that merely mentions markup or starts with a bracket as text', () => {
    expect(detectFormat(Buffer.from('《政府工作报告》<html>标签说明'), 'a.txt')).toBe('text');
    expect(detectFormat(Buffer.from('<一>全县经济稳步增长。'), 'a.txt')).toBe('text');
    expect(detectFormat(Buffer.from('PDF文件说明：%PDF-'), 'a.txt')).toBe('text');
  });

  it('refuses a ZIP that is no .docx and an OLE file that is no .doc, by name', () => {
    expect(() => detectFormat(Buffer.from('PK\x03\x04 report.txt', 'latin1'), 'a.zip')).toThrow(/a\.zip: not a text file.*ZIP.*not a Word/);
    expect(() => detectFormat(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('Workbook', 'utf16le')]), 'b.xls')).toThrow(/b\.xls: .*not a Word \.doc/);
  });
});

describe('readSource', () => {
  it('reads plain text as decodeBytes does, naming the reader', async () => {
    const s = await readSource(iconv.encode(TEXT, 'gbk'), 'gbk.txt');
    expect(s).toMatchObject({ text: TEXT, encoding: 'gb18030', reader: 'text', sourceMeta: { reader: 'text' } });
    expect(s.pages).toBeUndefined();
    expect(s.contentHash).toBe(decodeBytes(iconv.encode(TEXT, 'gbk')).contentHash);
  });

  it('refuses a PDF of page images (a scan) by name, and a corrupt PDF, DOCX or DOC by name', async () => {
    await expect(readSource(imageOnlyPdf(3), 'scan.pdf')).rejects.toThrow('scan.pdf: no text layer — OCR it first');
    await expect(readSource(Buffer.from('%PDF-1.4\nnot really a pdf'), 'broken.pdf')).rejects.toThrow(/broken\.pdf: not a readable PDF/);
    await expect(readSource(Buffer.from('PK\x03\x04 word/document.xml truncated', 'latin1'), 'broken.docx')).rejects.toThrow(/broken\.docx: not a readable Word \.docx/);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('WordDocument', 'utf16le'), Buffer.alloc(600)]);
    await expect(readSource(ole, 'broken.doc')).rejects.toThrow(/broken\.doc: not a readable Word \.doc/);
  });

  it('names a missing file and an empty one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xianzhi-read-'));
    await expect(readSource(join(dir, 'gone.pdf'))).rejects.toThrow(/gone\.pdf: cannot read \(no such file\)/);
    writeFileSync(join(dir, 'empty.pdf'), '');
    await expect(readSource(join(dir, 'empty.pdf'))).rejects.toThrow(/empty\.pdf: the file is empty/);
  });
});

const PAGE = (head: string, body: string) => `<!DOCTYPE html><html><head>${head}</head><body>
<div class="top"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/gk">政务公开</a></li><li><a href="/hd">互动交流</a></li></ul></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; 政务公开 &gt; 规划计划</div>
<div class="main"><h1>某县国民经济和社会发展第十四个五年规划纲要</h1>${body}
<div class="bdsharebuttonbox">分享到：<a>微信</a><a>微博</a></div></div>
<div id="footer">主办单位：某县人民政府办公室　网站标识码：1234567890　技术支持：某网络公司</div>
<script>document.write("访问统计 产业园")</script></body></html>`;
const PARAS = [
  '过去五年，全县地区生产总值年均增长7.5%，特色农业、文化旅游和现代物流三大产业加快发展。',
  '今后五年，我们将坚持工业强县，做大做强新能源、新材料两个百亿级产业集群，',
  '力争到2025年规模以上工业增加值年均增长10%以上，城乡居民人均可支配收入与经济增长同步。',
  '加快建设县城污水处理厂提标改造工程和城乡供水一体化项目，推进高标准农田建设。',
];

describe('HTML reader', () => {
  it('keeps the article and drops navigation, breadcrumbs, share bar, footer and scripts', async () => {
    const html = PAGE('<meta charset="utf-8"><title>某县国民经济和社会发展第十四个五年规划纲要_某县人民政府</title><meta name="PubDate" content="2021-03-15 09:30">', `<div class="content">${PARAS.map((p) => `<p>${p}</p>`).join('\n')}</div>`);
    const s = await readSource(Buffer.from(html), 'plan.htm');
    expect(s.reader).toBe('html');
    for (const p of PARAS) expect(s.text).toContain(p);
    for (const junk of ['首页', '当前位置', '分享到', '主办单位', '访问统计', '技术支持']) expect(s.text).not.toContain(junk);
    expect(s.text.split('\n')[0]).toBe('某县国民经济和社会发展第十四个五年规划纲要');
    expect(s.sourceMeta).toMatchObject({ date: '2021-03-15', reader: 'html' });
    expect(s.sourceMeta.title).toMatch(/^某县国民经济和社会发展第十四个五年规划纲要/);
  });

  it('decodes a page by its declared charset (GBK, GB2312 labels) and takes og:title and article:published_time', async () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>站点</title><meta property="og:title" content="某县政府工作报告"><meta property="article:published_time" content="2023-01-09T10:00:00+08:00">';
    const bytes = iconv.encode(PAGE(head, `<div class="content">${PARAS.map((p) => `<p>${p}</p>`).join('')}</div>`), 'gbk');
    const s = await readSource(bytes, 'gbk.html');
    expect(s.encoding).toBe('gb18030');
    for (const p of PARAS) expect(s.text).toContain(p);
    expect(s.sourceMeta).toMatchObject({ title: '某县政府工作报告', date: '2023-01-09' });
  });

  it('falls back to detection when the declared charset is wrong, and to the body when there is no article', async () => {
    const page = '<html><head><meta charset="utf-8"><title>通知</title></head><body><nav>首页 新闻</nav><p>全县新增就业3200人。</p></body></html>';
    expect(decodeHtml(iconv.encode(page, 'gbk'), 'x.html')).toMatchObject({ encoding: 'gb18030', text: page });
    const s = await readSource(iconv.encode(page, 'gbk'), 'short.html');
    expect(s.text).toBe('全县新增就业3200人。');
  });

  it('keeps the article of a page laid out in tables, without its side menu, byline and footer', async () => {
    const html = `<html><head><meta charset="utf-8"><title>政府工作报告</title></head><body><table>
<tr><td colspan="2"><a href="/">首页</a> | <a href="/a">政务公开</a> | <a href="/b">办事服务</a></td></tr>
<tr><td valign="top"><a href="/c">通知公告</a><br><a href="/d">政策文件</a><br><a href="/e">规划计划</a></td>
<td valign="top"><table><tr><td align="center"><b>政府工作报告</b></td></tr><tr><td>发布日期：2022-03-01　来源：县政府办公室</td></tr>
<tr><td id="zoom">${PARAS.map((p) => `&nbsp;&nbsp;${p}<br>`).join('\n')}</td></tr></table></td></tr>
<tr><td colspan="2">版权所有：某县人民政府　技术支持：某网络公司</td></tr></table></body></html>`;
    const s = await readSource(Buffer.from(html), 'table.html');
    for (const p of PARAS) expect(s.text).toContain(p);
    for (const junk of ['首页', '通知公告', '发布日期', '版权所有']) expect(s.text).not.toContain(junk);
  });

  it('writes one line per block and joins a paragraph the markup wraps between Chinese characters', () => {
    const { document } = parseHTML('<html><body><p>全县粮食产量\n  稳定在10万吨，\n<b>特色</b>产业 growing\nfast</p><ul><li>一是项目</li><li>二是招商</li></ul>第一行<br>第二行</body></html>');
    expect(blockText(document.body as never)).toBe('全县粮食产量稳定在10万吨，特色产业 growing fast\n一是项目\n二是招商\n第一行\n第二行');
  });
});

describe('source metadata', () => {
  it('reads the date forms files carry', () => {
    expect(isoDate("D:20240115103000+08'00'")).toBe('2024-01-15');
    expect(isoDate('D:2022')).toBe('2022');
    expect(isoDate('2021-11-23T08:00:00Z')).toBe('2021-11-23');
    expect(isoDate('2023/1/5 10:30')).toBe('2023-01-05');
    expect(isoDate('2020年12月')).toBe('2020-12');
    expect(isoDate('昨天')).toBeUndefined();
    expect(isoDate('1066-01-01')).toBeUndefined();
  });

  it('keeps real titles and drops file names and placeholders', () => {
    expect(cleanTitle('  某县  政府工作报告 ')).toBe('某县 政府工作报告');
    expect(cleanTitle('Microsoft Word - 报告.docx')).toBeUndefined();
    expect(cleanTitle('无标题')).toBeUndefined();
    expect(cleanTitle('')).toBeUndefined();
  });
});

describe('pageAt', () => {
  it('gives the 1-based page of an offset from the page starts, through the offset map', () => {
    const doc = { pages: [0, 10, 25] };
    expect([0, 9, 10, 24, 25, 99].map((i) => pageAt(doc, i))).toEqual([1, 1, 2, 2, 3, 3]);
    expect(pageAt({}, 5)).toBeNull();
    // canonical offset 3 stands for source offset 12 (normalisation shortened the text before it)
    const mapped = { pages: [0, 10], offsetMap: Int32Array.from([0, 1, 2, 12, 13]) };
    expect(pageAt(mapped, 2)).toBe(1);
    expect(pageAt(mapped, 3)).toBe(2);
  });
});

describe('size limit', () => {
  it('holds text files to XIANZHI_MAX_FILE_MB, and lets PDF and Word containers be larger (their text is held to it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xianzhi-read-'));
    const before = process.env.XIANZHI_MAX_FILE_MB;
    process.env.XIANZHI_MAX_FILE_MB = String(2 / 1024); // 2 KB
    try {
      writeFileSync(join(dir, 'big.txt'), TEXT.repeat(100));
      await expect(readSource(join(dir, 'big.txt'))).rejects.toThrow(/big\.txt: too large to be one report/);
      // 6 KB of PDF: past the size check (it is a container), then read — and refused for what it is.
      writeFileSync(join(dir, 'big.pdf'), Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(6000, 0x20)]));
      await expect(readSource(join(dir, 'big.pdf'))).rejects.toThrow(/big\.pdf: not a readable PDF/);
      writeFileSync(join(dir, 'huge.pdf'), Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(30000, 0x20)]));
      await expect(readSource(join(dir, 'huge.pdf'))).rejects.toThrow(/huge\.pdf: too large to be one report/);
    } finally {
      if (before === undefined) delete process.env.XIANZHI_MAX_FILE_MB;
      else process.env.XIANZHI_MAX_FILE_MB = before;
    }
  });
});
