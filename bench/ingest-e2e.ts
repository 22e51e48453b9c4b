import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { clearGraph, stats, type Graph } from '../graph/index.ts';
import { PROJECT_ROOT } from '../graph/local/paths.ts';
import type { Connection } from '../graph/driver.ts';

/**
 * End-to-end ingest as a user runs it: `xianzhi ingest DIR` in its own process against an EMPTY
 * graph, its peak RSS sampled from /proc (worker threads share the process, so it counts them),
 * then the same command again on the unchanged corpus.
 */

export interface IngestRun {
  seconds: number;
  exitCode: number;
  peakRssMB: number | null;
  summary: string;
}

export interface IngestResult {
  documents: number;
  megabytes: number;
  first: IngestRun & { docsPerSec: number; mbPerSec: number; nodesPerSec: number; relsPerSec: number };
  reingest: IngestRun;
  nodes: number;
  relationships: number;
  labels: Record<string, number>;
}

function rssMB(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export function runIngest(dir: string, conn: Connection, extraArgs: string[] = []): Promise<IngestRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'xianzhi.mjs'), 'ingest', dir, ...extraArgs], {
      env: { ...process.env, NEO4J_URI: conn.uri, NEO4J_USER: conn.user, NEO4J_PASSWORD: conn.password },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peak: number | null = null;
    const timer = setInterval(() => {
      const r = rssMB(child.pid!);
      if (r !== null) peak = Math.max(peak ?? 0, r);
    }, 100);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out = (out + d).slice(-4000)));
    child.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      const summary = out.trim().split('\n').filter((l) => /written|entities|skipped \d/.test(l)).join(' | ');
      if (code !== 0 && code !== 1) return reject(new Error(`xianzhi ingest exited with ${code}: ${err.slice(-1500)}`));
      resolve({ seconds: +seconds.toFixed(2), exitCode: code ?? -1, peakRssMB: peak === null ? null : Math.round(peak), summary });
    });
  });
}

export async function benchIngest(graph: Graph, conn: Connection, dir: string, documents: number, megabytes: number): Promise<IngestResult> {
  await clearGraph(graph);
  const first = await runIngest(dir, conn);
  const s = await stats(graph);
  const nodes = Object.values(s.labels).reduce((a, b) => a + b, 0);
  const relationships = Object.values(s.relationships).reduce((a, b) => a + b, 0);
  const reingest = await runIngest(dir, conn);
  return {
    documents,
    megabytes,
    first: {
      ...first,
      docsPerSec: +(documents / first.seconds).toFixed(2),
      mbPerSec: +(megabytes / first.seconds).toFixed(3),
      nodesPerSec: Math.round(nodes / first.seconds),
      relsPerSec: Math.round(relationships / first.seconds),
    },
    reingest,
    nodes,
    relationships,
    labels: s.labels,
  };
}
