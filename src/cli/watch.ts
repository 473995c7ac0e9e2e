/**
 * `get pods -w` over a journal: the table at the start, then one row each time a pod's visible cells change,
 * in valid-time order, like kubectl's watch output; as fast as possible, or scaled to real time by `speed`.
 * With `follow`, it then keeps watching the appends other processes make, until interrupted. With `-o json`,
 * each change is one of kubectl's watch events (`--output-watch-events`): `{"type": "ADDED", "object": …}`.
 */
import type { Event } from '../events/index.js';
import type { Instant } from '../k8s/codecs.js';
import { msOf } from '../k8s/codecs.js';
import type { V1Pod } from '../k8s/pod.js';
import type { Journal, JournalRecord } from '../journal/index.js';
import { servedPod, sortPods } from '../printers/get-pods.js';
import { tableRows, type TableOptions } from '../printers/pod-columns.js';
import { renderTable } from '../printers/tabwriter.js';
import { goJson } from '../printers/go-json.js';
import { reducePod, restsOnInferred, type ClusterState, type PodState } from '../reducers/index.js';
import { isKnownOnlyFromEvents } from '../importers/inferred-annotation.js';
import { inferredNotes } from '../printers/inferred-notes.js';
import { namespaceOrDefault } from '../k8s/namespace.js';
import type { CliIO } from './io.js';

export interface WatchOptions {
  readonly from?: Instant;
  readonly inScope: (pod: V1Pod) => boolean;
  readonly table: TableOptions;
  /** Playback speed: 1 is real time, 60 a minute a second; undefined as fast as possible. */
  readonly speed?: number;
  /** Watch events as JSON instead of table rows. */
  readonly json: boolean;
  /** After the history: the records appended after a sequence number, as they come. */
  readonly follow?: (afterSeq: number) => AsyncIterable<readonly JournalRecord[]>;
}

type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** The cells a change is judged by: not AGE, nor the "(10s ago)" of RESTARTS, which change by themselves. */
const visible = (header: readonly string[], row: readonly string[]): string =>
  row
    .filter((_, i) => header[i] !== 'AGE')
    .map((cell) => cell.replace(/ \(.* ago\)$/, ''))
    .join('\u0000');

/** What a watcher shows for one pod, and how it writes a change. */
interface View {
  readonly key: (pod: V1Pod, now: Date) => string;
  readonly show: (type: WatchEventType, pod: V1Pod, now: Date) => void;
}

const tableView = (io: CliIO, table: TableOptions, initial: readonly V1Pod[], now: Date): View => {
  const [header = [], ...rows] = tableRows(initial, table, now);
  let headerPrinted = rows.length > 0;
  if (headerPrinted) io.out(renderTable([header, ...rows]));
  return {
    key: (pod, at) => visible(header, tableRows([pod], table, at)[1] ?? []),
    show: (type, pod, at) => {
      if (type === 'DELETED') return;
      const lines = renderTable([header, tableRows([pod], table, at)[1] ?? []]).split('\n');
      io.out(`${headerPrinted ? '' : `${lines[0] ?? ''}\n`}${lines[1] ?? ''}\n`);
      headerPrinted = true;
    },
  };
};

const jsonView = (io: CliIO): View => ({
  key: (pod) => JSON.stringify(pod),
  show: (type, pod) => io.out(`${goJson({ type, object: servedPod(pod) })}\n`),
});

/** `get pods`' notes on stderr for pods shown: known only from their Events, or resting on facts inferred since their last capture. */
const noteShown = (io: CliIO, states: readonly PodState[]): void => {
  const key = (s: PodState): string => `${namespaceOrDefault(s.pod.metadata.namespace)}/${s.pod.metadata.name ?? ''}`;
  const eventsOnly = states.filter((s) => isKnownOnlyFromEvents(s.pod));
  const notes = inferredNotes(eventsOnly.map(key), states.filter((s) => restsOnInferred(s) && !eventsOnly.includes(s)).map(key));
  if (notes !== '') io.err(notes);
};

export const watchPods = async (io: CliIO, journal: Journal, start: ClusterState, opts: WatchOptions): Promise<void> => {
  // Asked before the first row, so that Ctrl-C at any moment, the history's playback included, ends the watch with 0.
  const interrupted = io.interrupted();
  const startNow = new Date(opts.from ?? journal.firstAt() ?? 0);
  const pods = new Map<string, PodState>(start.pods);
  const initial = sortPods([...pods.values()].map((p) => p.pod).filter(opts.inScope));
  const view = opts.json ? jsonView(io) : tableView(io, opts.table, initial, startNow);
  if (opts.json) for (const pod of initial) view.show('ADDED', pod, startNow);
  const stateOf = new Map([...pods.values()].map((s) => [s.pod, s]));
  noteShown(io, initial.flatMap((pod) => stateOf.get(pod) ?? []));
  const shown = new Map(initial.map((pod) => [pod.metadata.uid ?? '', view.key(pod, startNow)]));
  let previousMs = startNow.getTime();

  const apply = async (event: Event, paced: boolean): Promise<void> => {
    if (!('pod' in event)) return;
    const uid = event.pod.uid;
    const before = pods.get(uid);
    const after = reducePod(before, event);
    const now = new Date(msOf(event.at));
    if (after === undefined) {
      pods.delete(uid);
      if (before !== undefined && shown.delete(uid)) view.show('DELETED', before.pod, now);
      return;
    }
    pods.set(uid, after);
    if (!opts.inScope(after.pod)) return;
    const key = view.key(after.pod, now);
    const previous = shown.get(uid);
    if (previous === key) return;
    shown.set(uid, key);
    if (paced && opts.speed !== undefined) await io.sleep(Math.max(0, (now.getTime() - previousMs) / opts.speed));
    previousMs = now.getTime();
    view.show(previous === undefined ? 'ADDED' : 'MODIFIED', after.pod, now);
    noteShown(io, [after]);
  };

  for await (const page of journal.recordsInTimeOrder({ untilAt: undefined }).batches()) {
    for (const { event } of page) {
      if (interrupted.aborted) return;
      if (opts.from === undefined || event.at > opts.from) await apply(event, true);
    }
  }
  if (opts.follow === undefined) return;
  for await (const page of opts.follow(journal.head().seq)) for (const { event } of page) await apply(event, false);
};
