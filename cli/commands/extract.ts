import type { Command } from '../command.ts';

export const extract: Command = {
  name: 'extract',
  summary: '(not built yet)',
  help: 'xianzhi extract (not built yet)',
  async run() {
    console.error('xianzhi extract: not built yet');
    return 1;
  },
};
