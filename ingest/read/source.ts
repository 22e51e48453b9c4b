/** What a reader hands the pipeline: the text as the format holds it, its pages, and the format's own metadata. */
export interface SourceText {
  /** The text as read (before normalisation), pages joined by a newline. */
  text: string;
  /** For paged formats: the offset into `text` at which each page starts, page 1 first. */
  pages?: number[];
  /** The character encoding the text was stored in, or the format (`pdf`, `docx`) when it has its own. */
  encoding: string;
  /** Title and date the file declares (PDF info, DOCX core properties, an HTML page's meta). */
  meta: { title?: string; date?: string };
}

/**
 * An ISO date (`YYYY-MM-DD`, or `YYYY-MM`) from the date forms files carry: ISO-8601
 * (`2024-01-15T10:00:00+08:00`), PDF (`D:20240115103000+08'00'`), `2024/1/15`, `2024年1月15日`.
 */
export function isoDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(v);
  const m = pdf ?? /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?/.exec(v);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const year = Number(y);
  if (year < 1949 || year > 2100) return undefined;
  if (!mo || Number(mo) < 1 || Number(mo) > 12) return String(year);
  const month = mo.padStart(2, '0');
  if (!d || Number(d) < 1 || Number(d) > 31) return `${year}-${month}`;
  return `${year}-${month}-${d.padStart(2, '0')}`;
}

/** A declared title worth keeping: not empty, not a file name or an editor's placeholder. */
export function cleanTitle(value: string | null | undefined): string | undefined {
  const t = value?.replace(/\s+/g, ' ').trim().replace(/^Microsoft Word - /, '');
  if (!t || /\.(?:docx?|pdf|wps|txt|html?)$/i.test(t) || /^(?:untitled|无标题|新建\s*Microsoft\s*Word\s*文档)/i.test(t)) return undefined;
  return t;
}
