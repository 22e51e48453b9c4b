import type { PropertyInfo } from '../graph/read/export.ts';

/**
 * How exported property values are typed and flattened. Neo4j values arrive as JS numbers,
 * strings, booleans, arrays of those, or driver temporal objects (Document.ingestedAt), which are
 * written as their ISO-8601 text.
 */

export type Scalar = 'long' | 'double' | 'boolean' | 'string';
export interface ColumnType {
  scalar: Scalar;
  array: boolean;
}

/** Separator of array elements in flat formats: neo4j-admin import's default array delimiter. */
export const ARRAY_DELIMITER = ';';

function scalarOf(cypherType: string): Scalar {
  if (cypherType === 'INTEGER') return 'long';
  if (cypherType === 'FLOAT') return 'double';
  if (cypherType === 'BOOLEAN') return 'boolean';
  return 'string';
}

/** Widens two scalar types to one that holds both (long+double → double, else string). */
function widen(a: Scalar, b: Scalar): Scalar {
  if (a === b) return a;
  if ((a === 'long' && b === 'double') || (a === 'double' && b === 'long')) return 'double';
  return 'string';
}

/** One column type for the Cypher value types seen under one property name (`valueType()` names). */
export function columnType(types: string[]): ColumnType {
  let scalar: Scalar | null = null;
  let array: boolean | null = null;
  for (const t of types) {
    const list = /^LIST<(.*)>$/.exec(t);
    const s = scalarOf(list ? list[1]!.trim() : t);
    // A property that is a list on some nodes and a scalar on others is written as text.
    if (array !== null && array !== Boolean(list)) return { scalar: 'string', array: false };
    array = Boolean(list);
    scalar = scalar === null ? s : widen(scalar, s);
  }
  return { scalar: scalar ?? 'string', array: array ?? false };
}

/** The union of property lists (e.g. of one relationship type over its start labels), types merged. */
export function mergeProperties(lists: PropertyInfo[][]): PropertyInfo[] {
  const byName = new Map<string, Set<string>>();
  for (const list of lists) for (const p of list) {
    const set = byName.get(p.name) ?? new Set<string>();
    for (const t of p.types) set.add(t);
    byName.set(p.name, set);
  }
  return [...byName].sort(([a], [b]) => a.localeCompare(b)).map(([name, types]) => ({ name, types: [...types] }));
}

/** A value as plain JSON: driver temporal and spatial objects become their text. */
export function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value.constructor !== Object) return String(value);
  return value;
}

/** A value as one flat text (CSV cell, GraphML data): arrays joined, null as ''. */
export function flat(value: unknown): string {
  const v = plain(value);
  if (v === null) return '';
  if (Array.isArray(v)) return v.map((x) => (x === null ? '' : String(x))).join(ARRAY_DELIMITER);
  return String(v);
}
