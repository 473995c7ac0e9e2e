#!/usr/bin/env node
/** The `podj` executable: runs the CLI on the process's arguments and exits with its code. */
import { run } from './main.js';
import { processIO } from './io.js';
import { limitHeapGrowth } from './heap-growth.js';

limitHeapGrowth();

process.exitCode = await run(process.argv.slice(2), processIO());
