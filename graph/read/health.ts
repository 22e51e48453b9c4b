import { q, type Query } from '../cypher.ts';

/** The cheapest statement that proves a read reached the database (not only a socket). */
export function ping(): Query {
  return q('RETURN 1 AS ok');
}
