/**
 * Word segmentation with nodejieba, the project's lexicons loaded as user words so that domain
 * terms (食用菌, 新能源电池, 金刚石) stay whole. The dictionary is written to a temp file and loaded
 * once per process; segmentation runs per sentence and offsets come from the running cursor
 * (jieba returns the input split into consecutive pieces).
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import type { Document, Token } from './model.ts';
import type { Stage } from './stage.ts';
import { taxonomyTerms } from './taxonomy.ts';

let loaded = false;

/** Words every extractor wants kept whole: the industry taxonomy's names and aliases. */
function userWords(): string[] {
  const words = new Set<string>();
  for (const t of taxonomyTerms()) if (t.length >= 2 && !/\s/.test(t)) words.add(t);
  return [...words];
}

/** Loads jieba with the user dictionary, once. */
export function ensureJieba(): void {
  if (loaded) return;
  const dir = mkdtempSync(join(tmpdir(), 'xianzhi-jieba-'));
  const file = join(dir, 'user.dict.utf8');
  // Keep jieba's own user words too, then ours (word, frequency, tag).
  const base = readFileSync((nodejieba as unknown as { DEFAULT_USER_DICT: string }).DEFAULT_USER_DICT, 'utf8').trimEnd();
  writeFileSync(file, `${base}\n${userWords().map((w) => `${w} n`).join('\n')}\n`);
  nodejieba.load({ userDict: file });
  loaded = true;
}

/** Tokens of `text` (offsets relative to `base`). */
export function tokenize(text: string, base = 0): Token[] {
  ensureJieba();
  const out: Token[] = [];
  let cursor = 0;
  for (const { word, tag } of nodejieba.tag(text)) {
    let at = text.startsWith(word, cursor) ? cursor : text.indexOf(word, cursor);
    if (at < 0) continue; // jieba dropped or changed something: skip rather than misplace
    out.push({ word, tag, start: base + at, end: base + at + word.length });
    cursor = at + word.length;
  }
  return out;
}

export const segment: Stage = {
  name: 'segment',
  run(doc: Document): Document {
    const tokens: Token[] = [];
    for (const s of doc.sentences) for (const t of tokenize(s.text, s.start)) tokens.push(t);
    doc.tokens = tokens;
    return doc;
  },
};
