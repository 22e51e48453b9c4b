import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { q, type Graph } from '../../graph/index.ts';
import { runCli } from '../helpers/cli.ts';
import { openTestGraph, testEnv } from '../helpers/neo4j.ts';
import { INGEST_FLAGS, inconsistencies, tempDir } from './support.ts';

// A folder of 10,000 small reports (in nested folders, names with spaces and Chinese), ten of
// them empty: all the others land, the ten are named, and a second run skips everything
// unchanged. About a minute per run on the 2-core machine; no timing is asserted.

const FILES = 10_000;
const EMPTY = new Set([0, 1234, 2500, 3333, 4999, 5000, 6789, 8000, 9001, 9999]);

describe('ingest walks a folder of 10,000 files', () => {
  let graph: Graph;
  const tmp = tempDir('10k');
  beforeAll(async () => {
    graph = await openTestGraph({ fresh: true });
    for (let i = 0; i < FILES; i++) {
      const dir = path.join(tmp.dir, `第${Math.floor(i / 1000)}批 reports`);
      if (i % 1000 === 0) fs.mkdirSync(dir);
      const body = EMPTY.has(i) ? '' : `某县第${i}次全会报告。\n全县大力发展食用菌产业和文化旅游产业，地区生产总值增长${i % 10}%。\n`;
      fs.writeFileSync(path.join(dir, `${String(i).padStart(5, '0')} 县委 报告.txt`), body);
    }
  });
  afterAll(async () => {
    tmp.cleanup();
    await graph.close();
  });

  it('ingests every readable file, names each empty one, exits 1', async () => {
    const r = await runCli(['ingest', tmp.dir, ...INGEST_FLAGS], testEnv());
    const out = r.stdout + r.stderr;
    expect(r.code, out.slice(-2000)).toBe(1);
    expect(out).toMatch(new RegExp(`${FILES - EMPTY.size} written, 0 unchanged, ${EMPTY.size} failed`));
    for (const i of EMPTY) expect(out).toMatch(new RegExp(`FAIL [^\\n]*${String(i).padStart(5, '0')} 县委 报告\\.txt: [^\\n]*empty`));
    const [{ n }] = (await graph.read(q('MATCH (d:Document) RETURN count(d) AS n'))) as Array<{ n: number }>;
    expect(n).toBe(FILES - EMPTY.size);
    const [{ id }] = (await graph.read(q("MATCH (d:Document {id: '04321 县委 报告'}) RETURN d.id AS id"))) as Array<{ id: string }>;
    expect(id).toBe('04321 县委 报告');
    expect(await inconsistencies(graph)).toEqual([]);
  });

  it('a second run finds every written file unchanged', async () => {
    const r = await runCli(['ingest', tmp.dir, ...INGEST_FLAGS], testEnv());
    const out = r.stdout + r.stderr;
    expect(out).toMatch(new RegExp(`0 written, ${FILES - EMPTY.size} unchanged, ${EMPTY.size} failed`));
  });
}, 600_000);
