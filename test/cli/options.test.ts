import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseArgs, UsageError } from '../../cli/command.ts';
import { runCli } from '../helpers/cli.ts';

const INGEST = {
  force: { type: 'boolean', short: 'f' },
  workers: { type: 'string', short: 'w' },
  manifest: { type: 'string' },
} as const;

describe('command-line options (node:util parseArgs, strict)', () => {
  it('refuses an unknown option by name instead of taking the next word as its value', () => {
    expect(() => parseArgs(['--froce', 'seeds/'], INGEST)).toThrow(UsageError);
    expect(() => parseArgs(['--froce', 'seeds/'], INGEST)).toThrow(/unknown option --froce/);
  });

  it('honours --flag=false and --flag=true, and refuses another value for a switch', () => {
    expect(parseArgs(['--force=false', 'a'], INGEST)).toEqual({ flags: { force: false }, positionals: ['a'] });
    expect(parseArgs(['--force=true', 'a'], INGEST).flags.force).toBe(true);
    expect(parseArgs(['--force', 'a'], INGEST).flags.force).toBe(true);
    expect(() => parseArgs(['--force=maybe'], INGEST)).toThrow(/--force is a switch/);
  });

  it('reads short options with their value, not as two files', () => {
    expect(parseArgs(['-w', '4', 'seeds/'], INGEST)).toEqual({ flags: { workers: '4' }, positionals: ['seeds/'] });
    expect(parseArgs(['-f', 'x'], INGEST).flags.force).toBe(true);
  });

  it('names an option that lacks its value', () => {
    expect(() => parseArgs(['seeds/', '--workers'], INGEST)).toThrow(/--workers needs a value/);
  });

  it('keeps what follows -- as positionals', () => {
    expect(parseArgs(['--', '--force'], INGEST).positionals).toEqual(['--force']);
  });
});

describe('xianzhi (the CLI as a process)', () => {
  it('ingest --froce DIR is refused naming the option, exit 2, before touching any database', async () => {
    const r = await runCli(['ingest', '--froce', 'seeds'], { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:9' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option --froce');
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const r = await runCli(['--version'], process.env);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`xianzhi ${version}`);
  });
});
