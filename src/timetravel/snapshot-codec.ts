/**
 * Snapshots: the folded cluster state at a position, as texts the journal stores opaquely. A snapshot is
 * a cache: its version names the code that folded it, and one of another version is ignored, never trusted.
 *
 * A snapshot is its index (the text the journal binds to the chain) naming its parts: the nodes, parts of
 * pods (with the uids of pods removed) applied in order (`snapshot-parts.ts`), and parts of the pods' `get
 * pods` rows, each row naming where its pod's line is (`snapshot-rows.ts`). Parts are stored by their
 * SHA-256, so a part shared with the snapshot before is the same file.
 *
 * Pods of one workload share their spec but for the node they run on, and specs are a third of a pod's
 * JSON: a part holds each distinct spec once (with `nodeName` blanked, keeping its key order) and each pod
 * refers to it. Decoding gives back the state exactly, down to the key order of every object.
 */
import type { PodSpec, V1Pod } from '../k8s/pod.js';
import { FoldedPod, baseOf, boundSpec, generatedFrom, type KubeletView, type NodeState, type PodState } from '../reducers/index.js';

/**
 * Bump when the snapshot layout changes; the reducers' version (the package version) is added at run time. 8: kubelet
 * views keep capture provenance and rows can be marked `2` (`row-line.ts`). 9: the provenance is one object
 * (`provenance`: `capturedAt`, `changeAt`, `runAt`), and a row resting on an inferred run is marked until a capture.
 * 10: kubelet views keep the condition types a capture showed (`conditionTypes`). 11: the index names how many of the
 * first row parts are the base (`baseRows`), so that a read keeps no uid of theirs. 12: the base holds its rows in
 * kubectl's order, each part's first line their ranks in the fold's order (`snapshot-rows.ts`). 13: kubelet views keep
 * the status fields a capture's kubelet did not write (`unwrittenFields`). 14: a stored pod's `from` names whether the
 * pod was marked deleted (`GeneratedFrom.deleted`), where it named whether it was terminal. 15: a pod's first graceful
 * deletion bumps its generation (the fold's objects differ from 14's). 16: statuses hold the pod-level
 * `allocatedResources` and `resources` (`pod-level-resources.ts`). 17: a status whose terminal phase mergePodStatus
 * holds back has the conditions generated from that phase, and the next sync lets it through (the fold's objects
 * differ from 16's). 18: a pod removed and created again with its uid between two snapshots is removed and written
 * again (`snapshot-parts.ts :: Changes`); 17's loaded back in its old place. 19: a simulated kubelet keeps
 * Initialized True once shown (gate RestartAllContainersOnContainerExits). 20: a journal of syncs shows TerminatePod's
 * marks and Failed only from `SyncTerminatedPod`'s `PodSynced.terminated` (the fold's objects differ from 19's). 21: an
 * imported pod keeps the `qosClass` its API server computed, its `selfLink`, and no generation where it stated none;
 * container views keep the `user` an imported status showed the runtime reported. 22: a pod's first `PodSynced` applies
 * TerminatePod only when it is an import's (no `sync`): the kubelet's first status for a pod deleted before its first
 * sync is its terminating sync's, Pending (the fold's objects differ from 21's). 23: a kubelet that wrote TerminatePod's
 * status writes no more (a later `PodSynced` or probe result leaves it), and a probe result keeps the generation the
 * status observed, stamping the pod's on the conditions it changes (the fold's objects differ from 22's for such journals).
 * 24: kubelet views' provenance keeps the records a later import superseded that the fold has yet to pass over
 * (`superseded`), and a fact at the instant of the pod's latest capture keeps the version it showed (the fold's objects
 * differ from 23's for imported journals). 25: a run that never started keeps the user the runtime reported for it
 * (`ContainerCreated.user`; the fold's objects differ from 24's for such imported journals). 26: a rejected pod's
 * `PodSynced.terminated` is its `SyncTerminatedPod` status, generated from Failed (`pod.ts :: rejectedTerminated`; the
 * fold's objects differ from 25's for such journals).
 */
export const SNAPSHOT_SCHEMA = 26;

/**
 * A pod as stored: its `spec` (kept at its key position, so decoding restores the key order) holds the
 * index of the shared spec, with the node it was bound to when there is one. A pod whose kubelet generated
 * its status is stored as the fold keeps it (`FoldedPod`): without its container statuses, with what they
 * are generated from (`from`: the view, 0 when it is the kubelet view itself, 1 when it is the published one).
 */
