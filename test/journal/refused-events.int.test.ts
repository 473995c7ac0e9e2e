/**
 * Every way into the journal refuses a bad event with the same one line, naming the event's place and the bad
 * field's path, and writes nothing of its append: the one walk that checks and encodes an event
 * (`compiled-encoder.ts :: checkedCanonicalEvent`) leaves every event it does not store as given to
 * `checkEvent`, whose answer is `decodeEvent`'s. One case per family of the vocabulary: a pod's API write
 * (with its manifest), the scheduler's, the runtime's, an observation, a node's, a number out of range.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJournal, type Journal } from '../../src/journal/index.js';
import { at, containerStarted, nodeReady, podBound, podCreated, probeExecuted, tempDir } from './fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

const created = podCreated('a', 0) as Extract<ReturnType<typeof podCreated>, { type: 'PodCreated' }>;
const [container] = created.manifest.spec.containers;

const cases: ReadonlyArray<readonly [string, unknown, string]> = [
  ['a pod API write, in its manifest', { ...created, manifest: { ...created.manifest, spec: { containers: [{ ...container, image: 7 }] } } }, 'PodCreated: manifest.spec.containers[0].image: 7 is not a string'],
  ["the scheduler's binding", { ...podBound('a', 1), node: 42 }, 'PodBound: node: 42 is not a string'],
  ["the runtime's start, at an impossible instant", { ...containerStarted('a', 2), at: '2026-13-01T00:00:00.000Z' }, 'ContainerStarted: at: "2026-13-01T00:00:00.000Z" is not an Instant'],
  ['an observation, outside its enum', { ...probeExecuted('a', 3), outcome: 'maybe' }, 'ProbeExecuted: outcome: "maybe" is not a ProbeOutcome'],
  ["a node's condition, its node missing", { ...nodeReady(4), node: undefined }, 'NodeConditionChanged: node: is required'],
  ['an exit code beyond int32', { type: 'ContainerExited', v: 1, at: at(5), source: 'runtime', pod: created.pod, container: 'c', containerID: 'cid', exitCode: 2 ** 31, reason: 'Error' }, 'ContainerExited: exitCode: 2147483648 cannot unmarshal number 2147483648 into Go value of type int32'],
];

const appends: ReadonlyArray<readonly [string, (j: Journal, events: unknown[]) => Promise<unknown>]> = [
  ['a durable append', (j, events) => j.append(events, { expectedSeq: 1 })],
  ['an append that skips what it holds', (j, events) => j.appendNew(events, { expectedSeq: 1 })],
  ['a bulk append', (j, events) => j.appendBulk(events, { chunkSize: 2 })],
];

describe('a bad event of each family', () => {
  for (const [family, bad, line] of cases) {
    it(`is refused with its one line by every append: ${family}`, async () => {
      const journal = await openJournal(dir, { clock: () => at(1000), sync: true });
      await journal.append([podCreated('a', 0)], { expectedSeq: 0 });
      const head = journal.head();
      for (const [, append] of appends) {
        await expect(append(journal, [bad])).rejects.toThrow(`events[0]: ${line}`);
        await expect(append(journal, [podBound('a', 1), containerStarted('a', 2), bad])).rejects.toThrow(`events[2]: ${line}`);
        expect(journal.head()).toEqual(head);
      }
      expect(await journal.verify()).toMatchObject({ ok: true, count: 1 });
      await journal.close();
    });
  }
});

describe('a record time not in the Instant form', () => {
  // A JavaScript caller can pass any string; a record written with it would not read back.
  for (const bad of ['2026-03-14T11:00:00Z', '2026-03-14T12:00:00.000+01:00', 'yesterday']) {
    it(`is refused before anything is written: ${bad}`, async () => {
      const journal = await openJournal(dir, { clock: () => at(1000), sync: true });
      await journal.append([podCreated('a', 0)], { expectedSeq: 0 });
      const head = journal.head();
      const recordedAt = bad as Parameters<Journal['append']>[1]['recordedAt'];
      const line = `recordedAt: "${bad}" is not an instant in the form 2026-01-02T03:04:05.678Z (UTC, milliseconds)`;
      await expect(journal.append([podBound('a', 1)], { expectedSeq: 1, recordedAt })).rejects.toThrow(line);
      await expect(journal.appendBulk([podBound('a', 1)], { recordedAt })).rejects.toThrow(line);
      await expect(journal.importSources([{ kind: 'events', events: [podBound('a', 1)] }], { recordedAt })).rejects.toThrow(line);
      expect(journal.head()).toEqual(head);
      expect(await journal.verify()).toMatchObject({ ok: true, count: 1 });
      await journal.close();
    });
  }

  it('is refused when the journal clock gives one', async () => {
    const journal = await openJournal(dir, { clock: () => '2026-03-14T11:00:00Z' as ReturnType<typeof at>, sync: true });
    await expect(journal.append([podCreated('a', 0)], { expectedSeq: 0 })).rejects.toThrow('recordedAt: "2026-03-14T11:00:00Z" is not an instant');
    expect(journal.head().seq).toBe(0);
    await journal.close();
  });
});
