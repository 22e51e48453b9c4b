import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenMatches } from '../../api/plugins/use-bearer-auth.ts';
import type { Graph } from '../../graph/index.ts';
import { freePort, graphql, runCli, startCli } from '../helpers/cli.ts';
import { openTestGraph, testEnv } from '../helpers/neo4j.ts';
import { INGEST_FLAGS } from './support.ts';

// `xianzhi serve` as users run it: read-only unless XIANZHI_API_TOKEN is set; with it, only the
// exact token writes; the token is compared in constant time and never appears in the output.

const M = `mutation($t: String!) { ingestDocument(text: $t, metadata: { id: "auth-probe", title: "探针" }) { id status } }`;
const TEXT = '某县2023年政府工作报告。\n全县大力发展食用菌产业。\n';
const TOKEN = `tok-${crypto.randomBytes(18).toString('hex')}`;

async function serve(extra: Record<string, string>) {
  const port = await freePort();
  const server = await startCli(['serve', '--port', String(port)], testEnv(extra), /http:\/\/127\.0\.0\.1:\d+\/graphql/);
  return { url: `http://127.0.0.1:${port}/graphql`, ...server };
}

describe('the API is read-only without a token', () => {
  let graph: Graph;
  const documents = async () => (await runCli(['stats', '--json'], testEnv())).stdout;
  beforeAll(async () => {
    graph = await openTestGraph({ fresh: true });
    const r = await runCli(['ingest', 'seeds/', ...INGEST_FLAGS], testEnv());
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(async () => {
    await graph.close();
  });

  it('without XIANZHI_API_TOKEN, ingestDocument answers READ_ONLY, even with a bearer header', async () => {
    const before = await documents();
    const api = await serve({ XIANZHI_API_TOKEN: '' });
    try {
      for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }] as Array<Record<string, string>>) {
        const r = await graphql(api.url, M, { t: TEXT }, headers);
        expect(r.body.errors?.map((e) => e.extensions?.code)).toEqual(['READ_ONLY']);
      }
    } finally {
      await api.stop();
    }
    expect(await documents()).toBe(before);
  });

  it('with a token: no header, another scheme, a wrong token (any length) are UNAUTHENTICATED; the token writes', async () => {
    const before = await documents();
    const api = await serve({ XIANZHI_API_TOKEN: TOKEN });
    try {
      const wrong: Array<Record<string, string>> = [
        {},
        { authorization: TOKEN },
        { authorization: `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}` },
        { authorization: `Bearer ${TOKEN.slice(0, -1)}x` },
        { authorization: `Bearer ${TOKEN.slice(0, 8)}` },
        { authorization: `Bearer ${TOKEN}${TOKEN}` },
        { authorization: 'Bearer ' },
      ];
      for (const headers of wrong) {
        const r = await graphql(api.url, M, { t: TEXT }, headers);
        expect(r.body.errors?.map((e) => e.extensions?.code), JSON.stringify(headers)).toEqual(['UNAUTHENTICATED']);
        expect(JSON.stringify(r.body)).not.toContain(TOKEN.slice(4, 20));
      }
      expect(await documents()).toBe(before);
      const ok = await graphql(api.url, M, { t: TEXT }, { authorization: `Bearer ${TOKEN}` });
      expect(ok.body.errors).toBeUndefined();
      expect(ok.body.data.ingestDocument).toMatchObject({ id: 'auth-probe', status: 'written' });
      expect(await documents()).not.toBe(before);
    } finally {
      await api.stop();
      // Never logged, not even a part of it (the server printed its banner and handled bad tokens).
      expect(api.output()).toMatch(/ingestDocument enabled/);
      expect(api.output()).not.toContain(TOKEN.slice(4, 20));
    }
  });

  it('compares digests of equal length, so a wrong length neither throws nor returns early', () => {
    // crypto.timingSafeEqual throws on unequal lengths; hashing first is what keeps it constant-time.
    expect(tokenMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    for (const t of ['', 'x', TOKEN.slice(1), TOKEN + 'x', TOKEN.toUpperCase()]) expect(tokenMatches(`Bearer ${t}`, TOKEN)).toBe(false);
    expect(tokenMatches(null, TOKEN)).toBe(false);
    expect(tokenMatches(`Bearer ${TOKEN}`, undefined)).toBe(false);
  });
}, 300_000);
