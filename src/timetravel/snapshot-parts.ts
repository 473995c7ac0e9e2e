/**
 * Snapshots written incrementally, log-structured: a snapshot names the parts of the one before and adds
 * one or more parts holding only the pods that changed since (and the uids of the pods removed). Reading
 * applies the parts in order, a later entry replacing an earlier one, so a pod keeps the place it first
 * had: the fold's order (creation order). The fold keeps a pod's state object while no event changes it,
 * so "changed" is a reference comparison. When the parts hold more than 1.5 times the live pods, the next
 * snapshot is written afresh (compaction), so a read decodes at most about 1.5 times what it keeps.
 */
import type { Journal } from '../journal/index.js';
import { baseOf, type ClusterState, type NodeState, type PodState } from '../reducers/index.js';
import { decodeIndex, decodeNodes, decodePart, decodePartLines, encodeIndex, encodeNodes, encodePartLines, type SnapshotIndex } from './snapshot-codec.js';
import { applyRowPartUnder, digestOf, encodeRowPart, lineRanges, rangeOf, type LineRange, type PlacedRow, type SnapshotRows } from './snapshot-rows.js';

/** Pods in one part: small enough to be written and read in one piece, large enough that a snapshot names few files. */
export const PART_PODS = 512;

/** What a snapshot is made of, to continue writing after it. */
export interface Layout {
  readonly parts: readonly string[];
  readonly rows: readonly string[];
  /** Pod entries and removals the parts hold together. */
  readonly entries: number;
  readonly state: ClusterState;
}

export type Loaded = { readonly state: ClusterState; readonly layout: Layout } | { readonly rejected: string };

/** Reads the parts in order, each while the one before it is used; stops at the first `use` that fails. */
const eachPart = async (journal: Journal, names: readonly string[], use: (text: string, i: number) => string | undefined): Promise<string | undefined> => {
  if (names.length === 0) return undefined;
  const read = (i: number) => journal.snapshotPart(names[i] ?? '');
  let reading = read(0);
  for (let i = 0; i < names.length; i++) {
    const text = await reading;
    if (i + 1 < names.length) reading = read(i + 1);
    if ('rejected' in text) return text.rejected;
    const fault = use(text.text, i);
    if (fault !== undefined) return fault;
  }
  return undefined;
};

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
  const fault = await eachPart(journal, index.parts, (text, i) => {
    const part = decodePart(text);
    if (part === undefined) return `part ${index.parts[i] ?? ''} does not hold pods`;
    for (const uid of part.removed) pods.delete(uid);
    for (const p of part.pods) pods.set(baseOf(p).metadata.uid ?? '', p);
    entries += part.removed.length + part.pods.length;
    return undefined;
  });
  if (fault !== undefined) return { rejected: fault };
  const state: ClusterState = { pods, nodes: new Map(nodes.map((n) => [n.name, n])) };
  return { state, layout: { parts: index.parts, rows: index.rows, entries, state } };
};

/** The rows of a snapshot's pods by uid, each with where the pod's state is, without reading a pod. */
export const loadRows = async (journal: Journal, index: SnapshotIndex): Promise<SnapshotRows | { readonly rejected: string }> => {
  const rows: SnapshotRows = { placed: new Map(), heads: [], texts: [] };
  const gone = new Set<string>();
  // Newest first, so that a row an entry after it replaces is never built.
  const last = index.rows.length - 1;
  const fault = await eachPart(journal, [...index.rows].reverse(), (text, i) =>
    applyRowPartUnder(rows, gone, text, last - i) ? undefined : `part ${index.rows[last - i] ?? ''} does not hold rows`,
  );
  return fault === undefined ? rows : { rejected: fault };
};

/**
 * The states of the pods at these places (from `loadRows`), by uid: only their lines and their parts' first
 * lines are read, each checked against the digest the (checked) row part holds.
 */
export const loadPods = async (
  journal: Journal,
  index: SnapshotIndex,
  rows: SnapshotRows,
  wanted: ReadonlyMap<string, PlacedRow>,
): Promise<Map<string, PodState> | { readonly rejected: string }> => {
  const byPart = new Map<number, [string, PlacedRow][]>();
  for (const entry of wanted) {
    const entries = byPart.get(entry[1].part);
    if (entries === undefined) byPart.set(entry[1].part, [entry]);
    else entries.push(entry);
  }
  const pods = new Map<string, PodState>();
  for (const [part, entries] of byPart) {
    const name = index.parts[part] ?? '';
    const ranges = entries.map(([, p]) => rangeOf(rows, p));
    if (ranges.includes(undefined)) return { rejected: `part ${index.rows[part] ?? ''} does not hold rows` };
    const lines = [rows.heads[part] ?? ([0, 0, ''] as const), ...ranges.filter((r): r is LineRange => r !== undefined)];
    const read = journal.snapshotPartRanges(name, lines.map(([offset, length]) => [offset, length] as const));
    if ('rejected' in read) return read;
    if (read.texts.some((text, i) => digestOf(text) !== lines[i]?.[2])) return { rejected: `part ${name}: a line does not match the digest its rows hold` };
    const [first = '', ...podLines] = read.texts;
    const decoded = decodePartLines(first, podLines);
    if (decoded === undefined) return { rejected: `part ${name} does not hold the pods its rows name` };
    decoded.forEach((pod, i) => pods.set(entries[i]?.[0] ?? '', pod));
  }
  return pods;
};

