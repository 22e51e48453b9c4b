import fs from 'node:fs';
import path from 'node:path';

/**
 * Files in a folder that are metadata, not reports: JSON (manifest.json, a corpus's gold/*.json
 * ground truth — whose names would collide with the reports' ids). Named explicitly, a file is
 * always taken.
 */
const isMetadata = (name: string) => name.toLowerCase().endsWith('.json');

/**
 * Expands the paths a user gave into report files: folders are walked (hidden entries and
 * JSON metadata skipped), files are taken as given. Sorted, so runs are repeatable. Every other
 * file is taken whatever its name — .txt, .pdf, .docx, .doc, .html, .htm or none: the reader is
 * chosen by content (ingest/read/detect.ts), and a file that is no report fails by name rather
 * than being passed over in silence.
 */
export function collectFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && !isMetadata(entry.name)) files.push(full);
    }
  };
  for (const p of paths) {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) missing.push(p);
    else if (st.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files: [...new Set(files)].sort(), missing };
}

/** The manifest that sits in a folder the user named (`seeds/manifest.json`), if any. */
export function manifestBeside(paths: string[]): string | undefined {
  for (const p of paths) {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    const dir = st?.isDirectory() ? p : path.dirname(p);
    const candidate = path.join(dir, 'manifest.json');
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}
