#!/usr/bin/env node
// Entry of the `xianzhi` command. The TypeScript is compiled ahead, beside its sources (`npm run
// build`, run by `npm ci`/`npm install` through `prepare`), so a command starts without compiling
// anything. When a source is newer than the last build (a developer editing), the sources run
// through tsx instead, so what runs is never stale.
import { readdirSync, statSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['cli', 'ingest', 'graph', 'api', 'corpus', 'bench', 'export'];
const STAMP = path.join(ROOT, 'node_modules/.cache/xianzhi/built');

/** True when a build exists (its stamp and its entry) and no TypeScript source changed after it (a stat per file: ~1 ms). */
function builtAndFresh() {
  let built;
  try {
    built = statSync(STAMP).mtimeMs;
    statSync(path.join(ROOT, 'cli/main.js'));
  } catch {
    return false;
  }
  for (const dir of SOURCES) {
    let entries;
    try {
      entries = readdirSync(path.join(ROOT, dir), { recursive: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (!e.endsWith('.ts') || e.endsWith('.test.ts')) continue;
      if (statSync(path.join(ROOT, dir, e)).mtimeMs > built) return false;
    }
  }
  return true;
}

// Node 22 keeps the modules' compiled bytecode on disk between runs (Node 20 has no such cache).
module.enableCompileCache?.();

let main;
if (!process.env.XIANZHI_FROM_SOURCE && builtAndFresh()) {
  ({ main } = await import('../cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
