/**
 * Snapshots written incrementally, log-structured: a snapshot names the parts of the one before and adds
 * one or more parts holding only the pods that changed since (and the uids of the pods removed), with as many
 * row parts holding their rows. Reading applies the parts in order, a later entry replacing an earlier one,
 * so a pod keeps the place it first had: the fold's order (creation order). The fold keeps a pod's state
 * object while no event changes it, so "changed" is a reference comparison.
 *
 * Rows and pods are compacted apart. `get pods --at` reads every row part of a snapshot, so when the row parts
 * hold more than 1.5 times the live pods the next snapshot writes the live rows afresh, each naming where its
 * pod's line already is (no pod is encoded again). Pods are read by their rows' places (a question after the
 * snapshot, the upkeep continuing from it) or whole only by `verify`, so their parts are written afresh only
 * when they hold more than 4 times the live pods: at tier L such compactions of pods had been two thirds of
 * the snapshots' bytes and of their encoding.
 */
import type { Journal } from '../journal/index.js';
import { baseOf, type ClusterState, type NodeState, type PodState } from '../reducers/index.js';
import { decodeIndex, decodeNodes, decodePart, decodePartLines, encodeIndex, encodeNodes, encodePartLines, type PartHeadLine, type SnapshotIndex } from './snapshot-codec.js';
import {
  addBasePart,
  applyRowPartOver,
  applyRowPartUnder,
  digestOf,
  encodeBaseRowPart,
  encodeRowPart,
  inRowOrder,
  lineRanges,
  placeAndRow,
  placeFrom,
  rowOf,
  placeText,
  type LineRange,
  type Place,
  type Hidden,
  type RowEntry,
  type SnapshotRows,
  type Wanted,
  type Wants,
} from './snapshot-rows.js';

/** Pods in one part: small enough to be written and read in one piece, large enough that a snapshot names few files. */
export const PART_PODS = 512;

/** Row parts are written afresh above this many entries per live pod; parts of pods above `POD_PARTS_BOUND`. */
const ROW_PARTS_BOUND = 1.5;
const POD_PARTS_BOUND = 4;

/** What a snapshot is made of, to continue writing after it. */
export interface Layout {
  readonly index: SnapshotIndex;
  /** Entries and removals the row parts hold together. */
  readonly rowEntries: number;
  readonly state: ClusterState;
}

export type Loaded = { readonly state: ClusterState; readonly layout: Layout } | { readonly rejected: string };

/** The parts' texts in order, each checked against its name and read while the one before it is used; stops at the first `use` that fails. */
const eachPart = async (journal: Journal, names: readonly string[], use: (text: string, i: number) => string | undefined): Promise<string | undefined> => {
  if (names.length === 0) return undefined;
  let reading = journal.snapshotPart(names[0] ?? '');
  for (let i = 0; i < names.length; i++) {
    const got = await reading;
    if (i + 1 < names.length) reading = journal.snapshotPart(names[i + 1] ?? '');
    if ('rejected' in got) return got.rejected;
    const fault = use(got.text, i);
    if (fault !== undefined) return fault;
  }
  return undefined;
};

const nodesOf = async (journal: Journal, index: SnapshotIndex): Promise<Map<string, NodeState> | { readonly rejected: string }> => {
  const text = await journal.snapshotPart(index.nodes);
  if ('rejected' in text) return text;
  const nodes = decodeNodes(text.text);
  return nodes === undefined ? { rejected: `part ${index.nodes} does not hold nodes` } : new Map(nodes.map((n) => [n.name, n]));
};

/** The places of the pods a read wants (`loadRows`), by uid. */
export const placesOf = (wanted: ReadonlyMap<string, Wanted>): (readonly [string, Place])[] => [...wanted].map(([uid, { place }]) => [uid, place] as const);

/**
 * The states of pods from their places (`loadRows` gives those a read wants), by uid: only their lines and their
 * parts' first lines are read, each checked against the digest a checked text holds (a row part, the index).
 */
