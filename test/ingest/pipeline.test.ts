import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { Pipeline, defaultPipeline } from '../../ingest/pipeline.ts';
import { processText, readDocument, toPrediction, loadManifest, emptyFacts, type Document } from '../../ingest/index.ts';

const blank = (): Document => ({ id: 't', meta: {}, text: '', masks: [], headings: [], sentences: [], words: null, facts: emptyFacts(), diagnostics: [] });

describe('Pipeline', () => {
  it('refuses two stages of one name', () => {
    const p = new Pipeline().add({ name: 'a', run: (d) => d });
    expect(() => p.add({ name: 'a', run: (d) => d })).toThrow(/'a' is already registered/);
  });

  it('names a stage that returns nothing', () => {
    const p = new Pipeline().add({ name: 'forgetful', run: (() => undefined) as unknown as (d: Document) => Document });
    expect(() => p.run(blank())).toThrow(/stage 'forgetful' returned nothing/);
  });

  it('names a stage that throws', () => {
    const p = new Pipeline().add({ name: 'boom', run: () => { throw new Error('bad input'); } });
    expect(() => p.run(blank())).toThrow(/stage 'boom' failed: bad input/);
  });

  it('runs the stages in the documented order', () => {
    const names = defaultPipeline().names;
    expect(names.slice(0, 5)).toEqual(['normalise', 'kind', 'structure', 'segment', 'county']);
    expect(names.at(-1)).toBe('resolve');
  });
});

describe('public entry', () => {
  it('reads a GBK file end to end and predicts in the scorer format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xianzhi-entry-'));
    const file = join(dir, 'r.txt');
    writeFileSync(file, iconv.encode('婺源县委书记作报告。\n大力发展光伏产业和食用菌产业。', 'gbk'));
    const doc = await readDocument(file);
    expect(doc).toMatchObject({ id: 'r', encoding: 'gb18030', meta: { file: 'r.txt' } });
    expect(doc.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const p = toPrediction(doc) as { county: { code: string }; industries: Array<{ name: string; evidence: unknown[] }> };
    expect(p.county.code).toBe('361130');
    expect(p.industries.map((i) => i.name).sort()).toEqual(['光伏', '食用菌']);
    expect(p.industries[0]!.evidence.length).toBeGreaterThan(0);
  });

  it('keeps offsets valid through normalisation', () => {
    const doc = processText('增长８．５％，发展ＡＢＣ光伏产业。');
    const f = doc.facts.industries.find((i) => i.name === '光伏')!;
    expect(doc.text.slice(f.evidence[0]!.start, f.evidence[0]!.end)).toBe('光伏产业');
  });
});

describe('loadManifest', () => {
  const write = (content: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'xianzhi-manifest-')), 'manifest.json');
    writeFileSync(file, content);
    return file;
  };

  it('reads the seeds manifest', async () => {
    const m = await loadManifest(new URL('../../seeds/manifest.json', import.meta.url).pathname);
    expect(m.get('004_d7d2b8b6c071a4db.txt')?.county).toMatchObject({ name: '西和县', code: '621225' });
  });

  it('names the file and the entry of each mistake', async () => {
    await expect(loadManifest(write('{ nope'))).rejects.toThrow(/manifest\.json: malformed JSON/);
    await expect(loadManifest(write('{"documents":[{"county":{"code":"621225"}}]}'))).rejects.toThrow(/entry 1: missing "file"/);
    await expect(loadManifest(write('{"documents":[{"file":"a.txt","county":{"code":"62122"}}]}'))).rejects.toThrow(/entry 1 \(a\.txt\): county code "62122" is not 6 digits/);
    await expect(loadManifest(write('{"documents":[{"file":"a.txt","county":{"code":"999999"}}]}'))).rejects.toThrow(/not in the gazetteer/);
    await expect(loadManifest(write('{"documents":[{"file":"a.txt"},{"file":"b.txt","county":{"name":"泌阳县","code":"621225"}}]}'))).rejects.toThrow(/entry 2 \(b\.txt\): county name "泌阳县" does not match code 621225 \(西和县\)/);
  });
});
