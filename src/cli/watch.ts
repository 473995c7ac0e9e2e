/**
 * `get pods -w` over a journal: the table at the start, then one row each time a pod's visible cells change,
 * in valid-time order, like kubectl's watch output; as fast as possible, or scaled to real time by `speed`.
 */
import type { Instant } from '../k8s/codecs.js';
import { msOf } from '../k8s/codecs.js';
import type { V1Pod } from '../k8s/pod.js';
import type { Journal } from '../journal/index.js';
import { renderTable, tableRows, type TableOptions } from '../printers/index.js';
import { reducePod, type ClusterState } from '../reducers/index.js';
import type { CliIO } from './io.js';

export interface WatchOptions {
  readonly from?: Instant;
  readonly inScope: (pod: V1Pod) => boolean;
  readonly table: TableOptions;
  /** Playback speed: 1 is real time, 60 a minute a second; undefined as fast as possible. */
  readonly speed?: number;
}

/** The cells a change is judged by: not AGE, nor the "(10s ago)" of RESTARTS, which change by themselves. */
const visible = (header: readonly string[], row: readonly string[]): string =>
  row
    .filter((_, i) => header[i] !== 'AGE')
    .map((cell) => cell.replace(/ \(.* ago\)$/, ''))
    .join('\u0000');

export const watchPods = async (io: CliIO, journal: Journal, start: ClusterState, opts: WatchOptions): Promise<void> => {
  const startNow = new Date(opts.from ?? journal.firstAt() ?? 0);
  const pods = new Map(start.pods);
  const initial = [...pods.values()].map((p) => p.pod).filter(opts.inScope);
  const [header = [], ...rows] = tableRows(initial, opts.table, startNow);
  const shown = new Map(initial.map((pod, i) => [pod.metadata.uid ?? '', visible(header, rows[i] ?? [])]));
  let headerPrinted = rows.length > 0;
  if (headerPrinted) io.out(renderTable([header, ...rows]));
  let previousMs = startNow.getTime();
  for await (const page of journal.recordsInTimeOrder({ untilAt: undefined }).batches()) {
    for (const { event } of page) {
      if (opts.from !== undefined && event.at <= opts.from) continue;
      if (!('pod' in event)) continue;
      const uid = event.pod.uid;
      const after = reducePod(pods.get(uid), event);
      if (after === undefined) {
        pods.delete(uid);
        continue;
      }
      pods.set(uid, after);
      if (!opts.inScope(after.pod)) continue;
      const [, row = []] = tableRows([after.pod], opts.table, new Date(msOf(event.at)));
      const key = visible(header, row);
      if (shown.get(uid) === key) continue;
      shown.set(uid, key);
      if (opts.speed !== undefined) await io.sleep(Math.max(0, (msOf(event.at) - previousMs) / opts.speed));
      previousMs = msOf(event.at);
      const lines = renderTable([header, row]).split('\n');
      io.out(`${headerPrinted ? '' : `${lines[0] ?? ''}\n`}${lines[1] ?? ''}\n`);
      headerPrinted = true;
    }
  }
};
