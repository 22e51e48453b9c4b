/**
 * Per-stage profile of the extraction pipeline against bare `nodejieba.tag` (issue #7's yardstick).
 *
 * Ratios, not absolute times, are what matter: the machine is shared, so each round runs the
 * pipeline and bare jieba back to back over the same text, and the report divides their totals.
 * The first round warms caches (gazetteer, dictionaries, jieba) and is not counted.
 *
 *   npx tsx bench/extract-profile.ts [rounds=5] [files…]   (default: seeds/*.txt)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import type { Document } from '../ingest/model.ts';
import { emptyFacts } from '../ingest/model.ts';
import type { Stage } from '../ingest/stage.ts';
import { normalise } from '../ingest/normalise.ts';
import { structure } from '../ingest/structure.ts';
import { kind } from '../ingest/kind.ts';
import { segment, ensureJieba } from '../ingest/segment.ts';
import { county } from '../ingest/extract/county.ts';
import { industries } from '../ingest/extract/industries.ts';
import { extractStages } from '../ingest/extract/index.ts';
import { resolve } from '../ingest/resolve.ts';

const rounds = Number(process.argv[2] ?? 5);
const files = process.argv.length > 3 ? process.argv.slice(3) : readdirSync('seeds').filter((f) => f.endsWith('.txt')).map((f) => join('seeds', f));
const texts = files.map((f) => readFileSync(f, 'utf8'));
const stages: Stage[] = [normalise, kind, structure, segment, county, industries, ...extractStages, resolve];

const fresh = (text: string): Document => ({
  id: 'bench', meta: {}, text, masks: [], headings: [], sentences: [], words: null, facts: emptyFacts(), diagnostics: [],
});

ensureJieba();
const perStage = new Map<string, number>(stages.map((s) => [s.name, 0]));
let jieba = 0;
let pipeline = 0;
let chars = 0;
for (let r = 0; r <= rounds; r++) {
  for (const text of texts) {
    let t0 = performance.now();
    nodejieba.tag(text);
    const j = performance.now() - t0;
    let doc = fresh(text);
    let p = 0;
    const times: number[] = [];
    for (const s of stages) {
      t0 = performance.now();
      doc = s.run(doc);
      const dt = performance.now() - t0;
      times.push(dt);
      p += dt;
    }
    if (r === 0) continue; // warm-up
    jieba += j;
    pipeline += p;
    chars += text.length;
    stages.forEach((s, i) => perStage.set(s.name, perStage.get(s.name)! + times[i]!));
  }
}

const ms = (x: number) => x.toFixed(1).padStart(9);
console.log(`${files.length} files × ${rounds} rounds, ${chars} chars`);
console.log(`${'stage'.padEnd(12)}       ms  × jieba.tag`);
for (const [name, t] of perStage) console.log(`${name.padEnd(12)}${ms(t)}  ${(t / jieba).toFixed(3)}`);
console.log(`${'pipeline'.padEnd(12)}${ms(pipeline)}  ${(pipeline / jieba).toFixed(3)}`);
console.log(`${'jieba.tag'.padEnd(12)}${ms(jieba)}`);
console.log(`throughput ratio (pipeline / bare jieba.tag): ${(jieba / pipeline).toFixed(3)}×`);
