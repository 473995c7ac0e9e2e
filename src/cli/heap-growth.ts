/**
 * How V8 lets its heap grow during a long fold. Left to itself it picks a growth factor between 1.1 and 4 (how far
 * the heap grows past what was live after its last full collection before it collects again) from its own speed
 * measurements, and a replay (fast allocation, each pod's new state kept until that pod's next event, so promoted
 * before it dies) gets the top of that range: folding L's 2.6M records (205 MiB live at the end) peaked at
 * ≈ 600 MiB of anonymous memory; a fixed 1.6 kept it near 410 MiB for the same CPU time (`bench/README.md`,
 * "Replay memory").
 *
 * Allocation-site pretenuring is off: V8 allocates the objects of a site whose objects mostly survive straight into
 * old space, and a fold's states die there at their pod's next event, leaving holes the scavenger's promotion does
 * not fill; the old space then held ≈ 1.9 × its live objects. Without it they are promoted packed, the old space
 * stays near its growth limit, and a lower factor pays: 1.4 took an L replay's peak from ≈ 390 to ≈ 325 MiB at no
 * measured CPU cost (`bench/README.md`, "Replay memory at L: V8's pretenuring off"). V8 reads both flags at every
 * collection and pretenuring decision, so setting them once the process runs takes effect. The CLI and the bench's
 * children set them the same way, first thing.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 40;

/**
 * The young generation's semi-spaces: 8 MiB each instead of V8's 16 on 64-bit hosts. A replay's decoded pages and
 * each event's superseded states die young, and 16 MiB ones held 32 MiB of it at every tier; 8 MiB ones took 16–33 MiB
 * off an L replay's peak (its CPU not shown to move), 4 MiB ones promoted that garbage and cost 60 % more CPU
 * (`bench/README.md`, "Replay memory at L: lists at their size; the young generation and malloc's arenas set at
 * the start"). V8 reads this flag only when it sets its heap up: it must be on node's command line. Any heap flag
 * there costs a start ≈ 4 ms of CPU (measured, cause not found).
 */
export const SEMI_SPACE_FLAG = '--max-semi-space-size=8';

/**
 * glibc's malloc gives each thread that allocates its own arena (up to 8 a core), and what LevelDB's and libuv's
 * threads free while a replay reads the journal stays in theirs: two arenas took 8–18 MiB off an L replay's peak
 * (its CPU not shown to move; same section). glibc reads it when the process starts; other C libraries ignore it.
 */
export const MALLOC_ARENA_MAX = '2';

/**
 * How `dist/podj/bin.js`'s `#!` line starts node (`env -S`, `scripts/bundle.mjs`), and the bench its children:
 * what the program cannot set for itself once running.
 */
export const PROCESS_START = `MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX} node ${SEMI_SPACE_FLAG}`;

export const limitHeapGrowth = (): void => {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  setFlagsFromString('--no-allocation-site-pretenuring');
  // Set again once running, where it changes nothing in the heap: V8's code cache records the flags it was made
  // under and refuses another set, so a start without the flag (`node dist/podj/bin.js`) takes the same cache.
  setFlagsFromString(SEMI_SPACE_FLAG);
};
