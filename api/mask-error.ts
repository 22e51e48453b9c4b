import { GraphQLError } from 'graphql';
import { apiError, CODES } from './errors.ts';

/**
 * What a client sees of an error. Our own GraphQLErrors (limits, bad input, auth) pass unchanged;
 * Neo4j being unreachable and a query running past the transaction timeout become clear errors
 * with a code; anything else is masked (logged server-side) so no stack trace or Cypher leaks.
 */
const TIMEOUT = /TransactionTimedOut|Transaction\.Terminated|TransactionTimedOutClientConfiguration/;

// By name, not instanceof: yoga and our modules may hold graphql from two realms (ESM/CJS builds).
const isGraphQLError = (e: unknown): e is GraphQLError => (e as Error | undefined)?.name === 'GraphQLError';

function origin(err: unknown): unknown {
  let e = err;
  while (isGraphQLError(e) && e.originalError && e.originalError !== e) e = e.originalError;
  return e;
}

export function maskError(error: unknown, message: string, log: (e: unknown) => void = (e) => console.error('[api] internal error:', e)): Error {
  const o = origin(error) as { code?: string; name?: string; message?: string } | undefined;
  if (o && o.code === 'GRAPH_UNAVAILABLE') {
    return apiError('the graph database (Neo4j) is unreachable; the API reconnects by itself when it is back: retry shortly', CODES.SERVICE_UNAVAILABLE);
  }
  if (o && typeof o.code === 'string' && TIMEOUT.test(o.code)) {
    return apiError('the query ran past the transaction timeout: narrow it with filters or smaller limits', CODES.QUERY_TIMEOUT);
  }
  if (isGraphQLError(error) && (!error.originalError || isGraphQLError(error.originalError))) {
    return error;
  }
  log(o);
  const path = isGraphQLError(error) ? error.path : undefined;
  return new GraphQLError(message, { path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
