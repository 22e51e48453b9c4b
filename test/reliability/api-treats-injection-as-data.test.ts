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

  it('in every string argument of every query and mutation: same graph after, no Cypher error leaked', async () => {
    const TYPE = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
    const intro = await graphql(
      url,
      `{ __schema { queryType { name } mutationType { name }
         types { name kind fields { name args { name type { ${TYPE} } } } inputFields { name type { ${TYPE} } } } } }`,
    );
    const types = new Map<string, any>(intro.body.data.__schema.types.map((t: any) => [t.name, t]));
    const before = await dumpGraph(graph);
    let probes = 0;
    for (const [op, root] of [['query', intro.body.data.__schema.queryType.name], ['mutation', intro.body.data.__schema.mutationType?.name]]) {
      if (!root) continue;
      for (const field of types.get(root).fields as Array<{ name: string; args: Array<{ name: string; type: TypeRef }> }>) {
        // One probe per string slot: the argument itself, or one field of an input-object argument.
        const slots: Array<{ arg: string; value: (v: string) => string }> = [];
        for (const a of field.args) {
          if (isStringy(a.type)) slots.push({ arg: a.name, value: (v) => v });
          const input = types.get(named(a.type).name!);
          if (input?.kind === 'INPUT_OBJECT') {
            for (const f of input.inputFields as Array<{ name: string; type: TypeRef }>) {
              if (isStringy(f.type)) slots.push({ arg: a.name, value: (v) => `{ ${f.name}: ${v} }` });
            }
          }
        }
        // Required string arguments that are not the probed one get the payload too.
        const required = field.args.filter((a) => a.type.kind === 'NON_NULL' && isStringy(a.type));
        for (const slot of slots) {
          const args = new Map<string, string>(required.map((a) => [a.name, named(a.type).name === 'ID' ? '$i' : '$s']));
          args.set(slot.arg, slot.value('$s'));
          const text = `${op}($s: String!, $i: ID!) { ${field.name}(${[...args].map(([k, v]) => `${k}: ${v}`).join(', ')}) { __typename } }`;
          for (const p of PAYLOADS) {
            probes++;
            const r = await graphql(url, text, { s: p, i: p });
            const body = JSON.stringify(r.body);
            expect(r.status, `${field.name}/${slot.arg} ${p}: ${body.slice(0, 300)}`).toBeLessThan(500);
            expect(body, `${field.name}/${slot.arg} ${p}`).not.toMatch(LEAK);
            for (const e of r.body.errors ?? []) {
              // A refusal is fine (a bad code, read-only); an internal error is not.
              expect(['BAD_USER_INPUT', 'READ_ONLY', 'GRAPHQL_VALIDATION_FAILED'], `${field.name}/${slot.arg} ${p}: ${e.message}`).toContain(e.extensions?.code);
            }
          }
        }
      }
    }
    expect(probes).toBeGreaterThan(PAYLOADS.length * 20);
    console.log(`${probes} injection probes`);
    expect(await dumpGraph(graph)).toEqual(before);
  });
}, 600_000);
