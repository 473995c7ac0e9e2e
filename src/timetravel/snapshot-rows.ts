/**
 * The `get pods` rows of a snapshot (as lines, `row-line.ts`: the cells before the clock is read), kept beside
 * its pod parts: row part i holds, in the same order, the uid and row of each pod of pod part i, the same
 * removals, and where each pod's line is in pod part i (byte offset, length, SHA-256 cut to 128 bits). Reading
 * the row parts gives the table at the snapshot without reading a pod, and a question after the snapshot reads,
 * checks and decodes only the lines of the pods its events touch (and each such part's first line, its specs).
 *
 * A row part is lines of tab-separated fields: first where the pod part's first line is (offset, length,
 * digest) and the uids removed; then one line per pod: uid, offset, length, digest, and its row line. Reading
 * one finds each line's uid and keeps the rest as text; nothing is parsed for a pod a later part replaced.
 */
import { hash } from 'node:crypto';
import { podTableRow } from '../printers/pod-table-row.js';
import { cellText, isRowLine, rowLine, storedCell, type RowLine } from '../printers/row-line.js';
import { podOf, type PodState } from '../reducers/index.js';

/** A line of a pod part: byte offset, byte length, digest of its bytes (`digestOf`). */
export type LineRange = readonly [offset: number, length: number, sha256: string];

/** A pod's row at a snapshot, and where its state is stored. */
export interface PlacedRow {
  readonly row: RowLine;
  /** Index of the pod part (and row part) holding it. */
  readonly part: number;
  /**
   * Where, in that row part's text, the place of its line in the pod part starts (`offset\tlength\tdigest`):
   * read by `rangeOf` for the few pods read, and not cut out for the 87,000 others of a cluster at tier L.
   */
  readonly place: number;
}

/** A snapshot's rows by uid, the first line of each of its pod parts, and the texts of its row parts (by part). */
export interface SnapshotRows {
  readonly placed: Map<string, PlacedRow>;
  readonly heads: LineRange[];
  readonly texts: string[];
}

/**
 * SHA-256 of a pod's line cut to 128 bits (32 hex digits): still beyond forging, and 32 bytes less in every row.
 * One-shot `hash`, not a `Hash` object per line: the upkeep digests every pod line it writes (millions at tier L).
 */
export const digestOf = (text: string): string => hash('sha256', text, 'hex').slice(0, 32);

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
const rows = new WeakMap<PodState, RowLine>();
/** The pod's row, without keeping its v1 Pod built on the state. */
export const rowOf = (p: PodState): RowLine => {
  const known = rows.get(p);
  if (known !== undefined) return known;
  const row = rowLine(podTableRow(podOf(p)));
  rows.set(p, row);
  return row;
};

const rangeText = ([offset, length, digest]: LineRange): string => `${offset}\t${length}\t${digest}`;

/** A stored range back (its three fields); undefined when it is not one. */
const rangeFrom = (offset: string | undefined, length: string | undefined, digest = ''): LineRange | undefined => {
  const range = [Number(offset), Number(length), digest] as const;
  return Number.isSafeInteger(range[0]) && Number.isSafeInteger(range[1]) && /^[0-9a-f]{32}$/.test(digest) ? range : undefined;
};

/** Where a placed pod's line is; undefined when its row part does not say (a part this code did not write). */
export const rangeOf = (rows: SnapshotRows, placed: PlacedRow): LineRange | undefined => {
  const text = rows.texts[placed.part] ?? '';
  const [offset, length, digest] = text.slice(placed.place, tabAfter(text, placed.place, 3)).split('\t');
  return rangeFrom(offset, length, digest);
};

/** The row part of a pod part of these pods (with `uids`), whose lines are at `lines` (the first line, then a pod each). */
export const encodeRowPart = (uids: readonly string[], pods: readonly PodState[], removed: readonly string[], lines: readonly LineRange[]): string => {
  const [head = [0, 0, ''] as const, ...podLines] = lines;
  const entries = pods.map((p, i) => `${storedCell(uids[i] ?? '')}\t${rangeText(podLines[i] ?? [0, 0, ''])}\t${rowOf(p)}`);
  return [[rangeText(head), ...removed.map(storedCell)].join('\t'), ...entries].join('\n');
};

/** The index of the `n`-th tab after index `from`; -1 when there are fewer. */
const tabAfter = (text: string, from: number, n: number): number => {
  let at = from;
  for (let i = 0; i < n && at >= 0; i++) at = text.indexOf('\t', at + 1);
  return at;
};

/** The index of the newline that ends the line starting at `from`; the text's length for the last line. */
const lineEnd = (text: string, from: number): number => {
  const at = text.indexOf('\n', from);
  return at < 0 ? text.length : at;
};

/**
 * Applies a row part (the `part`-th) under the rows of the parts after it, which are applied first: a pod
 * placed already keeps its later row, and a pod in `gone` (removed in a later part) is skipped unread, so only
 * the rows that are live at the snapshot are kept. False when it is not a row part this code wrote.
 */
export const applyRowPartUnder = (into: SnapshotRows, gone: Set<string>, text: string, part: number): boolean => {
  // Lines are found in place: splitting the text would make a string of every entry, live or not.
  const firstEnd = lineEnd(text, 0);
  const [offset, length, digest, ...removed] = text.slice(0, firstEnd).split('\t');
  const head = rangeFrom(offset, length, digest);
  if (head === undefined) return false;
  into.heads[part] = head;
  into.texts[part] = text;
  const { placed } = into;
  for (let start = firstEnd + 1; start < text.length; ) {
    const end = lineEnd(text, start);
    const uidEnd = text.indexOf('\t', start);
    if (uidEnd < 0 || uidEnd > end) return false;
    const uid = cellText(text.slice(start, uidEnd));
    start = end + 1;
    if (placed.has(uid) || gone.has(uid)) continue;
    const placeEnd = tabAfter(text, uidEnd, 3);
    const row = text.slice(placeEnd + 1, end);
    if (placeEnd < 0 || placeEnd > end || !isRowLine(row)) return false;
    placed.set(uid, { row, part, place: uidEnd + 1 });
  }
  // A part's removals apply to the parts before it (its own pods are not among them).
  for (const uid of removed.map(cellText)) if (!placed.has(uid)) gone.add(uid);
  return true;
};
