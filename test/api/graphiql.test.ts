import { getIntrospectionQuery } from 'graphql';
import { renderGraphiQL as yogaDefaultPage } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../api/index.ts';
import type { Graph } from '../../graph/index.ts';
import { openTestGraph } from '../helpers/neo4j.ts';
import { codes, gql } from './http.ts';

/**
 * GraphiQL works offline: the page at /graphql and everything it references come from our
 * server, and the introspection query GraphiQL (and code generators, Python gql) sends is answered
 * although it is deeper than the depth limit.
 */
let graph: Graph;
let api: RunningServer;

beforeAll(async () => {
  graph = await openTestGraph();
  api = await startServer({ graph, port: 0, log: () => {} });
});
afterAll(async () => {
  await api?.close();
  await graph?.close();
});

const CDNS = /unpkg\.com|jsdelivr|cdnjs|esm\.sh|googleapis|gstatic|skypack/;

/** Every resource a page (or a style or script) asks for: src/href attributes, CSS url() and @import, dynamic import(). */
function references(text: string): string[] {
  const out: string[] = [];
  for (const re of [/\b(?:src|href)\s*=\s*["']([^"']*)["']/g, /url\(\s*["']?([^"')\s]+)/g, /@import\s+(?:url\()?["']([^"']+)/g, /\bimport\(\s*["']([^"']+)["']/g]) {
    for (const m of text.matchAll(re)) out.push(m[1]!);
  }
  return out;
}

/** The references that would leave `origin`: absolute or protocol-relative URLs elsewhere. */
const foreign = (refs: string[], origin: string) =>
  refs.filter((r) => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(r) && !r.startsWith(origin) && !/^(data|blob):/i.test(r));

describe('GraphiQL from our own dependencies', () => {
  it('the check finds the outside host of yoga’s default page (so it can fail)', () => {
    const page = yogaDefaultPage({});
    expect(foreign(references(page), 'http://127.0.0.1').length + (CDNS.test(page) ? 1 : 0)).toBeGreaterThan(0);
  });

  it('the page and every script and style it references come from our server and name no other host', async () => {
    const origin = new URL(api.url).origin;
    const res = await fetch(api.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('industryRecurrence'); // the example operations
    expect(html).not.toMatch(CDNS);
    expect(foreign(references(html), origin)).toEqual([]);
    // The files the page itself loads (outside its inline scripts, whose templates build DOM),
    // none today: all is inline. Each is served by us and is clean too.
    const outer = html.replace(/<script>[\s\S]*?<\/script>/g, '');
    for (const r of references(outer).filter((x) => x.length > 0 && !/^(data|blob|javascript):|^#/i.test(x))) {
      const sub = await fetch(new URL(r, api.url));
      expect(sub.status, r).toBe(200);
      const body = await sub.text();
      expect(body, r).not.toMatch(CDNS);
      expect(foreign(references(body), origin), r).toEqual([]);
    }
  });
});

describe('introspection', () => {
  it('answers the standard introspection query (deeper than the depth limit)', async () => {
    for (const opts of [{}, { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }]) {
      const r = await gql(api.url, getIntrospectionQuery(opts));
      expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
      expect(r.body.data.__schema.queryType.name).toBe('Query');
      expect(r.body.data.__schema.types.some((t: any) => t.name === 'County')).toBe(true);
    }
  });

  it('aliases and tokens inside introspection are not counted; the same outside still are', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `t${i}: __type(name: "County") { name }`).join(' ');
    expect((await gql(api.url, `{ ${aliases} }`)).body.errors).toBeUndefined();
    // 350 aliased look-ups: about 3,150 tokens, over the limit of 3,000.
    const many = Array.from({ length: 350 }, (_, i) => `t${i}: __type(name: "County") { name }`).join(' ');
    expect((await gql(api.url, `{ ${many} }`)).body.errors).toBeUndefined();
    expect(codes(await gql(api.url, `{ ${Array.from({ length: 20 }, (_, i) => `c${i}: countyCount`).join(' ')} }`))).toContain('ALIAS_LIMIT_EXCEEDED');
    expect(codes(await gql(api.url, `{ countyCount ${many} }`))).toContain('TOKEN_LIMIT_EXCEEDED');
  });

  it('a deep introspection query that would multiply is still refused (graphql’s introspection depth rule, then the cost limit)', async () => {
    let sel = 'name';
    for (let i = 0; i < 8; i++) sel = `fields { type { ${sel} } }`;
    const r = await gql(api.url, `{ __schema { types { ${sel} } } }`);
    expect(r.body.data ?? null).toBeNull();
    expect(codes(r).some((c) => c === 'GRAPHQL_VALIDATION_FAILED' || c === 'COST_LIMIT_EXCEEDED')).toBe(true);
  });
});
