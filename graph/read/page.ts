import { q, type Query } from '../cypher.ts';

/**
 * Offset pagination for every list the API serves. The page and its total come from two
 * subqueries over the same match, so an offset past the end still answers the total (an
 * aggregation over zero rows would otherwise drop the row).
 */
export interface Page {
  offset: number;
  limit: number;
}

export interface Paged<T> {
  total: number;
  items: T[];
}

export type Direction = 'ASC' | 'DESC';

/**
 * `match` binds `n` (and may bind more); `order` are Cypher sort expressions from a closed list in
 * the caller — never input — and `project` is the returned map. Values go in `params`.
 */
export function paged(match: string, order: string[], direction: Direction, project: string, params: Record<string, unknown>, page: Page): Query {
  const dir = direction === 'DESC' ? 'DESC' : 'ASC';
  const orderBy = order.map((o, i) => (i === 0 ? `${o} ${dir}` : o)).join(', ');
  return q(
    `CALL { ${match} RETURN count(*) AS total }
     CALL { ${match} WITH * ORDER BY ${orderBy} SKIP toInteger($offset) LIMIT toInteger($limit) RETURN collect(${project}) AS items }
     RETURN total, items`,
    { ...params, offset: page.offset, limit: page.limit },
  );
}

// SKIP/LIMIT go through toInteger(): the driver sends JavaScript numbers as floats, which LIMIT refuses.

/** Reads a `paged` query's single row. */
export function toPaged<T>(rows: Array<Record<string, unknown>>): Paged<T> {
  const row = rows[0];
  return { total: (row?.total as number) ?? 0, items: (row?.items as T[]) ?? [] };
}

/** Case-insensitive "name contains" condition on `n.name`, a no-op when `$name` is null. */
export const NAME_FILTER = '($name IS NULL OR toLower(n.name) CONTAINS toLower($name))';
