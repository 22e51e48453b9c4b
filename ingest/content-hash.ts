import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The hash that tells an unchanged document on re-ingest. It covers the file's bytes AND the
 * extractor (the ingest code and the lexicons and taxonomies in data/): when the rules improve,
 * re-ingesting the same files re-extracts them instead of keeping the old facts.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['ingest', 'data'];

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return listFiles(full);
      return /\.(ts|mjs|json|jsonl|txt)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [full] : [];
    })
    .sort();
}

let cached: string | undefined;

/** A fingerprint of the extractor: sha256 over the ingest sources and data files (tests excluded). */
export function extractorVersion(): string {
  if (cached) return cached;
  const h = createHash('sha256');
  for (const file of SOURCES.flatMap((s) => listFiles(path.join(ROOT, s)))) {
    h.update(path.relative(ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return (cached = h.digest('hex').slice(0, 16));
}

/** The stored content hash of a document: sha256 of its bytes (or text), salted with the extractor version. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(extractorVersion()).update('\0').update(bytes).digest('hex');
}