export const loadPods = (journal: Journal, index: SnapshotIndex, wanted: Iterable<readonly [string, Place]>): Map<string, PodState> | { readonly rejected: string } => {
  const byPart = new Map<number, (readonly [string, Place])[]>();
  for (const entry of wanted) {
    const entries = byPart.get(entry[1].part);
    if (entries === undefined) byPart.set(entry[1].part, [entry]);
    else entries.push(entry);
  }
  const pods = new Map<string, PodState>();
  for (const [part, entries] of byPart) {
    const name = index.parts[part];
    const head = index.heads[part];
    if (name === undefined || head === undefined) return { rejected: `a row names part ${part} of pods, which the snapshot does not have` };
    const lines: LineRange[] = [[0, head[0], head[1]], ...entries.map(([, p]) => p.range)];
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

/**
 * The state a snapshot's text and parts hold: its row parts give the live pods, in the fold's order, and where
 * each pod's line is; every part of pods is read whole and checked against its name, and only the live pods'
 * lines are decoded. Rejected when a part fails its checks or another version wrote it.
 */
export const loadSnapshot = async (journal: Journal, blob: string, version: string): Promise<Loaded> => {
  const index = decodeIndex(blob, version);
  if (index === undefined) return { rejected: 'it was written by another version, or is not a snapshot' };
  const nodes = await nodesOf(journal, index);
  if ('rejected' in nodes) return nodes;
  const places = new Map<string, string>();
  let rowEntries = 0;
  const readPart = journal.snapshotPartReader();
  // The base's entries go first, in the fold's order (their ranks); the parts after it apply over them in order.
  const ranked: (readonly [string, string])[] = [];
  for (const [i, name] of index.rows.entries()) {
    const read = readPart(name);
    if ('rejected' in read) return read;
    const entries = i < index.baseRows ? addBasePart(ranked, read.bytes) : applyRowPartOver(places, read.bytes);
    if (entries === undefined) return { rejected: `part ${name} does not hold rows` };
    rowEntries += entries;
    if (i + 1 === index.baseRows) {
      if (ranked.length !== rowEntries) return { rejected: `the base's row parts do not rank each of their ${rowEntries} pods once` };
      for (const [uid, place] of ranked) places.set(uid, place);
    }
  }
  const byPart = new Map<number, (readonly [string, LineRange])[]>();
  for (const [uid, text] of places) {
    const place = placeFrom(text);
    if (place === undefined) return { rejected: `a row of pod ${uid} does not say where the pod is` };
    const entries = byPart.get(place.part);
    if (entries === undefined) byPart.set(place.part, [[uid, place.range]]);
    else entries.push([uid, place.range]);
  }
  const read = new Map<string, PodState>();
  for (const [part, name] of index.parts.entries()) {
    const got = readPart(name);
    if ('rejected' in got) return got;
    const { bytes } = got;
    const entries = byPart.get(part) ?? [];
    const text = ([offset, length]: LineRange) => bytes.toString('utf8', offset, offset + length);
    const decoded = decodePartLines(bytes.toString('utf8', 0, index.heads[part]?.[0] ?? 0), entries.map(([, range]) => text(range)));
    if (decoded === undefined) return { rejected: `part ${name} does not hold the pods its rows name` };
    decoded.forEach((pod, i) => read.set(entries[i]?.[0] ?? '', pod));
  }
  // In the rows' order, the fold's.
  const pods = new Map<string, PodState>();
  for (const uid of places.keys()) {
    const pod = read.get(uid);
    if (pod === undefined) return { rejected: `pod ${uid} is not where its row places it` };
    pods.set(uid, pod);
  }
  const state: ClusterState = { pods, nodes };
  return { state, layout: { index, rowEntries, state } };
};

/**
 * The state the parts of pods hold by themselves, every part read whole and checked against its name: what
 * `verify` compares with the fold, so that a pod added to a part is found even where no row names it.
 */
export const loadWholeParts = async (journal: Journal, blob: string, version: string): Promise<ClusterState | { readonly rejected: string }> => {
  const index = decodeIndex(blob, version);
  if (index === undefined) return { rejected: 'it was written by another version, or is not a snapshot' };
  const nodes = await nodesOf(journal, index);
  if ('rejected' in nodes) return nodes;
  const pods = new Map<string, PodState>();
  const fault = await eachPart(journal, index.parts, (text, i) => {
    const part = decodePart(text);
    if (part === undefined) return `part ${index.parts[i] ?? ''} does not hold pods`;
    for (const uid of part.removed) pods.delete(uid);
    for (const p of part.pods) pods.set(baseOf(p).metadata.uid ?? '', p);
    return undefined;
  });
  return fault === undefined ? { pods, nodes } : { rejected: fault };
};

/** The rows of a snapshot's pods, without reading a pod, and where the pods a read `wants` are. */
export const loadRows = (journal: Journal, index: SnapshotIndex, wants: Wants): SnapshotRows | { readonly rejected: string } => {
  const rows: SnapshotRows = { rows: [], wanted: new Map() };
  const hidden: Hidden = { placed: new Set(), gone: new Set() };
  const read = journal.snapshotPartReader();
  // The parts after the base newest first, so that a row an entry after it replaces is never built; then the base in
  // its order (it hides none of its own pods), kubectl's, so that the rows' sort meets it as one run.
  const order = [...index.rows.keys()].slice(index.baseRows).reverse().concat([...index.rows.keys()].slice(0, index.baseRows));
  for (const i of order) {
    const name = index.rows[i] ?? '';
    const part = read(name);
    if ('rejected' in part) return part;
    if (!applyRowPartUnder(rows, hidden, part.bytes, wants, i < index.baseRows)) return { rejected: `part ${name} does not hold rows` };
  }
  return rows;
};

const runsOf = <T>(items: readonly T[], size: number): T[][] => {
  const runs: T[][] = [];
  for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size));
  return runs;
};

