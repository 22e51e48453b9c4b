import { openGraph } from '../../graph/index.ts';
import { startServer } from '../../api/index.ts';
import { UsageError, parseArgs, type Command } from '../command.ts';

export const serve: Command = {
  help: `Usage: xianzhi serve [--port N] [--host H]

Serves the GraphQL API over the configured graph: GraphiQL with example queries at /graphql,
Neo4j connectivity at /health (200 up, 503 down). CORS is open for notebook clients.

The ingestDocument mutation is enabled only when XIANZHI_API_TOKEN is set; clients then send
'Authorization: Bearer <token>'. Without it the API is read-only.

Options:
  --port N   port to listen on (default: $PORT, else 4000)
  --host H   address to bind (default 127.0.0.1; 0.0.0.0 to expose it)

Example: XIANZHI_API_TOKEN=secret xianzhi serve --port 4000`,
  async run(argv) {
    const { flags } = parseArgs(argv, { port: { type: 'string', short: 'p' }, host: { type: 'string' } });
    const port = Number(flags.port ?? process.env.PORT ?? 4000);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number (got ${flags.port})`);
    const host = typeof flags.host === 'string' ? flags.host : '127.0.0.1';
    // A short retry window: with Neo4j down, requests answer SERVICE_UNAVAILABLE in seconds.
    const { graph } = await openGraph({ log: (l) => console.error(l), retryMs: 3_000 });
    const api = await startServer({ graph, port, host });
    const token = Boolean(process.env.XIANZHI_API_TOKEN);
    console.error(`GraphQL API at ${api.url} (GraphiQL in a browser); health at ${api.url.replace(/\/graphql$/, '/health')}`);
    console.error(token ? 'ingestDocument enabled (bearer token configured)' : 'read-only: set XIANZHI_API_TOKEN to enable ingestDocument');
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    console.error('stopping …');
    await api.close();
    await graph.close();
    return 0;
  },
};
