import { openGraph, stats as readStats } from '../../graph/index.ts';
import { parseArgs, type Command } from '../command.ts';

export const stats: Command = {
  help: `Usage: xianzhi stats [--json]

Prints the count of every node label and relationship type. With --json, one object:
{"labels": {...}, "relationships": {...}}.

Example: xianzhi stats --json`,
  async run(argv) {
    const { flags } = parseArgs(argv, { json: { type: 'boolean' } });
    const { graph } = await openGraph({ log: (l) => console.error(l) });
    try {
      const s = await readStats(graph);
      if (flags.json) {
        console.log(JSON.stringify(s));
      } else {
        const width = Math.max(...[...Object.keys(s.labels), ...Object.keys(s.relationships)].map((k) => k.length));
        console.log('Nodes');
        for (const [k, v] of Object.entries(s.labels)) console.log(`  ${k.padEnd(width)}  ${v}`);
        console.log('Relationships');
        for (const [k, v] of Object.entries(s.relationships)) console.log(`  ${k.padEnd(width)}  ${v}`);
      }
      return 0;
    } finally {
      await graph.close();
    }
  },
};
