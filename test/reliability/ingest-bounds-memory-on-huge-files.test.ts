import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { q, type Graph } from '../../graph/index.ts';
import { PROJECT_ROOT } from '../../graph/local/paths.ts';
import { openTestGraph, testEnv } from '../helpers/neo4j.ts';
import { INGEST_FLAGS, SEEDS, SEED_FILES, tempDir } from './support.ts';

// A 50 MB file (a concatenation of reports, a dump) must not take the process's memory with it:
// it is refused by size before it is read, with its name and the limit, and the rest goes in.
// The child's peak RSS comes from GNU time (`/usr/bin/time -v`), which counts worker threads too.

const TIME = '/usr/bin/time';
const LIMIT_KB = 1.5 * 1024 * 1024;

function runMeasured(args: string[]): Promise<{ code: number | null; out: string; peakKb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TIME, ['-v', process.execPath, path.join(PROJECT_ROOT, 'bin/xianzhi.mjs'), ...args], { cwd: PROJECT_ROOT, env: testEnv() });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const m = out.match(/Maximum resident set size \(kbytes\): (\d+)/);
      resolve({ code, out, peakKb: m ? Number(m[1]) : NaN });
    });
  });
}

describe.runIf(fs.existsSync(TIME))('ingest bounds memory on huge files', () => {
  let graph: Graph;
  const tmp = tempDir('huge');
  beforeAll(async () => {
    graph = await openTestGraph({ fresh: true });
    // 50 MB of real report text: the seeds over and over.
    const seeds = SEED_FILES.map((f) => fs.readFileSync(path.join(SEEDS, f)));
    const fd = fs.openSync(path.join(tmp.dir, 'huge report.txt'), 'w');
    for (let written = 0, i = 0; written < 50 * 1024 * 1024; i++) written += fs.writeSync(fd, seeds[i % seeds.length]!);
    fs.closeSync(fd);
    fs.copyFileSync(path.join(SEEDS, SEED_FILES[0]!), path.join(tmp.dir, 'normal.txt'));
  });
  afterAll(async () => {
    tmp.cleanup();
    await graph.close();
  });

  it('refuses the 50 MB file by name and size, ingests the other, and peaks well under 1.5 GB', async () => {
    const r = await runMeasured(['ingest', tmp.dir, ...INGEST_FLAGS]);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/FAIL [^\n]*huge report\.txt: [^\n]*too large to be one report \(5\d\.\d MB, limit 10\.0 MB/);
    expect(r.out).toMatch(/1 written/);
    expect(r.peakKb, r.out).toBeGreaterThan(0);
    expect(r.peakKb).toBeLessThan(LIMIT_KB);
    console.log(`peak RSS of the ingest: ${(r.peakKb / 1024).toFixed(0)} MB`);
    const ids = await graph.read(q('MATCH (d:Document) RETURN d.id AS id'));
    expect(ids).toEqual([{ id: 'normal' }]);
  });
}, 300_000);
