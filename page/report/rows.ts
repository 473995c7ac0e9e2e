/** The lanes on screen, top to bottom: a node, its pods, and the containers of the pods opened. */
import type { NodeLane, PodLane } from '../../src/report/model.js';
import { compareStrings } from '../../src/printers/go-sort.js';

export type Row =
  | { readonly kind: 'node'; readonly name: string; readonly node?: NodeLane; readonly pods: number }
  | { readonly kind: 'pod'; readonly pod: PodLane }
  | { readonly kind: 'container'; readonly pod: PodLane; readonly name: string; readonly containerKind: string };

export const ROW_HEIGHT: Readonly<Record<Row['kind'], number>> = { node: 30, pod: 20, container: 15 };

export const UNSCHEDULED = '(not scheduled)';

/** The rows for the pods shown, grouped by node (nodes in name order, unscheduled pods last). */
export const rowsOf = (pods: readonly PodLane[], nodes: readonly NodeLane[], open: ReadonlySet<string>): Row[] => {
  const byNode = new Map<string, PodLane[]>();
  for (const node of nodes) byNode.set(node.name, []);
  for (const pod of pods) {
    const key = pod.node ?? UNSCHEDULED;
    const list = byNode.get(key) ?? [];
    list.push(pod);
    byNode.set(key, list);
  }
  const nodeLanes = new Map(nodes.map((n) => [n.name, n]));
  const names = [...byNode.keys()].sort((a, b) => (a === UNSCHEDULED ? 1 : b === UNSCHEDULED ? -1 : compareStrings(a, b)));
  const rows: Row[] = [];
  for (const name of names) {
    const list = byNode.get(name) ?? [];
    const node = nodeLanes.get(name);
    if (list.length === 0 && node === undefined) continue;
    rows.push({ kind: 'node', name, pods: list.length, ...(node === undefined ? {} : { node }) });
    for (const pod of list) {
      rows.push({ kind: 'pod', pod });
      if (open.has(pod.uid)) for (const c of pod.containers) rows.push({ kind: 'container', pod, name: c.name, containerKind: c.kind });
    }
  }
  return rows;
};

/** Each row's top, and the total height: prefix sums, so the first visible row is a binary search. */
export const offsetsOf = (rows: readonly Row[]): number[] => {
  const tops = [0];
  for (const row of rows) tops.push((tops[tops.length - 1] ?? 0) + ROW_HEIGHT[row.kind]);
  return tops;
};

/** Index of the row containing `y` (content coordinates). */
export const rowAtY = (tops: readonly number[], y: number): number => {
  let [lo, hi] = [0, tops.length - 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((tops[mid] ?? 0) <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
};
