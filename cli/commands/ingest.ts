import type { Command } from '../command.ts';

export const ingest: Command = {
  name: 'ingest',
  summary: '(not built yet)',
  help: 'xianzhi ingest (not built yet)',
  async run() {
    console.error('xianzhi ingest: not built yet');
    return 1;
  },
};
