// Bare `nodejieba.tag` over files, as a process of its own (node start-up, dictionary load, reading
// included): the baseline that `xianzhi extract FILES…` is compared with end to end.
import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';

for (const file of process.argv.slice(2)) nodejieba.tag(readFileSync(file, 'utf8'));
