/**
 * Journal integrity: any single changed, dropped or reordered stored event of an engine-made journal is
 * caught by `verify`. The tampering writes to the LevelDB store directly, as an intruder would.
 */
import fc from 'fast-check';
import { Level } from 'level';
import { describe, expect, it } from 'vitest';
import { canonical } from '../src/journal/canonical.js';
import { openJournal } from '../src/journal/index.js';
import { recordKey } from '../src/journal/keys.js';
import { recordText, seal, storedForm, type Sha256 } from '../src/journal/record.js';
import type { Instant } from '../src/k8s/codecs.js';
import { scenario } from './arbitraries/scenarios.js';
import { withTempJournal } from './support/level.js';
import { journalOf } from './support/simulated.js';
import { holds } from './support/property.js';

type Tamper =
  /** Edit the event in place, leaving the stored hash. */
  | { readonly kind: 'change'; readonly at: number }
  /** Edit the event and reseal the record so its own hash matches (its successor's link, or the head, must catch it). */
  | { readonly kind: 'change-and-reseal'; readonly at: number }
  | { readonly kind: 'drop'; readonly at: number }
  | { readonly kind: 'swap'; readonly at: number; readonly with: number };

const tamper: fc.Arbitrary<Tamper> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }).map((at): Tamper => ({ kind: 'change', at })),
  fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }).map((at): Tamper => ({ kind: 'change-and-reseal', at })),
  fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }).map((at): Tamper => ({ kind: 'drop', at })),
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }))
    .map(([at, other]): Tamper => ({ kind: 'swap', at, with: other })),
);

interface Stored {
  seq: number;
  recordedAt: Instant;
  prevHash: Sha256;
  hash: Sha256;
  event: Record<string, unknown>;
}

/** A plausible edit: move the event one second later. */
const edited = (event: Record<string, unknown>): Record<string, unknown> => ({
  ...event,
  at: new Date(Date.parse(String(event['at'])) + 1000).toISOString(),
});

const apply = async (dir: string, count: number, t: Tamper): Promise<string> => {
  const db = new Level<string, string>(dir, { keyEncoding: 'utf8', valueEncoding: 'utf8' });
  await db.open();
  try {
    const seq = 1 + Math.floor(t.at * count);
    const key = recordKey(seq);
    const value = await db.get(key);
    if (value === undefined) throw new Error(`no record ${seq}`);
    const record = JSON.parse(recordText(value)) as Stored;
    switch (t.kind) {
      case 'change':
        // its CRC-32 made again: only the record's own hash can tell
        await db.put(key, storedForm(JSON.stringify({ ...record, event: edited(record.event) })));
        return `changed record ${seq}`;
      case 'change-and-reseal':
        await db.put(key, seal(record.prevHash, seq, record.recordedAt, canonical(edited(record.event))).stored);
        return `changed and resealed record ${seq}`;
      case 'drop':
        await db.del(key);
        return `dropped record ${seq}`;
      case 'swap': {
        const other = 1 + Math.floor(t.with * count);
        const otherValue = await db.get(recordKey(other));
        if (otherValue === undefined || other === seq) return 'nothing (same record)';
        await db.batch().put(key, otherValue).put(recordKey(other), value).write();
        return `swapped records ${seq} and ${other}`;
      }
    }
  } finally {
    await db.close();
  }
};

describe('journal integrity', () => {
  it('journal-tampering-caught-by-verify', async () => {
    await holds('journal-tampering-caught-by-verify', fc.asyncProperty(scenario({ maxPods: 2 }), tamper, async (s, t) => {
      const events = journalOf(s);
      await withTempJournal(async (journal, dir) => {
        await journal.append(events, { expectedSeq: 0 });
        expect(await journal.verify()).toMatchObject({ ok: true, count: events.length });
        await journal.close();
        const what = await apply(dir, events.length, t);
        if (what.startsWith('nothing')) return;
        // as podj verify opens it: every other open refuses a head the records no longer end in
        const reopened = await openJournal(dir, { sync: false, verifying: true });
        try {
          const result = await reopened.verify();
          if (result.ok) throw new Error(`verify found nothing after: ${what}`);
        } finally {
          await reopened.close();
        }
      });
    }), 40);
  });
});
