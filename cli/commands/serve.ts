import type { Command } from '../command.ts';

export const serve: Command = {
  name: 'serve',
  summary: '(not built yet)',
  help: 'xianzhi serve (not built yet)',
  async run() {
    console.error('xianzhi serve: not built yet');
    return 1;
  },
};
