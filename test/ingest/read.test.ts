import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { contentHash } from '../../ingest/content-hash.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { decodeBytes, readText } from '../../ingest/read.ts';

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
