/**
 * The code the benchmark's children run is built code, as a user runs `podj`, not the sources through tsx: tsx's
 * loader alone holds ≈ 21 MiB of a child's anonymous memory (its transform cache and esbuild's service), which
 * the built CLI never holds, so every figure of memory measured the harness. Both are built at the bench's start:
 * `dist/` (what the measures that spawn `podj` run) when missing or older than a source, and the children's own
 * code every time, with the same bundler (esbuild), so neither is ever stale.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PODJ = join(ROOT, 'dist/podj/bin.js');
/** The children's bundle: two folders down from the root, as `bench/measures/` is, so their `new URL('../../dist/…')` still lands in `dist/`. */
const CHILD_OUT = join(ROOT, 'bench/dist');

/** The newest modification time of the files under `dir`, in ms. */
const newestUnder = (dir: string): number =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((newest, e) => Math.max(newest, statSync(join(e.parentPath, e.name)).mtimeMs), 0);

/** `npm run build` unless `dist/podj/bin.js` is newer than every file of `src/` and the bundle script. */
export const buildProductIfStale = (): void => {
  const sources = Math.max(newestUnder(join(ROOT, 'src')), statSync(join(ROOT, 'scripts/bundle.mjs')).mtimeMs);
  let built = 0;
  try {
    built = statSync(PODJ).mtimeMs;
  } catch {
    // not built yet
  }
  if (built > sources) return;
  process.stderr.write(`bench: ${built === 0 ? 'dist/ missing' : 'dist/ older than src/'}: npm run build…\n`);
  const run = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', process.stderr, 'inherit'] });
  if (run.status !== 0) throw new Error(`npm run build exited ${run.status}`);
};

/**
 * `bench/child.ts` and what it imports, bundled into `bench/dist/child.js`: ES modules split at each measure's
 * `import()`, so a child still loads only its own measurement's modules; packages stay outside, loaded from
 * node_modules as `dist/` loads them. Returns the file to run.
 */
export const bundleChild = async (): Promise<string> => {
  rmSync(CHILD_OUT, { recursive: true, force: true }); // an earlier build's chunks have other names
  await esbuild.build({
    entryPoints: [join(ROOT, 'bench/child.ts')],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir: CHILD_OUT,
    logLevel: 'warning',
  });
  return join(CHILD_OUT, 'child.js');
};
