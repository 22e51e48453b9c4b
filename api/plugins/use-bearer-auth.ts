import crypto from 'node:crypto';
import type { Plugin } from 'graphql-yoga';

/**
 * Reads `Authorization: Bearer <token>` into `context.auth` ({configured, ok}); resolvers that
 * write check it. The comparison is constant-time over SHA-256 digests (equal lengths whatever
 * the input), and neither the configured token nor the header is logged or echoed.
 */
export function tokenMatches(header: string | null, expected: string | undefined): boolean {
  if (!expected || !header) return false;
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!m) return false;
  const a = crypto.createHash('sha256').update(m[1]!).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

export function useBearerAuth(token: string | undefined): Plugin {
  const configured = Boolean(token);
  return {
    onContextBuilding({ context, extendContext }) {
      const header = (context as { request?: Request }).request?.headers.get('authorization') ?? null;
      extendContext({ auth: { configured, ok: configured && tokenMatches(header, token) } } as never);
    },
  };
}
