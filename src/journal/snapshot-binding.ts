/**
 * What binds a snapshot to the chain: its file opens with a header line naming the position it holds the
 * state at, the head it was folded from (seq and that record's hash), and the SHA-256 of the blob after the
 * header. A snapshot is a cache: any header that does not match the journal makes it ignored, never trusted.
 */
import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { Instant } from '../k8s/codecs.js';
import { decodeJson } from './decode-json.js';
import type { Position } from './keys.js';
import { Seq, Sha256, sha256 } from './record.js';

export const SnapshotHeader = t.type(
  {
    /** The record position (valid time, seq) whose state the blob holds. */
    position: t.type({ at: Instant, seq: Seq }),
    /** The head the state was folded from: records after it were not seen. */
    folded: t.type({ seq: Seq, hash: Sha256 }),
    /** SHA-256 of the blob (the text after the header line). */
    sha256: Sha256,
  },
  'SnapshotHeader',
);
export type SnapshotHeader = t.TypeOf<typeof SnapshotHeader>;

/** The file's text: the header line, then the blob. */
export const bindSnapshot = (position: Position, folded: SnapshotHeader['folded'], blob: string): string =>
  `${JSON.stringify({ position: { at: position.at, seq: position.seq }, folded, sha256: sha256(blob) })}\n${blob}`;

export interface BoundSnapshot {
  readonly header: SnapshotHeader;
  readonly blob: string;
}

/** The header and blob of a snapshot file, once the blob's hash matches the header's: else why not. */
export const unbindSnapshot = (text: string): E.Either<string, BoundSnapshot> => {
  const end = text.indexOf('\n');
  if (end < 0) return E.left('no header line');
  const blob = text.slice(end + 1);
  return pipe(
    decodeJson(SnapshotHeader, text.slice(0, end)),
    E.chain((header) => (sha256(blob) === header.sha256 ? E.right({ header, blob }) : E.left('its content does not match its SHA-256'))),
  );
};

/** Why a header does not belong at the key's position after the journal's head `headSeq`, if it does not. */
export const misplaced = (header: SnapshotHeader, key: Position, headSeq: number): string | undefined => {
  if (header.position.at !== key.at || header.position.seq !== key.seq) {
    return `it holds the state at ${header.position.at} #${header.position.seq}, not at ${key.at} #${key.seq}`;
  }
  if (header.folded.seq > headSeq) return `it was folded at record ${header.folded.seq}, beyond the head (${headSeq})`;
  if (header.folded.seq < key.seq) return `it was folded at record ${header.folded.seq}, before its own position`;
  return undefined;
};
