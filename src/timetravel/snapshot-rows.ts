/**
 * The `get pods` rows of a snapshot (as lines, `row-line.ts`: the cells before the clock is read), kept beside
 * its pod parts: a row part holds the uid and row of some pods, where each pod's line is (which pod part, byte
 * offset, length, SHA-256 cut to 128 bits), and the uids removed since the row parts before. Row parts apply in
 * order as pod parts do, but are written afresh on their own (when they hold more than 1.5 times the live rows)
 * while the pod parts stay. Reading the row parts gives the table at the snapshot without reading a pod, and a
 * question after the snapshot reads, checks and decodes only the lines of the pods its events touch (and each
 * such part's first line, its specs, whose place the snapshot's index holds).
 *
 * A row part is lines of tab-separated fields: first the uids removed; then one line per pod: uid, pod part,
 * offset, length, digest, and its row line. Reading one finds each line's uid and keeps the rest as text;
 * nothing is parsed for a pod a later part replaced.
 */
import { hash } from 'node:crypto';
import { podTableRow } from '../printers/pod-table-row.js';
import { cellText, isRowLine, rowLine, storedCell, type RowLine } from '../printers/row-line.js';
import { podOf, type PodState } from '../reducers/index.js';

/** A line of a pod part: byte offset, byte length, digest of its bytes (`digestOf`). */
export type LineRange = readonly [offset: number, length: number, sha256: string];

/** Where a pod's line is: the index of its pod part, and the line's range in it. */
export interface Place {
  readonly part: number;
  readonly range: LineRange;
}

/** A pod's row at a snapshot, and where its state is stored. */
export interface PlacedRow {
  readonly row: RowLine;
  /** Index of the row part holding it. */
  readonly part: number;
  /**
   * Where, in that row part's text, its place (`placeText`) starts: read by `placeOf` for the few pods read, and
   * not cut out for the 87,000 others of a cluster at tier L.
   */
  readonly place: number;
}

/** A snapshot's rows by uid, and the texts of its row parts (by part). */
export interface SnapshotRows {
  readonly placed: Map<string, PlacedRow>;
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

/** Fields of a place as a row part stores them (`part\toffset\tlength\tdigest`). */
const PLACE_FIELDS = 4;

/** A place as a row part stores it: kept as this text by the writer, for the rows it writes again. */
export const placeText = (part: number, [offset, length, digest]: LineRange): string => `${part}\t${offset}\t${length}\t${digest}`;

/** A stored place back from its text; undefined when it is not one. */
export const placeFrom = (text: string): Place | undefined => {
  const [part, offset, length, digest = ''] = text.split('\t');
  const place = { part: Number(part), range: [Number(offset), Number(length), digest] as const };
  const numbers = [place.part, place.range[0], place.range[1]];
  return numbers.every((n) => Number.isSafeInteger(n) && n >= 0) && /^[0-9a-f]{32}$/.test(digest) ? place : undefined;
};

/** Where a placed pod's line is; undefined when its row part does not say (a part this code did not write). */
export const placeOf = (rows: SnapshotRows, placed: PlacedRow): Place | undefined => {
  const text = rows.texts[placed.part] ?? '';
  return placeFrom(text.slice(placed.place, tabAfter(text, placed.place, PLACE_FIELDS)));
};

/** A pod in a row part: its uid, where its line is (`placeText`), its state (for its row). */
export interface RowEntry {
  readonly uid: string;
  readonly place: string;
  readonly pod: PodState;
}

/** A row part: the uids removed since the parts before, then a line per pod. */
export const encodeRowPart = (entries: readonly RowEntry[], removed: readonly string[]): string =>
  [removed.map(storedCell).join('\t'), ...entries.map((e) => `${storedCell(e.uid)}\t${e.place}\t${rowOf(e.pod)}`)].join('\n');

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

/** A row part's entries, each as its uid, the index where its place starts and the index ending its line; false on a malformed one. */
const eachEntry = (text: string, use: (uid: string, place: number, end: number) => void): boolean => {
  for (let start = lineEnd(text, 0) + 1; start < text.length; ) {
    const end = lineEnd(text, start);
    const uidEnd = text.indexOf('\t', start);
    if (uidEnd < 0 || uidEnd > end) return false;
    use(cellText(text.slice(start, uidEnd)), uidEnd + 1, end);
    start = end + 1;
  }
  return true;
};

/** The uids a row part's first line removes. */
const removedBy = (text: string): string[] => {
  const first = text.slice(0, lineEnd(text, 0));
  return first === '' ? [] : first.split('\t').map(cellText);
};

/**
 * Applies a row part (the `part`-th) under the rows of the parts after it, which are applied first: a pod
 * placed already keeps its later row, and a pod in `gone` (removed in a later part) is skipped unread, so only
 * the rows that are live at the snapshot are kept. False when it is not a row part this code wrote.
 */
export const applyRowPartUnder = (into: SnapshotRows, gone: Set<string>, text: string, part: number): boolean => {
  // Lines are found in place: splitting the text would make a string of every entry, live or not.
  into.texts[part] = text;
  const { placed } = into;
  let wellFormed = true;
  const read = eachEntry(text, (uid, place, end) => {
    if (!wellFormed || placed.has(uid) || gone.has(uid)) return;
    const placeEnd = tabAfter(text, place - 1, PLACE_FIELDS);
    const row = text.slice(placeEnd + 1, end);
    if (placeEnd < 0 || placeEnd > end || !isRowLine(row)) wellFormed = false;
    else placed.set(uid, { row, part, place });
  });
  if (!read || !wellFormed) return false;
  // A part's removals apply to the parts before it (its own pods are not among them).
  for (const uid of removedBy(text)) if (!placed.has(uid)) gone.add(uid);
  return true;
};

/**
 * Applies a row part over the places of the parts before it, oldest first: each pod's place, in the order the
 * pods were first placed (the fold's order), a later entry replacing an earlier one where it stood. Returns
 * how many entries and removals the part holds; undefined when it is not a row part this code wrote.
 */
export const applyRowPartOver = (places: Map<string, string>, text: string): number | undefined => {
  const removed = removedBy(text);
  for (const uid of removed) places.delete(uid);
  let entries = removed.length;
  let wellFormed = true;
  const read = eachEntry(text, (uid, place, end) => {
    const placeEnd = tabAfter(text, place - 1, PLACE_FIELDS);
    if (placeEnd < 0 || placeEnd > end) wellFormed = false;
    else places.set(uid, text.slice(place, placeEnd));
    entries++;
  });
  return read && wellFormed ? entries : undefined;
};
