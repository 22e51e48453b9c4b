/**
 * Calibration of the county: of the answers given with confidence ≥ 0.9, none may be wrong — on
 * masked synthetic reports with a known answer (`corpus synth --mask`: the county's own name
 * hidden, its towns and villages left), on short passages cut from them, on the seeds without
 * their manifest and on the devset. A wrong county silently corrupts every comparison; "unknown"
 * (or a low confidence) does not.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { processText } from '../../ingest/index.ts';
import { counties, selectCounties, withPlaces } from '../../corpus/divisions.ts';
import { buildReport } from '../../corpus/report.ts';
import { maskCounty } from '../../corpus/mask.ts';

interface Case {
  name: string;
  code: string;
  text: string;
}
interface Answer extends Case {
  got: string | null;
  confidence: number;
}

function answer(c: Case): Answer {
  const doc = processText(c.text);
  const f = doc.facts.county;
  return { ...c, got: f?.code ?? null, confidence: f?.confidence ?? 0 };
}

const sure = (as: Answer[]) => as.filter((a) => a.confidence >= 0.9);
const wrongWhenSure = (as: Answer[]) => sure(as).filter((a) => a.got !== a.code).map((a) => `${a.name}: ${a.got} at ${a.confidence}`);
const right = (as: Answer[]) => as.filter((a) => a.got === a.code).length;

describe('county calibration on masked synthetic reports', () => {
  const reports: Answer[] = [];
  const passages: Answer[] = [];
  beforeAll(async () => {
    for await (const c of withPlaces(selectCounties(counties(), 40))) {
      const text = maskCounty(buildReport(c, 11).text, c.name, c.code);
      expect(text).not.toContain(c.name);
      reports.push(answer({ name: c.name, code: c.code, text }));
      // Short passages, as the hidden set's excerpts are: the opening and a stretch of the body.
      for (const [a, b] of [[0, 500], [3000, 3400]] as const) passages.push(answer({ name: `${c.name}[${a}:${b}]`, code: c.code, text: text.slice(a, b) }));
    }
  }, 120_000);

  it('is right for ≥ 90% of whole masked reports', () => {
    expect(right(reports)).toBeGreaterThanOrEqual(0.9 * reports.length);
  });

  it('is never wrong at confidence ≥ 0.9, on reports or on short passages', () => {
    expect(wrongWhenSure(reports)).toEqual([]);
    expect(wrongWhenSure(passages)).toEqual([]);
  });

  it('stays below 0.5 when a passage gives almost nothing to go on', () => {
    const thin = answer({ name: 'thin', code: '', text: 'xx县坚持招大引强，建设宜居宜业和美乡村，全年新增城镇就业5000人。' });
    expect(thin.confidence).toBeLessThan(0.5);
  });
});

describe('county calibration on the seeds (no manifest) and the devset', () => {
  const cases: Case[] = [];
  const seeds = JSON.parse(readFileSync('seeds/manifest.json', 'utf8')) as { documents: Array<{ file: string; county: { name: string; code: string } }> };
  for (const d of seeds.documents) cases.push({ name: d.file, code: d.county.code, text: readFileSync(join('seeds', d.file), 'utf8') });
  const dev = 'test/data/devset/texts';
  for (const f of readdirSync(dev).filter((x) => x.endsWith('.meta.json'))) {
    const m = JSON.parse(readFileSync(join(dev, f), 'utf8')) as { county: string; code: string };
    cases.push({ name: f, code: m.code, text: readFileSync(join(dev, f.replace('.meta.json', '.txt')), 'utf8') });
  }
  const answers = cases.map(answer);

  it('is right for ≥ 90% of the documents', () => {
    const misses = answers.filter((a) => a.got !== a.code).map((a) => `${a.name}: ${a.got} (${a.confidence}) for ${a.code}`);
    expect(answers.length - misses.length, misses.join('\n')).toBeGreaterThanOrEqual(Math.ceil(0.9 * answers.length));
  });

  it('is never wrong at confidence ≥ 0.9', () => {
    expect(wrongWhenSure(answers)).toEqual([]);
  });
});
