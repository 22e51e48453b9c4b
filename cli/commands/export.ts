import { openGraph } from '../../graph/index.ts';
import { FORMATS, exportGraph, type Format } from '../../export/index.ts';
import { UsageError, parseArgs, type Command } from '../command.ts';

export const exportCommand: Command = {
  help: `Usage: xianzhi export --format graphml|csv|jsonl --out PATH [--batch N]

Writes every node and relationship of the graph, read in batches so a national graph streams
through in bounded memory. Node ids are \`Label:key\` (e.g. County:411726) in every format.

Formats:
  graphml   one file that Gephi, yEd and networkx open: typed attributes declared as <key>s,
            arrays joined with ';', the node's name in 'label'
  csv       a folder: one file per node label (County.csv …) and per relationship type
            (MENTIONS.csv …) with neo4j-admin import headers (:ID, :START_ID, :END_ID, name:type),
            which pandas reads directly; manifest.json lists the files and the import command
  jsonl     one file, one JSON object per line: {"type":"node","id","labels","properties"} or
            {"type":"relationship","id","label","start","end","properties"} (APOC's shape)

Options:
  --format F   graphml, csv or jsonl
  --out PATH   the file to write (graphml, jsonl) or the folder (csv; created if missing)
  --batch N    rows per read (default 5000)

Example: xianzhi export --format graphml --out counties.graphml`,
  async run(argv) {
    const { flags } = parseArgs(argv, { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, batch: { type: 'string' } });
    const format = flags.format;
    if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    }
    if (typeof flags.out !== 'string' || !flags.out) throw new UsageError('--out PATH is required');
    const batch = flags.batch === undefined ? undefined : Number(flags.batch);
    if (batch !== undefined && !(Number.isInteger(batch) && batch > 0)) throw new UsageError('--batch must be a positive integer');
    const { graph } = await openGraph({ log: (l) => console.error(l) });
    try {
      const r = await exportGraph(graph, format as Format, flags.out, { batch });
      const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
      console.log(`${sum(r.labels)} nodes, ${sum(r.relationships)} relationships → ${flags.out}`);
      for (const [k, v] of Object.entries(r.labels)) console.log(`  ${k.padEnd(16)} ${v}`);
      for (const [k, v] of Object.entries(r.relationships)) console.log(`  ${k.padEnd(16)} ${v}`);
      return 0;
    } finally {
      await graph.close();
    }
  },
};
