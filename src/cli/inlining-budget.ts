/**
 * How much bytecode TurboFan inlines into one optimized function. A replay's fold is optimized and deoptimized
 * again as new object shapes reach it (at M ≈ 90 deopts and ≈ 330 compiles in one replay: a deletion's metadata, an
 * eviction's kubelet view and status, each arriving once the readers were compiled without them), and each compile
 * of `kubeletStatus` inlined most of `status.ts` and `conditions.ts`. Those compiles ran on V8's compiler thread, ≈ 1 s
 * of an M replay's ≈ 3.3 s of CPU (moved onto the main thread they raised it from 1.8 to 2.7–3.1 s). V8's default
 * inlines up to 920 bytes of bytecode per function; with 300 an M replay took 10 % less CPU (9 of 10 pairs lower) and
 * its main thread, and a warm fold, did not move (`bench/README.md`, "The replay's compiles", 2026-12-07 22:00).
 * V8 reads the flag at each compile, so setting it first thing, as `podj`'s launcher and the bench's children do,
 * covers every function; like the heap flags it is set before the code cache is read (V8 takes a cache only under
 * the flags it was made with).
 */
import { setFlagsFromString } from 'node:v8';

export const INLINED_BYTECODE_PER_FUNCTION = 300;

export const limitInlining = (): void => {
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_PER_FUNCTION}`);
};
