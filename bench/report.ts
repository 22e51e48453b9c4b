import fs from 'node:fs';
import path from 'node:path';
import { goals } from './goals.ts';
import type { BenchResult } from './run.ts';
import { readingMarkdown } from './reading.ts';

/** docs/benchmarks.md: the machine, the commands, tables, a bar chart, and which goals are met. */

function bar(label: string, value: number, max: number, unit: string, width = 40): string {
  const n = max > 0 ? Math.round((value / max) * width) : 0;
  return `${label.padEnd(28)} ${'█'.repeat(n)}${' '.repeat(width - n)} ${value} ${unit}`;
}

const mark = (met: boolean | null) => (met === null ? '— (not at national scale)' : met ? '**met**' : '**not met**');

export function markdown(r: BenchResult): string {
  const x = r.extraction;
  const i = r.ingest;
  const l = r.latency;
  const lines: string[] = [];
  lines.push('# Benchmarks', '');
  lines.push(`Run ${r.date} on ${r.machine.cpu} (${r.machine.cores} cores), ${r.machine.memoryGB} GB RAM, Node ${r.machine.node}, Neo4j ${r.machine.neo4j}.`);
  lines.push(`Mode: ${r.quick ? 'quick (small corpus: checks that the bench works, not how fast things are)' : 'full (national corpus)'}; Neo4j instance: ${r.neo4j}.`);
  lines.push('', 'Commands:', '', '```', ...r.commands, '```', '');
  if (r.machine.loadAverage) lines.push(`Load average when the run started: ${r.machine.loadAverage.join(', ')} (the machine is shared: other processes ran during the run).`, '');
  lines.push('## Goals', '', '| goal | measured | |', '|---|---|---|');
  for (const g of goals(r)) lines.push(`| ${g.goal} | ${g.value} | ${g.context ? 'context, not a goal' : mark(g.met)} |`);
  lines.push('', `## Corpus`, '', `${r.corpus.documents} synthetic reports (seed ${r.corpus.seed}), ${r.corpus.megabytes} MB, generated in ${r.corpus.seconds}s.`, '');
  lines.push('## Extraction throughput', '', `${x.documents} reports, ${x.megabytes} MB (a sample of the corpus).`, '');
  lines.push('| run | MB/s | docs/s | seconds |', '|---|---|---|---|');
  for (const [name, t] of [
    ['nodejieba.tag, 1 thread', x.jieba1],
    ...(x.cut1 ? ([['nodejieba.cut, 1 thread (segmentation only)', x.cut1]] as const) : []),
    ['pipeline, 1 thread', x.pipeline1],
    [`nodejieba.tag, ${x.workers} threads`, x.jiebaN],
    [`pipeline, ${x.workers} workers`, x.pipelineN],
    ...(x.cli ? ([['bare nodejieba.tag over the files, as a process (start-up included)', x.jiebaProcess], ['`xianzhi extract FILES…` (one process, start-up included)', x.cli]] as const) : []),
  ] as const)
    lines.push(`| ${name} | ${t.mbPerSec} | ${t.docsPerSec} | ${t.seconds} |`);
  lines.push('', `Ratios: pipeline/jieba on one thread ${x.ratio1}×; ${x.workers} workers vs jieba on one thread ${x.ratioN}×; vs jieba on ${x.workers} threads ${x.ratioNvsN}×${x.cli ? `; \`xianzhi extract\` end to end vs bare nodejieba.tag as a process ${x.ratioCli}×` : ''}.`, '');
  if (x.cut1) {
    lines.push(
      `The pipeline segments with \`nodejieba.cut\` (the same words as \`tag\`) and asks jieba for a word's part of speech only where an extractor reads it, so it can outrun bare \`nodejieba.tag\`; against bare \`nodejieba.cut\`, the segmentation it does run, it keeps ${x.ratio1Cut}× the throughput on one thread.`,
      '',
    );
  }
  const max = Math.max(x.jieba1.mbPerSec, x.pipeline1.mbPerSec, x.jiebaN.mbPerSec, x.pipelineN.mbPerSec);
  lines.push('```', bar('nodejieba.tag ×1', x.jieba1.mbPerSec, max, 'MB/s'), bar('pipeline ×1', x.pipeline1.mbPerSec, max, 'MB/s'), bar(`nodejieba.tag ×${x.workers}`, x.jiebaN.mbPerSec, max, 'MB/s'), bar(`pipeline ×${x.workers}`, x.pipelineN.mbPerSec, max, 'MB/s'), '```', '');
  if (r.reading) lines.push(...readingMarkdown(r.reading));
  lines.push('## End-to-end ingest (`xianzhi ingest`, empty graph)', '');
  lines.push('| | value |', '|---|---|');
  lines.push(`| documents | ${i.documents} (${i.megabytes} MB) |`, `| time | ${i.first.seconds} s |`, `| docs/s | ${i.first.docsPerSec} |`, `| MB/s | ${i.first.mbPerSec} |`);
  lines.push(`| nodes | ${i.nodes} (${i.first.nodesPerSec}/s) |`, `| relationships | ${i.relationships} (${i.first.relsPerSec}/s) |`);
  lines.push(`| peak RSS of the ingest process | ${i.first.peakRssMB ?? '?'} MB |`, `| re-ingest unchanged | ${i.reingest.seconds} s (peak RSS ${i.reingest.peakRssMB ?? '?'} MB) |`);
  lines.push(`| exit code (first, re-ingest) | ${i.first.exitCode}, ${i.reingest.exitCode} |`, '', `Summary line: ${i.first.summary}`, '');
  lines.push('## GraphQL latency (headline queries)', '');
  if (!l.queries.length) lines.push(`Not measured: ${l.skipped}`, '');
  else {
    lines.push(`Source: ${l.source}; ${l.iterations} sequential runs per query; the driver column replays the exact Cypher the GraphQL request ran.`, '');
    lines.push('| query | GraphQL p50 / p95 / p99 ms | driver p50 / p95 / p99 ms | p95 ratio | statements |', '|---|---|---|---|---|');
    for (const q of l.queries)
      lines.push(`| ${q.operation} | ${q.graphql.p50} / ${q.graphql.p95} / ${q.graphql.p99} | ${q.driver.p50} / ${q.driver.p95} / ${q.driver.p99} | ${q.ratio} | ${q.cypherStatements} |`);
    lines.push('', `Under load (${l.concurrency} concurrent clients, all queries in turn): GraphQL p50/p95/p99 ${l.load.graphql.p50}/${l.load.graphql.p95}/${l.load.graphql.p99} ms at ${l.load.graphql.rps} req/s; driver ${l.load.driver.p50}/${l.load.driver.p95}/${l.load.driver.p99} ms at ${l.load.driver.rps} req/s.`, '');
    const lmax = Math.max(...l.queries.map((q) => q.graphql.p95));
    lines.push('```', ...l.queries.map((q) => bar(`${q.operation} p95`, q.graphql.p95, lmax, 'ms')), '```', '');
  }
  for (const f of l.failed ?? []) lines.push(`Not answered, so left out: ${f.operation} — ${f.error}`, '');
  if (r.apiLatency) lines.push('## API engineer\'s latency bench (bench/api-latency.ts)', '', '```json', JSON.stringify(r.apiLatency, null, 2), '```', '');
  if (r.recall) {
    lines.push('## Recall on the synthetic ground truth', '', `Scored with \`node ../shared/eval/score.mjs\` over the extraction sample.`, '', '| type | precision | recall | F1 |', '|---|---|---|---|');
    for (const [t, s] of Object.entries(r.recall) as Array<[string, Record<string, number>]>)
      if (t !== 'county') lines.push(`| ${t} | ${s.precision?.toFixed(3)} | ${s.recall?.toFixed(3)} | ${s.f1?.toFixed(3)} |`);
    const c = r.recall.county as { accuracy?: number } | undefined;
    if (c?.accuracy != null) lines.push(`| county (accuracy) | | ${c.accuracy.toFixed(3)} | |`);
    lines.push('');
  }
  return lines.join('\n');
}

export function writeReport(r: BenchResult, dir: string): { md: string; json: string } {
  fs.mkdirSync(dir, { recursive: true });
  const md = path.join(dir, 'benchmarks.md');
  const json = path.join(dir, 'benchmarks.json');
  fs.writeFileSync(md, markdown(r));
  fs.writeFileSync(json, JSON.stringify({ ...r, goals: goals(r) }, null, 2) + '\n');
  return { md, json };
}
