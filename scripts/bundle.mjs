/**
 * Bundles the `podj` CLI into dist/podj/: the program as one minified CommonJS file (`podj.js`), the executable
 * that starts it from V8's code cache (`bin.js`, src/cli/launcher.ts), and that cache, made by a `get pods -A`
 * and a `describe pod --at` run in one process on a small journal. Verbs stay lazy inside the one file: esbuild turns each `import()` into a module
 * initialised on first use, so a verb runs only its own modules' top-level code. LevelDB's JavaScript (level,
 * classic-level, abstract-level and their helpers, about twenty small CommonJS modules) is bundled too, since
 * resolving each module from node_modules at start-up costs more than the code; only classic-level's native
 * binding stays outside, required from its package at run time (node-gyp-build finds the prebuilt `.node` file
 * beside it).
 *
 * Why one CommonJS file, not ES module chunks: Node 20 caches no compiled code for ES modules, and its ES module
 * loader alone costs a start ~10 ms of CPU; a CommonJS source goes through `vm.Script`, which takes V8's code
 * cache (measured in bench/README.md, "Cold start from a code cache").
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { chmod, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { PROCESS_START } from '../dist/cli/heap-growth.js';

const OUT = 'dist/podj';

/**
 * The executable's `#!` line: node started with what it reads only at its start (src/cli/heap-growth.ts), which
 * the program cannot set for itself once running. `env -S` splits the line into its assignments, node and its
 * flags (GNU coreutils since 8.30, the BSDs, macOS; BusyBox's env has no `-S`).
 */
const HASHBANG = `#!/usr/bin/env -S ${PROCESS_START}`;

/**
 * classic-level's `require('./binding')` becomes a module that loads this platform's prebuilt `.node` file by
 * its path, and only if that fails (no prebuild here, another libc) asks node-gyp-build as classic-level does
 * (`require('classic-level/binding.js')`): node-gyp-build reads package.json and lists folders on every start,
 * some tens of ms of a CLI's start-up.
 */
const nativeBindingOutside = {
  name: 'native-binding-outside',
  setup(build) {
    build.onResolve({ filter: /^\.\/binding$/ }, (args) =>
      /[\\/]classic-level[\\/]/.test(args.importer) ? { path: 'classic-level-binding', namespace: 'podj' } : undefined,
    );
    build.onResolve({ filter: /^classic-level\/binding\.js$/ }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /^classic-level-binding$/, namespace: 'podj' }, () => ({
      contents: `
        let binding;
        try {
          binding = require(\`classic-level/prebuilds/\${process.platform}-\${process.arch}/classic-level.node\`);
        } catch {
          binding = require('classic-level/binding.js');
        }
        module.exports = binding;`,
      loader: 'js',
    }));
  },
};

/**
 * Built-in modules loaded on first use instead of at start-up: Node compiles each from its own source when first
 * required, and these pull in many more (node:crypto its hashes, ciphers and key classes; node:child_process,
 * which commander requires for subcommands in other executables that podj never has, node:net and node:dgram;
 * node:fs/promises its file handles and streams), a few ms of CPU each on a start where `get pods` never hashes,
 * spawns or awaits a file. The stand-in has a getter for each name the module exports (listed when building),
 * which loads it on first read: esbuild's output reads the name at each call (`import_node_crypto.hash(…)`), or
 * copies the getters themselves (`__toESM`).
 */
