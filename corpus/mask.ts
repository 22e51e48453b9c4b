import { shortFormsOf } from '../ingest/gazetteer.ts';

/**
 * Masks a county's own name the way published extracts do (`xx县`, `X市`, bare `xx` for a short
 * form), so masked reports with a known answer can test inference from place names. Longest
 * forms first: `孟连傣族拉祜族佤族自治县` before `孟连县` before `孟连`.
 */
export function maskCounty(text: string, name: string, code: string, mark = 'xx'): string {
  const level = /(?:林区|特区)$/.test(name) ? name.slice(-2) : name.slice(-1);
  const forms = [name, ...shortFormsOf(code)].sort((a, b) => b.length - a.length);
  let out = text;
  for (const f of forms) {
    const leveled = /(?:县|市|区|旗)$/.test(f);
    out = out.replaceAll(f, leveled ? `${mark}${level}` : mark);
  }
  return out;
}
