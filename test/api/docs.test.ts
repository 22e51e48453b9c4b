import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/index.ts';
import type { Graph } from '../../graph/index.ts';
import { seededApi } from '../helpers/seeded-api.ts';
import { comparedPart, differences, examplesOf, format, reshape } from './doc-examples.ts';
import { gql } from './http.ts';

/**
 * Docs that stay true: every example query of README.md and docs/api.md runs against the seeds
 * and its answer matches the one shown (conventions in doc-examples.ts). When extraction changes
 * the answers, `XIANZHI_UPDATE_DOCS=1 npx vitest run test/api/docs.test.ts` rewrites the shown
 * answers from the API's, keeping their shape (keys, number of items, trimmed strings).
 */
const FILES = ['README.md', 'docs/api.md'];
const UPDATE = process.env.XIANZHI_UPDATE_DOCS === '1';
let graph: Graph;
let api: RunningServer;

beforeAll(async () => {
  ({ graph, api } = await seededApi());
}, 300_000);
afterAll(async () => {
  await api?.close();
  await graph?.close();
});

describe('the examples in the docs', () => {
  it('are found: README has answered examples, docs/api.md one per root field', () => {
    const readme = examplesOf('README.md', fs.readFileSync('README.md', 'utf8'));
    const apiDoc = examplesOf('docs/api.md', fs.readFileSync('docs/api.md', 'utf8'));
    expect(readme.filter((e) => e.answer).length).toBeGreaterThanOrEqual(3);
    expect(apiDoc.filter((e) => e.answer).length).toBeGreaterThanOrEqual(15);
  });

  for (const file of FILES) {
    it(`${file}: each example runs on the seeds and answers what is shown`, async () => {
      let text = fs.readFileSync(path.resolve(file), 'utf8');
      const failures: string[] = [];
      // From the end, so rewriting an answer leaves the offsets of the earlier ones valid.
      for (const ex of examplesOf(file, text).reverse()) {
        const r = await gql(api.url, ex.query, ex.variables ?? {});
        if (!ex.answer) {
          if (r.body.errors) failures.push(`${file}:${ex.line}: ${r.body.errors[0]!.message}`);
          continue;
        }
        let shown: unknown;
        try {
          shown = JSON.parse(ex.answer.text);
        } catch (e) {
          failures.push(`${file}:${ex.line}: the answer is not JSON (${(e as Error).message}); write trimmed parts as "…" strings or leave items off`);
          continue;
        }
        const actual = comparedPart(shown, r.body);
        const diff = differences(shown, actual);
        if (UPDATE) {
          text = text.slice(0, ex.answer.start) + format(reshape(shown, actual), ex.answer.text) + text.slice(ex.answer.end);
        } else if (diff.length) failures.push(`${file}:${ex.line}:\n  ${diff.slice(0, 8).join('\n  ')}`);
      }
      if (UPDATE) fs.writeFileSync(path.resolve(file), text);
      expect(failures, failures.join('\n')).toEqual([]);
    });
  }
});
