import type { Command } from '../command.ts';

/** A command as `xianzhi --help` lists it; its module is loaded only when it runs. */
export interface CommandEntry {
  name: string;
  /** One line for `xianzhi --help`. */
  summary: string;
  load(): Promise<Command>;
}

/**
 * Every `xianzhi` command, in the order `--help` lists them. Loading a command pulls in the
 * pipeline, the driver or the API, so `xianzhi --help` and `--version` load none of them.
 */
export const commands: CommandEntry[] = [
  { name: 'start', summary: 'the main job: Neo4j up, seeds ingested if the graph is empty, API serving', load: async () => (await import('./start.ts')).start },
  { name: 'neo4j', summary: 'start, stop or check the project’s local Neo4j Community server', load: async () => (await import('./neo4j.ts')).neo4j },
  { name: 'ingest', summary: 'read reports into the graph (batched, parallel, idempotent)', load: async () => (await import('./ingest.ts')).ingest },
  { name: 'remove', summary: 'remove documents, and what only they supported, from the graph', load: async () => (await import('./remove.ts')).remove },
  { name: 'extract', summary: 'extract facts from report files into JSON (no database)', load: async () => (await import('./extract.ts')).extract },
  { name: 'serve', summary: 'serve the graph through GraphQL (GraphiQL at /graphql, /health)', load: async () => (await import('./serve.ts')).serve },
  { name: 'stats', summary: 'count the graph’s nodes by label and relationships by type', load: async () => (await import('./stats.ts')).stats },
  { name: 'export', summary: 'write the whole graph as GraphML (Gephi), CSV files or JSON lines', load: async () => (await import('./export.ts')).exportCommand },
  { name: 'bench', summary: 'benchmark extraction, national-scale ingest and GraphQL latency; writes docs/benchmarks.md', load: async () => (await import('./bench.ts')).bench },
  { name: 'corpus', summary: 'generate a synthetic national corpus (one report per county) with ground truth', load: async () => (await import('./corpus.ts')).corpus },
  { name: 'eval', summary: 'score extraction of the seeds against the gold annotations', load: async () => (await import('./eval.ts')).evalCommand },
];
