import type { Page } from '../graph/read/page.ts';
import { apiError, CODES } from './errors.ts';

/** The largest `limit` any list accepts: bigger pages are a GraphQL error, not a silent cut. */
export const MAX_PAGE_SIZE = 100;
/** Far offsets make Neo4j walk every skipped row. */
export const MAX_OFFSET = 10_000;

export interface PageArgs {
  limit?: number | null;
  offset?: number | null;
}

export function pageOf(args: PageArgs, defaultLimit = 20): Page {
  const limit = args.limit ?? defaultLimit;
  const offset = args.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw apiError(`limit must be between 0 and ${MAX_PAGE_SIZE} (got ${limit}); page with offset for more`, CODES.BAD_USER_INPUT, { argument: 'limit' });
  }
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
    throw apiError(`offset must be between 0 and ${MAX_OFFSET} (got ${offset})`, CODES.BAD_USER_INPUT, { argument: 'offset' });
  }
  return { limit, offset };
}

/** A page of an already loaded list (nested fields: the loader fetched the parent's whole list). */
export function slice<T>(all: T[], args: PageArgs, defaultLimit = 20): T[] {
  const { limit, offset } = pageOf(args, defaultLimit);
  return all.slice(offset, offset + limit);
}

/** A small non-negative integer argument (minCounties, evidencePerCounty …). */
export function boundedInt(name: string, value: number | null | undefined, fallback: number, max: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 0 || v > max) throw apiError(`${name} must be between 0 and ${max} (got ${v})`, CODES.BAD_USER_INPUT, { argument: name });
  return v;
}

/** Text arguments reach Cypher as parameters; this only bounds their size. */
export function text(name: string, value: string | null | undefined, max = 200): string | null {
  if (value == null) return null;
  if (value.length > max) throw apiError(`${name} is longer than ${max} characters`, CODES.BAD_USER_INPUT, { argument: name });
  return value;
}

/** Case-insensitive contains, for filtering already loaded nested lists by name. */
export function nameMatches(name: string | null | undefined, ...values: unknown[]): boolean {
  if (!name) return true;
  const n = name.toLowerCase();
  return values.some((v) => typeof v === 'string' && v.toLowerCase().includes(n));
}