const runsOf = <T>(items: readonly T[], size: number): T[][] => {
  const runs: T[][] = [];
  for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size));
  return runs;
};

/** Writes snapshots of one fold in progress, each after the last: only the pods that changed are written. */
export class SnapshotWriter {
  private parts: string[] = [];
  private rows: string[] = [];
  private entries = 0;
  private written = new Map<string, PodState>();
  /** The nodes part last stored and the node states it holds (the fold keeps a node's object while nothing changes it). */
  private nodes: { readonly states: readonly NodeState[]; readonly name: string } | undefined;

  /** Continues from a loaded snapshot, or from nothing. */
  constructor(
    from?: Layout,
    private readonly partPods = PART_PODS,
  ) {
    if (from === undefined) return;
    this.parts = [...from.parts];
    this.rows = [...from.rows];
    this.entries = from.entries;
    this.written = new Map(from.state.pods);
  }

  /** Stores the parts `state` needs beyond the last snapshot's and returns the snapshot's text (to bind with `putSnapshot`). */
  async write(journal: Journal, state: ClusterState, version: string): Promise<string> {
    // `written` is updated in place, not copied: a copy of 150,000 entries at every snapshot cost seconds at tier L.
    const changed: string[] = [];
    for (const [uid, pod] of state.pods) {
      if (this.written.get(uid) === pod) continue;
      changed.push(uid);
      this.written.set(uid, pod);
    }
    const removed: string[] = [];
    for (const uid of this.written.keys()) if (!state.pods.has(uid)) removed.push(uid);
    for (const uid of removed) this.written.delete(uid);
    if (2 * (this.entries + changed.length + removed.length) > 3 * state.pods.size + 2 * this.partPods) {
      // compaction: the live pods alone, in order
      this.parts = [];
      this.rows = [];
      this.entries = 0;
      await this.add(journal, state, [...state.pods.keys()], []);
    } else await this.add(journal, state, changed, removed);
    return encodeIndex({ version, nodes: await this.nodesPart(journal, state), parts: this.parts, rows: this.rows });
  }

  /**
   * The part holding the nodes: the last one while every node state is the same object. At tier L the 5,000
   * nodes are 2.9 MB of JSON that changed in 3 of 257 snapshots, and encoding and hashing them again at each
   * cost ≈ 40 ms.
   */
  private async nodesPart(journal: Journal, state: ClusterState): Promise<string> {
    const states = [...state.nodes.values()];
    const last = this.nodes;
    if (last !== undefined && last.states.length === states.length && states.every((n, i) => n === last.states[i])) return last.name;
    this.nodes = { states, name: await journal.putSnapshotPart(encodeNodes(states)) };
    return this.nodes.name;
  }

  /** Parts holding the pods of `uids` and their rows (the removals with the first), in order. */
  private async add(journal: Journal, state: ClusterState, uids: readonly string[], removed: readonly string[]): Promise<void> {
    const runs = runsOf(uids, this.partPods);
    if (runs.length === 0 && removed.length > 0) runs.push([]);
    for (const [i, run] of runs.entries()) {
      const pods = run.map((uid) => state.pods.get(uid)).filter((p): p is PodState => p !== undefined);
      const gone = i === 0 ? removed : [];
      const lines = encodePartLines(pods, gone);
      this.parts.push(await journal.putSnapshotPart(lines.join('\n')));
      this.rows.push(await journal.putSnapshotPart(encodeRowPart(run, pods, gone, lineRanges(lines))));
    }
    this.entries += uids.length + removed.length;
  }
}

/** The parts every snapshot names (the index's own parts, from the texts the journal checked). */
export const partsNamed = (blobs: Iterable<string>, version: string): Set<string> => {
  const used = new Set<string>();
  for (const blob of blobs) {
    const index = decodeIndex(blob, version);
    if (index === undefined) continue;
    used.add(index.nodes);
    for (const p of [...index.parts, ...index.rows]) used.add(p);
  }
  return used;
};
