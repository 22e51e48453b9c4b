import type { Command } from '../command.ts';

export const exportCommand: Command = {
  name: 'export',
  summary: '(not built yet)',
  help: 'xianzhi export (not built yet)',
  async run() {
    console.error('xianzhi export: not built yet');
    return 1;
  },
};
