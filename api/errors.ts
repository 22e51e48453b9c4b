import { GraphQLError } from 'graphql';

/** The `extensions.code` values the API answers with, in one place for clients and tests. */
export const CODES = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  READ_ONLY: 'READ_ONLY',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  DEPTH_LIMIT: 'DEPTH_LIMIT_EXCEEDED',
  ALIAS_LIMIT: 'ALIAS_LIMIT_EXCEEDED',
  DIRECTIVE_LIMIT: 'DIRECTIVE_LIMIT_EXCEEDED',
  COST_LIMIT: 'COST_LIMIT_EXCEEDED',
  QUERY_TOO_LARGE: 'QUERY_TOO_LARGE',
  TOKEN_LIMIT: 'TOKEN_LIMIT_EXCEEDED',
  INGEST_FAILED: 'INGEST_FAILED',
} as const;

export function apiError(message: string, code: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}
