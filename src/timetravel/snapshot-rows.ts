/**
 * The `get pods` rows of a snapshot (`PodTableRow`: the cells before the clock is read), kept beside its pod
 * parts: row part i holds, in the same order, the uid and row of each pod of pod part i, the same removals,
 * and where each pod's line is in pod part i (byte offset, length, SHA-256 cut to 128 bits). Reading the row parts gives the
 * table at the snapshot without reading a pod, and a question after the snapshot reads, checks and decodes
 * only the lines of the pods its events touch (and each such part's first line, its specs).
 */
import { createHash } from 'node:crypto';
import { podTableRow, type PodTableRow } from '../printers/pod-table-row.js';
import { podOf, type PodState } from '../reducers/index.js';

/** A line of a pod part: byte offset, byte length, digest of its bytes (`digestOf`). */
export type LineRange = readonly [offset: number, length: number, sha256: string];

/** A row as stored: its cells in a fixed order, without keys (a third of a row's JSON); null for a cell that is unset. */
type StoredRow = readonly [
  namespace: string,
  labels: Readonly<Record<string, string>>,
  name: string,
  ready: string,
  status: string,
  restarts: number,
  lastRestartDate: string | null,
  creationTimestamp: string | null,
  ip: string,
  node: string,
  nominatedNode: string,
  readinessGates: string,
  inferred: boolean,
];

const storedRow = (r: PodTableRow): StoredRow => {
  const { facts, wide } = r;
  return [r.namespace, r.labels, facts.name, facts.ready, facts.status, facts.restarts, facts.lastRestartDate ?? null, facts.creationTimestamp ?? null, wide.ip, wide.node, wide.nominatedNode, wide.readinessGates, r.inferred];
};

const rowFrom = ([namespace, labels, name, ready, status, restarts, lastRestartDate, creationTimestamp, ip, node, nominatedNode, readinessGates, inferred]: StoredRow): PodTableRow => ({
  namespace,
  labels,
  facts: {
    name,
    ready,
    status,
    restarts,
    ...(lastRestartDate === null ? {} : { lastRestartDate }),
    ...(creationTimestamp === null ? {} : { creationTimestamp }),
  },
  wide: { ip, node, nominatedNode, readinessGates },
  inferred,
});

type RowEntry = readonly [uid: string, line: LineRange, row: StoredRow];

interface RowPartBody {
  /** The pod part's first line: its specs and removals. */
  readonly head: LineRange;
  readonly rows: readonly RowEntry[];
  readonly removed: readonly string[];
}

/** A pod's row at a snapshot, and where its state is stored. */
export interface PlacedRow {
  readonly row: PodTableRow;
  /** Index of the pod part (and row part) holding it. */
  readonly part: number;
  readonly line: LineRange;
}

/** A snapshot's rows by uid, and the first line of each of its pod parts. */
export interface SnapshotRows {
  readonly placed: Map<string, PlacedRow>;
  readonly heads: LineRange[];
}

/** SHA-256 of a pod's line cut to 128 bits (32 hex digits): still beyond forging, and 32 bytes less in every row. */
export const digestOf = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** Where each of a part's lines (joined by newlines) is. */
export const lineRanges = (lines: readonly string[]): LineRange[] => {
  let offset = 0;
  return lines.map((line): LineRange => {
    const length = Buffer.byteLength(line);
    const range = [offset, length, digestOf(line)] as const;
    offset += length + 1;
    return range;
  });
};

// A state object never changes, so its row is computed once however many snapshots write it.
const rows = new WeakMap<PodState, PodTableRow>();
/** The pod's row, without keeping its v1 Pod built on the state. */
export const rowOf = (p: PodState): PodTableRow => {
  const known = rows.get(p);
  if (known !== undefined) return known;
  const row = podTableRow(podOf(p));
  rows.set(p, row);
  return row;
};

/** The row part of a pod part of these pods (with `uids`), whose lines are at `lines` (the first line, then a pod each). */
export const encodeRowPart = (uids: readonly string[], pods: readonly PodState[], removed: readonly string[], lines: readonly LineRange[]): string => {
  const [head = [0, 0, ''] as const, ...podLines] = lines;
  const body: RowPartBody = { head, rows: pods.map((p, i): RowEntry => [uids[i] ?? '', podLines[i] ?? [0, 0, ''], storedRow(rowOf(p))]), removed };
  return JSON.stringify(body);
};

const isRange = (u: unknown): u is LineRange => Array.isArray(u) && u.length === 3 && typeof u[0] === 'number' && typeof u[1] === 'number' && typeof u[2] === 'string';

const isRowPart = (u: unknown): u is RowPartBody => {
  if (typeof u !== 'object' || u === null) return false;
  const { head, rows, removed } = u as Record<string, unknown>;
  return isRange(head) && Array.isArray(rows) && rows.every((r) => Array.isArray(r) && typeof r[0] === 'string' && isRange(r[1]) && Array.isArray(r[2]) && r[2].length === 13) && Array.isArray(removed);
};

/**
 * Applies a row part (the `part`-th) under the rows of the parts after it, which are applied first: a pod
 * placed already keeps its later row, and a pod in `gone` (removed in a later part) is skipped, so only the
 * rows that are live at the snapshot are built. False when it is not a row part this code wrote.
 */
export const applyRowPartUnder = (into: SnapshotRows, gone: Set<string>, text: string, part: number): boolean => {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return false;
  }
  if (!isRowPart(body)) return false;
  into.heads[part] = body.head;
  const { placed } = into;
  for (const [uid, line, row] of body.rows) if (!placed.has(uid) && !gone.has(uid)) placed.set(uid, { row: rowFrom(row), part, line });
  // A part's removals apply to the parts before it (its own pods are not among them).
  for (const uid of body.removed) if (!placed.has(uid)) gone.add(uid);
  return true;
};
