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

/** classic-level's `require('./binding')` becomes `require('classic-level/binding.js')`, left to node. */
const nativeBindingOutside = {
  name: 'native-binding-outside',
  setup(build) {
    build.onResolve({ filter: /^\.\/binding$/ }, (args) =>
      /[\\/]classic-level[\\/]/.test(args.importer) ? { path: 'classic-level/binding.js', external: true } : undefined,
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
  plugins: [nativeBindingOutside],
  // Bundled CommonJS modules call require(): give the ESM output one.
  banner: { js: "import { createRequire as __podjRequire } from 'node:module'; const require = __podjRequire(import.meta.url);" },
});
await chmod(`${OUT}/bin.js`, 0o755);
