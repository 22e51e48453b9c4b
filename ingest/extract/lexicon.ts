/**
 * Loads the extractors' lexicons (`data/lexicons/*.json`): rules are data, this is the one reader.
 * Each file is read once per process; a missing or malformed file fails with its path.
 */
import { readFileSync } from 'node:fs';

const cache = new Map<string, unknown>();

/**
 * Returns the parsed JSON of `data/lexicons/<name>.json`.
 * @example const agencies = lexicon<{ abbreviations: Record<string, string> }>('agencies');
 */
export function lexicon<T>(name: string): T {
  let v = cache.get(name);
  if (v === undefined) {
    const url = new URL(`../../data/lexicons/${name}.json`, import.meta.url);
    try {
      v = JSON.parse(readFileSync(url, 'utf8'));
    } catch (e) {
      throw new Error(`lexicon ${url.pathname}: ${(e as Error).message} (is the file there and valid JSON?)`);
    }
    cache.set(name, v);
  }
  return v as T;
}

/** Escapes a literal for use inside a RegExp. */
export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex alternation of literals, longest first so that the longest one wins. */
export function alternation(words: Iterable<string>): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
}
