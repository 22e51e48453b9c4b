import type { Graph } from '../graph/index.ts';
import { createLoaders, reader, type Loaders, type Read } from './loaders.ts';

/** What every resolver gets: the graph reader (with the transaction timeout) and the request's loaders. */
export interface ApiContext {
  graph: Graph;
  read: Read;
  loaders: Loaders;
  /** Set by use-bearer-auth: whether a token is configured, and whether this request carried it. */
  auth: { configured: boolean; ok: boolean };
}

export function createContext(graph: Graph, timeoutMs: number): Omit<ApiContext, 'auth'> {
  const read = reader(graph, timeoutMs);
  return { graph, read, loaders: createLoaders(read) };
}
