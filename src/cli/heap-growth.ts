/**
 * How far V8 lets its heap grow past what was live after its last full collection before it collects again.
 * Left to itself it picks a factor between 1.1 and 4 from its own speed measurements, and a replay (fast
 * allocation, each pod's new state kept until that pod's next event, so promoted before it dies) gets the top
 * of that range: folding L's 2.6M records (205 MiB live at the end) peaked at ≈ 600 MiB of anonymous memory.
 * A fixed 1.6 kept it near 410 MiB for the same CPU time; 1.3 gave 400 MiB for ≈ 19 % more CPU
 * (`bench/README.md`, "Replay memory"). V8 reads the flag at every collection, so setting it once the process
 * runs takes effect. The CLI and the bench's children set it the same way, first thing.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 60;

export const limitHeapGrowth = (): void => setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
