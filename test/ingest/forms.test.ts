/**
 * The seeds in the forms analysts receive them — traditional characters (Taiwan and Hong Kong, and character by character),
 * half-width punctuation, text copied out of a PDF — made at test time from the plain seeds
 * (test/ingest/forms.fixtures.ts), extracted, and scored against the seeds' gold with
 * test/eval/score.mjs: each form within 3 F1 points of the plain text for industries, projects and
 * targets, every county right, and every fact's evidence found in the text as the reader gave it.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processText, toPrediction, type Document, type Evidence } from '../../ingest/index.ts';
import { sourceSpan } from '../../ingest/offsets.ts';
import { isPageNumber } from '../../ingest/normalise/page-furniture.ts';
import { foldWidth } from '../../ingest/normalise/width.ts';
import { toHalfWidth, toHardWrapped, toTraditional } from './forms.fixtures.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TYPES = ['industries', 'projects', 'targets'] as const;
const TOLERANCE = 3;
const HEADER = '政府工作报告';

type Form = (text: string, i: number) => string;

const PAGE_NUMBERS = [(n: number) => `— ${n} —`, (n: number) => `- ${n} -`, (n: number) => `第 ${n} 页`];

const FORMS: Record<string, Form> = {
  'traditional (Taiwan, with phrases)': (t) => toTraditional(t, 's2twp.json'),
  'traditional (Hong Kong)': (t) => toTraditional(t, 's2hk.json'),
  'traditional, character by character': (t) => toTraditional(t, 's2t.json'),
  'half-width punctuation': (t) => toHalfWidth(t),
  'every mark in ASCII (、 and 。 too)': (t) => toHalfWidth(t, true),
  'half-width punctuation, spaced': (t) => toHalfWidth(t).replace(/([,;:])/g, '$1 '),
  'hard-wrapped PDF text with page numbers and a running header': (t, i) =>
    toHardWrapped(t, { seed: i + 1, indent: i % 2 === 0, header: HEADER, pageNumber: PAGE_NUMBERS[i % 3] }),
  'hard-wrapped every 30–40 characters, blank lines around page numbers': (t, i) =>
    toHardWrapped(t, { seed: i + 3, min: 30, max: 40, pageLines: 30, indent: i % 2 === 1, header: HEADER }).replace(/\n(— \d+ —)\n/g, '\n\n$1\n\n'),
  'hard-wrapped and half-width': (t, i) => toHardWrapped(toHalfWidth(t), { seed: i + 11, indent: false, header: HEADER }),
};

let work: string;
let seeds: Array<{ file: string; text: string }>;
const docs = new Map<string, Document[]>();

async function score(dir: string): Promise<Record<string, number>> {
  const json = execFileSync(process.execPath, [join(ROOT, 'test/eval/score.mjs'), '--gold', join(ROOT, 'test/gold'), '--pred', dir, '--json'], { encoding: 'utf8' });
  const { summary } = JSON.parse(json);
  const out: Record<string, number> = {};
  for (const [type, s] of Object.entries<any>(summary)) out[type] = 100 * (type === 'county' ? s.accuracy : s.f1);
  return out;
}

async function extractForm(name: string, form: Form): Promise<Record<string, number>> {
  const dir = join(work, name.replace(/\W+/g, '-'));
  await mkdir(dir, { recursive: true });
  const list: Document[] = [];
  for (const [i, s] of seeds.entries()) {
    const doc = processText(form(s.text, i), { file: s.file });
    list.push(doc);
    await writeFile(join(dir, s.file.replace(/\.txt$/, '.json')), JSON.stringify(toPrediction(doc)));
  }
  docs.set(name, list);
  return score(dir);
}

let plain: Record<string, number>;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'xianzhi-forms-'));
  const dir = join(ROOT, 'seeds');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  seeds = await Promise.all(files.map(async (file) => ({ file, text: await readFile(join(dir, file), 'utf8') })));
  plain = await extractForm('plain', (t) => t);
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const facts = (d: Document): Evidence[] =>
  [d.facts.industries, d.facts.projects, d.facts.targets, d.facts.agencies, d.facts.enterprises, d.facts.plans].flatMap((fs) => fs.flatMap((f) => f.evidence));

/** The source with its page-number and header lines blanked out (same length). */
function withoutFurniture(source: string): string {
  return source
    .split('\n')
    .map((l) => (isPageNumber(l.trim()) || l.trim() === HEADER ? ' '.repeat(l.length) : l))
    .join('\n');
}

describe('seeds in the forms analysts receive them', () => {
  for (const [name, form] of Object.entries(FORMS)) {
    it(`${name}: F1 within ${TOLERANCE} points of plain text, every county right`, async () => {
      const f1 = await extractForm(name, form);
      const worse = TYPES.filter((t) => !(f1[t]! >= plain[t]! - TOLERANCE)).map((t) => `${t} ${f1[t]!.toFixed(1)} vs plain ${plain[t]!.toFixed(1)}`);
      expect(worse, JSON.stringify(f1)).toEqual([]);
      expect(f1.county).toBe(100);
    }, 120_000);
  }

  it('evidence in hard-wrapped text is found in the source, line breaks and page furniture aside', () => {
    const list = docs.get('hard-wrapped PDF text with page numbers and a running header')!;
    expect(list?.length).toBe(seeds.length);
    let checked = 0;
    for (const d of list) {
      expect(d.source, 'the reader text is kept').toBeDefined();
      expect(d.offsetMap, 'an offset map where lengths changed').toBeDefined();
      for (const e of facts(d)) {
        const span = sourceSpan(d, e.start, e.end);
        // Width folding keeps lengths (８．５％ → 8.5%): compare folded source, without the
        // whole source lines that are page numbers or the running header.
        const src = foldWidth(withoutFurniture(d.source!).slice(span.start, span.end))
          .split('\n')
          .map((l) => l.trim())
          .join('');
        expect(src, `${d.meta.file} ${e.rule ?? ''}`).toBe(d.text.slice(e.start, e.end));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
