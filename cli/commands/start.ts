import path from 'node:path';
import { local, openGraph, readConfig, stats } from '../../graph/index.ts';
import { PROJECT_ROOT } from '../../graph/local/paths.ts';
import { parseArgs, type Command } from '../command.ts';
import { ingest } from './ingest.ts';

export const start: Command = {
  name: 'start',
  summary: 'the main job: Neo4j up, seeds ingested if the graph is empty, API serving',
  help: `Usage: xianzhi start [--port N] [--host H] [--no-seed]   (npm start)

1. Starts the project's local Neo4j (unless NEO4J_URI points at a server).
2. Ingests the shipped seed reports (seeds/) when the graph holds no document yet.
3. Serves the GraphQL API at http://HOST:PORT/graphql (default 127.0.0.1:4000; env PORT, HOST).
Ctrl-C stops the API and, if this command started it, the local Neo4j.

Example: PORT=4100 npm start`,
  async run(argv) {
    const { flags } = parseArgs(argv, { 'no-seed': { type: 'boolean' }, port: { type: 'string', short: 'p' }, host: { type: 'string' } });
    const log = (l: string) => console.error(l);
    // Ctrl-C stops only the Neo4j that this command itself started.
    const wanted = readConfig();
    const wasRunning = wanted.local && local.status(wanted.instance).running;
    // A short retry window for the API's reads: with Neo4j down they fail fast (SERVICE_UNAVAILABLE).
    const { graph, config } = await openGraph({ log, retryMs: 3_000 });
    const startedNeo4j = config.local && !wasRunning;
    const s = await stats(graph);
    if (!flags['no-seed'] && (s.labels.Document ?? 0) === 0) {
      log('the graph is empty: ingesting the seed reports …');
      const code = await ingest.run([path.join(PROJECT_ROOT, 'seeds')]);
      if (code !== 0) log('some seed files failed to ingest (see above); serving what was stored');
    } else {
      log(`graph holds ${s.labels.Document ?? 0} documents, ${s.labels.County ?? 0} counties`);
    }
    const { startServer } = await import('../../api/index.ts');
    const port = Number(flags.port ?? process.env.PORT ?? 4000);
    const host = String(flags.host ?? process.env.HOST ?? '127.0.0.1');
    const server = await startServer({ graph, port, host, token: process.env.XIANZHI_API_TOKEN });
    console.log(`Xianzhi API: http://${host}:${port}/graphql  (Neo4j ${config.uri})`);
    await new Promise<void>((resolve) => {
      const shutdown = async (signal: string) => {
        log(`${signal}: stopping …`);
        await server.close();
        await graph.close();
        if (startedNeo4j) await local.stop(config.instance);
        resolve();
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
    });
    return 0;
  },
};
