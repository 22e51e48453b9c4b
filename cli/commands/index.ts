import type { Command } from '../command.ts';
import { start } from './start.ts';
import { neo4j } from './neo4j.ts';
import { ingest } from './ingest.ts';
import { extract } from './extract.ts';
import { serve } from './serve.ts';
import { stats } from './stats.ts';
import { exportCommand } from './export.ts';
import { bench } from './bench.ts';
import { corpus } from './corpus.ts';
import { evalCommand } from './eval.ts';

/** Every `xianzhi` command, in the order `--help` lists them. */
export const commands: Command[] = [start, neo4j, ingest, extract, serve, stats, exportCommand, bench, corpus, evalCommand];
