/**
 * `npx tsx bench/build.ts`: builds what the bench's children run (`lib/built.ts`) and prints the child's file, to run
 * one measurement by hand: `node --max-semi-space-size=8 bench/dist/child.js replay '{…}'`.
 */
import { buildProductIfStale, bundleChild } from './lib/built.js';

buildProductIfStale();
process.stdout.write(`${await bundleChild()}\n`);
