/** What the page draws, derived from the report data: bands per pod and container, values at an instant. */
import { CONDITION_TAINT_KEYS, readyTaintKey } from '../../src/k8s/node-taints.js';
import type { ConditionSteps, Flips, NodeLane, PodLane, RowFacts } from '../../src/report/model.js';
import { containerCategory, podCategory, type StateCategory } from './states.js';

export interface Band {
  readonly from: number;
  /** Exclusive; the window's end for the last band. */
  readonly to: number;
  readonly label: string;
  readonly category: StateCategory;
}

/** The last element whose `at` is at or before `t` (binary search over a time-ordered array). */
export const lastAtOrBefore = <T extends { readonly at: number }>(items: readonly T[], t: number): T | undefined => {
  let [lo, hi] = [0, items.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((items[mid]?.at ?? 0) <= t) lo = mid + 1;
    else hi = mid;
  }
  return items[lo - 1];
};

/** The pod's STATUS bands: one per change of the STATUS or READY cell, until it is removed. */
export const podBands = (pod: PodLane, end: number, interned: Interned): Band[] => {
  const bands: Band[] = [];
  let open: { from: number; label: string; category: StateCategory } | undefined;
  const close = (at: number): void => {
    if (open !== undefined && at > open.from) bands.push({ ...open, to: at });
    open = undefined;
  };
  for (const step of pod.steps) {
    const row = interned.row(step.row);
    const label = row === undefined ? undefined : `${row.status} ${row.ready}`;
    if (open !== undefined && label === `${open.label}`) continue;
    close(step.at);
    if (row !== undefined && label !== undefined) open = { from: step.at, label, category: podCategory(row.status, row.ready) };
  }
  close(Math.max(end, open?.from ?? end));
  return bands;
};

/** The report's interned values: texts (a change's field and value, a cause's type, source and summary) and kubectl rows. */
export class Interned {
  private readonly indices: Map<string, number>;
  constructor(
    private readonly texts: readonly string[],
    private readonly rows: readonly RowFacts[],
  ) {
    this.indices = new Map(texts.map((s, i) => [s, i]));
  }

  /** The kubectl row a step shows; undefined for a step that removes the pod. */
  row(i: number | undefined): RowFacts | undefined {
    return i === undefined ? undefined : this.rows[i];
  }

  /** The text at `i`; undefined for −1 (a field unset). */
  text(i: number): string | undefined {
    return this.texts[i];
  }

  index(text: string): number {
    return this.indices.get(text) ?? -1;
  }
}

/** A container's bands from its `NAME.state` and `NAME.ready` changes. */
export const containerBands = (pod: PodLane, container: string, end: number, strings: Interned): Band[] => {
  const bands: Band[] = [];
  const [stateField, readyField] = [strings.index(`${container}.state`), strings.index(`${container}.ready`)];
  let [state, ready] = [undefined as string | undefined, false];
  let open: { from: number; label: string; category: StateCategory } | undefined;
  for (const step of pod.steps) {
    const mine = step.changes.filter(([field]) => field === stateField || field === readyField);
    if (mine.length === 0 && step.row !== undefined) continue;
    for (const [field, value] of mine) {
      if (field === stateField) state = strings.text(value);
      else ready = strings.text(value) === 'true';
    }
    if (step.row === undefined) state = undefined;
    const label = state === undefined ? undefined : `${state}${state === 'running' ? (ready ? ', ready' : ', not ready') : ''}`;
    if (open?.label === label) continue;
    if (open !== undefined && step.at > open.from) bands.push({ ...open, to: step.at });
    open = state === undefined || label === undefined ? undefined : { from: step.at, label, category: containerCategory(state, ready) };
  }
  if (open !== undefined) bands.push({ ...open, to: Math.max(end, open.from) });
  return bands;
};

/** A node condition's bands. */
export const conditionBands = (c: ConditionSteps, end: number): { from: number; to: number; status: string; reason?: string }[] =>
  c.steps.map((s, i) => ({ from: s.at, to: c.steps[i + 1]?.at ?? Math.max(end, s.at), status: s.status, ...(s.reason === undefined ? {} : { reason: s.reason }) }));

/** The taints the node lifecycle controller keeps in step with a node's conditions at `t` (src/k8s/node-taints.ts). */
export const taintsAt = (node: NodeLane, t: number): string[] => {
  const status = (type: string): string | undefined => lastAtOrBefore(node.conditions.find((c) => c.type === type)?.steps ?? [], t)?.status;
  const taints: string[] = [];
  const readyKey = readyTaintKey(status('Ready'));
  if (readyKey !== undefined) taints.push(readyKey);
  for (const [type, key] of CONDITION_TAINT_KEYS) if (status(type) === 'True') taints.push(key);
  return taints;
};

/** The labels a pod had at `t` (its first set before creation, so a filter can still name it). */
export const labelsAt = (pod: PodLane, t: number): Readonly<Record<string, string>> =>
  (lastAtOrBefore(pod.labels, t) ?? pod.labels[0])?.labels ?? {};

/** A flag's value at `t`: the last flip at or before it (false before the first). */
export const flagAt = (flips: Flips | undefined, t: number): boolean => {
  let value = false;
  for (const [at, flag] of flips ?? []) {
    if (at > t) break;
    value = flag;
  }
  return value;
};

/** The spans where a flag holds: from each flip to true until the next flip, or `end`. */
const spansOf = (flips: Flips | undefined, end: number): { readonly from: number; readonly to: number }[] =>
  (flips ?? []).flatMap(([at, flag], i, all) => (flag ? [{ from: at, to: Math.max(at, Math.min(end, all[i + 1]?.[0] ?? end)) }] : []));

/**
 * The spans where the pod's row is not what the cluster showed, as `get pods --at` notes it: the pod known only
 * from its Events, or its row resting on facts an import inferred since its last capture; until the end of its bands.
 */
export const inferredSpans = (pod: PodLane, bands: readonly Band[]): { readonly from: number; readonly to: number }[] => {
  const end = bands.at(-1)?.to ?? 0;
  return [...spansOf(pod.eventsOnly, end), ...spansOf(pod.sinceCapture, end)].sort((a, b) => a.from - b.from);
};
