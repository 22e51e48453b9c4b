import type { Plugin } from 'graphql-yoga';
import type { Graph } from '../../graph/index.ts';

/**
 * `GET /health`: 200 `{status:'ok', neo4j:'up'}` when a connection to Neo4j opens now, 503
 * `{status:'unavailable', neo4j:'down'}` otherwise. Checked on every call, so the answer follows
 * Neo4j going away and coming back; bounded by `timeoutMs` so a hung server cannot hang it.
 */
export function useHealth(graph: Graph, opts: { path?: string; timeoutMs?: number } = {}): Plugin {
  const path = opts.path ?? '/health';
  const timeoutMs = opts.timeoutMs ?? 3000;
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== path) return;
      let up = false;
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          graph.verify(),
          new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs))),
        ]);
        up = true;
      } catch {
        up = false;
      } finally {
        clearTimeout(timer);
      }
      endResponse(
        new fetchAPI.Response(JSON.stringify(up ? { status: 'ok', neo4j: 'up' } : { status: 'unavailable', neo4j: 'down' }), {
          status: up ? 200 : 503,
          headers: { 'content-type': 'application/json', 'cache-control': 'no-store', 'access-control-allow-origin': '*' },
        }),
      );
    },
  };
}