/**
 * The pods a snapshot writes again, and those it removes, by uid. A pod the fold removed and added again since
 * the last write (the same uid) is in both: the fold moved it to its end, and a part's removals apply before its
 * pods, so loading it moves it there too; written again alone, it would load back in its old place.
 */
interface Changes {
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

/**
 * The uids of the pods the events folded since the last snapshot were about, kept as they are folded: the
 * pods they add to the fold last, in the order the fold adds them (a `Map` keeps insertion order, and a pod
 * the fold removes and adds again moves to its end).
 */
export class Touched {
  private readonly seen = new Set<string>();
  /** The uids the fold added since the last write: a pod written before among them was removed and added again. */
  private readonly added = new Set<string>();

  /** Notes the event's pod, given whether the fold held it before the event and holds it after. */
  note(uid: string, heldBefore: boolean, heldAfter: boolean): void {
    if (!heldBefore && heldAfter) {
      this.seen.delete(uid);
      this.added.add(uid);
    }
    this.seen.add(uid);
  }

  uids(): Iterable<string> {
    return this.seen;
  }

  wasAdded(uid: string): boolean {
    return this.added.has(uid);
  }

  clear(): void {
    this.seen.clear();
    this.added.clear();
  }
}

/** Writes snapshots of one fold in progress, each after the last: only the pods that changed are written. */
export class SnapshotWriter {
  private parts: string[] = [];
  private heads: PartHeadLine[] = [];
  private podEntries = 0;
  private rows: string[] = [];
  /** How many of the first row parts are the base (`SnapshotIndex.baseRows`). */
  private baseRows = 0;
  private rowEntries = 0;
  /** The pod states last written, by uid, in the fold's order. */
  private written = new Map<string, PodState>();
  /** The nodes part last stored and the node states it holds (the fold keeps a node's object while nothing changes it). */
  private nodes: { readonly states: readonly NodeState[]; readonly name: string } | undefined;

