import type { Plugin } from 'graphql-yoga';

/** `/` redirects to GraphiQL until the explorer page takes the root (drop this plugin then). */
export function useRootRedirect(target = '/graphql'): Plugin {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === '/') endResponse(new fetchAPI.Response(null, { status: 302, headers: { location: target } }));
    },
  };
}
