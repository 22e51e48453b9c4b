import net from 'node:net';
import path from 'node:path';
import { local, openGraph, readConfig, stats } from '../../graph/index.ts';
import { PROJECT_ROOT } from '../../graph/local/paths.ts';
import { parseArgs, UsageError, type Command } from '../command.ts';
import type { RunningServer } from '../../api/index.ts';
import { ingest } from './ingest.ts';

export const start: Command = {
  help: `Usage: xianzhi start [--port N] [--host H] [--no-seed]   (npm start)

1. Starts the project's local Neo4j (unless NEO4J_URI points at a server).
2. Ingests the shipped seed reports (seeds/) when the graph holds no document yet.
3. Serves the GraphQL API at http://HOST:PORT/graphql (default 127.0.0.1:4000; env PORT, HOST).
Ctrl-C stops the API and, if this command started it, the local Neo4j.

Example: PORT=4100 npm start`,
  async run(argv) {
    const { flags } = parseArgs(argv, { 'no-seed': { type: 'boolean' }, port: { type: 'string', short: 'p' }, host: { type: 'string' } });
    const log = (l: string) => console.error(l);
    const port = Number(flags.port ?? process.env.PORT ?? 4000);
    const host = String(flags.host ?? process.env.HOST ?? '127.0.0.1');
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number (got ${flags.port ?? process.env.PORT})`);
    // A taken port is found before Neo4j is started for nothing.
    await assertPortFree(host, port);
    // Ctrl-C stops only the Neo4j that this command itself started.
    const wanted = readConfig();
    const wasRunning = wanted.local && local.status(wanted.instance).running;
    let stopRequested: ((signal: string) => void) | undefined;
    const stopped = new Promise<string>((resolve) => (stopRequested = resolve));
    const onSignal = (signal: string) => stopRequested!(signal);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    // A short retry window for the API's reads: with Neo4j down they fail fast (SERVICE_UNAVAILABLE).
    const { graph, config } = await openGraph({ log, retryMs: 3_000 });
    const startedNeo4j = config.local && !wasRunning;
    const cleanUp = async () => {
      await graph.close();
      if (startedNeo4j) await local.stop(config.instance);
    };
    let server: RunningServer;
    try {
      const s = await stats(graph);
      if (!flags['no-seed'] && (s.labels.Document ?? 0) === 0) {
        log('the graph is empty: ingesting the seed reports …');
        const code = await ingest.run([path.join(PROJECT_ROOT, 'seeds')]);
        if (code !== 0) log('some seed files failed to ingest (see above); serving what was stored');
      } else {
        log(`graph holds ${s.labels.Document ?? 0} documents, ${s.labels.County ?? 0} counties`);
      }
      const { startServer } = await import('../../api/index.ts');
      server = await startServer({ graph, port, host, token: process.env.XIANZHI_API_TOKEN });
    } catch (e) {
      // Whatever failed before serving, nothing this command started is left running.
      if (startedNeo4j) log(`stopping the Neo4j this command started …`);
      await cleanUp();
      throw listenError(e, host, port);
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    console.log(`Xianzhi API: http://${host}:${port}/graphql  (Neo4j ${config.uri})`);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const signal = await stopped;
    log(`${signal}: stopping …`);
    await server.close();
    await cleanUp();
    return 0;
  },
};

/** @throws naming the address when something already listens on it. */
async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (e) => reject(listenError(e, host, port)));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** A listen failure as a sentence an operator can act on. */
function listenError(e: unknown, host: string, port: number): Error {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new Error(`${host}:${port} is already in use (another xianzhi, or another server): stop it, or choose another port with --port N or PORT=N`);
  if (code === 'EACCES') return new Error(`${host}:${port}: not allowed to listen there (a port below 1024 needs privileges): choose another with --port N`);
  if (code === 'EADDRNOTAVAIL') return new Error(`${host}:${port}: this machine has no such address: choose another --host`);
  return e instanceof Error ? e : new Error(String(e));
}
