/**
 * Progress on stderr: a redrawn bar on a terminal, plain lines (about every 10%) otherwise, so
 * logs and CI output stay readable.
 *
 * @example const p = progressReporter(); p.update({files: 3, totalFiles: 10, bytes: 9e4, totalBytes: 3e5, entities: {industries: 12}}); p.done();
 */
import type { Progress } from '../ingest/bulk.ts';

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

export function formatEntities(e: Record<string, number>): string {
  return Object.entries(e)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

export function progressReporter(stream: NodeJS.WriteStream = process.stderr) {
  const tty = Boolean(stream.isTTY);
  const started = performance.now();
  let lastDecile = -1;
  let lastDraw = 0;
  return {
    tty,
    update(p: Progress): void {
      const frac = p.totalFiles ? p.files / p.totalFiles : 1;
      const secs = (performance.now() - started) / 1000;
      const entities = Object.values(p.entities).reduce((a, b) => a + b, 0);
      if (tty) {
        const now = performance.now();
        if (now - lastDraw < 100 && p.files < p.totalFiles) return; // redraw at most 10× a second
        lastDraw = now;
        const width = 28;
        const full = Math.round(frac * width);
        const bar = '█'.repeat(full) + '░'.repeat(width - full);
        const rate = secs > 0 ? (p.files / secs).toFixed(1) : '–';
        stream.write(`\r\x1b[K${bar} ${p.files}/${p.totalFiles} files  ${mb(p.bytes)}/${mb(p.totalBytes)}  ${entities} entities  ${rate} docs/s`);
      } else {
        const decile = Math.floor(frac * 10);
        if (decile === lastDecile) return;
        lastDecile = decile;
        stream.write(`progress: ${p.files}/${p.totalFiles} files, ${mb(p.bytes)} of ${mb(p.totalBytes)}, ${entities} entities, ${secs.toFixed(1)}s\n`);
      }
    },
    /** Ends the bar's line so what follows starts clean. */
    done(): void {
      if (tty) stream.write('\n');
    },
  };
}
