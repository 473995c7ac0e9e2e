/**
 * Snapshots written incrementally, log-structured: a snapshot names the parts of the one before and adds
 * one or more parts holding only the pods that changed since (and the uids of the pods removed). Reading
 * applies the parts in order, a later entry replacing an earlier one, so a pod keeps the place it first
 * had: the fold's order (creation order). The fold keeps a pod's state object while no event changes it,
 * so "changed" is a reference comparison. When the parts hold more than 1.5 times the live pods, the next
 * snapshot is written afresh (compaction), so a read decodes at most about 1.5 times what it keeps.
 */
import type { Journal } from '../journal/index.js';
import { baseOf, type ClusterState, type PodState } from '../reducers/index.js';
import { decodeIndex, decodeNodes, decodePart, encodeIndex, encodeNodes, encodePart } from './snapshot-codec.js';

/** Pods in one part: small enough to be written and read in one piece, large enough that a snapshot names few files. */
export const PART_PODS = 512;

/** What a snapshot is made of, to continue writing after it. */
export interface Layout {
  readonly parts: readonly string[];
  /** Pod entries and removals the parts hold together. */
  readonly entries: number;
  readonly state: ClusterState;
}

export type Loaded = { readonly state: ClusterState; readonly layout: Layout } | { readonly rejected: string };

/** The state a snapshot's text and parts hold; rejected when a part fails its checks or another version wrote it. */
export const loadSnapshot = async (journal: Journal, blob: string, version: string): Promise<Loaded> => {
  const index = decodeIndex(blob, version);
  if (index === undefined) return { rejected: 'it was written by another version, or is not a snapshot' };
  const nodesText = await journal.snapshotPart(index.nodes);
  if ('rejected' in nodesText) return nodesText;
  const nodes = decodeNodes(nodesText.text);
  if (nodes === undefined) return { rejected: `part ${index.nodes} does not hold nodes` };
  const pods = new Map<string, PodState>();
  let entries = 0;
  const read = (i: number) => journal.snapshotPart(index.parts[i] ?? '');
  // Each part is read while the one before it is decoded.
  let reading = read(0);
  for (let i = 0; i < index.parts.length; i++) {
    const text = await reading;
    if (i + 1 < index.parts.length) reading = read(i + 1);
    if ('rejected' in text) return text;
    const part = decodePart(text.text);
    if (part === undefined) return { rejected: `part ${index.parts[i] ?? ''} does not hold pods` };
    for (const uid of part.removed) pods.delete(uid);
    for (const p of part.pods) pods.set(baseOf(p).metadata.uid ?? '', p);
    entries += part.removed.length + part.pods.length;
  }
  const state: ClusterState = { pods, nodes: new Map(nodes.map((n) => [n.name, n])) };
  return { state, layout: { parts: index.parts, entries, state } };
};

const runsOf = <T>(items: readonly T[], size: number): T[][] => {
  const runs: T[][] = [];
  for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size));
  return runs;
};

/** Writes snapshots of one fold in progress, each after the last: only the pods that changed are written. */
export class SnapshotWriter {
  private parts: string[] = [];
  private entries = 0;
  private written = new Map<string, PodState>();

  /** Continues from a loaded snapshot, or from nothing. */
  constructor(
    from?: Layout,
    private readonly partPods = PART_PODS,
  ) {
    if (from === undefined) return;
    this.parts = [...from.parts];
    this.entries = from.entries;
    this.written = new Map(from.state.pods);
  }

  /** Stores the parts `state` needs beyond the last snapshot's and returns the snapshot's text (to bind with `putSnapshot`). */
  async write(journal: Journal, state: ClusterState, version: string): Promise<string> {
    const changed: PodState[] = [];
    for (const [uid, pod] of state.pods) if (this.written.get(uid) !== pod) changed.push(pod);
    const removed: string[] = [];
    for (const uid of this.written.keys()) if (!state.pods.has(uid)) removed.push(uid);
    this.written = new Map(state.pods);
    if (2 * (this.entries + changed.length + removed.length) > 3 * state.pods.size + 2 * this.partPods) {
      // compaction: the live pods alone, in order
      this.parts = [];
      this.entries = 0;
      await this.add(journal, [...state.pods.values()], []);
    } else await this.add(journal, changed, removed);
    const nodes = await journal.putSnapshotPart(encodeNodes(state.nodes.values()));
    return encodeIndex({ version, nodes, parts: this.parts });
  }

  /** Parts holding `pods` (the removals with the first), in order. */
  private async add(journal: Journal, pods: readonly PodState[], removed: readonly string[]): Promise<void> {
    const runs = runsOf(pods, this.partPods);
    if (runs.length === 0 && removed.length > 0) runs.push([]);
    for (const [i, run] of runs.entries()) this.parts.push(await journal.putSnapshotPart(encodePart(run, i === 0 ? removed : [])));
    this.entries += pods.length + removed.length;
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
