/**
 * The `podj` executable (`dist/podj/bin.js`, CommonJS): runs the bundled program (`dist/podj/podj.js`, one
 * CommonJS file) from V8's code cache. Node 20 compiles an ES module's source on every start and offers no
 * compile cache (Node 22's `module.enableCompileCache`); a `vm.Script` takes V8's `cachedData`, which
 * `scripts/bundle.mjs` makes after a `podj get pods -A` and a `podj describe pod --at` run in one process, so it
 * also holds every function those runs compiled lazily. A start then deserializes code instead of parsing and
 * compiling it, and skips Node's ES module loader (a CommonJS main never starts it).
 *
 * The cache file is named after the bundle's content hash (the build writes it as the bundle's last line), so
 * a cache made for another build is never found; V8 itself rejects one made by another V8, under other flags
 * or for a source of another length. Either way the program compiles from its source, as it would without a
 * cache: slower, never wrong. (A bundle edited by hand keeps its hash line: rebuild instead.)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { limitHeapGrowth } from './heap-growth.js';
import { limitInlining } from './inlining-budget.js';

const PROGRAM = join(__dirname, 'podj.js');

/**
 * `PODJ_CODE_CACHE=write` (the build): the run saves the code V8 compiled, at exit, as the cache.
 * `PODJ_CODE_CACHE=check`: the run says on stderr whether the cache was used (`code cache: used`, `rejected`,
 * `missing`); the build and the tests check that V8 takes the cache it was given.
 */
const MODE = process.env['PODJ_CODE_CACHE'];
const WRITE = MODE === 'write';

// Before compiling: V8 accepts a code cache only under the flags it was made with.
limitHeapGrowth();
limitInlining();

// The build checks the bundle is ASCII: read as latin1, it becomes a one-byte string with no UTF-8 decoding.
const source = readFileSync(PROGRAM, 'latin1');
const stamp = /\/\/ podj-bundle ([0-9a-f]{64})\s*$/.exec(source.slice(-100))?.[1];
const cacheFile = stamp === undefined ? undefined : join(__dirname, `podj-${stamp.slice(0, 16)}.cache`);
const cachedData = cacheFile !== undefined && !WRITE && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;

// CommonJS's own wrapper, on the first line so that line numbers stay the bundle's.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: PROGRAM,
  ...(cachedData === undefined ? {} : { cachedData }),
});
if (MODE === 'check') process.stderr.write(`code cache: ${cachedData === undefined ? 'missing' : script.cachedDataRejected === true ? 'rejected' : 'used'}\n`);
if (WRITE && cacheFile !== undefined) process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));

const main = script.runInThisContext() as (...args: unknown[]) => void;
const start = (): void => {
  const module_ = { exports: {} };
  main.call(module_.exports, module_.exports, createRequire(PROGRAM), module_, PROGRAM, __dirname);
};
start();
/**
 * `PODJ_CODE_CACHE_RUNS` (the build, with `write`): more commands (a JSON list of argument lists) run in turn in
 * the same process once the first is done, each on the same compiled script, so that the cache also holds the
 * code they compiled: a one-pod verb (`describe pod --at`) otherwise compiles its read, fold and printer from
 * source on every start (bench/README.md, "The CLI's one-pod verbs").
 */
if (WRITE) {
  const more = JSON.parse(process.env['PODJ_CODE_CACHE_RUNS'] ?? '[]') as string[][];
  process.on('beforeExit', () => {
    const next = more.shift();
    if (next === undefined) return;
    process.argv = [...process.argv.slice(0, 2), ...next];
    start();
  });
}
