// Compiles the TypeScript beside its sources (tsconfig.build.json) and stamps the time of the
// build, which bin/xianzhi.mjs compares with the sources' to decide whether the build is current.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = new Date();
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // An install without dev dependencies (npm ci --omit=dev): the CLI runs its sources through tsx.
  console.error('build: typescript is not installed; xianzhi will run from its TypeScript sources (slower start-up)');
  process.exit(0);
}
// The build info (in node_modules) would tell tsc that nothing needs emitting even where the
// compiled files beside the sources are gone (a checkout given another's node_modules): rebuild all.
const info = path.join(ROOT, 'node_modules/.cache/xianzhi/tsbuildinfo');
if (!existsSync(path.join(ROOT, 'cli/main.js'))) rmSync(info, { force: true });
execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit', cwd: ROOT });
const stamp = path.join(ROOT, 'node_modules/.cache/xianzhi/built');
mkdirSync(path.dirname(stamp), { recursive: true });
writeFileSync(stamp, `${started.toISOString()}\n`);
// The stamp carries the build's start: a source saved while tsc ran counts as newer than the build.
utimesSync(stamp, started, started);
