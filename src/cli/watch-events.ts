/**
 * `get events -w` over a journal, as kubectl's watch shows the Events the API server holds (`kubectl/pkg/cmd/get/
 * get.go :: watch`): the list at the start (at `--at`; before the first event, none), in the API's order (sorted
 * by `--sort-by` only as a table: the SortingPrinter sorts the list's Table, and prints the other formats' items
 * one by one), then a watch event per write of an Event, in the journal's time order: ADDED when the recorder
 * creates it, MODIFIED at each count update (`EventCorrelator`: the same source, object, reason and message), and
 * DELETED when its `--event-ttl` lease runs out (the API server stores every write of an Event with the ttl,
 * pkg/registry/core/event/storage/storage.go :: NewREST; etcd's lease expiry deletes the key, and the watch
 * cache sends the deletion with the object as it was). Each row's LAST SEEN is its age when the server sent it.
 * With `follow`, it then keeps watching the appends other processes make, until interrupted.
 */
import type { Event } from '../events/index.js';
import type { Instant } from '../k8s/codecs.js';
import { msOf } from '../k8s/codecs.js';
import type { Journal, JournalRecord } from '../journal/index.js';
import {
  byStorageKey,
  eventNamer,
  eventsTableRows,
  heldAt,
  kubeEventCorrelator,
  servedEvent,
  type KubeEventWrite,
  type NamedEventRow,
} from '../printers/index.js';
import type { EventsTableOptions } from '../printers/events-table.js';
import { notFoundLine } from '../printers/not-found.js';
import { unstructured } from '../printers/unstructured.js';
import { Finding } from './errors.js';
import type { ListedEvent } from './get-others.js';
import type { CliIO } from './io.js';
import type { WatchEnd } from './watch.js';
import { watchListOrder, watchView, type ViewOptions, type WatchedKind, type WatchEventType } from './watch-views.js';

export interface EventWatchOptions extends ViewOptions {
  /** What the watch prints of an Event: `get events`' (`eventsKind`) or `kubectl events`' printer. */
  readonly kind: WatchedKind<NamedEventRow>;
  /** Whether an Event's deletion is printed: `kubectl events -w` prints none (events.go :: runWatch). */
  readonly deletions?: false;
  readonly from?: Instant;
  readonly inScope: (e: ListedEvent) => boolean;
  /** The Events asked for by name (every one without). */
  readonly names: readonly string[];
  /** `--ignore-not-found`: a name not found ends the watch before it starts, exit 0 (get.go :: watch). */
  readonly ignoreNotFound: boolean;
  /** How long the API server keeps an Event after its last write; 0: forever. */
  readonly eventTtlMs: number;
  readonly sortBy?: string;
  /** Playback speed: 1 is real time; undefined as fast as possible. */
  readonly speed?: number;
  /** `--watch-only`: the changes alone, not the Events at the start. */
  readonly watchOnly: boolean;
  /** After the history: the records appended after a sequence number, as they come. */
  readonly follow?: (afterSeq: number) => AsyncIterable<readonly JournalRecord[]>;
}

/** `get events -w`'s printer: the table of `get events`, and the object as served. */
export const eventsKind = (table: Omit<EventsTableOptions, 'headers'>): WatchedKind<NamedEventRow> => ({
  tableRows: (items, now) => eventsTableRows(items, table, now),
  // as `get events -o json` prints it: unstructured, its keys sorted
  served: ({ name, row }) => unstructured(servedEvent(name, row)),
  name: ({ name }) => `event/${name}`,
});

/** A write of an Event at the instant of the journal event that made it. */
interface TimedWrite extends KubeEventWrite {
  readonly at: Instant;
}

