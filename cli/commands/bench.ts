import type { Command } from '../command.ts';

export const bench: Command = {
  name: 'bench',
  summary: '(not built yet)',
  help: 'xianzhi bench (not built yet)',
  async run() {
    console.error('xianzhi bench: not built yet');
    return 1;
  },
};
