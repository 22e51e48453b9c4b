/**
 * The public entry of ingest: what `graph/`, `api/` and the CLI call.
 *
 * @example
 *   const doc = await readDocument('seeds/004_d7d2b8b6c071a4db.txt');
 *   doc.facts.county?.code; // '621225'
 *   JSON.stringify(toPrediction(doc)); // the scorer's format
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CountyFact, Document, DocumentKind, DocumentMeta, IndustryFact } from './model.ts';
import { emptyFacts } from './model.ts';
import { readSource } from './read.ts';
import { defaultPipeline, type Pipeline } from './pipeline.ts';
import { areaByCode, areasByName } from './gazetteer.ts';
import { KINDS as KIND_LIST } from './kind.ts';

export type * from './model.ts';
export { emptyFacts } from './model.ts';
export type { Stage } from './stage.ts';
export { indicatorCatalogue, indicatorById, resolveIndicator, convertUnit } from './indicators.ts';
export type { IndicatorEntry, IndicatorMeasure } from './indicators.ts';
export { industryHierarchy, industryByIdOrAlias, industrySubtree, type IndustryNode } from './taxonomy.ts';

let pipeline: Pipeline | null = null;

/**
 * Runs the pipeline over text already decoded. `opts.id` defaults to the file name without extension;
 * `opts.pages` and `opts.sourceMeta` come from the reader (they must be in place before extraction,
 * which gives evidence its page).
 */
export function processText(
  text: string,
  meta: DocumentMeta = {},
  opts: { id?: string; path?: string; pages?: number[]; sourceMeta?: Document['sourceMeta'] } = {},
): Document {
  pipeline ??= defaultPipeline();
  const file = meta.file ?? (opts.path ? basename(opts.path) : undefined);
  const doc: Document = {
    id: opts.id ?? (file ? file.replace(/\.[^.]+$/, '') : 'text'),
    ...(opts.path ? { path: opts.path } : {}),
    meta: { ...meta, ...(file ? { file } : {}) },
    text,
    ...(opts.pages ? { pages: opts.pages } : {}),
    ...(opts.sourceMeta ? { sourceMeta: opts.sourceMeta } : {}),
    masks: [],
    headings: [],
    sentences: [],
    words: null,
    facts: emptyFacts(),
    diagnostics: [],
  };
  return pipeline.run(doc);
}

/**
 * Reads a file (PDF, Word, web page, or text in any supported encoding: ingest/read.ts) and runs the
 * pipeline. @throws naming the file when it cannot be read (a scanned PDF: "no text layer").
 */
export async function readDocument(path: string, meta: DocumentMeta = {}): Promise<Document> {
  const { text, encoding, contentHash, pages, sourceMeta } = await readSource(path);
  const doc = processText(text, { ...meta, file: meta.file ?? basename(path) }, { path, pages, sourceMeta });
  doc.encoding = encoding;
  doc.contentHash = contentHash;
  return doc;
}

const countyOut = (c: CountyFact | null) =>
  c && { name: c.name, code: c.code, province: c.province ?? null, city: c.city ?? null, source: c.source, confidence: c.confidence, evidence: c.evidence, ...(c.candidates ? { candidates: c.candidates } : {}) };

/**
 * The extraction in the scorer's format (`test/eval/score.mjs`), with richer fields the scorer
 * ignores: evidence, confidence, sector codes. `county` is the declared county, else the text's,
 * else the inferred one, so masked documents are scored too.
 */
export function toPrediction(doc: Document): object {
  const f = doc.facts;
  return {
    doc: doc.meta.file ?? doc.id,
    id: doc.id,
    title: doc.meta.title ?? doc.title ?? doc.sourceMeta?.title ?? null,
    kind: doc.meta.kind ?? doc.kind ?? null,
    date: doc.meta.date ?? doc.date ?? doc.sourceMeta?.date ?? null,
    // The plan year: a manifest's date says it; else what the text says (ingest/kind.ts).
    year: (doc.meta.date ? Number(doc.meta.date.slice(0, 4)) : null) ?? doc.year ?? null,
    encoding: doc.encoding ?? null,
    reader: doc.sourceMeta?.reader ?? null,
    ...(doc.sourceMeta && (doc.sourceMeta.title || doc.sourceMeta.date) ? { sourceMeta: doc.sourceMeta } : {}),
    ...(doc.pages ? { pages: doc.pages.length } : {}),
    contentHash: doc.contentHash ?? null,
    masked: doc.meta.masked ?? (f.county?.source === 'inferred' || f.countySuggestion != null),
    county: countyOut(f.county ?? f.countySuggestion),
    countySuggestion: countyOut(f.countySuggestion),
    // Unknown `X产业` candidates are kept apart: the scorer and the graph read `industries` as
    // taxonomy-backed facts; candidates are for review.
    industries: f.industries.filter((i) => !i.id.startsWith('candidate:')).map(industryOut),
    industryCandidates: f.industries.filter((i) => i.id.startsWith('candidate:')).map(industryOut),
    projects: f.projects,
    targets: f.targets,
    results: f.results,
    agencies: f.agencies,
    enterprises: f.enterprises,
    plans: f.plans,
    diagnostics: doc.diagnostics,
  };
}

