/**
 * Format 9: a pod's observations (`src/events/observations.ts`) have a pod index range of their own, so a
 * history read that leaves them out reads only the pod's other entries, and one that wants them merges the
 * two ranges in valid-time order. Real LevelDB in a temporary folder.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANY, openJournal, type Journal } from '../../src/journal/index.js';
import { META_FORMAT, OBSERVATIONS, PODS, upper } from '../../src/journal/keys.js';
import { observationTypes, type Event } from '../../src/events/index.js';
import { at, containerStarted, podBound, podCreated, probeExecuted, tamper, tempDir } from './fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

// Observations between the pod's other events, one at the same instant as another event (ties by seq).
const history: Event[] = [
  podCreated('a', 0),
  probeExecuted('a', 1),
  podBound('a', 2),
  probeExecuted('a', 2, 'failure'),
  containerStarted('a', 3),
  probeExecuted('a', 4),
  probeExecuted('a', 5),
  containerStarted('a', 6, 'cid-again'),
];

const typesOf = (records: ReadonlyArray<{ readonly event: Event }>) => records.map((r) => `${r.event.type}@${r.event.at}`);
const expected = (events: readonly Event[]) => events.map((e) => `${e.type}@${e.at}`);
const withJournal = async (use: (journal: Journal) => Promise<void>): Promise<void> => {
  const journal = await openJournal(dir);
  try {
    await use(journal);
  } finally {
    await journal.close();
  }
};
const keysUnder = (prefix: string) => async (db: Parameters<Parameters<typeof tamper>[1]>[0]) => db.keys({ gte: prefix, lt: upper(prefix) }).all();

describe("a pod's observations in a range of their own (format 9)", () => {
  it('stores observation entries under o! and the others under p!', async () => {
    await withJournal((journal) => journal.append(history, { expectedSeq: 0 }).then(() => undefined));
    await tamper(dir, async (db) => {
      expect((await keysUnder(OBSERVATIONS)(db)).map((key) => key.slice(-16))).toEqual(['2', '4', '6', '7'].map((seq) => seq.padStart(16, '0')));
      expect((await keysUnder(PODS)(db)).map((key) => key.slice(-16))).toEqual(['1', '3', '5', '8'].map((seq) => seq.padStart(16, '0')));
    });
  });

  it('reads the whole history merged in valid-time order, and without observations only the rest', async () => {
    await withJournal(async (journal) => {
      // appended out of order across two appends: a late observation lands between earlier records
      await journal.append(history.filter((e) => e.at !== at(4)), { expectedSeq: 0 });
      await journal.append([probeExecuted('a', 4)], { expectedSeq: ANY });
      expect(typesOf(await journal.podRecords('default', 'pod-a').toArray())).toEqual(expected(history));
      expect(typesOf(await journal.podRecords('default', 'pod-a', { skipTypes: observationTypes }).toArray())).toEqual(
        expected(history.filter((e) => e.type !== 'ProbeExecuted')),
      );
      // skipping one observation type only: the others are read, merged
      const skipBound = new Set(['PodBound']);
      expect(typesOf(await journal.podRecords('default', 'pod-a', { skipTypes: skipBound }).toArray())).toEqual(expected(history.filter((e) => e.type !== 'PodBound')));
      // after and untilAt bound both ranges
      const after = { at: at(2), seq: 3 };
      expect(typesOf(await journal.podRecords('default', 'pod-a', { after, untilAt: at(4) }).toArray())).toEqual(expected([history[3], history[4], history[5]] as Event[]));
      expect(await journal.verify()).toMatchObject({ ok: true, count: history.length });
    });
  });

  it('leaves the observations unread when they are skipped: a broken one there is not met', async () => {
    await withJournal((journal) => journal.append(history, { expectedSeq: 0 }).then(() => undefined));
    await tamper(dir, async (db) => {
      const [key] = await keysUnder(OBSERVATIONS)(db);
      await db.put(key ?? '', 'not an entry');
    });
    await withJournal(async (journal) => {
      expect((await journal.podRecords('default', 'pod-a', { skipTypes: observationTypes }).toArray()).length).toBe(4);
      await expect(journal.podRecords('default', 'pod-a').toArray()).rejects.toThrow('does not start with its record time');
    });
  });

  it('finds an observation already stored by its own range: appendNew skips it', async () => {
    await withJournal(async (journal) => {
      await journal.append(history, { expectedSeq: 0 });
      const again = await journal.appendNew([probeExecuted('a', 4), probeExecuted('a', 4, 'failure'), containerStarted('a', 3)], { expectedSeq: ANY });
      expect(typesOf(again)).toEqual(expected([probeExecuted('a', 4, 'failure')]));
      expect(await journal.verify()).toMatchObject({ ok: true, count: history.length + 1 });
    });
  });

  it('names an observation entry found in the range of the other events', async () => {
    await withJournal((journal) => journal.append(history, { expectedSeq: 0 }).then(() => undefined));
    await tamper(dir, async (db) => {
      const [key] = await keysUnder(OBSERVATIONS)(db);
      const value = (await db.get(key ?? '')) ?? '';
      await db.batch().del(key ?? '').put(`${PODS}${(key ?? '').slice(OBSERVATIONS.length)}`, value).write();
    });
    await withJournal(async (journal) => expect(await journal.verify()).toMatchObject({ ok: false, seq: 2, reason: expect.stringContaining('pod index entry o!default/pod-a!') }));
  });

  it('upgrades a format-8 journal in place: its observation entries move to their range; verify passes', async () => {
    await withJournal((journal) => journal.append(history, { expectedSeq: 0 }).then(() => undefined));
    // Format 8 kept every entry of a pod under p!.
    await tamper(dir, async (db) => {
      for (const key of await keysUnder(OBSERVATIONS)(db)) {
        const value = (await db.get(key)) ?? '';
        await db.batch().del(key).put(`${PODS}${key.slice(OBSERVATIONS.length)}`, value).write();
      }
      await db.put(META_FORMAT, '8');
    });
    await withJournal(async (journal) => {
      expect(typesOf(await journal.podRecords('default', 'pod-a').toArray())).toEqual(expected(history));
      expect(await journal.verify()).toMatchObject({ ok: true, count: history.length });
    });
    await tamper(dir, async (db) => {
      expect(await db.get(META_FORMAT)).toBe('10');
      expect(await keysUnder(OBSERVATIONS)(db)).toHaveLength(4);
      expect(await keysUnder(PODS)(db)).toHaveLength(4);
    });
  });
});
