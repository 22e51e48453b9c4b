import { expect } from 'vitest';

/** Real HTTP to a running API: POST a GraphQL document, get status and parsed body. */
export interface GqlResponse<T = any> {
  status: number;
  body: { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }> };
}

export async function gql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GqlResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GqlResponse<T>['body'] };
}

/** The `extensions.code` of every error of a response. */
export const codes = (r: GqlResponse) => (r.body.errors ?? []).map((e) => e.extensions?.code);

/**
 * The `data` of a query that must succeed: fails the test with the errors otherwise. `url` is read
 * at call time, so a test can bind it before its server has started.
 */
export function dataFrom(url: () => string) {
  return async (query: string, variables: Record<string, unknown> = {}): Promise<any> => {
    const r = await gql(url(), query, variables);
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    return r.body.data;
  };
}
