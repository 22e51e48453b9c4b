import { q, type Query } from '../cypher.ts';

/**
 * One round trip for many parents: the statement runs once per key (`key` is bound) and every row
 * carries its key back, so a DataLoader can hand each parent its own rows. This is what keeps a
 * nested GraphQL query at a bounded number of Cypher calls.
 */
export function byKeys(body: string, keys: readonly unknown[], params: Record<string, unknown> = {}): Query {
  return q(`UNWIND $keys AS key ${body}`, { ...params, keys: [...keys] });
}

/** Groups batch rows by their `key`, in the order of `keys` (what DataLoader expects). */
export function groupByKey<T extends Record<string, unknown>>(keys: readonly string[], rows: T[]): T[][] {
  const by = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const r of rows) by.get(String(r.key))?.push(r);
  return keys.map((k) => by.get(k) ?? []);
}
