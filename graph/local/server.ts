import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { localPort } from '../config.ts';
import { ping } from '../driver.ts';
import { checkJava, ensureInstalled } from './install.ts';
import { instancePaths, type InstancePaths } from './paths.ts';

/**
 * The project's own Neo4j Community server: the community entry point run over the jars that
 * Maven fetched (see docs/architecture.md for why not the embedded API), on loopback only,
 * with authentication on and a generated password kept beside its data.
 */

const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';
const ADMIN_TOOL = 'org.neo4j.cli.AdminTool';

/** Heap and page cache per instance, sized for a 2-core, 24 GiB machine; env overrides. */
function memory(instance: string, env: NodeJS.ProcessEnv) {
  // The user's graph and the national-scale benchmark get room; test servers stay small.
  const large = instance === 'main' || instance === 'bench';
  return {
    heap: env.XIANZHI_NEO4J_HEAP ?? (large ? '4g' : '1g'),
    pagecache: env.XIANZHI_NEO4J_PAGECACHE ?? (large ? '2g' : '512m'),
  };
}

// The JVM options Neo4j's own launcher passes (neo4j.conf defaults), minus AlwaysPreTouch,
// which would make every start touch the whole heap.
const JVM_OPTIONS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
];

function writeConf(p: InstancePaths, port: number, mem: { heap: string; pagecache: string }): void {
  fs.mkdirSync(p.conf, { recursive: true });
  const conf = [
    '# Written by xianzhi (graph/local/server.ts) at every start: edit that file, not this one.',
    'server.default_listen_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${port}`,
    'server.http.enabled=false',
    'server.https.enabled=false',
    'dbms.security.auth_enabled=true',
    `server.memory.heap.initial_size=${mem.heap}`,
    `server.memory.heap.max_size=${mem.heap}`,
    `server.memory.pagecache.size=${mem.pagecache}`,
    'dbms.usage_report.enabled=false',
    // A runaway query is cut by the server even when a client forgets its own timeout.
    'db.transaction.timeout=120s',
    'db.logs.query.enabled=OFF',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(p.conf, 'neo4j.conf'), conf);
}

/** Reads the instance's generated password, or undefined before its first start. */
export function localPassword(instance: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = instancePaths(instance, env).passwordFile;
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined;
}

