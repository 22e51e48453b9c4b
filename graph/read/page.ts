import { q, type Query } from '../cypher.ts';

/**
 * Offset pagination for every list the API serves. A list and its total are two separate
 * statements (`listed` and `counted` over the same match): the API runs the count only when a
 * client asks for the count field, so a page never pays for walking the whole match twice.
 */
export interface Page {
  offset: number;
  limit: number;
}

export type Direction = 'ASC' | 'DESC';

/** `ORDER BY` text: the direction applies to the first key, the others break ties ascending. */
export function orderClause(order: readonly string[], direction: Direction): string {
  const dir = direction === 'DESC' ? 'DESC' : 'ASC';
  return order.map((o, i) => (i === 0 ? `${o} ${dir}` : o)).join(', ');
}

/**
 * One page of `match` (which binds `n`, and may bind more); `order` are Cypher sort expressions
 * from a closed list in the caller — never input — and `project` is the returned map. Values go
 * in `params`. Answers one row per item, in `item`.
 */
export function listed(match: string, order: readonly string[], direction: Direction, project: string, params: Record<string, unknown>, page: Page): Query {
  return q(
    `${match} WITH * ORDER BY ${orderClause(order, direction)} SKIP toInteger($offset) LIMIT toInteger($limit) RETURN ${project} AS item`,
    { ...params, offset: page.offset, limit: page.limit },
  );
}

// SKIP/LIMIT go through toInteger(): the driver sends JavaScript numbers as floats, which LIMIT refuses.

/** The number of rows `match` binds (the count field beside a list). Always answers one row. */
export function counted(match: string, params: Record<string, unknown>): Query {
  return q(`${match} RETURN count(*) AS total`, params);
}

/** Reads the items of a `listed` query. */
export const itemsOf = <T>(rows: Array<Record<string, unknown>>): T[] => rows.map((r) => r.item as T);

/** Reads the total of a `counted` query. */
export const totalOf = (rows: Array<Record<string, unknown>>): number => Number(rows[0]?.total ?? 0);

/** Case-insensitive "name contains" condition on `n.name`, a no-op when `$name` is null. */
export const NAME_FILTER = '($name IS NULL OR toLower(n.name) CONTAINS toLower($name))';

/**
 * `WHERE` over the conditions that apply (fixed texts chosen by which filters were given; values
 * stay parameters), or nothing. Unlike `($x IS NULL OR n.p = $x)`, an equality written only when
 * asked lets the planner seek an index.
 */
export const whereOf = (conditions: Array<string | false | null | undefined>): string => {
  const c = conditions.filter((x): x is string => typeof x === 'string' && x.length > 0);
  return c.length ? `WHERE ${c.join(' AND ')}` : '';
};

/**
 * `listed` for an order of one indexed property `key` with ties broken by the node's unique `id`,
 * read in index order instead of sorting every node: the nodes without `key` by id (the id
 * constraint's index), and the others by `key` (its range index), each cut at offset+limit.
 * The nodes without `key` come last in either direction (not where Cypher's ORDER BY would put
 * them: first when descending). The second half is read only when the first leaves the page
 * short. `label` and `key` come from closed lists in the callers;
 * `conditions` as for `whereOf`.
 */
export function listedByIndexedKey(
  label: string,
  conditions: Array<string | false | null | undefined>,
  key: string,
  direction: Direction,
  project: string,
  params: Record<string, unknown>,
  page: Page,
): Query {
  const desc = direction === 'DESC';
  const upTo = 'toInteger($offset) + toInteger($limit)';
  const without = `MATCH (n:${label}) ${whereOf([...conditions, 'n.id IS NOT NULL', `n.${key} IS NULL`])}
       WITH n ORDER BY n.id LIMIT ${upTo}`;
  const valued = `MATCH (n:${label}) ${whereOf([...conditions, `n.${key} IS NOT NULL`])}
       WITH n ORDER BY n.${key} ${desc ? 'DESC' : 'ASC'}, n.id LIMIT ${upTo}`;
  // Nodes without the key come last in either direction (Cypher alone puts nulls first when
  // descending: `projects(orderBy: INVESTMENT, direction: DESC)` opened with projects of unknown
  // investment, where an analyst looks for the largest).
  return q(
    `CALL () {
       ${valued}
       RETURN collect(n) AS valued
     }
     CALL (valued) {
       // An UNWIND of nothing, not a WHERE: the planner would fold a WHERE into the scan's filter.
       UNWIND CASE WHEN size(valued) < ${upTo} THEN [true] ELSE [] END AS short
       ${without}
       RETURN collect(n) AS without
     }
     UNWIND (valued + without)[toInteger($offset)..${upTo}] AS n
     RETURN ${project} AS item`,
    { ...params, offset: page.offset, limit: page.limit },
  );
}
