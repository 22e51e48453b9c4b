import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';

/**
 * The explorer page: `GET /` answers static/index.html, `GET /explorer/<file>` its scripts and
 * styles, and `/explorer/echarts.min.js` the charting library from node_modules — nothing comes
 * from a CDN, so the page works on a machine without internet. The page itself only talks to
 * /graphql, like any other client.
 *
 * Files are read once, when the plugin is made: the set served is fixed (no path from the request
 * ever reaches the file system), and a request costs no disk read.
 */

const STATIC = path.join(path.dirname(fileURLToPath(import.meta.url)), 'static');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

interface Asset {
  body: Uint8Array<ArrayBuffer>;
  type: string;
}

/** A file's bytes as a plain Uint8Array, which every fetch implementation takes as a body. */
const bytes = (file: string) => new Uint8Array(fs.readFileSync(file));

function loadAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of fs.readdirSync(STATIC)) {
    const type = TYPES[path.extname(name)];
    if (type) assets.set(`/explorer/${name}`, { body: bytes(path.join(STATIC, name)), type });
  }
  const echarts = createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js');
  assets.set('/explorer/echarts.min.js', { body: bytes(echarts), type: TYPES['.js']! });
  assets.set('/', assets.get('/explorer/index.html')!);
  return assets;
}

export function useExplorer(): Plugin {
  const assets = loadAssets();
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const asset = assets.get(url.pathname);
      if (!asset) return;
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : asset.body, {
          status: 200,
          headers: {
            'content-type': asset.type,
            'content-length': String(asset.body.length),
            // The page changes with the server, not by itself: revalidate rather than cache blind.
            'cache-control': 'no-cache',
            'x-content-type-options': 'nosniff',
          },
        }),
      );
    },
  };
}