  /** Continues from a loaded snapshot, or from nothing. */
  constructor(
    from?: Layout,
    private readonly partPods = PART_PODS,
  ) {
    if (from === undefined) return;
    this.parts = [...from.index.parts];
    this.heads = [...from.index.heads];
    this.podEntries = from.index.podEntries;
    this.rows = [...from.index.rows];
    this.baseRows = from.index.baseRows;
    this.rowEntries = from.rowEntries;
    this.written = new Map(from.state.pods);
  }

  /**
   * Stores the parts `state` needs beyond the last snapshot's and returns the snapshot's text (to bind with
   * `putSnapshot`). `touched` holds the uids of the events folded since the last write (`Touched`): only those
   * pods are compared.
   */
  async write(journal: Journal, state: ClusterState, version: string, touched: Touched): Promise<string> {
    const { changed, removed } = this.compareTouched(state, touched);
    const added = changed.length + removed.length;
    const live = state.pods.size;
    if (this.podEntries + added > POD_PARTS_BOUND * live + 2 * this.partPods) {
      // compaction of everything: the live pods alone, in order
      this.parts = [];
      this.heads = [];
      this.podEntries = 0;
      const placed = await this.addPods(journal, state, [...state.pods.keys()], []);
      await this.rewriteRows(journal, state, changed, placed);
    } else {
      const placed = await this.addPods(journal, state, changed, removed);
      // Onto no row parts (the first snapshot) the live pods are all new: the base.
      if (this.rows.length === 0 || this.rowEntries + added > ROW_PARTS_BOUND * live + this.partPods) await this.rewriteRows(journal, state, changed, placed);
      else await this.addRows(journal, state, changed, removed, placed);
    }
    const index = { version, nodes: await this.nodesPart(journal, state), parts: this.parts, heads: this.heads, podEntries: this.podEntries, rows: this.rows, baseRows: this.baseRows };
    return encodeIndex(index);
  }

