/**
 * Captures in stream order within one second. A watch stream (or a file of snapshots) carries no time of its own:
 * its objects' times are whole seconds, so several captures of one pod often share a second (the rolling update's
 * bkzc4: `ContainerCreating` with its sandbox ready, then `Running`, both at 21:19:19). The tie rank puts every
 * capture after every fact of its second; one capture's observation then comes after the next capture's facts, and
 * the fold never shows the object it captured. The API server sends a pod's objects in the order it wrote them
 * (resourceVersion order, apiserver storage/cacher/watch_cache.go :: processEvent), so within one second a pod's
 * facts from one such file go in the order of the lines that gave them, each line's facts by tie rank, its capture
 * last.
 */
import type { Imported } from './imported.js';
import { subjectKeyOf } from './build.js';
import { reorderedWithinSeconds } from './within-seconds.js';

/**
 * The file whose line order is the order a pod's objects were written: watch streams and snapshots, whose times are
 * whole seconds. An audit log's lines carry their own instants (the time order stands); Events are no captures.
 */
const streamFileOf = (i: Imported): string | undefined =>
  (i.origin === 'watch' || i.origin === 'snapshot') && i.event.from?.line !== undefined ? i.event.from.file : undefined;

const lineOf = (i: Imported): number => i.event.from?.line ?? 0;

interface Entry {
  readonly item: Imported;
  readonly index: number;
  readonly rank: number;
}

/**
 * A stream file's facts in line order, each capture ranked as the fact after it: a capture shows its object before
 * the next line's facts, and another source's fact (a `Created` Event) ranked before that next fact goes after the
 * capture only if it follows it by rank (the sandbox before the `Created` Event, the `Created` Event before the
 * start), not ahead of everything the capture holds up.
 */
const stuckToNextFact = (queue: readonly Entry[]): Entry[] => {
  const out = [...queue];
  for (let n = out.length - 2; n >= 0; n--) {
    const entry = out[n];
    const next = out[n + 1];
    if (entry !== undefined && next !== undefined && entry.item.event.type === 'PodObserved') out[n] = { ...entry, rank: next.rank };
  }
  return out;
};

/**
 * One subject's facts of one second, given in causal order (tie rank, then time) with their ranks: each stream
 * file's facts taken in line order, interleaved with the others (other sources' facts, in the order given) by
 * rank, ties to the one first in the given order. Where every file's lines already agree with the ranks, this is
 * the given order.
 */
const inStreamOrder = (items: readonly Imported[], rankOf: (i: Imported) => number): Imported[] => {
  const queues = new Map<string, Entry[]>();
  items.forEach((item, index) => {
    const key = streamFileOf(item) ?? '';
    const entry = { item, index, rank: rankOf(item) };
    const held = queues.get(key);
    if (held === undefined) queues.set(key, [entry]);
    else held.push(entry);
  });
  const ordered = [...queues.entries()].map(([file, q]) => (file === '' ? q : stuckToNextFact(q.sort((a, b) => lineOf(a.item) - lineOf(b.item) || a.index - b.index))));
  const first = (a: Entry, b: Entry): Entry => (a.rank < b.rank || (a.rank === b.rank && a.index < b.index) ? a : b);
  const out: Imported[] = [];
  for (;;) {
    const heads = ordered.flatMap((q) => q[0] ?? []);
    if (heads.length === 0) return out;
    const next = heads.reduce(first);
    out.push(next.item);
    ordered.find((q) => q[0] === next)?.shift();
  }
};

/** Whether a subject's facts of one second come from two or more lines of one stream file (else nothing moves). */
const spansLines = (items: readonly Imported[]): boolean => {
  const lines = new Map<string, number>();
  return items.some((i) => {
    const file = streamFileOf(i);
    if (file === undefined) return false;
    const line = lines.get(file);
    lines.set(file, lineOf(i));
    return line !== undefined && line !== lineOf(i);
  });
};

/**
 * `sorted` (causal order within each whole second) with each subject's facts of a second from stream files in
 * their lines' order, re-dealt over the places that subject's facts held: other subjects' facts stay put.
 */
export const capturesInStreamOrder = (sorted: readonly Imported[], rankOf: (i: Imported) => number): Imported[] =>
  reorderedWithinSeconds(
    sorted,
    (item) => subjectKeyOf(item.event),
    (items) => (spansLines(items) ? inStreamOrder(items, rankOf) : items),
  );
