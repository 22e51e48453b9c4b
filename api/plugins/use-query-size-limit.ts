import { parse } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { CODES } from '../errors.ts';
import { isIntrospectionDocument } from './introspection.ts';

/**
 * Bounds the document before any work is done on it: its size in bytes (checked on the request's
 * params) and its number of tokens (graphql's parser stops at `maxTokens`). A document over the
 * token limit that is pure introspection (already bounded by the byte limit) is parsed in full
 * and let through.
 */
export function useQuerySizeLimit(opts: { maxBytes: number; maxTokens: number }): Plugin {
  return {
    onParams({ params }) {
      const bytes = Buffer.byteLength(params.query ?? '', 'utf8');
      if (bytes > opts.maxBytes) {
        throw createGraphQLError(`query is ${bytes} bytes, more than the maximum ${opts.maxBytes}`, {
          extensions: { code: CODES.QUERY_TOO_LARGE, max: opts.maxBytes, http: { status: 413 } },
        });
      }
    },
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parse(source, { ...options, maxTokens: opts.maxTokens });
        } catch (err) {
          if ((err as Error).name === 'GraphQLError' && /tokens/.test((err as Error).message)) {
            const full = parse(source, options);
            if (isIntrospectionDocument(full)) return full;
            throw createGraphQLError(`query has more than ${opts.maxTokens} tokens`, {
              extensions: { code: CODES.TOKEN_LIMIT, max: opts.maxTokens, http: { status: 400 } },
            });
          }
          throw err;
        }
      });
    },
  };
}
