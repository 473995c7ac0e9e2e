/**
 * Waiting until a freshly opened store is settled: LevelDB resumes on open the compactions a bulk append
 * left due, on its own background thread, and a measurement taken meanwhile counts that thread's CPU and
 * competes with it for the machine's two cores. LevelDB reports no "compaction pending" (its `leveldb.stats`
 * shows finished compactions only), so what is watched is the process's threads other than the main one.
 */
import { readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { threadCpuNs } from './stats.js';

/** On-CPU nanoseconds of this process's threads other than the main one (`/proc/self/task/*\/schedstat`). */
const otherThreadsCpuNs = (): number => {
  let ns = 0;
  for (const task of readdirSync('/proc/self/task')) {
    if (task === String(process.pid)) continue;
    try {
      ns += threadCpuNs(task);
    } catch {
      // a thread that ended between the listing and the read used no more CPU
    }
  }
  return ns;
};

/**
 * A compaction keeps LevelDB's thread busy; idle, the other threads still wake now and then (a module
 * loader's or V8's helpers: a few milliseconds a second under tsx), so "settled" is a share of one core.
 */
const BUSY_SHARE = 0.05;

/**
 * Resolves once the other threads have used under 5 % of one core over `quietMs`, or after `timeoutMs`;
 * returns the seconds waited and whether the store settled.
 */
export const settle = async (quietMs = 1000, timeoutMs = 300_000): Promise<{ seconds: number; settled: boolean }> => {
  const t0 = performance.now();
  let last = otherThreadsCpuNs();
  while (performance.now() - t0 < timeoutMs) {
    await sleep(quietMs);
    const now = otherThreadsCpuNs();
    if (now - last < BUSY_SHARE * quietMs * 1e6) return { seconds: (performance.now() - t0) / 1000, settled: true };
    last = now;
  }
  return { seconds: (performance.now() - t0) / 1000, settled: false };
};
