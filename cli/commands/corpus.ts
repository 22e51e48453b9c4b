import type { Command } from '../command.ts';

export const corpus: Command = {
  name: 'corpus',
  summary: '(not built yet)',
  help: 'xianzhi corpus (not built yet)',
  async run() {
    console.error('xianzhi corpus: not built yet');
    return 1;
  },
};
