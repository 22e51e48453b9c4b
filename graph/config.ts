/**
 * Where the graph lives. With `NEO4J_URI` set, Xianzhi uses that server (bolt://, neo4j://,
 * neo4j+s:// — a single server, a cluster or Aura) and starts nothing; without it, the project's
 * own local Neo4j Community server (graph/local) is used and started on demand.
 */
export interface GraphConfig {
  uri: string;
  user: string;
  password: string;
  /** Database name; undefined means the server's default database. */
  database?: string;
  /** True when the server is the project's local one (graph/local), which commands may start. */
  local: boolean;
  /** Name of the local instance (`main`, or `test` for the test suite). */
  instance: string;
}

/** The local instances and their Bolt ports; `test` keeps the suite away from the user's graph. */
export const LOCAL_PORTS: Record<string, number> = { main: 7687, test: 7688 };

export function localPort(instance: string, env: NodeJS.ProcessEnv = process.env): number {
  const override = env.XIANZHI_NEO4J_PORT;
  if (override && instance === 'main') return Number(override);
  const known = LOCAL_PORTS[instance];
  if (known) return known;
  // Any other instance name (bench, a developer's own test instance) gets a stable port of its own.
  let h = 0;
  for (const ch of instance) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 7700 + (h % 200);
}

/**
 * Reads the configuration from the environment. `instance` picks the local server when
 * `NEO4J_URI` is unset; the password of a local instance is read later, from its folder.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env, instance = 'main'): GraphConfig {
  const uri = env.NEO4J_URI?.trim();
  if (uri) {
    if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(uri)) {
      throw new Error(`NEO4J_URI '${uri}' is not a Neo4j address: use bolt://, neo4j://, neo4j+s:// or bolt+s://`);
    }
    return {
      uri,
      user: env.NEO4J_USER ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE || undefined,
      local: false,
      instance,
    };
  }
  return {
    uri: `bolt://127.0.0.1:${localPort(instance, env)}`,
    user: 'neo4j',
    password: '',
    database: env.NEO4J_DATABASE || undefined,
    local: true,
    instance,
  };
}
