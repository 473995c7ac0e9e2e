/**
 * Which of a chunk's events the journal holds already (format 8): an event with a pod by its pod index
 * entries at its instant, which hold the canonical event (one range read per pod, over the chunk's instants
 * of that pod; a pod's observations have a range of their own, format 9), any other by its dedup entry (one
 * `getMany`). Equal events have equal canonical JSON, so equal pods, types and instants: comparing the stored
 * text with the event's own is the whole test.
 */
import type { Instant } from '../k8s/codecs.js';
import { afterInstant, digestKey, podPrefix } from './keys.js';
import { podEntryEventJson } from './pod-entry.js';
import { entryPages, type Db } from './scan.js';
import type { Pending } from './pending.js';

/** What one lookup asks of an item: its dedup digest, if it has one, and whether to look its pod's entries up. */
export interface Asked {
  readonly item: Pending;
  /** The digest of its dedup entry (an event without a pod); undefined for a pod's event. */
  readonly digest: string | undefined;
  /** Whether a pod's event is looked up (only one that is skipped when known: it has no entry to keep). */
  readonly byPod: boolean;
}

/**
 * How many pods' ranges are read at once: LevelDB's reads run on the thread pool, so a few overlap. Each open
 * iterator pins the memtables and tables it reads from; 16 at once raised `podj import`'s peak RSS of a
 * mostly time-ordered 300 MB audit log from 261 to 351 MiB (1 at once: 261 MiB, 25.4 s; 4: 286 MiB, 22.4 s).
 */
const POD_READS_AT_ONCE = 4;

/**
 * For each asked item, whether a record of the store holds its event. `latest` is the latest instant any
 * stored record has (the tip's `maxAt`): an event after it cannot be one of them, and is not looked up.
 */
export const storedEvents = async (db: Db, asked: readonly Asked[], latest: Instant | null): Promise<boolean[]> => {
  const known = asked.map(() => false);
  if (latest === null) return known;
  const digests: Array<[string, number]> = [];
  // by the pod's range (`podPrefix`): its observations' or its other events'
  const pods = new Map<string, { from: Instant; to: Instant; items: number[] }>();
  asked.forEach(({ item, digest, byPod }, i) => {
    if (item.at > latest) return;
    if (digest !== undefined) digests.push([digestKey(item.at, digest), i]);
    else if (byPod && item.pod !== undefined) {
      const prefix = podPrefix(item.pod, item.observed);
      const span = pods.get(prefix);
      if (span === undefined) pods.set(prefix, { from: item.at, to: item.at, items: [i] });
      else {
        if (item.at < span.from) span.from = item.at;
        if (item.at > span.to) span.to = item.at;
        span.items.push(i);
      }
    }
  });
  const owners: ReadonlyArray<string | undefined> = digests.length === 0 ? [] : await db.getMany(digests.map(([key]) => key));
  digests.forEach(([, i], k) => {
    known[i] = owners[k] !== undefined;
  });
  const spans = [...pods];
  for (let start = 0; start < spans.length; start += POD_READS_AT_ONCE) {
    await Promise.all(
      spans.slice(start, start + POD_READS_AT_ONCE).map(async ([prefix, { from, to, items }]) => {
        const stored = await podEventsBetween(db, prefix, from, to);
        for (const i of items) known[i] = stored.has(asked[i]?.item.json ?? '');
      }),
    );
  }
  return known;
};

/** The canonical events of the pod index entries under `prefix` from instant `from` to `to`, both included. */
const podEventsBetween = async (db: Db, prefix: string, from: Instant, to: Instant): Promise<Set<string>> => {
  const events = new Set<string>();
  for await (const entries of entryPages(db, { gte: `${prefix}${from}!`, lt: afterInstant(prefix, to) })) {
    for (const [, value] of entries) events.add(podEntryEventJson(value));
  }
  return events;
};
