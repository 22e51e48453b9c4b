/**
 * Word segmentation with nodejieba, the project's lexicons loaded as user words so that domain
 * terms (食用菌, 新能源电池, 金刚石) stay whole. The dictionary is written to a temp file and loaded
 * once per process; offsets come from the running cursor (jieba returns the input split into
 * consecutive pieces).
 */
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import type { Document, Token } from './model.ts';
import type { Stage } from './stage.ts';
import { taxonomyTerms } from './taxonomy.ts';
import { Words } from './words.ts';

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
  // The keyword extractor's idf table (6 MB) and stop words serve only nodejieba.extract, which
  // nothing here calls: one-line stand-ins save ~0.1 s of every process's start.
  const idfDict = join(dir, 'idf.utf8');
  const stopWordDict = join(dir, 'stop_words.utf8');
  writeFileSync(idfDict, '的 1.0\n');
  writeFileSync(stopWordDict, '的\n');
  nodejieba.load({ userDict: file, idfDict, stopWordDict });
  // jieba has read them all: leave nothing behind in the temp folder.
  rmSync(dir, { recursive: true, force: true });
  loaded = true;
}

/**
 * A token's part of speech, asked of jieba only when an extractor reads it (industries reads the
 * word before 产业; nothing else does). jieba's tagger gives a word its dictionary tag, or `x` to a
 * word it does not know, whatever the context — so tagging the word alone gives the same answer,
 * memoised per word. Tagging every token of every report cost 1.7× the segmentation itself.
 */
const tags = new Map<string, string>();
export function tagOf(word: string): string {
  let tag = tags.get(word);
  if (tag === undefined) {
    ensureJieba();
    const t = nodejieba.tag(word);
    // Split apart when alone: a word jieba's HMM made up in context, which its tagger calls `x`.
    tag = t.length === 1 && t[0]!.word === word ? t[0]!.tag : 'x';
    tags.set(word, tag);
  }
  return tag;
}

class Segmented implements Token {
  constructor(
    readonly word: string,
    readonly start: number,
    readonly end: number,
  ) {}

  get tag(): string {
    return tagOf(this.word);
  }
}

/** Tokens of `text` (offsets relative to `base`). */
export function tokenize(text: string, base = 0): Token[] {
  ensureJieba();
  const out: Token[] = [];
  let cursor = 0;
  for (const word of nodejieba.cut(text, true)) {
    const at = text.startsWith(word, cursor) ? cursor : text.indexOf(word, cursor);
    if (at < 0) continue; // jieba dropped or changed something: skip rather than misplace
    out.push(new Segmented(word, base + at, base + at + word.length));
    cursor = at + word.length;
  }
  return out;
}

/**
 * The segment stage: the document's words, found chunk by chunk where an extractor asks
 * (ingest/words.ts). jieba is loaded here, so that a document no one asks about still has the
 * project's dictionary in place for `tagOf`.
 */
export const segment: Stage = {
  name: 'segment',
  run(doc: Document): Document {
    ensureJieba();
    doc.words = new Words(doc.text, doc.sentences, tokenize);
    return doc;
  },
};
