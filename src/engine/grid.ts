/** Periodic wake-ups on a fixed grid (probe periods, OOM sampling, eviction monitoring), pure in virtual time. */
import type { VirtualMs } from './world.js';

/**
 * The first tick at or after `now` on `anchor + k × period` (k ≥ 0); the one after when the tick at `now`
 * was already taken.
 */
export const nextOnGrid = (anchor: VirtualMs, periodMs: number, now: VirtualMs, takenNow: boolean): VirtualMs => {
  const k = now <= anchor ? 0 : Math.ceil((now - anchor) / periodMs);
  const tick = anchor + k * periodMs;
  return tick === now && takenNow ? tick + periodMs : tick;
};
