import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../api/index.ts';
import type { Graph } from '../graph/index.ts';
import { runProcess } from './helpers/cli.ts';
import { seededApi } from './helpers/seeded-api.ts';
import { SYSTEM_PYTHON, checkNotebookDeps } from './helpers/system-deps.ts';

/**
 * The analysts' notebook, executed for real: Debian's Jupyter runs every cell against the API over
 * the seeds, and a failing cell fails this test. The figures it draws can refresh docs/img for the
 * README (XIANZHI_FIGURES_DIR=docs/img).
 */

const NOTEBOOK = path.resolve('examples/industries-across-counties.ipynb');
// The figures go to a temp folder, so a test run leaves the tree clean; XIANZHI_FIGURES_DIR=docs/img
// refreshes the README's pictures.
const FIGURES = process.env.XIANZHI_FIGURES_DIR
  ? path.resolve(process.env.XIANZHI_FIGURES_DIR)
  : fs.mkdtempSync(path.join(os.tmpdir(), 'xianzhi-figures-'));

let graph: Graph;
let api: RunningServer;
let counties: Array<{ code: string; name: string }>;
let work: string;

beforeAll(async () => {
  checkNotebookDeps();
  ({ graph, api, counties } = await seededApi());
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'xianzhi-notebook-'));
}, 300_000);

afterAll(async () => {
  await api?.close();
  await graph?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});


type Cell = { cell_type: string; source: string; outputs?: Array<{ output_type: string; text?: string; data?: Record<string, string>; ename?: string; evalue?: string }> };

describe('examples/industries-across-counties.ipynb', () => {
  it('executes every cell against the API and saves both figures', async () => {
    const started = Date.now();
    const r = await runProcess(
      SYSTEM_PYTHON,
      [
        '-m', 'jupyter', 'nbconvert', '--to', 'notebook', '--execute',
        '--ExecutePreprocessor.kernel_name=python3', '--ExecutePreprocessor.timeout=180',
        '--output-dir', work, '--output', 'executed.ipynb', NOTEBOOK,
      ],
      {
        env: { ...process.env, XIANZHI_GRAPHQL_URL: api.url, XIANZHI_FIGURES_DIR: FIGURES, PYDEVD_DISABLE_FILE_VALIDATION: '1', MPLBACKEND: 'module://matplotlib_inline.backend_inline' },
        cwd: path.dirname(NOTEBOOK),
      },
    );
    // nbconvert names the failing cell and its traceback on stderr: show them as the failure.
    expect(r.code, `nbconvert failed:\n${r.stderr.slice(-4000)}`).toBe(0);

    const executed = JSON.parse(fs.readFileSync(path.join(work, 'executed.ipynb'), 'utf8')) as { cells: Cell[] };
    const outputs = executed.cells.flatMap((c) => c.outputs ?? []);
    expect(outputs.filter((o) => o.output_type === 'error')).toEqual([]);
    const text = outputs.map((o) => [o.text ?? '', o.data?.['text/plain'] ?? ''].flat().join('')).join('\n');
    expect(text).toContain(`API: ${api.url}`);
    expect(text).toMatch(/Chinese labels in: Noto Sans CJK (SC|JP|TC|KR)/);
    // The seeds' counties reached the notebook's tables.
    for (const c of counties) expect(text, c.name).toContain(c.name);
    // Both charts were drawn inline.
    expect(outputs.filter((o) => o.data?.['image/png']).length).toBeGreaterThanOrEqual(2);

    for (const name of ['heatmap.png', 'recurrence.png']) {
      const file = path.join(FIGURES, name);
      const stat = fs.statSync(file);
      expect(stat.mtimeMs, `${name} written by this run`).toBeGreaterThanOrEqual(started - 1000);
      const png = fs.readFileSync(file);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // IHDR: width and height, big-endian, at bytes 16 and 20 — a real chart, not an empty canvas.
      expect(png.readUInt32BE(16)).toBeGreaterThan(400);
      expect(png.readUInt32BE(20)).toBeGreaterThan(300);
    }
  }, 300_000);
});