const industryOut = (i: IndustryFact) => ({
  name: i.name,
  aliases: i.aliases,
  id: i.id,
  broader: i.broader ?? null,
  tier: i.tier ?? null,
  section: i.section ?? null,
  division: i.division ?? null,
  sei: i.sei ?? null,
  confidence: i.confidence,
  count: i.count ?? i.evidence.length,
  evidence: i.evidence,
});

const KINDS: readonly DocumentKind[] = KIND_LIST;
/** Kinds older manifests used, and the closed list's name for them. */
const LEGACY_KINDS: Record<string, DocumentKind> = { 讲话: '其他', 新闻稿: '新闻报道', 计划报告: '计划执行情况报告' };

/**
 * Reads a manifest (`seeds/manifest.json`: `{documents: [{file, county: {name, code}, kind, date, …}]}`)
 * into file name → meta. @throws naming the file and the entry: malformed JSON, an entry without
 * `file`, a county code that is not 6 digits or not in the gazetteer, a name that does not match its code.
 */
export async function loadManifest(path: string): Promise<Map<string, DocumentMeta>> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (e) {
    throw new Error(`manifest ${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new Error(`manifest ${path}: malformed JSON (${(e as Error).message})`);
  }
  const list = Array.isArray(json) ? json : (json as { documents?: unknown })?.documents;
  if (!Array.isArray(list)) throw new Error(`manifest ${path}: expected {"documents": [...]} (or an array of entries)`);
  const out = new Map<string, DocumentMeta>();
  list.forEach((entry: any, i: number) => {
    const where = `manifest ${path}, entry ${i + 1}${entry?.file ? ` (${entry.file})` : ''}`;
    if (!entry || typeof entry !== 'object') throw new Error(`${where}: not an object`);
    if (typeof entry.file !== 'string' || !entry.file.trim()) throw new Error(`${where}: missing "file" (the document's file name)`);
    if (out.has(entry.file)) throw new Error(`${where}: "${entry.file}" is listed twice`);
    const meta: DocumentMeta = { file: entry.file };
    if (entry.title != null) meta.title = String(entry.title);
    if (entry.kind != null) {
      const k = LEGACY_KINDS[entry.kind] ?? entry.kind;
      if (!KINDS.includes(k)) throw new Error(`${where}: kind "${entry.kind}" is not one of ${KINDS.join(', ')}`);
      meta.kind = k;
    }
    if (entry.date != null) {
      if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(String(entry.date))) throw new Error(`${where}: date "${entry.date}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
      meta.date = String(entry.date);
    }
    if (entry.masked != null) meta.masked = entry.masked === true;
    if (entry.county != null) {
      const c = entry.county;
      if (c.code != null) {
        if (!/^\d{6}$/.test(String(c.code))) throw new Error(`${where}: county code "${c.code}" is not 6 digits (GB/T 2260)`);
        const area = areaByCode(String(c.code));
        if (!area) throw new Error(`${where}: county code ${c.code} is not in the gazetteer`);
        if (c.name && c.name !== area.name) throw new Error(`${where}: county name "${c.name}" does not match code ${c.code} (${area.name})`);
      } else if (c.name && !areasByName(c.name).length) {
        throw new Error(`${where}: county "${c.name}" is not in the gazetteer`);
      }
      meta.county = { ...(c.name ? { name: c.name } : {}), ...(c.code ? { code: String(c.code) } : {}), ...(c.province ? { province: c.province } : {}), ...(c.city ? { city: c.city } : {}) };
    }
    out.set(entry.file, meta);
  });
  return out;
}