type SpecRef = number | readonly [number, string];
type StoredFrom = readonly [KubeletView | 0 | 1, boolean, boolean];
interface StoredPod {
  readonly pod: Omit<V1Pod, 'spec'> & { readonly spec: SpecRef };
  readonly kubelet: KubeletView;
  readonly from?: StoredFrom;
}

/** A part's first line; each pod follows on a line of its own, so that one pod is decoded without the others. */
interface PartHead {
  readonly specs: readonly PodSpec[];
  /** Uids of pods gone since the parts before. */
  readonly removed: readonly string[];
}

/** A part decoded: pods to put (a pod already there is replaced in place), after removing some. */
export interface Part {
  readonly pods: readonly PodState[];
  readonly removed: readonly string[];
}

/** A pod part's first line (its specs and removals), which starts the part: its byte length and digest (`digestOf`). */
export type PartHeadLine = readonly [length: number, digest: string];

export interface SnapshotIndex {
  readonly version: string;
  /** The part holding the nodes. */
  readonly nodes: string;
  /** The parts holding the pods, applied in order. */
  readonly parts: readonly string[];
  /** The first line of each part of pods, so that a pod's line is read and checked without the rest of its part. */
  readonly heads: readonly PartHeadLine[];
  /** Pod entries and removals the parts of pods hold together (when to write them afresh). */
  readonly podEntries: number;
  /**
   * The row parts (`snapshot-rows.ts`), applied in order: each row names the part of pods and the line its pod
   * is in. They are written afresh more often than the parts of pods, which are not read whole to answer.
   */
  readonly rows: readonly string[];
  /**
   * How many of the first row parts are the base: written afresh together, they hold each live pod of that
   * snapshot once and remove none, so a read applying the newest first needs no uid of theirs to know which
   * rows the parts after them replace.
   */
  readonly baseRows: number;
}

const BLANK = '';

interface Shared {
  /** The spec with its node blanked, as JSON. */
  readonly key: string;
  readonly shared: PodSpec;
}

/**
 * A bound spec with its node blanked, and its JSON: the key of the spec it shares. Pods keep their spec
 * object, so it is computed once per pod; every bound pod has a spec object of its own, so each distinct
 * key is kept once (a JSON string per pod held as long as the pod was a third of the fold's memory again).
 */
const sharedKeys = new WeakMap<PodSpec, Shared>();
const distinct = new Map<string, Shared>();
const sharedOf = (spec: PodSpec): Shared => {
  const known = sharedKeys.get(spec);
  if (known !== undefined) return known;
  const blanked = spec.nodeName === undefined ? spec : { ...spec, nodeName: BLANK };
  const key = JSON.stringify(blanked);
  let built = distinct.get(key);
  if (built === undefined) {
    built = { key, shared: blanked };
    distinct.set(key, built);
  }
  sharedKeys.set(spec, built);
  return built;
};

/** A part as its lines: the specs and removals, then a pod a line (JSON.stringify escapes every newline inside a string). */
export const encodePartLines = (pods: readonly PodState[], removed: readonly string[] = []): string[] => {
  const index = new Map<string, number>();
  const specs: PodSpec[] = [];
  const stored = pods.map((p): StoredPod => {
    const pod = baseOf(p);
    const { key, shared } = sharedOf(pod.spec);
    let i = index.get(key);
    if (i === undefined) {
      i = specs.push(shared) - 1;
      index.set(key, i);
    }
    const { nodeName } = pod.spec;
    const stored = { pod: { ...pod, spec: nodeName === undefined ? i : ([i, nodeName] as const) }, kubelet: p.kubelet };
    const from = generatedFrom(p);
    if (from === undefined) return stored;
    const view = from.view === p.kubelet ? 0 : from.view === p.kubelet.published ? 1 : from.view;
    return { ...stored, from: [view, from.deleted, from.terminated] };
  });
  const head: PartHead = { specs, removed };
  return [head, ...stored].map((x) => JSON.stringify(x));
};

export const encodePart = (pods: readonly PodState[], removed: readonly string[] = []): string => encodePartLines(pods, removed).join('\n');

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

const isNames = (u: unknown): u is string[] => Array.isArray(u) && u.every((x) => typeof x === 'string');

const field = (u: unknown, key: string): unknown => (typeof u === 'object' && u !== null ? (u as Record<string, unknown>)[key] : undefined);

