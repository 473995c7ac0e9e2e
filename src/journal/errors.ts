/** The journal's error taxonomy: one class, a kind per cause, and a one-line message naming what and where. */

export type JournalErrorKind =
  | 'in-use' // another process holds the journal's lock
  | 'format-version' // the journal was written in a format this podj does not read
  | 'conflict' // an append expected another head sequence
  | 'invalid-event' // an appended event does not decode
  | 'invalid-argument' // an append's option is malformed (its record time)
  | 'invalid-import' // a line of a podjournal export is malformed or breaks the chain
  | 'corrupt' // stored data does not parse or contradicts itself
  | 'read-only' // the journal, or the folder it would be made in, cannot be written
  | 'not-a-journal'; // the folder holds something else

export class JournalError extends Error {
  override readonly name: string = 'JournalError';
  constructor(
    readonly kind: JournalErrorKind,
    message: string,
    /** The store key whose value was found damaged, if one was: a reader names the table files that may hold it. */
    readonly key?: string,
  ) {
    super(message);
  }
}

/** An append named the sequence it expected to follow, and the journal's head is elsewhere. */
export class ExpectedSequenceConflict extends JournalError {
  override readonly name = 'ExpectedSequenceConflict';
  constructor(
    readonly expectedSeq: number,
    readonly actualSeq: number,
  ) {
    super('conflict', `append expected head sequence ${expectedSeq}, but the journal's head is ${actualSeq}`);
  }
}
