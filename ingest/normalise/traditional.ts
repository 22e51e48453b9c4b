/**
 * Traditional → simplified characters through OpenCC (opencc-js, the maintained port of the
 * converter and its dictionaries), Taiwan phrases included (`專案` → `项目`, `資訊` → `信息`).
 * The converter runs only on text that looks traditional, judged by the share of characters that
 * exist only in traditional script, so simplified text pays one table look-up per character.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import OpenCC from 'opencc-js/t2cn';
import { taxonomyTerms } from '../taxonomy.ts';
import { alternation, lexicon } from '../extract/lexicon.ts';
import { Rewriter, type Rewritten } from './rewrite.ts';

type DictGroup = ReadonlyArray<string | ReadonlyArray<readonly [string, string]>>;
const locale = (OpenCC as unknown as { Locale: { from: Record<string, DictGroup[]>; to: { cn: DictGroup[] } } }).Locale;

let tradOnly: Uint8Array | null = null;

/**
 * Characters OpenCC turns into something else and never keeps (`後`, `產`, `縣`; not `著`, `台`,
 * which are also simplified), from the dictionaries opencc-js ships: the same data that converts.
 */
function traditionalOnly(): Uint8Array {
  if (tradOnly) return tradOnly;
  const t = new Uint8Array(0x10000);
  for (const group of locale.to.cn) {
    for (const dict of group) {
      if (typeof dict !== 'string') continue;
      for (const entry of dict.split('|')) {
        const [k, ...vs] = entry.split(' ');
        if (k && k.length === 1 && vs.length && !vs.includes(k)) t[k.charCodeAt(0)] = 1;
      }
    }
  }
  return (tradOnly = t);
}

/** Share of traditional-only characters among CJK ideographs above which a text is converted. */
const TRADITIONAL_SHARE = 0.03;
const MIN_TRADITIONAL = 8;

/** Ideographs after which the share read so far decides (a document does not switch script). */
const ENOUGH = 3000;

/** True when the text is written in traditional characters (not a simplified text quoting a few). */
export function looksTraditional(text: string): boolean {
  const t = traditionalOnly();
  let han = 0;
  let trad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) continue;
    trad += t[c]!;
    if (++han >= ENOUGH) break;
  }
  return trad >= MIN_TRADITIONAL && trad > han * TRADITIONAL_SHARE;
}

let converter: Converter | null = null;

/** jieba's word frequency above which a simplified word is taken for a common mainland word. */
const COMMON_WORD = 1000;
/** jieba's word frequency above which a compound is taken for a mainland word (`智能化`; `资料局`, at 3, is not). */
const KNOWN_COMPOUND = 50;

