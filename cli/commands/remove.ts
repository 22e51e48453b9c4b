import { openGraph, removeDocuments } from '../../graph/index.ts';
import { parseArgs, UsageError, type Command } from '../command.ts';

export const remove: Command = {
  help: `Usage: xianzhi remove DOCUMENT_ID… [--json]

Removes documents from the graph, with everything only they supported: their sentences, targets
and evidence, the industries, projects, agencies, enterprises and plans nothing else mentions, and
a county no other document is about. The DEVELOPS edges of their counties are recomputed from the
documents left, so the graph's counts are as if the documents had never been ingested.

A document's id is its file name without the extension (004_d7d2b8b6c071a4db for
004_d7d2b8b6c071a4db.txt); \`xianzhi ingest\` prints it, and GraphQL's documents { id } lists them.
An id that no document has is named, and the exit code is then 1.

Options:
  --json   print {"removed": [...], "missing": [...]}

Example: xianzhi remove 004_d7d2b8b6c071a4db`,
  async run(argv) {
    const { flags, positionals } = parseArgs(argv, { json: { type: 'boolean' } });
    if (!positionals.length) throw new UsageError('name at least one DOCUMENT_ID');
    const { graph } = await openGraph({ log: (l) => console.error(l) });
    try {
      const r = await removeDocuments(graph, positionals);
      if (flags.json) console.log(JSON.stringify(r));
      else {
        for (const id of r.removed) console.log(`removed ${id}`);
        for (const id of r.missing) console.error(`${id}: no document with that id`);
      }
      return r.missing.length ? 1 : 0;
    } finally {
      await graph.close();
    }
  },
};
