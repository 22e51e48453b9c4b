import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { q, type Graph } from '../../graph/index.ts';
import { runCli } from '../helpers/cli.ts';
import { openTestGraph, testEnv } from '../helpers/neo4j.ts';
import { INGEST_FLAGS, SEEDS, inconsistencies, tempDir } from './support.ts';

// Bad files in a folder: each is named with its reason, the good ones are still ingested, and the
// exit code is non-zero only when a file failed. Legacy encodings are decoded, not refused.

const SEED = fs.readFileSync(path.join(SEEDS, '000_d0852c889ceeaa8f.txt'), 'utf8');
const STACK = /\n\s+at .+:\d+:\d+\)?/; // a JavaScript stack frame

/** A 1×1 PNG, a real zip holding one empty file, a gzip: what people drop in by mistake. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
function emptyZip(name: string): Buffer {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt16LE(n.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + n.length, 12);
  end.writeUInt32LE(local.length + n.length, 16);
  return Buffer.concat([local, n, central, n, end]);
}

const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};

describe('ingest names bad files and ingests the rest', () => {
  let graph: Graph;
  const tmp = tempDir('bad');
  const good = path.join(tmp.dir, 'good');
  const mixed = path.join(tmp.dir, 'mixed');
  beforeAll(async () => {
    graph = await openTestGraph({ fresh: true });
    fs.mkdirSync(good);
    fs.mkdirSync(mixed);
    const files: Record<string, Buffer | string> = {
      'reference.txt': SEED,
      'gbk.txt': iconv.encode(SEED, 'gbk'),
      'gb18030.txt': iconv.encode(SEED, 'gb18030'),
      'utf16le-bom.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SEED, 'utf16le')]),
      'utf16be-nobom.txt': utf16be(SEED),
      '政府 工作 报告 (2023).txt': SEED,
      'english.txt': 'The county government will develop agriculture and tourism. GDP grew by 6 percent.\n',
      'masked.txt': 'XX县XXXXXX××××××××**********xxxxx。\n'.repeat(200),
    };
    for (const [name, body] of Object.entries(files)) {
      fs.writeFileSync(path.join(good, name), body);
      fs.writeFileSync(path.join(mixed, name), body);
    }
    fs.writeFileSync(path.join(mixed, 'empty.txt'), '');
    fs.writeFileSync(path.join(mixed, 'blank.txt'), ' \n\t\n');
    fs.writeFileSync(path.join(mixed, 'photo.png'), PNG);
    fs.writeFileSync(path.join(mixed, 'archive.zip'), emptyZip('report.txt'));
    fs.writeFileSync(path.join(mixed, 'report.txt.gz'), zlib.gzipSync(SEED));
  });
  afterAll(async () => {
    tmp.cleanup();
    await graph.close();
  });

  it('fails each bad file with its name and reason, ingests every other one, exits 1', async () => {
    const r = await runCli(['ingest', mixed, ...INGEST_FLAGS], testEnv());
    const out = r.stdout + r.stderr;
    expect(r.code, out).toBe(1);
    expect(out).not.toMatch(STACK);
    const failed = (name: string, reason: RegExp) =>
      expect(out).toMatch(new RegExp(`FAIL [^\\n]*${name.replace(/\./g, '\\.')}: [^\\n]*${reason.source}`));
    failed('empty.txt', /empty/);
    failed('blank.txt', /no text/);
    failed('photo.png', /not a text file.*PNG/);
    failed('archive.zip', /not a text file.*ZIP/);
    failed('report.txt.gz', /not a text file.*gzip/);
    // The same report in six encodings decodes to one text: one is stored, the others are its duplicates.
    const copies = ['reference', 'gbk', 'gb18030', 'utf16le-bom', 'utf16be-nobom', '政府 工作 报告 (2023)'];
    expect(out).toMatch(/3 written/);
    const duplicates = [...out.matchAll(/not stored: (?:.*\/)?([^/\n]+)\.txt has the same text as the stored document ([^\n]+) \(a duplicate\)/g)];
    expect(duplicates.map((m) => m[1]).sort()).toHaveLength(5);
    const docs = await graph.read(q('MATCH (d:Document) RETURN d.id AS id, d.encoding AS encoding, d.sentenceCount AS sentences ORDER BY id'));
    const ids = docs.map((d) => d.id as string);
    expect(ids.filter((id) => !copies.includes(id)).sort()).toEqual(['english', 'masked']);
    const [kept] = ids.filter((id) => copies.includes(id));
    expect(kept).toBeDefined();
    for (const m of duplicates) {
      expect(copies).toContain(m[1]);
      expect(m[2]).toBe(kept);
    }
    expect(new Set([kept, ...duplicates.map((m) => m[1])]).size).toBe(6);

    // Decoded, not mangled: each encoding gives the same extraction, and names its encoding.
    const x = await runCli(['extract', ...copies.map((c) => path.join(good, `${c}.txt`)), '--out', path.join(tmp.dir, 'x')], testEnv());
    expect(x.code, x.stderr).toBe(0);
    const read = (c: string) => JSON.parse(fs.readFileSync(path.join(tmp.dir, 'x', `${c}.json`), 'utf8'));
    const facts = (p: any) => JSON.stringify([p.county?.code, p.industries.map((i: any) => i.name), p.projects.map((i: any) => i.name), p.targets.length]);
    const reference = read('reference');
    expect(reference.industries.length).toBeGreaterThan(2);
    for (const c of copies) expect(facts(read(c)), c).toBe(facts(reference));
    expect(read('gbk').encoding).toBe('gb18030');
    expect(read('utf16le-bom').encoding).toBe('utf-16le');
    expect(read('utf16be-nobom').encoding).toBe('utf-16be');
    expect(await inconsistencies(graph)).toEqual([]);
  });

  it('ingests text with no Chinese, or nearly all masks, with a warning naming the file and why', async () => {
    const r = await runCli(['ingest', good, '--force', ...INGEST_FLAGS], testEnv());
    const out = r.stdout + r.stderr;
    expect(r.code, out).toBe(0); // nothing failed
    expect(out).toMatch(/english\.txt[^\n]*\n\s+warning: [^\n]*no Chinese text/);
    expect(out).toMatch(/masked\.txt[^\n]*\n\s+warning: [^\n]*mostly masked/);
    expect(out).not.toMatch(/reference\.txt[^\n]*\n\s+warning: [^\n]*(no Chinese|masked)/);
  });

  describe('a manifest that cannot be trusted stops the run before anything is written', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['malformed JSON', '{"documents": [', /malformed JSON/],
      ['a county code that does not exist', JSON.stringify({ documents: [{ file: 'reference.txt', county: { code: '999999' } }] }), /entry 1 \(reference\.txt\): county code 999999 is not in the gazetteer/],
      ['a name that does not match its code', JSON.stringify({ documents: [{ file: 'gbk.txt', county: { name: '泌阳县', code: '621225' } }] }), /entry 1 \(gbk\.txt\): county name "泌阳县" does not match code 621225 \(西和县\)/],
      ['a code that is not 6 digits', JSON.stringify({ documents: [{ file: 'gbk.txt', county: { code: '41A726' } }] }), /not 6 digits/],
      ['an unknown document kind', JSON.stringify({ documents: [{ file: 'gbk.txt', kind: 'poem' }] }), /kind "poem" is not one of/],
    ];
    for (const [what, body, message] of cases) {
      it(what, async () => {
        const before = await graph.read(q('MATCH (d:Document) RETURN d.id AS id, toString(d.ingestedAt) AS at ORDER BY id'));
        const manifest = path.join(tmp.dir, 'manifest.json');
        fs.writeFileSync(manifest, body);
        const r = await runCli(['ingest', good, '--force', '--manifest', manifest, ...INGEST_FLAGS], testEnv());
        const out = r.stdout + r.stderr;
        expect(r.code, out).toBe(1);
        expect(out).toMatch(new RegExp(`manifest ${manifest.replace(/[.()]/g, '\\$&')}[^\\n]*${message.source}`));
        expect(out).not.toMatch(STACK);
        expect(await graph.read(q('MATCH (d:Document) RETURN d.id AS id, toString(d.ingestedAt) AS at ORDER BY id'))).toEqual(before);
      });
    }
  });
}, 300_000);
