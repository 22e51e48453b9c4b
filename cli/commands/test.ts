import type { Command } from '../command.ts';

export const test: Command = {
  name: 'test',
  summary: '(not built yet)',
  help: 'xianzhi test (not built yet)',
  async run() {
    console.error('xianzhi test: not built yet');
    return 1;
  },
};
