/**
 * The example queries of README.md and docs/api.md, and the answers shown with them.
 *
 * The convention (docs/api.md, "Examples in these docs"): a ```graphql block is an example; the
 * first ```json block after it, before the next example, is its answer on the seeds. An answer
 * may be trimmed: an object shows some of its keys, a list its first items (in order), a string
 * ending in … only its beginning ("…" alone: any value), a number as many decimals as matter.
 * An answer with a top-level "data" or "errors" is the whole response; otherwise it is `data`.
 */
export interface Example {
  file: string;
  line: number;
  query: string;
  variables?: Record<string, unknown>;
  answer?: { text: string; start: number; end: number };
}

export function examplesOf(file: string, markdown: string): Example[] {
  const out: Example[] = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```\s*$/gm;
  let last: Example | undefined;
  let after = 0;
  for (const m of markdown.matchAll(fence)) {
    // Variables: `{…}` in the prose between an example and its answer.
    const prose = markdown.slice(after, m.index);
    after = m.index! + m[0].length;
    const vars = /^Variables: `(\{.*\})`\s*$/m.exec(prose);
    if (last && !last.answer && vars) last.variables = JSON.parse(vars[1]!);
    const lang = m[1];
    const line = markdown.slice(0, m.index).split('\n').length;
    if (lang === 'graphql') {
      last = { file, line, query: m[2]! };
      out.push(last);
    } else if (lang === 'json' && last && !last.answer) {
      const start = m.index! + m[0].indexOf('\n') + 1;
      last.answer = { text: m[2]!, start, end: start + m[2]!.length };
    } else if (lang !== 'json') last = undefined;
  }
  return out;
}

const decimals = (n: number) => (String(n).split('.')[1] ?? '').length;

/** Where `actual` departs from the `shown` (trimmed) answer: one line per difference. */
export function differences(shown: unknown, actual: unknown, at = '$'): string[] {
  if (typeof shown === 'string' && shown.endsWith('…')) {
    const head = shown.slice(0, -1);
    return head === '' || (typeof actual === 'string' && actual.startsWith(head)) ? [] : [`${at}: ${JSON.stringify(actual)} does not start with ${JSON.stringify(head)}`];
  }
  if (typeof shown === 'number' && typeof actual === 'number') {
    return Math.abs(shown - actual) <= 0.5 * 10 ** -decimals(shown) + 1e-12 ? [] : [`${at}: ${actual}, shown ${shown}`];
  }
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual)) return [`${at}: not a list`];
    if (actual.length < shown.length) return [`${at}: ${actual.length} items, ${shown.length} shown`];
    return shown.flatMap((s, i) => differences(s, actual[i], `${at}[${i}]`));
  }
  if (shown && typeof shown === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return [`${at}: not an object`];
    return Object.entries(shown).flatMap(([k, v]) => (k in actual ? differences(v, (actual as Record<string, unknown>)[k], `${at}.${k}`) : [`${at}.${k}: missing`]));
  }
  return shown === actual ? [] : [`${at}: ${JSON.stringify(actual)}, shown ${JSON.stringify(shown)}`];
}

/** `actual` cut to the shape of `shown` (same keys, as many items, trimmed strings kept): to refresh the docs. */
export function reshape(shown: unknown, actual: unknown): unknown {
  if (typeof shown === 'string' && shown.endsWith('…')) return shown;
  if (Array.isArray(shown) && Array.isArray(actual)) return actual.slice(0, shown.length).map((a, i) => reshape(shown[i], a));
  if (shown && typeof shown === 'object' && actual && typeof actual === 'object' && !Array.isArray(actual)) {
    return Object.fromEntries(Object.keys(shown).filter((k) => k in actual).map((k) => [k, reshape((shown as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k])]));
  }
  return actual;
}

/** The shown part of a response: the whole body when the answer shows `data` or `errors`, else `data`. */
export const comparedPart = (shown: unknown, body: { data?: unknown }) =>
  shown && typeof shown === 'object' && ('data' in shown || 'errors' in shown) ? body : body.data;

/** JSON as the block had it: indented when it was, else compact with one line per item of each top-level list. */
export function format(value: unknown, like: string): string {
  if (/\n {2}"/.test(like)) return JSON.stringify(value, null, 2) + '\n';
  if (!value || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value) + '\n';
  const fields = Object.entries(value).map(([k, v]) =>
    Array.isArray(v) && v.length ? `${JSON.stringify(k)}: [${v.map((x) => JSON.stringify(x)).join(',\n  ')}]` : `${JSON.stringify(k)}: ${JSON.stringify(v)}`,
  );
  return `{${fields.join(',\n ')}}\n`;
}
