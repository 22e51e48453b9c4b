import type { Command } from '../command.ts';

export const stats: Command = {
  name: 'stats',
  summary: '(not built yet)',
  help: 'xianzhi stats (not built yet)',
  async run() {
    console.error('xianzhi stats: not built yet');
    return 1;
  },
};
