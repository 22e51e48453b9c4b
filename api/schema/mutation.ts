import { removeDocuments } from '../../graph/index.ts';
import { text } from '../args.ts';
import { apiError, CODES } from '../errors.ts';
import type { ApiContext } from '../context.ts';

/** The largest text `ingestDocument` takes: a county report is well under 1 MB. */
export const MAX_INGEST_CHARS = 2_000_000;

interface MetadataInput {
  id?: string | null;
  file?: string | null;
  title?: string | null;
  kind?: string | null;
  date?: string | null;
  masked?: boolean | null;
  county?: { code?: string | null; name?: string | null; province?: string | null; city?: string | null } | null;
}

const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v != null));

/** Mutations need a configured token and a request carrying it. */
function authorise(ctx: ApiContext, field: string): void {
  if (!ctx.auth.configured) {
    throw apiError(`this API is read-only: ${field} is enabled by setting XIANZHI_API_TOKEN on the server`, CODES.READ_ONLY);
  }
  if (!ctx.auth.ok) throw apiError(`${field} needs the header \`Authorization: Bearer <token>\` with the configured token`, CODES.UNAUTHENTICATED);
}

export const Mutation = {
  /** Removes a document and everything only it supported; false when no document has the id. */
  removeDocument: async (_: unknown, a: { id: string }, ctx: ApiContext) => {
    authorise(ctx, 'removeDocument');
    const id = String(text('id', a.id));
    const { removed } = await removeDocuments(ctx.graph, [id], { timeoutMs: 60_000 });
    return removed.length > 0;
  },
  ingestDocument: async (_: unknown, a: { text: string; metadata?: MetadataInput | null }, ctx: ApiContext) => {
    authorise(ctx, 'ingestDocument');
    if (!a.text.trim()) throw apiError('text is empty', CODES.BAD_USER_INPUT, { argument: 'text' });
    if (a.text.length > MAX_INGEST_CHARS) throw apiError(`text is longer than ${MAX_INGEST_CHARS} characters`, CODES.BAD_USER_INPUT, { argument: 'text' });
    const m = a.metadata ?? {};
    // Loaded on first use: a read-only server never pays for the extraction pipeline (dictionaries, jieba).
    const { ingestText } = await import('../../ingest/store.ts');
    const meta = defined({
      file: m.file,
      title: m.title,
      kind: m.kind,
      date: m.date,
      masked: m.masked,
      county: m.county ? defined(m.county) : undefined,
    }) as Parameters<typeof ingestText>[2];
    const r = await ingestText(ctx.graph, a.text, meta, { id: m.id ?? undefined });
    return { id: r.id, status: r.status, duplicateOf: r.duplicateOf ?? null, county: r.county, counts: r.counts, warnings: r.warnings, document: ctx.loaders.document.load(r.id) };
  },
};
