import type { Command } from '../command.ts';

export const evalCommand: Command = {
  name: 'eval',
  summary: '(not built yet)',
  help: 'xianzhi eval (not built yet)',
  async run() {
    console.error('xianzhi eval: not built yet');
    return 1;
  },
};