const LAZY_BUILTINS = ['crypto', 'child_process', 'fs/promises'];
const require = createRequire(import.meta.url);
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    build.onResolve({ filter }, (args) =>
      // the stand-in's own require is the real module
      args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: `node:${args.path.replace(/^node:/, '')}`, namespace: 'lazy-builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `
        let loaded;
        const real = () => (loaded ??= require(${JSON.stringify(args.path)}));
        for (const name of ${JSON.stringify(Object.keys(require(args.path)))}) {
          Object.defineProperty(module.exports, name, { enumerable: true, get: () => real()[name] });
        }`,
      loader: 'js',
    }));
  },
};

/**
 * fp-ts and io-ts in their ES module builds (`es6/`) rather than their CommonJS ones (`lib/`, what the sources
 * name and what tsc and vitest resolve): esbuild hoists ES modules into the chunk and drops what is unused,
 * where each CommonJS module stays a wrapped function whose exports are copied at load (about a tenth of
 * `get pods`'s start-up CPU).
 */
const esModuleBuilds = {
  name: 'es-module-builds',
  setup(build) {
    build.onResolve({ filter: /^fp-ts\/lib\// }, (args) =>
      build.resolve(args.path.replace('/lib/', '/es6/'), { kind: args.kind, resolveDir: args.resolveDir }),
    );
  },
};

/** The program's bytes must be ASCII: the launcher reads them as latin1, a one-byte string with nothing to decode. */
const mustBeAscii = (bytes, file) => {
  const at = bytes.findIndex((b) => b > 0x7f);
  if (at >= 0) throw new Error(`${file} has a non-ASCII byte at ${at}: ${JSON.stringify(bytes.subarray(Math.max(0, at - 40), at + 10).toString())} (write it as an escape in the source)`);
};

/**
 * The code cache: a `get pods -A` then a `describe pod --at` on a small simulated journal, run in one process with
 * PODJ_CODE_CACHE=write, leave what V8 compiled for them in `podj-HASH.cache` (see launcher.ts); other verbs find
 * their shared code there and compile the rest on first use. The one-pod read, fold and printer in the cache
 * take ≈ 10–15 ms of CPU off a `describe --at` start and add ≈ 1 ms to every start's deserialisation
 * (bench/README.md, "The CLI's one-pod verbs").
 */
const makeCodeCache = () => {
  const work = mkdtempSync(join(tmpdir(), 'podj-code-cache-'));
  const podj = (args, env = {}) => {
    const run = spawnSync(process.execPath, [`${OUT}/bin.js`, ...args, '--journal', join(work, 'journal')], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    if (run.status !== 0) throw new Error(`making the code cache: podj ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  };
  try {
    podj(['simulate', 'journal/crashloop-memleak.yaml']);
    // and in the same process a one-pod read (launcher.ts: PODJ_CODE_CACHE_RUNS)
    podj(['get', 'pods', '-A'], { PODJ_CODE_CACHE: 'write', PODJ_CODE_CACHE_RUNS: JSON.stringify([['describe', 'pod', 'memleak-pod', '--at', '2026-01-18T08:05:00Z', '--journal', join(work, 'journal')]]) });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  // V8 refuses a cache made under other flags: one the program changed while running would never be used. Run as
  // the executable (its `#!` line's flags), as a shell runs it; the runs above, without them, made the same cache.
  const check = spawnSync(`${OUT}/bin.js`, ['version'], { encoding: 'utf8', env: { ...process.env, PODJ_CODE_CACHE: 'check' } });
  if (!check.stderr.includes('code cache: used')) throw new Error(`making the code cache: a run does not use it: ${check.stderr}`);
};

await rm(OUT, { recursive: true, force: true }); // an earlier build's cache has another name
await esbuild.build({
  entryPoints: ['src/cli/bin.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: `${OUT}/podj.js`,
  minify: true,
  logLevel: 'warning',
  plugins: [nativeBindingOutside, esModuleBuilds, lazyBuiltins],
  // A package's ES module build (io-ts's `module` field) before its CommonJS `main`.
  mainFields: ['module', 'main'],
  // The sources find files beside the code (package.json, the report page) from import.meta.url.
  define: { 'import.meta.url': '__podjUrl' },
  banner: { js: "var __podjUrl=require('node:url').pathToFileURL(__filename).href;" },
});
const program = readFileSync(`${OUT}/podj.js`);
mustBeAscii(program, `${OUT}/podj.js`);
writeFileSync(`${OUT}/podj.js`, Buffer.concat([program, Buffer.from(`// podj-bundle ${createHash('sha256').update(program).digest('hex')}\n`)]));
await esbuild.build({
  entryPoints: ['src/cli/launcher.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: `${OUT}/bin.js`,
  logLevel: 'warning',
  banner: { js: HASHBANG },
});
// The package is `"type": "module"`; these two files are CommonJS.
writeFileSync(`${OUT}/package.json`, '{ "type": "commonjs" }\n');
await chmod(`${OUT}/bin.js`, 0o755);
makeCodeCache();
