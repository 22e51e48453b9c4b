import os from 'node:os';
import path from 'node:path';
import { writeReport } from '../../bench/report.ts';
import { runBench } from '../../bench/run.ts';
import { goals } from '../../bench/goals.ts';
import { PROJECT_ROOT } from '../../graph/local/paths.ts';
import { UsageError, parseArgs, type Command } from '../command.ts';

export const bench: Command = {
  help: `Usage: xianzhi bench [--quick] [--json] [--out DIR] [--counties all|N] [--seed N]

Generates the national synthetic corpus (xianzhi corpus synth), then measures in one run:
  1. extraction throughput (MB/s, docs/s) against bare nodejieba.tag, on one thread and on worker threads;
  2. \`xianzhi ingest\` of the corpus into an EMPTY graph (docs/s, MB/s, nodes and relationships per
     second, peak RSS), then re-ingest of the unchanged corpus;
  3. GraphQL latency (p50/p95/p99) of the headline queries alone and under concurrent load, against
     the same Cypher through the driver;
plus recall on the corpus's ground truth. Writes benchmarks.md and benchmarks.json to DIR.

It never touches your graph: it uses the local 'bench' Neo4j instance (started and stopped here), or
the server named by XIANZHI_BENCH_NEO4J_URI (+ _USER, _PASSWORD) — whose database it ERASES.

Options:
  --quick           a small corpus (12 counties): checks the bench works; writes to a temp folder unless --out
  --json            print the figures as one JSON object on stdout
  --out DIR         where to write benchmarks.md/.json (default docs/, or a temp folder with --quick)
  --counties all|N  corpus size (default: all, 12 with --quick)
  --seed N          corpus seed (default 1)

Example: xianzhi bench --quick --json`,
  async run(argv) {
    const { flags } = parseArgs(argv, { quick: { type: 'boolean' }, json: { type: 'boolean' }, counties: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } });
    const quick = Boolean(flags.quick);
    const counties = flags.counties === undefined ? undefined : flags.counties === 'all' ? 'all' : Number(flags.counties);
    if (counties !== undefined && counties !== 'all' && !(Number.isInteger(counties) && counties > 0)) throw new UsageError('--counties must be `all` or a positive integer');
    const seed = flags.seed === undefined ? undefined : Number(flags.seed);
    if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed must be an integer');
    const out = typeof flags.out === 'string' ? flags.out : quick ? path.join(os.tmpdir(), 'xianzhi-bench-quick') : path.join(PROJECT_ROOT, 'docs');
    const r = await runBench({ quick, counties, seed, log: (l) => console.error(`bench: ${l}`) });
    const files = writeReport(r, out);
    if (flags.json) console.log(JSON.stringify({ ...r, goals: goals(r) }));
    else {
      for (const g of goals(r)) console.log(`${g.met === null ? '  -  ' : g.met ? ' met ' : ' NOT '} ${g.goal}: ${g.value}`);
    }
    console.error(`bench: wrote ${files.md} and ${files.json}`);
    return 0;
  },
};
