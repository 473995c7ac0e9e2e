/**
 * A soft ceiling on memory for a long import. While allocation is fast V8 lets its heap grow to several
 * times the data it holds (importing 300 MB of audit log: 45 MB live after a full collection, 372 MB of
 * heap), and LevelDB's chained batches keep their native copy of each chunk's values until V8 collects
 * their objects, which a heap V8 believes small does not hurry. The heap's limit can only be set when the
 * process starts (`--max-old-space-size`; set later with `v8.setFlagsFromString` it has no effect), so a
 * full collection is asked for instead whenever the heap in use passes its budget (twice what was live
 * after the last one, at least `heapMiB`) or the resident set passes its own (what was resident after the
 * last one plus `rssHeadroomMiB`, at least `rssMiB`): a larger live set raises the budgets rather than
 * collecting again and again. `gc` is reached as jest's leak detector does: the flag, then a fresh context.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const MiB = 2 ** 20;

export interface BudgetOptions {
  readonly heapMiB: number;
  readonly rssMiB: number;
  readonly rssHeadroomMiB: number;
  readonly everyMs?: number;
}

export interface HeapBudget {
  /** Full collections asked for so far. */
  readonly collections: () => number;
  readonly stop: () => void;
}

export const heapBudget = (opts: BudgetOptions): HeapBudget => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  let heap = opts.heapMiB * MiB;
  let rss = opts.rssMiB * MiB;
  let collections = 0;
  const timer = setInterval(() => {
    if (getHeapStatistics().used_heap_size <= heap && process.memoryUsage.rss() <= rss) return;
    gc();
    collections++;
    heap = Math.max(opts.heapMiB * MiB, 2 * getHeapStatistics().used_heap_size);
    rss = Math.max(opts.rssMiB * MiB, process.memoryUsage.rss() + opts.rssHeadroomMiB * MiB);
  }, opts.everyMs ?? 200);
  timer.unref();
  return { collections: () => collections, stop: () => clearInterval(timer) };
};
