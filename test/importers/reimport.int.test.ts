import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withoutSuperseded, type Event } from '../../src/events/index.js';
import { ANY, openJournal, type Journal } from '../../src/journal/index.js';
import { imported, ours, real } from './fixtures.js';

const crashLoop = [real('crash-loop-pods.json'), real('crash-loop-events.json')];
const rollingUpdate = [real('rolling-update-pods.watch.jsonl'), real('rolling-update-events.json')];
const audits = [real('audit-pod-create.falco.jsonl'), ours('pod-life.audit.jsonl')];
const everything = [...crashLoop, ...rollingUpdate, ...audits];

const knownEvents = async (journal: Journal): Promise<Event[]> => (await journal.records().toArray()).map((r) => r.event);

describe('importing the same files twice (real LevelDB)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'podj-import-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('converts to the identical sequence each time', async () => {
    const first = await imported(everything);
    const second = await imported(everything);
    expect(second.events).toEqual(first.events);
    expect(first.events.length).toBeGreaterThan(100);
  });

  it('adds nothing the second time: the head hash stays', async () => {
    const journal = await openJournal(join(dir, 'twice'), { sync: false });
    try {
      const first = await imported(everything);
      const appended = await journal.appendNew(first.events, { expectedSeq: ANY });
      expect(appended).toHaveLength(first.events.length);
      const head = journal.head();
      expect(head.ordered).toBe(true);

      const again = await imported(everything);
      expect(await journal.appendNew(again.events, { expectedSeq: ANY })).toEqual([]);
      expect(journal.head()).toEqual(head);
    } finally {
      await journal.close();
    }
  });

  it('re-importing any file or group again, told what the journal holds, adds nothing', async () => {
    const journal = await openJournal(join(dir, 'parts'), { sync: false });
    try {
      await journal.appendNew((await imported(everything)).events, { expectedSeq: ANY });
      const head = journal.head();
      const known = await knownEvents(journal);
      for (const files of [...everything.map((f) => [f]), crashLoop, rollingUpdate, audits, [...audits].reverse()]) {
        const again = await imported(files, { known });
        expect(again.events, files.join(' + ')).toEqual([]);
        expect(await journal.appendNew(again.events, { expectedSeq: ANY })).toEqual([]);
      }
      expect(journal.head()).toEqual(head);
    } finally {
      await journal.close();
    }
  });

  it('alone, a part of a group may describe its facts differently: the crash-loop PodList without its Events', async () => {
    // Without `known`, the PodList alone infers the unseen runs' exits at the next start, not at the Events'
    // back-offs: those are new digests to the journal. This is what `known` is for.
    const grouped = await imported(crashLoop);
    const alone = await imported([real('crash-loop-pods.json')]);
    const digests = new Set(grouped.events.map((e) => JSON.stringify(e)));
    expect(alone.events.some((e) => !digests.has(JSON.stringify(e)))).toBe(true);
    expect((await imported([real('crash-loop-pods.json')], { known: grouped.events })).events).toEqual([]);
  });

  it('a later import adds only its new facts, merged with what is known', async () => {
    const journal = await openJournal(join(dir, 'later'), { sync: false });
    try {
      await journal.appendNew((await imported([real('crash-loop-pods.json')])).events, { expectedSeq: ANY });
      const known = await knownEvents(journal);
      const later = await imported([real('crash-loop-events.json')], { known });
      // The Events add pulls and the runs they record (Created x7, Started x7), where the PodList's import had placed
      // them on the back-off curve: its placed runs and the waits it opened are superseded (a RecordsSuperseded, and one
      // naming the records read with their Event: the binding, the last run's start),
      // so the journal reads as the joint import of both files does: 11 back-offs, as the Event's count, 7 runs.
      const read = withoutSuperseded([...known, ...later.events]);
      const joint = (await imported(crashLoop)).events;
      const count = (events: readonly Event[], type: Event['type']): number => events.filter((e) => e.type === type).length;
      expect(later.events.filter((e) => e.type === 'RecordsSuperseded')).toHaveLength(2);
      expect(count(read, 'ContainerBackOff')).toBe(11);
      for (const type of ['ContainerBackOff', 'ContainerCreated', 'ContainerStarted', 'ContainerExited', 'ImagePulled', 'PodBound'] as const) {
        expect(count(read, type), type).toBe(count(joint, type));
      }
      const starts = (events: readonly Event[]): string[] => events.flatMap((e) => (e.type === 'ContainerStarted' ? [e.at] : [])).sort();
      expect(starts(read)).toEqual(starts(joint));
    } finally {
      await journal.close();
    }
  });
});
