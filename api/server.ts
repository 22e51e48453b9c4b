import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Graph } from '../graph/index.ts';
import { createContext, type ApiContext } from './context.ts';
import { EXAMPLE_QUERIES } from './graphiql.ts';
import { maskError } from './mask-error.ts';
import { useAliasLimit } from './plugins/use-alias-limit.ts';
import { useBearerAuth } from './plugins/use-bearer-auth.ts';
import { useCostLimit } from './plugins/use-cost-limit.ts';
import { useDepthLimit } from './plugins/use-depth-limit.ts';
import { useDirectiveLimit } from './plugins/use-directive-limit.ts';
import { useExplorer } from './explorer/use-explorer.ts';
import { useHealth } from './plugins/use-health.ts';
import { useQuerySizeLimit } from './plugins/use-query-size-limit.ts';
import { useRootRedirect } from './plugins/use-root-redirect.ts';
import { schema } from './schema/index.ts';

/** The limits every request is held to; each violation answers a GraphQL error with its own code. */
export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
  maxBytes: number;
  maxTokens: number;
  /** Neo4j transaction timeout per query, ms. */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 10,
  maxCost: 50_000,
  maxBytes: 16_384,
  maxTokens: 3_000,
  timeoutMs: 10_000,
};

export interface ServerOptions {
  graph: Graph;
  /** Bearer token that enables `ingestDocument`; without one the API is read-only. Default: XIANZHI_API_TOKEN. */
  token?: string;
  limits?: Partial<Limits>;
  /** Log unexpected (masked) errors; default console.error. */
  log?: (err: unknown) => void;
}

export type ApiServer = YogaServerInstance<Record<string, unknown>, ApiContext>;

/**
 * The GraphQL API as a fetch handler (yoga): GraphiQL at /graphql, /health, `/` redirected to
 * GraphiQL. Use `yoga.fetch` in tests or mount it on any HTTP server; `startServer` listens.
 */
export function createServer(opts: ServerOptions): ApiServer {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const token = opts.token ?? (process.env.XIANZHI_API_TOKEN || undefined);
  return createYoga<Record<string, unknown>, ApiContext>({
    schema: schema as never,
    graphqlEndpoint: '/graphql',
    // yoga's own liveness probe moves aside: /health is ours and reports Neo4j (use-health.ts).
    healthCheckEndpoint: '/livez',
    landingPage: false,
    cors: { origin: '*', methods: ['GET', 'POST', 'OPTIONS'], allowedHeaders: ['content-type', 'authorization', 'accept'] },
    graphiql: { title: 'Xianzhi GraphQL', defaultQuery: EXAMPLE_QUERIES },
    // GraphiQL's code, styles and editor workers inlined from our own dependency: yoga's default
    // page loads them from unpkg.com and never gets past "Loading…" offline.
    renderGraphiQL,
    // Only our own GraphQLErrors reach the client unchanged; see mask-error.ts.
    maskedErrors: { maskError: (e, m) => maskError(e, m, opts.log) },
    logging: 'warn',
    context: () => createContext(opts.graph, limits.timeoutMs) as ApiContext,
    plugins: [
      useExplorer(),
      useRootRedirect(),
      useHealth(opts.graph),
      useQuerySizeLimit({ maxBytes: limits.maxBytes, maxTokens: limits.maxTokens }),
      useDepthLimit(limits.maxDepth),
      useAliasLimit(limits.maxAliases),
      useDirectiveLimit(limits.maxDirectives),
      useCostLimit(limits.maxCost),
      useBearerAuth(token),
    ],
  });
}

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  yoga: ApiServer;
  server: Server;
  close(): Promise<void>;
}

/** Starts the API on `host:port` (port 0: an ephemeral one) and resolves once it listens. */
export async function startServer(opts: ServerOptions & { port?: number; host?: string }): Promise<RunningServer> {
  const yoga = createServer(opts);
  const server = createHttpServer(yoga);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 4000, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/graphql`,
    port,
    host,
    yoga,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
