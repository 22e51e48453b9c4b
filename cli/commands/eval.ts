import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type Command } from '../command.ts';
import { readDocument, toPrediction } from '../../ingest/index.ts';
import { writeFile } from 'node:fs/promises';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const HELP = `Usage: xianzhi eval [--gold DIR] [--seeds DIR] [--verbose]

Extracts seeds/*.txt WITHOUT the manifest (so the county must come from the text) into a temp dir
and scores them against the gold annotations with test/eval/score.mjs.

Options:
  --gold DIR   gold annotations (default test/gold)
  --seeds DIR  documents to extract (default seeds)
  --verbose    list missed and extra items per document

Example: xianzhi eval --verbose`;

export const evalCommand: Command = {
  help: HELP,
  async run(argv) {
    const { flags } = parseArgs(argv, { verbose: { type: 'boolean', short: 'v' }, gold: { type: 'string' }, seeds: { type: 'string' } });
    const gold = typeof flags.gold === 'string' ? flags.gold : join(ROOT, 'test/gold');
    const seeds = typeof flags.seeds === 'string' ? flags.seeds : join(ROOT, 'seeds');
    const out = await mkdtemp(join(tmpdir(), 'xianzhi-eval-'));
    try {
      const files = (await readdir(seeds)).filter((f) => f.endsWith('.txt')).sort();
      if (!files.length) throw new Error(`no .txt documents in ${seeds}`);
      for (const f of files) {
        const doc = await readDocument(join(seeds, f));
        await writeFile(join(out, f.replace(/\.txt$/, '.json')), JSON.stringify(toPrediction(doc)));
      }
      const args = [join(ROOT, 'test/eval/score.mjs'), '--gold', gold, '--pred', out, ...(flags.verbose ? ['--verbose'] : [])];
      const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
      return r.status ?? 1;
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  },
};