function readPid(p: InstancePaths): number | undefined {
  if (!fs.existsSync(p.pidFile)) return undefined;
  const pid = Number(fs.readFileSync(p.pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** True when `pid` is alive and is this instance's Neo4j (not a recycled pid). */
function isOurs(pid: number, p: InstancePaths): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes(ENTRY_POINT) && cmdline.includes(p.home);
  } catch {
    return true; // no /proc (macOS): trust the pid file
  }
}

export interface LocalStatus {
  instance: string;
  running: boolean;
  pid?: number;
  uri: string;
  home: string;
}

export function status(instance = 'main', env: NodeJS.ProcessEnv = process.env): LocalStatus {
  const p = instancePaths(instance, env);
  const pid = readPid(p);
  const running = pid !== undefined && isOurs(pid, p);
  return { instance, running, pid: running ? pid : undefined, uri: `bolt://127.0.0.1:${localPort(instance, env)}`, home: p.home };
}

function java(lib: string, args: string[], extra: string[] = []): string[] {
  return [...extra, '-cp', `${lib}/*`, ...args];
}

/** Sets the generated password before the very first start (Neo4j reads it from data/dbms/auth.ini). */
function setInitialPassword(p: InstancePaths, env: NodeJS.ProcessEnv): void {
  if (fs.existsSync(p.passwordFile)) return;
  const password = crypto.randomBytes(18).toString('base64url');
  const r = spawnSyncChecked('java', java(p.lib, [ADMIN_TOOL, 'dbms', 'set-initial-password', password]), {
    ...env,
    NEO4J_HOME: p.home,
    NEO4J_CONF: p.conf,
  });
  if (!/Changed password/.test(r)) throw new Error(`could not set the initial Neo4j password:\n${r}`);
  fs.writeFileSync(p.passwordFile, password + '\n', { mode: 0o600 });
}

function spawnSyncChecked(cmd: string, args: string[], env: NodeJS.ProcessEnv): string {
  const r = spawnSync(cmd, args, { env, encoding: 'utf8' });
  if (r.error) throw r.error;
  return `${r.stdout ?? ''}${r.stderr ?? ''}`;
}

/** A start lock, so two commands starting the same instance at once do not race. */
async function withLock<T>(p: InstancePaths, fn: () => Promise<T>): Promise<T> {
  const lock = path.join(p.home, 'run', 'start.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function tail(file: string, lines = 25): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export interface StartResult extends LocalStatus {
  /** False when it was already running. */
  started: boolean;
  password: string;
}

/**
 * Starts the instance if it is not running and waits until Bolt answers (verifyConnectivity).
 * Fetches Neo4j first if needed.
 */
export async function start(
  instance = 'main',
  opts: { env?: NodeJS.ProcessEnv; log?: (line: string) => void; timeoutMs?: number } = {},
): Promise<StartResult> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? (() => {});
  const p = instancePaths(instance, env);
  return withLock(p, async () => {
    const before = status(instance, env);
    if (before.running) {
      const password = localPassword(instance, env)!;
      await waitReady(before.uri, password, p, before.pid!, opts.timeoutMs ?? 120_000);
      return { ...before, started: false, password };
    }
    ensureInstalled(p.lib, log);
    checkJava();
    const port = localPort(instance, env);
    const mem = memory(instance, env);
    for (const dir of [p.conf, p.data, p.logs, path.dirname(p.pidFile)]) fs.mkdirSync(dir, { recursive: true });
    writeConf(p, port, mem);
    setInitialPassword(p, env);
    const password = localPassword(instance, env)!;
    log(`starting Neo4j (${instance}) on 127.0.0.1:${port} …`);
    const out = fs.openSync(p.consoleLog, 'a');
    const child = spawn(
      'java',
      java(p.lib, [ENTRY_POINT, `--home-dir=${p.home}`, `--config-dir=${p.conf}`], [
        `-Xms${mem.heap}`,
        `-Xmx${mem.heap}`,
        ...JVM_OPTIONS,
      ]),
      { detached: true, stdio: ['ignore', out, out], env: { ...env, NEO4J_HOME: p.home, NEO4J_CONF: p.conf } },
    );
    fs.closeSync(out);
    if (!child.pid) throw new Error('could not spawn java for Neo4j');
    child.unref();
    fs.writeFileSync(p.pidFile, String(child.pid));
    const uri = `bolt://127.0.0.1:${port}`;
    await waitReady(uri, password, p, child.pid, opts.timeoutMs ?? 120_000);
    log(`Neo4j (${instance}) ready at ${uri}`);
    return { instance, running: true, pid: child.pid, uri, home: p.home, started: true, password };
  });
}

async function waitReady(uri: string, password: string, p: InstancePaths, pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    if (!isOurs(pid, p)) {
      fs.rmSync(p.pidFile, { force: true });
      throw new Error(`Neo4j exited while starting. Last lines of ${p.consoleLog}:\n${tail(p.consoleLog)}\n${tail(path.join(p.logs, 'neo4j.log'))}`);
    }
    try {
      await ping({ uri, user: 'neo4j', password });
      return;
    } catch (err) {
      last = err;
      await sleep(500);
    }
  }
  throw new Error(`Neo4j did not answer at ${uri} within ${timeoutMs / 1000}s (${(last as Error)?.message}). See ${p.logs}.`);
}

/** Stops the instance: SIGTERM, a wait for a clean shutdown, SIGKILL only as a last resort. */
export async function stop(instance = 'main', env: NodeJS.ProcessEnv = process.env, timeoutMs = 60_000): Promise<boolean> {
  const p = instancePaths(instance, env);
  const pid = readPid(p);
  if (pid === undefined || !isOurs(pid, p)) {
    fs.rmSync(p.pidFile, { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && isAlive(pid)) await sleep(200);
  if (isAlive(pid)) {
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(100);
  }
  fs.rmSync(p.pidFile, { force: true });
  return true;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie (exited, not yet reaped by its parent) counts as gone.
  try {
    return !/^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}
