import type { Command } from '../command.ts';

export const neo4j: Command = {
  name: 'neo4j',
  summary: '(not built yet)',
  help: 'xianzhi neo4j (not built yet)',
  async run() {
    console.error('xianzhi neo4j: not built yet');
    return 1;
  },
};
