/**
 * `podj export --redact`: the journal's export with every event redacted (redact.ts) and the hash chain sealed
 * again over the redacted events, so the redacted copy imports and verifies as a journal of its own. Two
 * passes over the records (the header names the final head hash), so memory stays bounded.
 */
import { canonical, GENESIS_HASH, seal, EXPORT_FORMAT, type Journal, type Sha256 } from '../journal/index.js';
import { redactAll } from './redact.js';

const resealed = async function* (journal: Journal): AsyncGenerator<{ readonly hash: Sha256; readonly value: string }> {
  let prevHash: Sha256 = GENESIS_HASH;
  for await (const page of journal.records().batches()) {
    for (const r of page) {
      const sealed = seal(prevHash, r.seq, r.recordedAt, canonical(redactAll(r.event)));
      prevHash = sealed.hash;
      yield sealed;
    }
  }
};

export async function* redactedExportLines(journal: Journal): AsyncGenerator<string> {
  let headHash: Sha256 = GENESIS_HASH;
  for await (const { hash } of resealed(journal)) headHash = hash;
  yield JSON.stringify({ podjournal: { format: EXPORT_FORMAT, records: journal.head().seq, headHash } });
  for await (const { value } of resealed(journal)) yield value;
}
