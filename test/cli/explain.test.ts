import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';

describe('xianzhi extract --explain', () => {
  it('names the rule behind every fact, with its sentence and snippet', async () => {
    const out = mkdtempSync(join(tmpdir(), 'xianzhi-explain-'));
    try {
      const r = await runCli(['extract', 'seeds/003_a214690c68ad3b6a.txt', 'test/data/devset/texts/d07.txt', '--out', out, '--explain'], process.env);
      expect(r.code, r.stderr).toBe(0);
      const facts = r.stdout.split('\n').filter((l) => /^ {4}\S/.test(l));
      expect(facts.length).toBeGreaterThan(50);
      const unexplained = facts.filter((l) => !/ \[[a-z]+\.[^\]]+\] {2}sentence \d+/.test(l));
      expect(unexplained).toEqual([]);
      for (const type of ['industries', 'projects', 'targets', 'agencies', 'plans']) expect(r.stdout).toMatch(new RegExp(`^ {2}${type} \\(\\d+\\)`, 'm'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
