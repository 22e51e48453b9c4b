import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs, UsageError, type Command } from '../command.ts';
import { readDocument, toPrediction, loadManifest, type Document, type DocumentMeta, type Evidence } from '../../ingest/index.ts';
import { areaByCode, areasByName } from '../../ingest/gazetteer.ts';

const HELP = `Usage: xianzhi extract FILE… [--out DIR] [--county NAME|CODE] [--manifest PATH] [--explain]

Extracts county, industries, projects, targets, agencies, enterprises and plans from report files
(PDF with a text layer, Word .docx/.doc, a saved web page, or text in UTF-8, UTF-16 or GB18030; the
format is told by the content) without a database, writing one JSON per input: a.txt → DIR/a.json
(its "reader" field says which reader read it).

Options:
  -o, --out DIR          where to write (default .out/extract)
      --county NAME|CODE declare the county of every input (西和县 or 621225)
  -m, --manifest PATH    declare metadata per file (seeds/manifest.json format)
  -e, --explain          print why each fact was found: the rule that produced it and its evidence

Example: xianzhi extract seeds/*.txt --out /tmp/pred`;

/** `--county` as a declared county: a 6-digit code or a gazetteer name. */
function declaredCounty(value: string): DocumentMeta['county'] {
  if (/^\d{6}$/.test(value)) {
    const a = areaByCode(value);
    if (!a) throw new UsageError(`--county ${value}: no county-level unit has that code`);
    return { name: a.name, code: a.code };
  }
  const found = areasByName(value);
  if (found.length === 0) throw new UsageError(`--county ${value}: not a county-level name in the gazetteer (try the full name, e.g. 西和县, or the 6-digit code)`);
  if (found.length > 1) throw new UsageError(`--county ${value}: ambiguous (${found.map((a) => a.code).join(', ')}); give the code`);
  return { name: found[0]!.name, code: found[0]!.code };
}

export const extract: Command = {
  help: HELP,
  async run(argv) {
    const { flags, positionals } = parseArgs(argv, { out: { type: 'string', short: 'o' }, county: { type: 'string' }, manifest: { type: 'string', short: 'm' }, explain: { type: 'boolean', short: 'e' } });
    if (!positionals.length) throw new UsageError('give at least one FILE');
    const out = resolve(typeof flags.out === 'string' ? flags.out : '.out/extract');
    const county = typeof flags.county === 'string' ? declaredCounty(flags.county) : undefined;
    const manifest = typeof flags.manifest === 'string' ? await loadManifest(flags.manifest) : new Map<string, DocumentMeta>();
    mkdirSync(out, { recursive: true });
    let failed = 0;
    for (const file of positionals) {
      const name = basename(file);
      try {
        const meta: DocumentMeta = { ...(manifest.get(name) ?? {}), ...(county ? { county } : {}) };
        const doc = await readDocument(file, meta);
        const target = join(out, `${name.replace(/\.[^.]+$/, '')}.json`);
        // Synchronous, as the reading is (ingest/read.ts): an await per file let V8 idle-collect.
        writeFileSync(target, `${JSON.stringify(toPrediction(doc), null, 2)}\n`);
        const c = doc.facts.county;
        const f = doc.facts;
        console.log(
          `${file}: [${doc.sourceMeta?.reader ?? '?'}] ${c ? `${c.name} ${c.code} (${c.source}${c.source === 'inferred' ? ` ${c.confidence}` : ''})` : 'county ?'}, ` +
            `${f.industries.length} industries, ${f.projects.length} projects, ${f.targets.length} targets, ${f.agencies.length} agencies → ${target}`,
        );
        if (flags.explain) console.log(explain(doc));
      } catch (e) {
        failed++;
        const message = (e as Error).message;
        console.error(message.startsWith(file) ? message : `${file}: ${message}`);
      }
    }
    return failed ? 1 : 0;
  },
};

const FACT_TYPES = ['industries', 'projects', 'targets', 'results', 'agencies', 'enterprises', 'plans'] as const;

/** Each fact with the rule that produced it and where it stands: one line per fact, by type. */
export function explain(doc: Document): string {
  const lines: string[] = [];
  const c = doc.facts.county ?? doc.facts.countySuggestion;
  if (c) lines.push(`  county  ${c.name ?? '?'} ${c.code ?? ''} (${c.source}, confidence ${c.confidence})${c.evidence[0] ? `  «${c.evidence[0].snippet}»` : ''}`);
  for (const type of FACT_TYPES) {
    const facts = doc.facts[type] as Array<{ name?: string; indicator?: string; value?: number | null; unit?: string | null; evidence: Evidence[] }>;
    if (!facts.length) continue;
    lines.push(`  ${type} (${facts.length})`);
    for (const f of facts) {
      const label = f.name ?? `${f.indicator} ${f.value ?? 'x'}${f.unit ?? ''}`;
      const e = f.evidence[0];
      lines.push(`    ${label}  [${e?.rule ?? 'no rule id'}]${e ? `  sentence ${e.sentence}${e.page ? `, page ${e.page}` : ''}: «${e.snippet}»` : ''}`);
    }
  }
  return lines.join('\n');
}

const pageOf = (e: Evidence) => e.page;
