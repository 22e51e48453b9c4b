import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../graph/index.ts';
import { freePort, graphql, runCli, startCli } from '../helpers/cli.ts';
import { openTestGraph, testEnv } from '../helpers/neo4j.ts';
import { INGEST_FLAGS, LEAK, dumpGraph } from './support.ts';

// Every String/ID argument of every root field — found by introspection, so a field added later
// is covered too — and every String/ID field of their input objects gets Cypher, SQL, Lucene and
// control-character payloads. The graph must be unchanged and no internal error may leak.

const PAYLOADS = [
  '"}) DETACH DELETE n //',
  "' OR 1=1 --",
  '`) MATCH (n) DETACH DELETE n //',
  '`Document`',
  'a\u0000b',
  '\u0000',
  '*:*',
  'name:食用菌 OR text:*',
  '\\',
  '} RETURN 1 UNION MATCH (n) DETACH DELETE n //',
  '${code}',
  '食用菌"); CALL db.clearQueryCaches(); //',
];

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);
/** The type as GraphQL writes it: `String!`, `[ID!]`, `ID`. */
const typeText = (t: TypeRef): string => (t.kind === 'NON_NULL' ? `${typeText(t.ofType!)}!` : t.kind === 'LIST' ? `[${typeText(t.ofType!)}]` : t.name!);
const isStringy = (t: TypeRef) => ['String', 'ID'].includes(named(t).name ?? '') && !(t.kind === 'LIST' || t.ofType?.kind === 'LIST');

describe('the API treats injection strings as data', () => {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startCli>>;
  let url: string;
  beforeAll(async () => {
    graph = await openTestGraph({ fresh: true });
    const r = await runCli(['ingest', 'seeds/', ...INGEST_FLAGS], testEnv());
    expect(r.code, r.stderr).toBe(0);
    const port = await freePort();
    url = `http://127.0.0.1:${port}/graphql`;
    api = await startCli(['serve', '--port', String(port)], testEnv({ XIANZHI_API_TOKEN: '' }), /http:\/\/127\.0\.0\.1:\d+\/graphql/);
  });
  afterAll(async () => {
    await api?.stop();
    await graph.close();
  });

  it('in every string argument of every query and mutation: same graph after, no Cypher error leaked, every probe executed', async () => {
    const TYPE = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
    const intro = await graphql(
      url,
      `{ __schema { queryType { name } mutationType { name }
         types { name kind fields { name type { ${TYPE} } args { name type { ${TYPE} } } } inputFields { name type { ${TYPE} } } } } }`,
    );
    const types = new Map<string, any>(intro.body.data.__schema.types.map((t: any) => [t.name, t]));
    const before = await dumpGraph(graph);
    let probes = 0;
    let executed = 0;
    for (const [op, root] of [['query', intro.body.data.__schema.queryType.name], ['mutation', intro.body.data.__schema.mutationType?.name]]) {
      if (!root) continue;
      for (const field of types.get(root).fields as Array<{ name: string; type: TypeRef; args: Array<{ name: string; type: TypeRef }> }>) {
        // Every probe is valid against the schema, so it reaches the resolvers: each variable is
        // declared with the type of the slot it fills, and only the variables used are declared.
        const requiredOther = field.args.filter((a) => a.type.kind === 'NON_NULL' && !isStringy(a.type));
        expect(requiredOther.map((a) => a.name), `${field.name}: a required non-string argument needs a value here`).toEqual([]);
        const slots: Array<{ arg: string; type: TypeRef; value: (v: string) => string }> = [];
        for (const a of field.args) {
          if (isStringy(a.type)) slots.push({ arg: a.name, type: a.type, value: (v) => v });
          const input = types.get(named(a.type).name!);
          if (input?.kind === 'INPUT_OBJECT') {
            for (const f of input.inputFields as Array<{ name: string; type: TypeRef }>) {
              if (isStringy(f.type)) slots.push({ arg: a.name, type: f.type, value: (v) => `{ ${f.name}: ${v} }` });
            }
          }
        }
        const required = field.args.filter((a) => a.type.kind === 'NON_NULL' && isStringy(a.type));
        const selection = ['OBJECT', 'UNION', 'INTERFACE'].includes(types.get(named(field.type).name!)?.kind) ? ' { __typename }' : '';
        for (const slot of slots) {
          // Required string arguments that are not the probed one get the payload too.
          const vars = new Map<string, TypeRef>();
          const args = new Map<string, string>();
          for (const a of required) {
            args.set(a.name, `$${a.name}`);
            vars.set(a.name, a.type);
          }
          args.set(slot.arg, slot.value('$probe'));
          if (!slot.value('').startsWith('{')) vars.delete(slot.arg);
          vars.set('probe', slot.type);
          const declared = [...vars].map(([k, t]) => `$${k}: ${typeText(t)}`).join(', ');
          const text = `${op}(${declared}) { ${field.name}(${[...args].map(([k, v]) => `${k}: ${v}`).join(', ')})${selection} }`;
          for (const p of PAYLOADS) {
            probes++;
            const r = await graphql(url, text, Object.fromEntries([...vars.keys()].map((k) => [k, p])));
            const body = JSON.stringify(r.body);
            expect(r.status, `${field.name}/${slot.arg} ${p}: ${body.slice(0, 300)}`).toBeLessThan(500);
            expect(body, `${field.name}/${slot.arg} ${p}`).not.toMatch(LEAK);
            for (const e of r.body.errors ?? []) {
              // A refusal by a resolver is fine (a bad argument, read-only); an internal error is not.
              expect(['BAD_USER_INPUT', 'READ_ONLY'], `${field.name}/${slot.arg} ${p}: ${e.message}`).toContain(e.extensions?.code);
            }
            // Executed: the response has `data` (null when a non-null field's resolver refused);
            // a document that fails validation has none, its resolvers never ran.
            if ('data' in r.body) executed++;
          }
        }
      }
    }
    console.log(`${probes} injection probes, ${executed} reached a resolver`);
    expect(probes).toBeGreaterThan(PAYLOADS.length * 20);
    expect(executed).toBe(probes);
    expect(await dumpGraph(graph)).toEqual(before);
  });

  it('the search union’s names agree in nullability, so one query can ask them all', async () => {
    const r = await graphql(
      url,
      `{ search(query: "县", limit: 5) { node { ... on County { name } ... on Industry { name } ... on Project { name } ... on Agency { name }
          ... on Enterprise { name } ... on Plan { name } ... on Indicator { name } } } }`,
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.search.length).toBeGreaterThan(0);
  });
}, 600_000);