/** jieba's dictionary (the one it segments with) as word → frequency, read once, for traditional text only. */
function mainlandWords(): Map<string, number> {
  const req = createRequire(import.meta.url);
  const file = join(dirname(req.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict/jieba.dict.utf8');
  const out = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const sp = line.indexOf(' ');
    if (sp > 0) out.set(line.slice(0, sp), Number(line.slice(sp + 1, line.indexOf(' ', sp + 1))));
  }
  return out;
}

interface Converter {
  /** Taiwan phrases as character conversion leaves them (`专案`), and the mainland words they stand for (`项目`). */
  taiwanForms: RegExp;
  mainlandForms: RegExp;
  convert: (s: string) => string;
  /** The same without Taiwan phrases: where the two differ, the text is written in Taiwan phrasing. */
  charsOnly: (s: string) => string;
  /** Compounds of a kept Taiwan phrase, as the mainland writes them (`大资料` → `大数据`), same length. */
  compounds: RegExp | null;
  mainland: Map<string, string>;
}

/**
 * Traditional (Taiwan and Hong Kong variants, Taiwan phrases) → simplified. Taiwan phrases are
 * undone only in text written in Taiwan phrasing — where the Taiwan forms of words that have two
 * (`專案`, `資訊`, `網路`) outnumber the mainland ones (`項目`, `信息`, `網絡`): text converted
 * character by character (or Hong Kong text) writes `效能` and `金鑰匙` as the author did. Even
 * then a phrase is undone only when its literal simplified form is not itself a common mainland
 * word: `專案` → `项目` (专案 is rare), but `智慧` and `新增` stay, since mainland text writes them
 * too; and never when one character would become a word (`埠` stays, for 蚌埠). Such a kept phrase
 * is still undone inside a compound that the mainland writes only with its own term (`大資料` →
 * `大数据`, `智慧化` → `智能化`, but `智慧城市` stays): a compound jieba's dictionary, the
 * industry taxonomy or the agencies' functions know (`數據局`), whose literal form none does.
 */
function buildConverter(): Converter {
  const chars = OpenCC.ConverterFactory(locale.to.cn[0]! as never);
  const tw = new Set(locale.from.tw![0]!);
  const twPhrases = locale.from.twp![0]!.filter((d) => !tw.has(d));
  const entries: Array<[string, string]> = [];
  for (const d of twPhrases) {
    for (const e of typeof d === 'string' ? d.split('|').map((x) => x.split(' ') as [string, string]) : d) {
      // A single character that becomes a word (`埠` → `端口`) is a computing term only in context;
      // alone it turns 蚌埠 and 商埠 into nonsense. One character for one (`矽` → `硅`) is an element's name.
      if (e[0] && e[1] && !(e[0].length === 1 && e[1].length !== 1)) entries.push([e[0], e[1]]);
    }
  }
  const words = mainlandWords();
  const literal = entries.map(([k]) => chars(k));
  const targets = entries.map(([, v]) => chars(v));
  const isCommon = (w: string) => (words.get(w) ?? 0) >= COMMON_WORD;
  const kept = entries.filter((_, i) => !isCommon(literal[i]!));
  // A phrase left alone still stands as itself, so that the converter's longest match does not
  // cut across it (`數字型` is 数字 and 型, not 数 and 字型 → 字体).
  const anchors = entries.filter((_, i) => isCommon(literal[i]!)).map(([k]) => [k, k] as [string, string]);
  const from: DictGroup = [[...kept, ...anchors], ...locale.from.tw![0]!, ...locale.from.hk![0]!];
  // Compounds our lexicons know: industries, and bodies by their functions (数据局, 大数据中心).
  const { functions } = lexicon<{ functions: string[] }>('agencies');
  const known = new Set([...taxonomyTerms(), ...functions, ...functions.flatMap((f) => ['局', '中心', '管理局'].map((x) => f + x))]);
  const mainland = new Map<string, string>();
  // jieba's known compounds by their first two characters' pairs, so each term looks up its own few.
  const byPair = new Map<string, string[]>();
  for (const [w, f] of words) {
    if (f < KNOWN_COMPOUND || w.length < 3) continue;
    for (let i = 0; i + 2 <= w.length; i++) {
      const pair = w.slice(i, i + 2);
      const list = byPair.get(pair);
      if (!list) byPair.set(pair, [w]);
      else if (list[list.length - 1] !== w) list.push(w);
    }
  }
  const compoundsHolding = (term: string) =>
    term.length < 2 ? [...words].filter(([w, f]) => f >= KNOWN_COMPOUND && w.includes(term)).map(([w]) => w) : (byPair.get(term.slice(0, 2)) ?? []).filter((w) => w.includes(term));
  entries.forEach((_, i) => {
    const lit = literal[i]!;
    const target = targets[i]!;
    if (!isCommon(lit) || target === lit || target.length !== lit.length) return;
    const consider = (w: string) => {
      if (w.length <= target.length || !w.includes(target)) return;
      const written = w.replace(target, lit);
      if ((words.get(written) ?? 0) < KNOWN_COMPOUND && !known.has(written)) mainland.set(written, w);
    };
    for (const w of compoundsHolding(target)) consider(w);
    for (const w of known) consider(w);
  });
  // The two forms of the words that have two, as character-converted text writes them.
  const keptLiterals = new Set<string>();
  const mainlandForms = new Set<string>();
  entries.forEach((_, i) => {
    const lit = literal[i]!;
    const target = targets[i]!;
    if (isCommon(lit) || lit === target) return;
    keptLiterals.add(lit);
    if (target.length >= 2) mainlandForms.add(target);
  });
  for (const l of keptLiterals) mainlandForms.delete(l);
  return {
    taiwanForms: new RegExp(alternation(keptLiterals), 'g'),
    mainlandForms: new RegExp(alternation(mainlandForms), 'g'),
    convert: OpenCC.ConverterFactory(from as never, locale.to.cn[0]! as never),
    charsOnly: OpenCC.ConverterFactory([...locale.from.tw![0]!, ...locale.from.hk![0]!] as never, locale.to.cn[0]! as never),
    compounds: mainland.size ? new RegExp(alternation(mainland.keys()), 'g') : null,
    mainland,
  };
}

function count(re: RegExp, text: string): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text)) n++;
  return n;
}

/** Corner brackets as Taiwan and Hong Kong print quotes, to the quotes mainland text uses. */
const QUOTES: Record<string, string> = { '「': '“', '」': '”', '『': '‘', '』': '’' };
const CORNER = /[「」『』]/g;

/**
 * Converts traditional text to simplified. OpenCC's phrase tables can change a word's length
 * (rarely); then the map is kept per clause, which phrases never cross.
 */
export function toSimplified(text: string): Rewritten {
  const c = (converter ??= buildConverter());
  const literal = c.charsOnly(text);
  const taiwan = count(c.taiwanForms, literal) > count(c.mainlandForms, literal);
  const convert = (s: string) => {
    if (!taiwan) return (s === text ? literal : c.charsOnly(s)).replace(CORNER, (q) => QUOTES[q]!);
    const out = c.convert(s).replace(CORNER, (q) => QUOTES[q]!);
    return c.compounds ? out.replace(c.compounds, (w) => c.mainland.get(w)!) : out;
  };
  const whole = convert(text);
  if (whole.length === text.length) return { text: whole, map: null };
  const rw = new Rewriter(text);
  const clause = /[^，。；：、！？\n]*[，。；：、！？\n]?/g;
  for (const m of text.matchAll(clause)) {
    if (!m[0]) break;
    rw.replace(m.index! + m[0].length, convert(m[0]));
  }
  return rw.finish();
}
