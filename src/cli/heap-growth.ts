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

export const limitHeapGrowth = (): void => {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  setFlagsFromString('--no-allocation-site-pretenuring');
};
