import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder (where package.json is). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Everything the local Neo4j owns lives under `.neo4j/` (git-ignored); XIANZHI_NEO4J_HOME moves it. */
export function neo4jRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.XIANZHI_NEO4J_HOME ? path.resolve(env.XIANZHI_NEO4J_HOME) : path.join(PROJECT_ROOT, '.neo4j');
}

export interface InstancePaths {
  root: string;
  /** Jars fetched from Maven Central, shared by all instances. */
  lib: string;
  /** One instance's home: conf/, data/, logs/, run/ and the generated password. */
  home: string;
  conf: string;
  data: string;
  logs: string;
  pidFile: string;
  passwordFile: string;
  consoleLog: string;
}

export function instancePaths(instance: string, env: NodeJS.ProcessEnv = process.env): InstancePaths {
  const root = neo4jRoot(env);
  const home = path.join(root, 'instances', instance);
  return {
    root,
    lib: path.join(root, 'lib'),
    home,
    conf: path.join(home, 'conf'),
    data: path.join(home, 'data'),
    logs: path.join(home, 'logs'),
    pidFile: path.join(home, 'run', 'neo4j.pid'),
    passwordFile: path.join(home, 'password'),
    consoleLog: path.join(home, 'logs', 'console.log'),
  };
}

/** The pom that names the Neo4j version to fetch. */
export const POM = path.join(PROJECT_ROOT, 'graph', 'local', 'pom.xml');