const viewOf = (stored: StoredFrom[0], kubelet: KubeletView): KubeletView | undefined =>
  stored === 0 ? kubelet : stored === 1 ? kubelet.published : stored;

/**
 * The pod with its spec back in place (the placeholder's key position is the spec's); bound pods of one
 * stored spec on one node share their spec object, as in the fold.
 */
const restore = (stored: StoredPod, specs: readonly PodSpec[]): PodState | undefined => {
  const ref = stored.pod.spec;
  const shared = specs[typeof ref === 'number' ? ref : ref[0]];
  if (shared === undefined) return undefined;
  const spec = typeof ref === 'number' ? shared : boundSpec(shared, ref[1]);
  const pod = { ...stored.pod, spec };
  if (stored.from === undefined) return { pod, kubelet: stored.kubelet };
  if (!Array.isArray(stored.from)) return undefined;
  const [view, deleted, terminated] = stored.from;
  const generatedFrom = viewOf(view, stored.kubelet);
  return generatedFrom === undefined ? undefined : new FoldedPod(pod, stored.kubelet, { view: generatedFrom, deleted, terminated });
};

const headOf = (line: string | undefined): PartHead | undefined => {
  const head = line === undefined ? undefined : parse(line);
  const specs = field(head, 'specs');
  const removed = field(head, 'removed');
  return Array.isArray(specs) && isNames(removed) ? { specs: specs as PodSpec[], removed } : undefined;
};

const podFrom = (line: string | undefined, head: PartHead): PodState | undefined => {
  const stored = line === undefined ? undefined : parse(line);
  const pod = field(stored, 'pod');
  return typeof pod === 'object' && pod !== null ? restore(stored as StoredPod, head.specs) : undefined;
};

const podsFrom = (head: PartHead, lines: readonly string[]): PodState[] | undefined => {
  const pods: PodState[] = [];
  for (const line of lines) {
    const pod = podFrom(line, head);
    if (pod === undefined) return undefined;
    pods.push(pod);
  }
  return pods;
};

/** A part's pods, in order, and removals; undefined when it is not a part this code wrote. */
export const decodePart = (text: string): Part | undefined => {
  const [first, ...lines] = text.split('\n');
  const head = headOf(first);
  const pods = head === undefined ? undefined : podsFrom(head, lines);
  return head === undefined || pods === undefined ? undefined : { pods, removed: head.removed };
};

/** Pods from their own lines of a part and its first line, without the rest; undefined when one is not a pod. */
export const decodePartLines = (first: string, lines: readonly string[]): PodState[] | undefined => {
  const head = headOf(first);
  return head === undefined ? undefined : podsFrom(head, lines);
};

export const encodeNodes = (nodes: Iterable<NodeState>): string => JSON.stringify([...nodes]);

export const decodeNodes = (text: string): NodeState[] | undefined => {
  const nodes = parse(text);
  return Array.isArray(nodes) ? (nodes as NodeState[]) : undefined;
};

export const encodeIndex = (index: SnapshotIndex): string => JSON.stringify(index);

const isHeadLine = (u: unknown): u is PartHeadLine =>
  Array.isArray(u) && u.length === 2 && Number.isSafeInteger(u[0]) && typeof u[1] === 'string' && /^[0-9a-f]{32}$/.test(u[1]);

/** The index a snapshot's text holds, or undefined when it was written by another version (or is not a snapshot). */
export const decodeIndex = (blob: string, version: string): SnapshotIndex | undefined => {
  const body = parse(blob);
  const nodes = field(body, 'nodes');
  const parts = field(body, 'parts');
  const heads = field(body, 'heads');
  const podEntries = field(body, 'podEntries');
  const rows = field(body, 'rows');
  const baseRows = field(body, 'baseRows');
  const shaped =
    typeof nodes === 'string' &&
    isNames(parts) &&
    Array.isArray(heads) &&
    heads.length === parts.length &&
    heads.every(isHeadLine) &&
    Number.isSafeInteger(podEntries) &&
    isNames(rows) &&
    Number.isSafeInteger(baseRows) &&
    (baseRows as number) >= 0 &&
    (baseRows as number) <= rows.length;
  return field(body, 'version') === version && shaped ? { version, nodes, parts, heads, podEntries: podEntries as number, rows, baseRows: baseRows as number } : undefined;
};

/** The version a snapshot names, or undefined when it is not a snapshot at all. */
export const snapshotVersion = (blob: string): string | undefined => {
  const version = field(parse(blob), 'version');
  return typeof version === 'string' ? version : undefined;
};
