import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Query } from './cypher.ts';

/**
 * The only module that touches neo4j-driver. Everything else hands it `{cypher, params}`.
 *
 * Integers come back as JavaScript numbers (`disableLosslessIntegers`): counts and years in this
 * graph stay far below 2^53.
 */

export interface Connection {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /**
   * How long the driver retries a transaction on transient faults (default 15 s). The API uses a
   * short window: a request should answer SERVICE_UNAVAILABLE in seconds, not pile up for 15 s.
   */
  retryMs?: number;
}

/** Neo4j could not be reached: the message says where and how to fix it, with no stack trace. */
export class GraphUnavailableError extends Error {
  readonly code = 'GRAPH_UNAVAILABLE';
  constructor(uri: string, cause: unknown) {
    super(
      `Neo4j is not reachable at ${uri} (${(cause as Error)?.message ?? cause}). ` +
        'Start it with `xianzhi neo4j start`, or check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.',
    );
  }
}

function isUnavailable(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|connect/i.test(String((err as Error)?.message));
}

function makeDriver(c: Connection, maxPool = 50): Driver {
  return neo4j.driver(c.uri, neo4j.auth.basic(c.user, c.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: maxPool,
    connectionAcquisitionTimeout: 30_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: c.retryMs ?? 15_000,
    userAgent: 'xianzhi',
  });
}

/** Opens a connection once and closes it: the readiness check of graph/local. */
export async function ping(c: Connection): Promise<void> {
  const driver = makeDriver(c, 1);
  try {
    await driver.verifyConnectivity();
  } finally {
    await driver.close();
  }
}

export interface RunOptions {
  /** Server-side transaction timeout, ms: a slow query is cut, not left to run. */
  timeoutMs?: number;
}

export type Row = Record<string, unknown>;

/**
 * JavaScript has one number type; Bolt has Integer and Float, and the driver sends every JS
 * number as Float — so `index: 3` would be stored as 3.0 and `toString(3.0)` gives '3.0'.
 * Whole numbers therefore go as Integer (recursively through lists and maps), the rest as Float.
 */
export function toBoltParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toBoltParams);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toBoltParams(v);
    return out;
  }
  return value;
}

const params = (p: Record<string, unknown>) => toBoltParams(p) as Record<string, unknown>;

/** A live connection to the graph: reads, writes in one transaction, and close. */
export class Graph {
  readonly driver: Driver;
  constructor(readonly connection: Connection) {
    this.driver = makeDriver(connection);
  }

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      database: this.connection.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
  }

  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (isUnavailable(err)) throw new GraphUnavailableError(this.connection.uri, err);
      throw err;
    }
  }

  /** Runs one read query; rows as plain objects. Retries transient faults (driver-managed). */
  async read<T extends Row = Row>(query: Query, opts: RunOptions = {}): Promise<T[]> {
    return this.guard(async () => {
      const session = this.session('READ');
      try {
        return await session.executeRead(
          async (tx) => (await tx.run(query.cypher, params(query.params))).records.map((r) => r.toObject() as T),
          { timeout: opts.timeoutMs },
        );
      } finally {
        await session.close();
      }
    });
  }

  /**
   * Runs the queries in order inside ONE write transaction: all of them land, or none does.
   * Returns each query's rows.
   */
  async write(queries: Query[] | ((tx: ManagedTransaction) => Promise<void>), opts: RunOptions = {}): Promise<Row[][]> {
    return this.guard(async () => {
      const session = this.session('WRITE');
      try {
        return await session.executeWrite(
          async (tx) => {
            if (typeof queries === 'function') {
              // Callers running their own statements get the same Integer/Float conversion.
              const converting = { run: (cypher: string, p?: Record<string, unknown>) => tx.run(cypher, params(p ?? {})) };
              await queries(converting as ManagedTransaction);
              return [];
            }
            const out: Row[][] = [];
            for (const q of queries) out.push((await tx.run(q.cypher, params(q.params))).records.map((r) => r.toObject()));
            return out;
          },
          { timeout: opts.timeoutMs },
        );
      } finally {
        await session.close();
      }
    });
  }

  /** Runs a schema or admin statement outside an explicit transaction (CREATE INDEX, SHOW …). */
  async run(query: Query): Promise<Row[]> {
    return this.guard(async () => {
      const session = this.session('WRITE');
      try {
        return (await session.run(query.cypher, params(query.params))).records.map((r) => r.toObject());
      } finally {
        await session.close();
      }
    });
  }

  async verify(): Promise<void> {
    await this.guard(() => this.driver.verifyConnectivity({ database: this.connection.database }).then(() => undefined));
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
