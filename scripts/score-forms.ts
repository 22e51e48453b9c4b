/**
 * Issue 11's measure: the seeds in each form an analyst has them — half-width punctuation,
 * traditional characters, text copied out of a PDF (hard line breaks, page numbers, a running
 * header), a saved web page, PDF and DOCX (LibreOffice) — extracted by `xianzhi extract` without a
 * manifest and scored against the seeds' gold. Prints F1 for industries / projects / targets and
 * the counties right, per form.
 *
 *   npx tsx scripts/score-forms.ts        (needs soffice and opencc: scripts/install-system-deps.sh)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toHalfWidth, toHardWrapped, toTraditional, webPage } from '../test/ingest/forms.fixtures.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEEDS = path.join(ROOT, 'seeds');
const files = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xianzhi-forms-'));

const forms: Record<string, (text: string) => string> = {
  plain: (t) => t,
  'half-width punctuation': (t) => toHalfWidth(t, true),
  'traditional (s2twp)': (t) => toTraditional(t, 's2twp.json'),
  'PDF text (wrapped, page numbers)': (t) => toHardWrapped(t),
};

function dir(form: string): string {
  const d = path.join(tmp, form.replace(/\W+/g, '-'));
  fs.mkdirSync(d, { recursive: true });
  return d;
}

function score(form: string, inputs: string[]): string {
  const out = path.join(tmp, `pred-${form.replace(/\W+/g, '-')}`);
  execFileSync(process.execPath, [path.join(ROOT, 'bin/xianzhi.mjs'), 'extract', '--out', out, ...inputs], { stdio: 'ignore' });
  const json = execFileSync(process.execPath, [path.join(ROOT, 'test/eval/score.mjs'), '--gold', path.join(ROOT, 'test/gold'), '--pred', out, '--json'], { encoding: 'utf8' });
  const s = JSON.parse(json).summary;
  const f = (t: string) => (100 * s[t].f1).toFixed(1);
  return `${form.padEnd(34)} ${f('industries')} / ${f('projects')} / ${f('targets')}   county ${s.county.right}/${s.county.total}`;
}

try {
  console.log(`${'form'.padEnd(34)} industries / projects / targets`);
  for (const [form, make] of Object.entries(forms)) {
    const d = dir(form);
    for (const f of files) fs.writeFileSync(path.join(d, f), make(fs.readFileSync(path.join(SEEDS, f), 'utf8')));
    console.log(score(form, files.map((f) => path.join(d, f))));
  }
  const web = dir('web');
  for (const f of files) fs.writeFileSync(path.join(web, f.replace(/\.txt$/, '.html')), webPage(fs.readFileSync(path.join(SEEDS, f), 'utf8')));
  console.log(score('web page (navigation, footer)', files.map((f) => path.join(web, f.replace(/\.txt$/, '.html')))));
  for (const to of ['pdf', 'docx']) {
    const d = dir(to);
    const profile = `-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`;
    const r = spawnSync('soffice', [profile, '--headless', '--convert-to', to, '--outdir', d, ...files.map((f) => path.join(SEEDS, f))], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`soffice --convert-to ${to}: ${r.stderr || r.stdout}`);
    console.log(score(to.toUpperCase(), files.map((f) => path.join(d, f.replace(/\.txt$/, `.${to}`)))));
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
