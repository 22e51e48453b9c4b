import fs from 'node:fs';
import { once } from 'node:events';

/**
 * A file written piece by piece, waiting whenever the OS buffer is full: an export of millions of
 * rows then holds one batch in memory, not the whole file.
 */
export class Sink {
  private readonly stream: fs.WriteStream;
  constructor(readonly path: string) {
    this.stream = fs.createWriteStream(path, { encoding: 'utf8' });
  }

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }
}
