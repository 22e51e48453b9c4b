#!/usr/bin/env node
// Entry of the `xianzhi` command. The code is TypeScript run through tsx's loader, so there is
// no build step between a checkout and a working CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