export const watchEvents = async (io: CliIO, journal: Journal, opts: EventWatchOptions): Promise<WatchEnd> => {
  const interrupted = io.interrupted();
  const history: Event[] = [];
  for await (const page of journal.recordsInTimeOrder({ untilAt: undefined }).batches()) history.push(...page.map((r) => r.event));
  const correlator = kubeEventCorrelator(history);
  const writes: TimedWrite[] = history.flatMap((e) => correlator.observe(e).map((w) => ({ ...w, at: e.at })));
  const last = new Map(writes.map((w) => [w.key, w.row]));
  // Named in the order the recorders create them, as `get events` names them (an Event appended later too).
  const nameOf = eventNamer([...last.values()]);
  const names = new Map([...last].map(([key, row]) => [key, nameOf(row)]));

  // The Events the API server holds, by key, in the order their leases run out (each write renews it: moved last).
  const held = new Map<string, NamedEventRow>();
  const inScope = ({ name, row }: NamedEventRow): boolean => opts.inScope({ row, object: servedEvent(name, row) });
  const startAt = opts.from ?? history[0]?.at;
  const startMs = startAt === undefined ? 0 : msOf(startAt);
  const expired = (nowMs: number): NamedEventRow[] => {
    const gone: NamedEventRow[] = [];
    const stillHeld = heldAt(new Date(nowMs), opts.eventTtlMs);
    for (const [key, event] of held) {
      if (stillHeld(event.row)) break;
      held.delete(key);
      gone.push(event);
    }
    return gone;
  };
  const write = ({ key, row }: KubeEventWrite): { readonly type: WatchEventType; readonly event: NamedEventRow } => {
    const before = held.get(key);
    const event = { name: names.get(key) ?? nameOf(row), row };
    held.delete(key);
    held.set(key, event);
    return { type: before === undefined ? 'ADDED' : 'MODIFIED', event };
  };

  let next = 0;
  if (opts.from !== undefined) {
    for (; next < writes.length && (writes[next]?.at ?? '') <= opts.from; next++) {
      const w = writes[next];
      if (w === undefined) break;
      expired(msOf(w.at));
      write(w);
    }
    expired(startMs);
  }
  // kubectl gets what it watches first: a name the API server does not have is NotFound (exit 1). At --at, an
  // Event held then; from the start of the history, one that has had the name.
  const known = new Set(opts.from === undefined ? names.values() : [...held.values()].map((e) => e.name));
  const missing = opts.names.filter((n) => !known.has(n));
  if (missing.length > 0 && opts.ignoreNotFound) return 'ended';
  if (missing.length > 0) throw new Finding(missing.map((n) => notFoundLine('events', n)).join('\n'));
  const kind = opts.kind;
  const initial = opts.watchOnly ? [] : watchListOrder([...held.values()].filter(inScope).sort(byStorageKey), opts.sortBy, opts.output, kind);
  const view = watchView(io, opts, kind, initial, new Date(startMs));
  let previousMs = startMs;
  let stopped = false;
  const show = async (type: WatchEventType, event: NamedEventRow, nowMs: number, paced: boolean): Promise<void> => {
    if (stopped || !inScope(event) || (type === 'DELETED' && opts.deletions === false)) return;
    if (paced && opts.speed !== undefined) await io.sleep(Math.max(0, (nowMs - previousMs) / opts.speed));
    previousMs = Math.max(previousMs, nowMs);
    stopped = !view.show(type, event, new Date(nowMs));
  };
  /** The deletions of the Events whose lease ran out before `nowMs`, each at its own instant, then `w`. */
  const play = async (w: TimedWrite, paced: boolean): Promise<void> => {
    const nowMs = msOf(w.at);
    for (const gone of expired(nowMs)) await show('DELETED', gone, Date.parse(gone.row.lastTimestamp) + opts.eventTtlMs, paced);
    const { type, event } = write(w);
    await show(type, event, nowMs, paced);
  };
  for (; next < writes.length; next++) {
    const w = writes[next];
    if (interrupted.aborted) return 'interrupted';
    if (w !== undefined) await play(w, true);
    if (stopped) return 'ended';
  }
  if (opts.follow === undefined) return 'ended';
  for await (const page of opts.follow(journal.head().seq)) {
    for (const { event } of page) for (const w of correlator.observe(event)) await play({ ...w, at: event.at }, false);
    if (stopped) return 'ended';
  }
  return interrupted.aborted ? 'interrupted' : 'ended';
};
