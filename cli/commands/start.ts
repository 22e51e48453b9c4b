import type { Command } from '../command.ts';

export const start: Command = {
  name: 'start',
  summary: '(not built yet)',
  help: 'xianzhi start (not built yet)',
  async run() {
    console.error('xianzhi start: not built yet');
    return 1;
  },
};
