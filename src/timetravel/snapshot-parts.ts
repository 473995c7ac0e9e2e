/**
 * Snapshots written incrementally: the pods are cut into runs in fold order (a new pod joins the last run, a
 * removed one leaves its run), and a snapshot rewrites only the runs where some pod changed since the last
 * one; the others are the same part files. The fold keeps a pod's state object while no event changes it,
 * so "changed" is a reference comparison. Reading a snapshot checks only the parts it reads.
 */
import type { Journal } from '../journal/index.js';
import type { ClusterState, PodState } from '../reducers/index.js';
import { decodeIndex, decodeNodes, decodePart, encodeIndex, encodeNodes, encodePart } from './snapshot-codec.js';

/** Pods in one part: small enough that a change rewrites little, large enough that a snapshot names few files. */
export const PART_PODS = 512;

interface Run {
  readonly uids: Set<string>;
  /** The part file holding the run as last written; undefined once it changed. */
  name: string | undefined;
}

/** The runs of pods a snapshot is made of, and the state each pod had when its run was written. */
export interface Layout {
  readonly runs: ReadonlyArray<{ readonly name: string; readonly uids: readonly string[] }>;
  readonly state: ClusterState;
}

export type Loaded = { readonly state: ClusterState; readonly layout: Layout } | { readonly rejected: string };

/** The state a snapshot's text and parts hold, with its runs; rejected when a part fails its checks or another version wrote it. */
export const loadSnapshot = async (journal: Journal, blob: string, version: string): Promise<Loaded> => {
  const index = decodeIndex(blob, version);
  if (index === undefined) return { rejected: 'it was written by another version, or is not a snapshot' };
  const nodesText = await journal.snapshotPart(index.nodes);
  if ('rejected' in nodesText) return nodesText;
  const nodes = decodeNodes(nodesText.text);
  if (nodes === undefined) return { rejected: `part ${index.nodes} does not hold nodes` };
  const pods = new Map<string, PodState>();
  const runs: Array<{ name: string; uids: string[] }> = [];
  const read = (i: number) => journal.snapshotPart(index.parts[i] ?? '');
  // Each part is read while the one before it is decoded.
  let reading = read(0);
  for (let i = 0; i < index.parts.length; i++) {
    const name = index.parts[i] ?? '';
    const text = await reading;
    if (i + 1 < index.parts.length) reading = read(i + 1);
    if ('rejected' in text) return text;
    const part = decodePart(text.text);
    if (part === undefined) return { rejected: `part ${name} does not hold pods` };
    const uids = part.map((p) => p.pod.metadata.uid ?? '');
    for (const p of part) pods.set(p.pod.metadata.uid ?? '', p);
    runs.push({ name, uids });
  }
  const state: ClusterState = { pods, nodes: new Map(nodes.map((n) => [n.name, n])) };
  return { state, layout: { runs, state } };
};

/** Writes snapshots of one fold in progress, each after the last: only the runs that changed are new parts. */
export class SnapshotWriter {
  private readonly runs: Run[] = [];
  private readonly runOf = new Map<string, Run>();
  private written = new Map<string, PodState>();

  /** Continues from a loaded snapshot (its runs are unchanged parts), or from nothing. */
  constructor(
    from?: Layout,
    private readonly partPods = PART_PODS,
  ) {
    if (from === undefined) return;
    for (const { name, uids } of from.runs) {
      const run: Run = { uids: new Set(uids), name };
      this.runs.push(run);
      for (const uid of uids) this.runOf.set(uid, run);
    }
    this.written = new Map(from.state.pods);
  }

  /** Stores the parts of `state` that changed and returns the snapshot's text (to bind with `putSnapshot`). */
  async write(journal: Journal, state: ClusterState, version: string): Promise<string> {
    for (const [uid, pod] of state.pods) {
      const run = this.runOf.get(uid);
      if (run === undefined) this.join(uid);
      else if (this.written.get(uid) !== pod) run.name = undefined;
    }
    for (const uid of this.written.keys()) {
      if (state.pods.has(uid)) continue;
      const run = this.runOf.get(uid);
      if (run === undefined) continue;
      run.uids.delete(uid);
      run.name = undefined;
      this.runOf.delete(uid);
    }
    this.written = new Map(state.pods);
    const parts: string[] = [];
    for (let i = 0; i < this.runs.length; i++) {
      const run = this.runs[i];
      if (run === undefined) continue;
      if (run.uids.size === 0) {
        this.runs.splice(i--, 1);
        continue;
      }
      run.name ??= await journal.putSnapshotPart(encodePart([...run.uids].flatMap((uid) => state.pods.get(uid) ?? [])));
      parts.push(run.name);
    }
    const nodes = await journal.putSnapshotPart(encodeNodes(state.nodes.values()));
    return encodeIndex({ version, nodes, parts });
  }

  /** A new pod joins the last run (fold order is creation order), or starts a new one when that is full. */
  private join(uid: string): void {
    let run = this.runs[this.runs.length - 1];
    if (run === undefined || run.uids.size >= this.partPods) {
      run = { uids: new Set(), name: undefined };
      this.runs.push(run);
    }
    run.uids.add(uid);
    run.name = undefined;
    this.runOf.set(uid, run);
  }
}

/** The parts every snapshot names (the index's own parts, from the texts the journal checked). */
export const partsNamed = (blobs: Iterable<string>, version: string): Set<string> => {
  const used = new Set<string>();
  for (const blob of blobs) {
    const index = decodeIndex(blob, version);
    if (index === undefined) continue;
    used.add(index.nodes);
    for (const p of index.parts) used.add(p);
  }
  return used;
};
