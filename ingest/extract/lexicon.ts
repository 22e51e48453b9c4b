/**
 * Loads the extractors' lexicons (`data/lexicons/*.json`): rules are data, this is the one reader.
 * Each file is read once per process; a missing or malformed file fails with its path.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const cache = new Map<string, unknown>();

/**
 * Returns the parsed JSON of `data/lexicons/<name>.json`, checked against `schema` when one is
 * given (each extractor declares the shape of its own lexicon next to the code that reads it).
 * @throws naming the file and, for a schema violation, the path of each offending entry.
 * @example const agencies = lexicon('agencies', AgencyLexicon);
 */
export function lexicon<S extends z.ZodType>(name: string, schema: S): z.infer<S>;
export function lexicon<T>(name: string): T;
export function lexicon(name: string, schema?: z.ZodType): unknown {
  let v = cache.get(name);
  if (v === undefined) {
    const url = new URL(`../../data/lexicons/${name}.json`, import.meta.url);
    try {
      v = JSON.parse(readFileSync(url, 'utf8'));
    } catch (e) {
      throw new Error(`lexicon ${url.pathname}: ${(e as Error).message} (is the file there and valid JSON?)`);
    }
    if (schema) {
      const r = schema.safeParse(v);
      if (!r.success) {
        const where = r.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
        throw new Error(`lexicon ${url.pathname} does not match its schema: ${where.join('; ')}`);
      }
      v = r.data;
    }
    cache.set(name, v);
  }
  return v;
}

/** Escapes a literal for use inside a RegExp. */
export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex alternation of literals, longest first so that the longest one wins. */
export function alternation(words: Iterable<string>): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
}