  /**
   * Only the pods the events since the last write were about: at tier L a snapshot's ≈ 3,300 of 150,000, where
   * comparing all of them at each of 214 snapshots cost ≈ 7 % of the upkeep. A pod the fold removed without an
   * event of its own (a creation taking its name, `Folding.apply`) leaves `written` larger than the state: then
   * every written pod is looked for.
   */
  private compareTouched(state: ClusterState, touched: Touched): Changes {
    const changed: string[] = [];
    const gone: string[] = [];
    const moved: string[] = [];
    // The pods new since the last write come in the order the fold added them (`Touched`): a part adds its new
    // pods in its own order, and loading it must give back the fold's (a pod written before keeps its place).
    for (const uid of touched.uids()) {
      const pod = state.pods.get(uid);
      if (pod === undefined) {
        if (this.written.has(uid)) gone.push(uid);
      } else if (this.written.get(uid) !== pod) {
        if (this.written.has(uid) && touched.wasAdded(uid)) {
          moved.push(uid);
          // removed and added again: deleted first, so that `written` holds it last, as the fold does
          this.written.delete(uid);
        }
        changed.push(uid);
        this.written.set(uid, pod);
      }
    }
    if (this.written.size - gone.length !== state.pods.size) {
      const known = new Set(gone);
      for (const uid of this.written.keys()) if (!known.has(uid) && !state.pods.has(uid)) gone.push(uid);
    }
    for (const uid of gone) this.written.delete(uid);
    return { changed, removed: [...gone, ...moved] };
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

  /** Parts holding the pods of `uids` (the removals with the first), in order; where each pod's line is (`placeText`), by uid. */
  private async addPods(journal: Journal, state: ClusterState, uids: readonly string[], removed: readonly string[]): Promise<Map<string, string>> {
    const placed = new Map<string, string>();
    const runs = runsOf(uids, this.partPods);
    if (runs.length === 0 && removed.length > 0) runs.push([]);
    for (const [i, run] of runs.entries()) {
      const pods = run.map((uid) => state.pods.get(uid)).filter((p): p is PodState => p !== undefined);
      const lines = encodePartLines(pods, i === 0 ? removed : []);
      const [head, ...ranges] = lineRanges(lines);
      const part = this.parts.length;
      this.parts.push(await journal.putSnapshotPart(lines.join('\n')));
      this.heads.push([head?.[1] ?? 0, head?.[2] ?? '']);
      run.forEach((uid, j) => placed.set(uid, placeText(part, ranges[j] ?? [0, 0, ''])));
    }
    this.podEntries += uids.length + removed.length;
    return placed;
  }

  /** Row parts holding the rows of `uids` (the removals with the first), after the ones before; `placed` gives where their pods are. */
  private async addRows(journal: Journal, state: ClusterState, uids: readonly string[], removed: readonly string[], placed: ReadonlyMap<string, string>): Promise<void> {
    this.rowEntries += uids.length + removed.length;
    const runs = runsOf(uids, this.partPods);
    if (runs.length === 0 && removed.length > 0) runs.push([]);
    for (const [i, run] of runs.entries()) {
      const entries = run.map((uid) => freshEntry(state, placed, uid)).filter((e): e is RowEntry => e !== undefined);
      this.rows.push(await journal.putSnapshotPart(encodeRowPart(entries, i === 0 ? removed : [])));
    }
  }

  /**
   * The live pods' rows afresh, in kubectl's order (the base): the rows of `changed` computed, the others read back
   * from the row parts before, each pod where `placed` puts it, else where it was. Read back, not kept: at tier L
   * the rows and places of every live pod held ≈ 45 MiB through the upkeep, for the ≈ 20 rewrites that read them.
   */
  private async rewriteRows(journal: Journal, state: ClusterState, changed: readonly string[], placed: ReadonlyMap<string, string>): Promise<void> {
    const fresh = new Set(changed);
    const stored = this.storedRows(journal);
    const entries: RowEntry[] = [];
    for (const uid of state.pods.keys()) {
      const kept = fresh.has(uid) ? undefined : placeAndRow(stored.get(uid) ?? '');
      const entry = kept === undefined ? freshEntry(state, placed, uid) : { uid, place: placed.get(uid) ?? kept.place, row: kept.row };
      if (entry === undefined) throw new Error(`snapshot upkeep: pod ${uid} has no place in the snapshot's parts`);
      entries.push(entry);
    }
    const sorted = inRowOrder(entries);
    this.rows = [];
    for (let i = 0; i < entries.length; i += this.partPods) {
      this.rows.push(await journal.putSnapshotPart(encodeBaseRowPart(sorted.entries.slice(i, i + this.partPods), sorted.ranks.slice(i, i + this.partPods))));
    }
    this.baseRows = this.rows.length;
    this.rowEntries = entries.length;
  }

  /** Each pod's place and row (`place\trow`) as the row parts written so far hold them, by uid. */
  private storedRows(journal: Journal): Map<string, string> {
    const stored = new Map<string, string>();
    const read = journal.snapshotPartReader();
    for (const [i, name] of this.rows.entries()) {
      const part = read(name);
      if ('rejected' in part) throw new Error(`snapshot upkeep: ${part.rejected}`);
      if (applyRowPartOver(stored, part.bytes, { rows: true, base: i < this.baseRows }) === undefined) throw new Error(`snapshot upkeep: part ${name} does not hold rows`);
    }
    return stored;
  }
}

/** The row entry of a pod whose row is computed, where `placed` puts it; undefined when either is missing. */
const freshEntry = (state: ClusterState, placed: ReadonlyMap<string, string>, uid: string): RowEntry | undefined => {
  const pod = state.pods.get(uid);
  const place = placed.get(uid);
  return pod === undefined || place === undefined ? undefined : { uid, place, row: rowOf(pod) };
};

/** Adds the parts a snapshot's text names (the index's own parts, from a text the journal checked) to `used`. */
export const addPartsNamed = (used: Set<string>, blob: string, version: string): void => {
  const index = decodeIndex(blob, version);
  if (index === undefined) return;
  used.add(index.nodes);
  for (const p of index.parts) used.add(p);
  for (const p of index.rows) used.add(p);
};
