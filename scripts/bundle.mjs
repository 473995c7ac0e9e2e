/**
 * Bundles the `podj` CLI into dist/podj/: one ESM entry, split per verb so that a verb loads only its own
 * code. LevelDB's JavaScript (level, classic-level, abstract-level and their helpers, about twenty small
 * CommonJS modules) is bundled too, since resolving each module from node_modules at start-up costs more
 * than the code; only classic-level's native binding stays outside, required from its package at run time
 * (node-gyp-build finds the prebuilt `.node` file beside it).
 */
import { chmod, rm } from 'node:fs/promises';
import * as esbuild from 'esbuild';

const OUT = 'dist/podj';

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

await rm(OUT, { recursive: true, force: true }); // chunks of earlier builds have other names
await esbuild.build({
  entryPoints: ['src/cli/bin.ts'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: OUT,
  logLevel: 'warning',
  plugins: [nativeBindingOutside, esModuleBuilds],
  // A package's ES module build (io-ts's `module` field) before its CommonJS `main`.
  mainFields: ['module', 'main'],
  // Bundled CommonJS modules call require(): give the ESM output one.
  banner: { js: "import { createRequire as __podjRequire } from 'node:module'; const require = __podjRequire(import.meta.url);" },
});
await chmod(`${OUT}/bin.js`, 0o755);
